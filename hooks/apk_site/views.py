"""Pure view functions: select, sort and group events into what a page shows, in one language.

Views return plain dataclasses of strings; they never read files and never look at the clock,
so the same events always give the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from . import LANGUAGES, l10n
from .model import Event, Text
from .reference import reference


@dataclass(frozen=True)
class EventRow:
    id: str
    href: str
    title: Text
    date: str
    time: str
    iso_date: str
    region: str
    status: str
    status_label: str
    sample: bool


@dataclass(frozen=True)
class MonthGroup:
    key: str
    heading: str
    count: str
    rows: tuple[EventRow, ...]


@dataclass(frozen=True)
class CalendarView:
    lang: str
    intro: str
    months: tuple[MonthGroup, ...]
    empty_text: str
    sample_notice: str


@dataclass(frozen=True)
class Fact:
    label: str
    value: Text
    href: str = ""


@dataclass(frozen=True)
class EventPage:
    lang: str
    title: Text
    summary: Text | None
    body: Text | None
    facts: tuple[Fact, ...]
    status: str
    status_label: str
    fallback_notices: tuple[tuple[str, str], ...]
    links: tuple[Fact, ...]
    sample_notice: str
    calendar_href: str
    back_label: str


def event_href(event: Event, base: str) -> str:
    return f"{base}events/{event.id}/"


def _row(event: Event, lang: str, base: str) -> EventRow:
    return EventRow(
        id=event.id,
        href=event_href(event, base),
        title=event.title(lang),
        date=l10n.date_range(event.when, lang),
        time=l10n.time_range(event.when, lang),
        iso_date=event.when.start_date.isoformat(),
        region=reference().regions[event.region].name(lang),
        status=event.status,
        status_label=l10n.t(f"status.{event.status}", lang) if event.status != "scheduled" else "",
        sample=event.sample,
    )


def calendar(events: tuple[Event, ...], lang: str, base: str = "../") -> CalendarView:
    """Every event, grouped by month in date order; `base` leads from the page to the site root."""
    def month_of(event: Event) -> tuple[int, int]:
        return event.when.start_date.year, event.when.start_date.month

    months = []
    for (year, month), group in groupby(sorted(events, key=lambda e: e.sort_key), key=month_of):
        rows = tuple(_row(event, lang, base) for event in group)
        months.append(
            MonthGroup(f"{year:04d}-{month:02d}", l10n.month_heading(year, month, lang), l10n.plural(len(rows), "events", lang), rows)
        )
    intro = l10n.t("calendar_intro", lang, count=l10n.plural(len(events), "events", lang))
    sample = l10n.t("sample_calendar_notice", lang) if any(e.sample for e in events) else ""
    return CalendarView(lang, intro, tuple(months), l10n.t("calendar_empty", lang), sample)


def _organizer_text(event: Event, lang: str) -> Text:
    names = event.organizer.names
    for candidate in (lang, *LANGUAGES):
        if candidate in names:
            return Text(names[candidate], candidate)
    raise AssertionError("the loader guarantees an organizer name")


def _facts(event: Event, lang: str) -> tuple[Fact, ...]:
    ref = reference()
    facts = [Fact(l10n.t("when", lang), Text(l10n.when_text(event.when, lang), lang))]
    for name in ("venue", "address"):
        text = event.text(name, lang)
        if text:
            facts.append(Fact(l10n.t(name, lang), text))
    facts += [
        Fact(l10n.t("region", lang), Text(ref.regions[event.region].name(lang), lang)),
        Fact(l10n.t("organizer", lang), _organizer_text(event, lang)),
        Fact(l10n.t("category", lang), Text(ref.categories[event.category].name(lang), lang)),
        Fact(l10n.t("status", lang), Text(l10n.t(f"status.{event.status}", lang), lang)),
    ]
    if event.source:
        facts.append(Fact(l10n.t("source", lang), Text(event.source, lang), event.source))
    return tuple(facts)


def _fallback_notices(event: Event, lang: str) -> tuple[tuple[str, str], ...]:
    used = sorted({text.lang for name in ("title", "body") if (text := event.text(name, lang)) and text.lang != lang})
    return tuple((other, l10n.t("fallback_notice", lang, language=l10n.in_language(other, lang))) for other in used)


def event_page(event: Event, lang: str, base: str = "../../") -> EventPage:
    return EventPage(
        lang=lang,
        title=event.title(lang),
        summary=event.text("summary", lang),
        body=event.text("body", lang),
        facts=_facts(event, lang),
        status=event.status,
        status_label=l10n.t(f"status.{event.status}", lang),
        fallback_notices=_fallback_notices(event, lang),
        links=tuple(Fact(l10n.t(f"link.{kind}", lang), Text(url, lang), url) for kind, url in event.links),
        sample_notice=l10n.t("sample_notice", lang) if event.sample else "",
        calendar_href=f"{base}calendar/",
        back_label=l10n.t("back_to_calendar", lang),
    )
