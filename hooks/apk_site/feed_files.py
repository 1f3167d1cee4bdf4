"""Which .ics files the site publishes for one language, and their bytes.

One feed for the whole calendar, a small "coming up" feed, one per region and per category, and
one file per event. Each VEVENT is serialised once per language and shared by the feeds that list it.

Google Calendar drops a subscribed feed over 1 MB, and the whole calendar is about 6 MB at 4,200
events. The coming-up feed is the one the subscribe blocks offer first: the events that end no
earlier than 30 days before the build date, in date order, whole days at a time, as many as fit in
900 KB (dev/FEEDS.md explains the choice). The build date is the last commit's (SOURCE_DATE_EPOCH),
so the same commit gives the same bytes; a site not rebuilt for a while still lists every event
to come, only more past ones.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence

from . import DEFAULT_LANGUAGE, feed, l10n
from .model import Event
from .reference import reference
from .revisions import Revisions

CALENDAR_FEED = "feeds/calendar.ics"
UPCOMING_FEED = "feeds/upcoming.ics"
UPCOMING_PAST_DAYS = 30
# Under Google Calendar's 1,000,000 octets, with room for the calendar's own lines.
UPCOMING_MAX_OCTETS = 900_000
HEAD_OCTETS = 2_000  # room for the calendar's own lines (about 700 octets) and its end


def region_feed(slug: str) -> str:
    return f"feeds/regions/{slug}.ics"


def category_feed(slug: str) -> str:
    return f"feeds/categories/{slug}.ics"


def event_file(event: Event) -> str:
    return f"events/{event.id}/{event.id}.ics"


def upcoming(listed: Sequence[Event], sizes: dict[str, int], since: dt.date | None) -> list[Event]:
    """The coming-up feed's events: those ending on or after `since` (all, without a build date),
    whole start days at a time while the feed stays under UPCOMING_MAX_OCTETS; `listed` is in date
    order and `sizes` are the VEVENTs' octets."""
    kept: list[Event] = []
    room = UPCOMING_MAX_OCTETS - HEAD_OCTETS
    candidates = (e for e in listed if since is None or e.when.end_date >= since)
    for _, day in itertools.groupby(candidates, key=lambda e: e.when.start_date):
        events = list(day)
        room -= sum(sizes[e.id] for e in events)
        if room < 0:
            break
        kept += events
    return kept


def _upcoming_description(kept: list[Event], since: dt.date | None, lang: str, site_url: str) -> str:
    text = l10n.t("feed.description", lang)
    if not kept:
        return text
    first = since or kept[0].when.start_date
    last = max(first, kept[-1].when.start_date)
    whole = f"{site_url.rstrip('/')}/{'' if lang == DEFAULT_LANGUAGE else lang + '/'}{CALENDAR_FEED}"
    period = l10n.day_range(first, last, lang) if first != last else l10n.long_date(first, lang)
    return f"{text}\n{l10n.t('feed.upcoming.period', lang, period=period, url=whole)}"


def feed_files(
    events: tuple[Event, ...], lang: str, site_url: str, revisions: Revisions, today: dt.date | None = None
) -> dict[str, bytes]:
    """Every .ics of `lang`; `today` is the build date in Astana, which the coming-up feed counts
    from (without it, that feed starts at the first event)."""
    listed = tuple(e for e in sorted(events, key=lambda e: e.sort_key) if feed.in_feeds(e))
    parts = {e.id: feed.vevent_bytes(e, lang, site_url, revisions.of(e.id)) for e in listed}
    title = l10n.t("feed.name", lang)

    def calendar(name: str, keep: Callable[[Event], bool], description: str = "") -> bytes:
        head = feed.calendar_head(lang, name, description or l10n.t("feed.description", lang))
        return feed.join(head, (parts[e.id] for e in listed if keep(e)))

    files = {CALENDAR_FEED: calendar(title, lambda e: True)}
    since = today - dt.timedelta(days=UPCOMING_PAST_DAYS) if today else None
    kept = upcoming(listed, {key: len(value) for key, value in parts.items()}, since)
    chosen = {e.id for e in kept}
    files[UPCOMING_FEED] = calendar(
        l10n.t("feed.upcoming.name", lang), lambda e: e.id in chosen, _upcoming_description(kept, since, lang, site_url)
    )
    ref = reference()
    for slug, entry in ref.regions.items():
        files[region_feed(slug)] = calendar(f"{title}: {entry.name(lang)}", lambda e, s=slug: e.region == s)
    for slug, entry in ref.categories.items():
        files[category_feed(slug)] = calendar(f"{title}: {entry.name(lang)}", lambda e, s=slug: e.category == s)
    event_head = feed.event_head(lang)  # the same for every event of the language
    for event in listed:
        files[event_file(event)] = feed.join(event_head, [parts[event.id]])
    return files
