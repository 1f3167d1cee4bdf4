"""Which .ics files the site publishes for one language, and their bytes.

One feed for the whole calendar, one per region and per category, and one file per event. Each
VEVENT is serialised once per language and shared by the feeds that list it.
"""

from __future__ import annotations

from collections.abc import Callable

from . import feed, l10n
from .model import Event
from .reference import reference
from .revisions import Revisions

CALENDAR_FEED = "feeds/calendar.ics"


def region_feed(slug: str) -> str:
    return f"feeds/regions/{slug}.ics"


def category_feed(slug: str) -> str:
    return f"feeds/categories/{slug}.ics"


def event_file(event: Event) -> str:
    return f"events/{event.id}/{event.id}.ics"


def feed_files(events: tuple[Event, ...], lang: str, site_url: str, revisions: Revisions) -> dict[str, bytes]:
    listed = tuple(e for e in sorted(events, key=lambda e: e.sort_key) if feed.in_feeds(e))
    parts = {e.id: feed.vevent_bytes(e, lang, site_url, revisions.of(e.id)) for e in listed}
    title = l10n.t("feed.name", lang)

    def calendar(name: str, keep: Callable[[Event], bool]) -> bytes:
        head = feed.calendar_head(lang, name, l10n.t("feed.description", lang))
        return feed.join(head, (parts[e.id] for e in listed if keep(e)))

    files = {CALENDAR_FEED: calendar(title, lambda e: True)}
    ref = reference()
    for slug, entry in ref.regions.items():
        files[region_feed(slug)] = calendar(f"{title}: {entry.name(lang)}", lambda e, s=slug: e.region == s)
    for slug, entry in ref.categories.items():
        files[category_feed(slug)] = calendar(f"{title}: {entry.name(lang)}", lambda e, s=slug: e.category == s)
    event_head = feed.event_head(lang)  # the same for every event of the language
    for event in listed:
        files[event_file(event)] = feed.join(event_head, [parts[event.id]])
    return files
