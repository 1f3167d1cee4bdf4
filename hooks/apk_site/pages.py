"""Which pages the build generates from the events, and the Markdown of each in one language.

Every generated page is named like a hand-written one (`regions/astana.md`); the MkDocs adapter adds
the `.ru.md`/`.en.md` siblings and asks `markdown()` for the content of the language being built.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from . import feed_files, grids, indexes, l10n, render, structured, tilemap, views
from .model import Event
from .shell import PAGE


class Catalog(Protocol):
    """What a page needs to know about the whole calendar."""

    events: tuple[Event, ...]
    by_id: dict[str, Event]
    related: dict[str, tuple[str, ...]]


SINGULAR = {"regions": "region", "categories": "category", "organizers": "organizer"}


@dataclass(frozen=True)
class Generated:
    uri: str
    kind: str
    key: str = ""


# The pages made from a frame (see `shell`), by kind, and the frame's kind of front matter: none of
# them is in the navigation, and all stand two folders deep.
FRAMES = {"event": "event", "month": "list", **{kind: "list" for kind in indexes.KINDS}}


def prototypes(pages: Iterable[Generated]) -> tuple[Generated, ...]:
    """One prototype per folder of framed pages; never published itself."""
    folders = sorted({(folder_of(p), FRAMES[p.kind]) for p in pages if p.kind in FRAMES})
    return tuple(Generated(f"{folder}/{PAGE}.md", "prototype", frame) for folder, frame in folders)


def frame_of(page: Generated) -> str:
    """'event' or 'list' for a framed page or a prototype, '' for others."""
    return page.key if page.kind == "prototype" else FRAMES.get(page.kind, "")


def folder_of(page: Generated) -> str:
    return page.uri.rsplit("/", 1)[0]


def generated(events: tuple[Event, ...]) -> tuple[Generated, ...]:
    pages = [Generated(f"events/{e.id}.md", "event", e.id) for e in events]
    pages += [Generated(f"calendar/{key}.md", "month", key) for key in grids.month_keys(events)]
    pages.append(Generated("calendar/year.md", "year"))
    for kind in indexes.KINDS:
        pages.append(Generated(f"{kind}/index.md", "index", kind))
        pages += [Generated(f"{kind}/{key}.md", kind, key) for key in sorted(indexes.entries_of(kind))]
    return tuple(sorted(pages, key=lambda p: p.uri))


def base_of(uri: str) -> str:
    """The relative way from the page's URL back to the language root (directory URLs)."""
    depth = uri.count("/") + (0 if uri.endswith("index.md") else 1)
    return "../" * depth


def markdown(page: Generated, catalog: Catalog, lang: str, site_url: str) -> render.Source:
    base, events = base_of(page.uri), catalog.events
    if page.kind == "prototype":
        return render.prototype(page.key)
    if page.kind == "event":
        event = catalog.by_id[page.key]
        related = tuple(catalog.by_id[key] for key in catalog.related[event.id])
        view = views.event_page(event, lang, base, site_url, related)
        return render.event_markdown(view, structured.json_ld(event, lang, site_url))
    if page.kind == "month":
        return _month(page.key, events, lang, base, _subscribe(lang, site_url))
    if page.kind == "year":
        view = grids.year_overview(events, lang, base)
        html = render.render("year.html", view=view) + _subscribe(lang, site_url)
        return render.page_markdown(l10n.t("year_overview", lang), html)
    if page.kind == "index":
        return _index(page.key, events, lang, base)
    view = indexes.group_page(page.kind, page.key, events, lang, base, site_url)
    html = render.render("group_page.html", view=view, labels=render.labels(lang))
    return render.page_markdown(view.name, html, f"{view.name}: {view.intro}", calendar_script=True)


def _subscribe(lang: str, site_url: str) -> str:
    """Every calendar view offers the whole calendar's feed (region and category pages their own)."""
    return render.render("_subscribe.html", sub=views.subscribe(feed_files.CALENDAR_FEED, lang, site_url))


def _month(key: str, events: tuple[Event, ...], lang: str, base: str, subscribe: str) -> render.Source:
    grid = grids.month_grid(events, key, lang, base, grids.month_keys(events))
    words = {**render.labels(lang), "year_href": f"{base}calendar/year/"}
    html = render.render("month_grid.html", grid=grid, labels=words) + subscribe
    return render.page_markdown(grid.heading, html, grid.caption, calendar_script=True)


def _index(kind: str, events: tuple[Event, ...], lang: str, base: str) -> render.Source:
    view = indexes.index(kind, events, lang, base)
    tiles = tilemap.tiles(view) if kind == "regions" else ()
    html = render.render(
        "index_page.html",
        view=view,
        tiles=tiles,
        width=7 * (tilemap.SIZE + tilemap.GAP),
        height=5 * (tilemap.SIZE + tilemap.GAP),
        map_title=l10n.t("index.map_title", lang),
        legend=tilemap.legend(view) if kind == "regions" else (),
        legend_label=l10n.t("map.legend", lang),
        intro=l10n.t(f"index.{kind}.intro", lang),
        name_label=l10n.t(f"filter.{SINGULAR[kind]}", lang),
        count_label=l10n.t("events_label", lang),
    )
    return render.page_markdown(l10n.t(f"index.{kind}", lang), html)


def region_map(events: tuple[Event, ...], lang: str, base: str) -> str:
    """The regions page's tile map, for another page at `base` (the home page): the same figure,
    so that the map is drawn in one place."""
    html = _index("regions", events, lang, base).slots["page"]
    start = html.find('<figure class="apk-map"')
    return html[start : html.index("</figure>", start) + len("</figure>")] if start >= 0 else ""
