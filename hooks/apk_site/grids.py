"""Month grids and the year overview: calendars drawn as real tables, Monday first.

Pure functions over the frozen events; weekday and month names come from CLDR via `l10n`.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from . import l10n
from .model import Event
from .views import EventRow, month_key, row


@dataclass(frozen=True)
class Weekday:
    short: str
    full: str


@dataclass(frozen=True)
class Cell:
    day: int
    iso: str
    rows: tuple[EventRow, ...]
    href: str = ""
    more: str = ""


# A busy day shows this many events in its cell and links to the list for the rest.
CELL_LIMIT = 3


@dataclass(frozen=True)
class MonthGrid:
    lang: str
    key: str
    heading: str
    caption: str
    weekdays: tuple[Weekday, ...]
    weeks: tuple[tuple[Cell | None, ...], ...]
    planned: tuple[EventRow, ...]
    previous: tuple[str, str] | None
    next: tuple[str, str] | None
    list_href: str
    sample_notice: str


@dataclass(frozen=True)
class YearView:
    lang: str
    years: tuple[tuple[str, tuple[MonthGrid, ...]], ...]


def weekdays(lang: str) -> tuple[Weekday, ...]:
    monday = dt.date(2024, 1, 1)  # a Monday: CLDR names in calendar order, Monday first
    days = [monday + dt.timedelta(days=n) for n in range(7)]
    return tuple(Weekday(l10n.format_day(day, "EEE", lang), l10n.format_day(day, "EEEE", lang)) for day in days)


def month_keys(events: tuple[Event, ...]) -> tuple[str, ...]:
    """Every month from the first event's to the last one's, so that previous/next never skip."""
    if not events:
        return ()
    keys = sorted({month_key(e) for e in events})
    first, last = keys[0], keys[-1]
    months, year, month = [], int(first[:4]), int(first[5:])
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def _by_day(events: tuple[Event, ...]) -> dict[dt.date, list[Event]]:
    """Each day an event covers, so a three-day festival shows on all three days."""
    days: dict[dt.date, list[Event]] = defaultdict(list)
    for event in sorted(events, key=lambda e: e.sort_key):
        if event.when.month_only:
            continue
        day = event.when.start_date
        while day <= event.when.end_date:
            days[day].append(event)
            day += dt.timedelta(days=1)
    return days


def _weeks(year: int, month: int, cell_for: dict[int, Cell]) -> tuple[tuple[Cell | None, ...], ...]:
    weeks = stdlib_calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)
    return tuple(tuple(cell_for.get(day) if day else None for day in week) for week in weeks)


def month_grid(events: tuple[Event, ...], key: str, lang: str, base: str, keys: tuple[str, ...]) -> MonthGrid:
    year, month = int(key[:4]), int(key[5:])
    days = _by_day(events)
    cells = {}
    for day in range(1, stdlib_calendar.monthrange(year, month)[1] + 1):
        date = dt.date(year, month, day)
        listed = days.get(date, [])
        hidden = len(listed) - CELL_LIMIT
        more = l10n.t("more_events", lang, count=l10n.format_number(hidden, lang)) if hidden > 0 else ""
        shown = tuple(row(e, lang, base) for e in listed[:CELL_LIMIT])
        anchor = f"d-{_list_day(listed[CELL_LIMIT], date).isoformat()}" if hidden > 0 else f"m-{key}"
        cells[day] = Cell(day, date.isoformat(), shown, f"{base}calendar/#{anchor}", more)
    planned = tuple(
        row(e, lang, base)
        for e in sorted(events, key=lambda e: e.sort_key)
        if e.when.month_only and month_key(e) == key
    )
    index = keys.index(key)
    heading = l10n.month_heading(year, month, lang)
    return MonthGrid(
        lang=lang,
        key=key,
        heading=heading,
        caption=f"{heading}: {l10n.plural(sum(1 for e in events if _in_month(e, year, month)), 'events', lang)}",
        weekdays=weekdays(lang),
        weeks=_weeks(year, month, cells),
        planned=planned,
        previous=_neighbour(keys, index - 1, lang, base),
        next=_neighbour(keys, index + 1, lang, base),
        list_href=_list_href(events, key, base),
        sample_notice=l10n.t("sample_calendar_notice", lang) if any(e.sample for e in events) else "",
    )


def _list_href(events: tuple[Event, ...], key: str, base: str) -> str:
    """The month's section of the list; the list has none for a month in which no event starts."""
    starts = key in {month_key(e) for e in events}
    return f"{base}calendar/#m-{key}" if starts else f"{base}calendar/"


def _in_month(event: Event, year: int, month: int) -> bool:
    first, last = event.when.start_date, event.when.end_date
    return (first.year, first.month) <= (year, month) <= (last.year, last.month)


def _neighbour(keys: tuple[str, ...], index: int, lang: str, base: str) -> tuple[str, str] | None:
    if not 0 <= index < len(keys):
        return None
    key = keys[index]
    return f"{base}calendar/{key}/", l10n.month_heading(int(key[:4]), int(key[5:]), lang)


def year_overview(events: tuple[Event, ...], lang: str, base: str) -> YearView:
    """Twelve small months per year that has events; each day with events links into the list."""
    days = _by_day(events)
    years = sorted({e.when.start_date.year for e in events})
    keys = month_keys(events)
    out = []
    for year in years:
        months = []
        for month in range(1, 13):
            cells = {}
            for day in range(1, stdlib_calendar.monthrange(year, month)[1] + 1):
                date = dt.date(year, month, day)
                listed = days.get(date, [])
                href = f"{base}calendar/#d-{_list_day(listed[0], date).isoformat()}" if listed else ""
                cells[day] = Cell(day, date.isoformat(), tuple(row(e, lang, base) for e in listed), href)
            key = f"{year:04d}-{month:02d}"
            heading = l10n.month_heading(year, month, lang)
            # Only months from the first event's to the last one's have a grid page: no link to others.
            href = f"{base}calendar/{key}/" if key in keys else ""
            weeks = _weeks(year, month, cells)
            months.append(MonthGrid(lang, key, heading, heading, weekdays(lang), weeks, (), None, None, href, ""))
        out.append((str(year), tuple(months)))
    return YearView(lang, tuple(out))


def _list_day(event: Event, date: dt.date) -> dt.date:
    # The list shows a multi-day event under its first day only; point there.
    return event.when.start_date if event.when.start_date <= date else date
