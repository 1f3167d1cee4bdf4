"""Dates as plans and calendars write them -> the forms an event file takes.

«24.04.2025», «24-25.04.2025», «24 апреля 2025 г.», «2025 жылғы 24 сәуір», "April 2025», «апрель»,
«II квартал», «ІІ тоқсан» and spreadsheet date cells all become `start`/`end` values. A quarter or a
span of months becomes the first month, marked so that the editor sets the real month later.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .. import fields

EXAMPLES = "write 24.04.2025, 24.04.2025 10:00, «апрель 2025» or «II квартал»"
MONTHS: tuple[tuple[str, int], ...] = (
    # Stems: a word that starts with one of them names the month, in any case ending.
    ("қаңтар", 1),
    ("ақпан", 2),
    ("наурыз", 3),
    ("сәуір", 4),
    ("мамыр", 5),
    ("маусым", 6),
    ("шілде", 7),
    ("тамыз", 8),
    ("қыркүйек", 9),
    ("қазан", 10),
    ("қараша", 11),
    ("желтоқсан", 12),
    ("январ", 1),
    ("феврал", 2),
    ("март", 3),
    ("апрел", 4),
    ("май", 5),
    ("мая", 5),
    ("мае", 5),
    ("июн", 6),
    ("июл", 7),
    ("август", 8),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
)
QUARTER_WORDS = ("квартал", "тоқсан", "quarter")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Plans list activities that are not one event; say so instead of "not understood".
ONGOING = (
    "в течение",
    "ежемесячно",
    "еженедельно",
    "постоянно",
    "жыл бойы",
    "ай сайын",
    "үнемі",
    "throughout",
    "monthly",
    "weekly",
    "ongoing",
)
_DMY = r"(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2}))?"
_TIME = r"(?:\s*,?\s*(?:в|сағ\.?|at)?\s*(\d{1,2})[:.](\d{2}))?"
_NUMERIC = re.compile(rf"^(?:(\d{{1,2}})\s*-\s*)?{_DMY}{_TIME}(?:\s*-\s*{_DMY}{_TIME})?$")
_ISO = re.compile(r"^\d{4}-\d{2}(?:-\d{2}(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?)?$")
_NOISE = re.compile(r"(?<![^\W\d_])(?:года|год|г|жылғы|жылы|ж|year|y)(?:\.|(?![^\W\d_]))")


class NotUnderstood(ValueError):
    """A date the importer cannot turn into a `start`; the message says what to write."""


def _unreadable(value: Any, why: str = "") -> NotUnderstood:
    reason = f" ({why})" if why else ""
    return NotUnderstood(f"cannot read {fields.found(str(value).strip())} as a date{reason}: {EXAMPLES}")


@dataclass(frozen=True)
class PlanDate:
    start: str
    end: str = ""
    vague: str = ""  # the plan's own words when it gives less than a month («II квартал», «апрель-май»)


def plan_date(value: Any, year: int) -> PlanDate:
    """The start and end written by a plan's date cell; `year` is used when the cell gives none."""
    if isinstance(value, dt.datetime):
        return PlanDate(_format(value if value.time() != dt.time() else value.date()))
    if isinstance(value, dt.date):
        return PlanDate(_format(value))
    text = _clean(value)
    if not text:
        raise NotUnderstood(f"is empty: {EXAMPLES}")
    if _ISO.match(text):
        return _iso(text, value)
    if match := _NUMERIC.match(text):
        return _numeric(match, year, value)
    if any(word in text for word in ONGOING):
        raise NotUnderstood(
            f"{fields.found(str(value).strip())} is not one event: give each event its own date or month"
        )
    return _in_words(text, year, value)


def _format(value: dt.date | dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else value.isoformat()


def _clean(value: Any) -> str:
    text = " ".join(str(value or "").casefold().replace("ё", "е").split())
    text = re.sub(r"\s*[-–—]\s*", "-", text)
    return " ".join(_NOISE.sub(" ", text).split()).strip(" .,;")


def _iso(text: str, value: Any) -> PlanDate:
    try:
        moment, month_only = fields.moment(text.replace("t", " "))
    except fields.Invalid as error:
        raise _unreadable(value, str(error).split(":")[0]) from None
    return PlanDate(moment.strftime("%Y-%m") if month_only else _format(moment))


def _day(
    day: str, month: str, year: str | None, default_year: int, hour: str | None, minute: str | None, value: Any
) -> dt.date | dt.datetime:
    full_year = int(year) + 2000 if year and len(year) == 2 else int(year or default_year)
    try:
        if hour is not None and minute is not None:
            return dt.datetime(full_year, int(month), int(day), int(hour), int(minute))
        return dt.date(full_year, int(month), int(day))
    except ValueError as error:
        raise _unreadable(value, str(error)) from None


def _numeric(match: re.Match[str], year: int, value: Any) -> PlanDate:
    first_day, d1, m1, y1, h1, mi1, d2, m2, y2, h2, mi2 = match.groups()
    if d2 is None:
        end = _day(d1, m1, y1, year, h1, mi1, value)
        if first_day is None:
            return PlanDate(_format(end))
        start = _day(first_day, m1, y1, year, None, None, value)
        return _span(start, end, value)
    start_year = y1 or y2
    return _span(_day(d1, m1, start_year, year, h1, mi1, value), _day(d2, m2, y2, year, h2, mi2, value), value)


def _span(start: dt.date | dt.datetime, end: dt.date | dt.datetime, value: Any) -> PlanDate:
    if type(start) is not type(end):
        start, end = _as_date(start), _as_date(end)
    if end < start:
        raise _unreadable(value, "it ends before it starts")
    return PlanDate(_format(start), _format(end) if end != start else "")


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _month_of(word: str) -> int | None:
    return next((number for stem, number in MONTHS if word.startswith(stem)), None)


def _in_words(text: str, year: int, value: Any) -> PlanDate:
    time = re.search(r"(\d{1,2})[:.](\d{2})", text)
    words = re.findall(r"[^\W\d_]+|\d+", text[: time.start()] + text[time.end() :] if time else text)
    years = [int(w) for w in words if w.isdigit() and len(w) == 4]
    the_year = years[0] if years else year
    if short := re.search(r"(?<![^\W\d_])q([1-4])(?!\d)", text):
        return PlanDate(f"{the_year:04d}-{3 * int(short[1]) - 2:02d}", vague=str(value).strip())
    if any(word.startswith(QUARTER_WORDS) for word in words):
        return _quarter(words, the_year, value)
    months = [m for m in (_month_of(w) for w in words if not w.isdigit()) if m is not None]
    days = [int(w) for w in words if w.isdigit() and len(w) <= 2]
    if not months:
        raise _unreadable(value)
    if days:
        hour, minute = (time[1], time[2]) if time and len(days) == 1 else (None, None)
        start = _day(str(days[0]), str(months[0]), str(the_year), year, hour, minute, value)
        if len(days) == 1:
            return PlanDate(_format(start))
        end = _day(str(days[1]), str(months[-1]), str(the_year), year, None, None, value)
        return _span(start, end, value)
    first = f"{the_year:04d}-{months[0]:02d}"
    return PlanDate(first, vague=str(value).strip() if len(set(months)) > 1 else "")


def _quarter(words: list[str], year: int, value: Any) -> PlanDate:
    numbers = [ROMAN.get(w.replace("і", "i")) or (int(w) if w.isdigit() and len(w) == 1 else None) for w in words]
    quarter = next((n for n in numbers if n and 1 <= n <= 4), None)
    if quarter is None:
        raise _unreadable(value, "which quarter?")
    return PlanDate(f"{year:04d}-{3 * quarter - 2:02d}", vague=str(value).strip())
