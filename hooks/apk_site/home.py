"""The home page as a front door: headline numbers, the next events as cards, the region map, the feeds
and the Anthology, in one language.

Pure view functions: "today" is the build date the adapter passes in (from the last commit), never
the clock, so a commit always builds the same page; `docs/assets/home.js` drops what has passed
since then when the page is read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import feed_files, l10n, views
from .model import Event
from .reference import reference

SHOWN = 6  # cards on the first view
SPARE = 6  # coming events built but hidden, which the script shows as earlier ones pass


@dataclass(frozen=True)
class Stat:
    number: str
    noun: str
    href: str


@dataclass(frozen=True)
class Card:
    row: views.EventRow
    day: str
    month: str
    category: str
    past: bool
    hidden: bool


@dataclass(frozen=True)
class HomeView:
    lang: str
    stats: tuple[Stat, ...]
    heading: str
    cards: tuple[Card, ...]
    labels: dict[str, str]
    subscribe: views.Subscribe
    calendar_href: str
    anthology_href: str


def _stat(count: int, noun: str, href: str, lang: str) -> Stat:
    # The number and its noun are styled apart; CLDR's group separator is a no-break space, so the
    # first ordinary space is the one between them.
    number, _, word = l10n.plural(count, noun, lang).partition(" ")
    return Stat(number, word, href)


def stats(events: tuple[Event, ...], lang: str, base: str) -> tuple[Stat, ...]:
    return (
        _stat(len(events), "events", f"{base}calendar/", lang),
        # "Nationwide" is a place in the calendar but not one of the 20 regions.
        _stat(len({e.region for e in events} - {"nationwide"}), "home.regions", f"{base}regions/", lang),
        _stat(len({e.category for e in events}), "home.categories", f"{base}categories/", lang),
    )


def _dated(events: tuple[Event, ...]) -> list[Event]:
    """What a card can show: a known day, and not cancelled."""
    return sorted((e for e in events if not e.when.month_only and e.status != "cancelled"), key=lambda e: e.sort_key)


def chosen(events: tuple[Event, ...], today: dt.date) -> tuple[list[Event], list[Event]]:
    """The coming events (not over by `today`), then the most recent past ones, latest first, to fill in."""
    dated = _dated(events)
    coming = [e for e in dated if e.when.end_date >= today]
    past = sorted((e for e in dated if e.when.end_date < today), key=lambda e: e.when.end_date, reverse=True)
    return coming[: SHOWN + SPARE], past[:SHOWN]


def _card(event: Event, lang: str, base: str, past: bool, hidden: bool) -> Card:
    day = event.when.start_date
    return Card(
        views.row(event, lang, base),
        l10n.format_day(day, "d", lang),
        l10n.format_day(day, "MMM", lang),  # the genitive under a day number: «1 мая», «2 июн.»
        reference().categories[event.category].name(lang),
        past,
        hidden,
    )


def cards(events: tuple[Event, ...], today: dt.date, lang: str, base: str) -> tuple[Card, ...]:
    coming, past = chosen(events, today)
    fill = SHOWN - min(SHOWN, len(coming))
    out = [_card(e, lang, base, False, i >= SHOWN) for i, e in enumerate(coming)]
    return tuple(out + [_card(e, lang, base, True, i >= fill) for i, e in enumerate(past)])


LABELS = ("sample", "past", "all_events", "map", "feeds_more", "anthology_more", "numbers", "recent")


def home(events: tuple[Event, ...], today: dt.date, lang: str, site_url: str = "/", base: str = "") -> HomeView:
    built = cards(events, today, lang, base)
    heading = "home.coming" if any(not c.past for c in built) else "home.recent"
    return HomeView(
        lang=lang,
        stats=stats(events, lang, base),
        heading=l10n.t(heading, lang),
        cards=built,
        labels={key: l10n.t(f"home.{key}", lang) for key in LABELS}
        | {key: l10n.t(key, lang) for key in ("anthology", "anthology.intro")},
        subscribe=views.subscribe(feed_files.CALENDAR_FEED, lang, site_url),
        calendar_href=f"{base}calendar/",
        anthology_href=f"{base}anthology/",
    )
