"""Events by region, category and organizer: one overview with counts and one page per entry.

Pure functions; the region overview also carries the tile map drawn by `tilemap`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import feed_files, l10n
from .model import Event
from .reference import Entry, reference
from .views import MonthGroup, Subscribe, month_groups, organizer_key, subscribe


@dataclass(frozen=True)
class IndexEntry:
    id: str
    name: str
    href: str
    count: int
    count_text: str


@dataclass(frozen=True)
class IndexView:
    lang: str
    kind: str
    entries: tuple[IndexEntry, ...]
    sample_notice: str


@dataclass(frozen=True)
class GroupPage:
    lang: str
    kind: str
    id: str
    name: str
    intro: str
    months: tuple[MonthGroup, ...]
    overview_href: str
    overview_label: str
    sample_notice: str
    subscribe: Subscribe | None


KINDS = ("regions", "categories", "organizers")


def _key(kind: str, event: Event) -> str:
    return {"regions": event.region, "categories": event.category, "organizers": organizer_key(event)}[kind]


def entries_of(kind: str) -> dict[str, Entry]:
    ref = reference()
    return {"regions": ref.regions, "categories": ref.categories, "organizers": ref.organizers}[kind]


def _sample(events: tuple[Event, ...], lang: str) -> str:
    return l10n.t("sample_calendar_notice", lang) if any(e.sample for e in events) else ""


def index(kind: str, events: tuple[Event, ...], lang: str, base: str) -> IndexView:
    """Every known entry (even with no events yet), sorted by name in the reader's language."""
    counts: dict[str, int] = {}
    for event in events:
        counts[_key(kind, event)] = counts.get(_key(kind, event), 0) + 1
    rows = [
        IndexEntry(
            key,
            entry.name(lang),
            f"{base}{kind}/{key}/",
            counts.get(key, 0),
            l10n.plural(counts.get(key, 0), "events", lang),
        )
        for key, entry in entries_of(kind).items()
    ]
    rows.sort(key=lambda e: l10n.sort_key(e.name, lang))
    return IndexView(lang, kind, tuple(rows), _sample(events, lang))


FEEDS = {"regions": feed_files.region_feed, "categories": feed_files.category_feed}


def group_page(kind: str, key: str, events: tuple[Event, ...], lang: str, base: str, site_url: str) -> GroupPage:
    chosen = tuple(e for e in events if _key(kind, e) == key)
    name = entries_of(kind)[key].name(lang)
    return GroupPage(
        lang=lang,
        kind=kind,
        id=key,
        name=name,
        intro=l10n.t("group_intro", lang, count=l10n.plural(len(chosen), "events", lang)),
        months=month_groups(chosen, lang, base),
        overview_href=f"{base}{kind}/",
        overview_label=l10n.t(f"index.{kind}", lang),
        sample_notice=_sample(chosen, lang),
        subscribe=subscribe(FEEDS[kind](key), lang, site_url) if kind in FEEDS else None,
    )
