"""Which pages the build generates, and the source of each in one language, whatever engine renders it.

Every generated page is named like a hand-written one (`regions/astana.md`, `events/<id>.md`).
`pages_for(catalog, language)` gives one `PageSource` per page: the title, the Markdown body with
slots for generated HTML, and what the page wants from the site (search, contents list, the calendar's
assets). How an engine's theme is told these things (front-matter keys, the heading it expects) is
the engine layer's business (`mkdocs_material`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from . import feed_files, grids, indexes, l10n, render, structured, tilemap, translations, views
from .anthology import pages as anthology_pages
from .anthology.model import Book
from .catalog import Folders, Loaded
from .model import Event
from .page_source import Generated, Heading, PageSource, Site, base_of
from .render import slot
from .revisions import Revisions

SINGULAR = {"regions": "region", "categories": "category", "organizers": "organizer"}
CALENDAR_STYLES, CALENDAR_SCRIPT = "calendar.css", "calendar.js"


@dataclass(frozen=True)
class Catalog:
    """What the catalog step read, with no problems, and what the build makes of it: every page
    needs to know about the whole calendar."""

    events: tuple[Event, ...]
    by_id: dict[str, Event]
    related: dict[str, tuple[str, ...]]
    book: Book
    revisions: Revisions
    translations: translations.Report
    site: Site
    pages: dict[str, Generated]  # every generated page, by its source name (`events/<id>.md`)


def make_catalog(loaded: Loaded, folders: Folders, history: Revisions, site: Site) -> Catalog:
    """The build's catalog: `history` (SEQUENCE) counts every status change at least once."""
    events, book = loaded.events, loaded.book
    report = translations.report_of(loaded, folders)
    generated = {page.uri: page for page in generated_pages(events, book)}
    revisions = history.with_statuses({e.id: e.status for e in events})
    return Catalog(
        events, {e.id: e for e in events}, views.related_ids(events), book, revisions, report, site, generated
    )


TRANSLATIONS = Generated("translations.md", "translations")


def generated_pages(events: tuple[Event, ...], book: Book) -> tuple[Generated, ...]:
    """Every generated page: the calendar's, the Anthology's and the translation report."""
    found = [Generated(f"events/{e.id}.md", "event", e.id) for e in events]
    found += [Generated(f"calendar/{key}.md", "month", key) for key in grids.month_keys(events)]
    found.append(Generated("calendar/year.md", "year"))
    for kind in indexes.KINDS:
        found.append(Generated(f"{kind}/index.md", "index", kind))
        found += [Generated(f"{kind}/{key}.md", kind, key) for key in sorted(indexes.entries_of(kind))]
    calendar = sorted(found, key=lambda p: p.uri)
    return (*calendar, *anthology_pages.generated(book), TRANSLATIONS)


def pages_for(catalog: Catalog, lang: str) -> Iterator[PageSource]:
    """Every generated page of the catalog in `lang`, in the catalog's order."""
    return (page_source(page, catalog, lang) for page in catalog.pages.values())


def page_source(page: Generated, catalog: Catalog, lang: str) -> PageSource:
    if anthology_pages.is_anthology(page):
        return anthology_pages.source(page, catalog.book, lang, _anthology_context(catalog))
    if page.kind == "translations":
        return _translations(catalog, lang)
    return _calendar_page(page, catalog, lang)


def _calendar_page(page: Generated, catalog: Catalog, lang: str) -> PageSource:
    base, events, site_url = base_of(page.uri), catalog.events, catalog.site.url
    if page.kind == "event":
        return _event(page, catalog, lang, base)
    if page.kind == "month":
        return _month(page, events, lang, base, _subscribe(lang, site_url))
    if page.kind == "year":
        view = grids.year_overview(events, lang, base)
        html = render.render("year.html", view=view) + _subscribe(lang, site_url)
        return list_page(page, l10n.t("year_overview", lang), html)
    if page.kind == "index":
        return _index(page, events, lang, base)
    view = indexes.group_page(page.kind, page.key, events, lang, base, site_url)
    html = render.render("group_page.html", view=view, labels=render.labels(lang))
    return list_page(page, view.name, html, f"{view.name}: {view.intro}", script=True)


def list_page(page: Generated, title: str, html: str, description: str = "", *, script: bool = False) -> PageSource:
    """A calendar view: its title as heading over a block of HTML. List pages repeat what the event
    pages say, so they stay out of the search index."""
    assets = (CALENDAR_STYLES, CALENDAR_SCRIPT) if script else (CALENDAR_STYLES,)
    return PageSource(
        page.uri,
        page.kind,
        title,
        slot("page"),
        {"page": html},
        description,
        heading=Heading(title),
        searchable=False,
        assets=assets,
    )


def _event(page: Generated, catalog: Catalog, lang: str, base: str) -> PageSource:
    """The editor's Markdown body between two slots of generated HTML. Search entries for events are
    written from the events themselves (`search_index.event_docs`), so the page is not searched; its
    contents list would only hold the title."""
    event, site_url = catalog.by_id[page.key], catalog.site.url
    related = tuple(catalog.by_id[key] for key in catalog.related[event.id])
    view = views.event_page(event, lang, base, site_url, related)
    head = render.render("event_head.html", view=view)
    tail = render.render("event_tail.html", view=view, json_ld=structured.json_ld(event, lang, site_url))
    body = slot("head") + (view.body.value if view.body else "") + slot("tail")
    title = view.title.value
    slots = {"head": head, "tail": tail}
    return PageSource(page.uri, page.kind, title, body, slots, view.description, searchable=False, toc=False)


def _translations(catalog: Catalog, lang: str) -> PageSource:
    """The editors' translation report (`apk translations`) as a page, in Markdown (tables, lists)."""
    title = l10n.t("translations.title", lang)
    body = f"# {render.markdown_heading(title)}\n\n" + translations.markdown(catalog.translations, lang)
    return PageSource(TRANSLATIONS.uri, TRANSLATIONS.kind, title, body, searchable=False)


def _anthology_context(catalog: Catalog) -> anthology_pages.Context:
    site = catalog.site
    return anthology_pages.Context(catalog.by_id, site.today, site.url, site.pdf)


def _subscribe(lang: str, site_url: str) -> str:
    """Every calendar view offers the whole calendar's feed (region and category pages their own)."""
    return render.render("_subscribe.html", sub=views.subscribe(feed_files.CALENDAR_FEED, lang, site_url))


def _month(page: Generated, events: tuple[Event, ...], lang: str, base: str, subscribe: str) -> PageSource:
    grid = grids.month_grid(events, page.key, lang, base, grids.month_keys(events))
    words = {**render.labels(lang), "year_href": f"{base}calendar/year/"}
    html = render.render("month_grid.html", grid=grid, labels=words) + subscribe
    return list_page(page, grid.heading, html, grid.caption, script=True)


def _index(page: Generated, events: tuple[Event, ...], lang: str, base: str) -> PageSource:
    kind = page.key
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
    return list_page(page, l10n.t(f"index.{kind}", lang), html)


def region_map(events: tuple[Event, ...], lang: str, base: str) -> str:
    """The regions page's tile map, for another page at `base` (the home page): the same figure,
    so that the map is drawn in one place."""
    html = _index(Generated("regions/index.md", "index", "regions"), events, lang, base).slots["page"]
    start = html.find('<figure class="apk-map"')
    return html[start : html.index("</figure>", start) + len("</figure>")] if start >= 0 else ""
