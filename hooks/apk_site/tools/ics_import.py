"""Read an iCalendar file (a department's calendar export from Outlook, Google Calendar, ...) into `Row`s.

Times are moved to Astana time (`Asia/Almaty`) whatever zone the file uses, an all-day event's exclusive
DTEND becomes the last day, and a repeating event is refused: the site has one date per event.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import icalendar
from icalendar.error import InvalidCalendar

from .. import LANGUAGES
from ..fields import ALMATY
from ..problems import Problem
from . import names
from .dates import PlanDate
from .importing import Row

LANGUAGE_PARAMETER = {"kz": "kk", "kaz": "kk", "rus": "ru", "eng": "en"}
_READ_ERRORS = (ValueError, KeyError, TypeError, InvalidCalendar)


class CalendarError(ValueError):
    """The file is not an iCalendar file at all (the message names the file)."""


def read_calendar(path: Path, shown: str) -> tuple[list[Row], list[Problem]]:
    """One `Row` per VEVENT, and the events that cannot become one, with the reason."""
    data = path.read_bytes()
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except _READ_ERRORS:
        raise CalendarError(
            f"{path.name}: cannot be read as an iCalendar file: it must start with BEGIN:VCALENDAR "
            "and end with END:VCALENDAR; export the calendar again"
        ) from None
    lines = _event_lines(data)
    rows: list[Row] = []
    problems: list[Problem] = []
    for number, event in enumerate(calendar.events):
        found = _row(event, shown, lines[number] if number < len(lines) else 1)
        if isinstance(found, Row):
            rows.append(found)
        else:
            problems.append(found)
    return rows, problems


def _event_lines(data: bytes) -> list[int]:
    """The line of each BEGIN:VEVENT, in order, so that messages point into the file."""
    text = data.decode("utf-8", errors="replace")
    return [number for number, line in enumerate(text.splitlines(), start=1) if line.strip() == "BEGIN:VEVENT"]


def _text(event: icalendar.Event, name: str) -> str:
    value = event.get(name)
    return " ".join(str(value).split()) if value is not None else ""


def _language(event: icalendar.Event, title: str) -> str:
    parameter = getattr(event.get("SUMMARY"), "params", {}).get("LANGUAGE", "")
    code = str(parameter).lower().split("-")[0]
    code = LANGUAGE_PARAMETER.get(code, code)
    return code if code in LANGUAGES else names.language_of(title)


def _local(value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(ALMATY).replace(tzinfo=None)
    return value


def _when(event: icalendar.Event) -> PlanDate:
    start = _local(event.start)
    end = _local(event.end) if ("DTEND" in event or "DURATION" in event) else start
    if not isinstance(start, dt.datetime):
        # DTEND of an all-day event is the day after the last one (RFC 5545).
        last = end - dt.timedelta(days=1) if isinstance(end, dt.date) and end > start else start
        return PlanDate(start.isoformat(), last.isoformat() if last != start else "")
    return PlanDate(start.strftime("%Y-%m-%d %H:%M"), end.strftime("%Y-%m-%d %H:%M") if end != start else "")


def _organizer(event: icalendar.Event) -> str:
    organizer = event.get("ORGANIZER")
    if organizer is None:
        return ""
    name = organizer.params.get("CN", "") if hasattr(organizer, "params") else ""
    return " ".join(str(name or re.sub(r"^mailto:", "", str(organizer), flags=re.I)).split())


def _categories(event: icalendar.Event) -> str:
    for value in event.categories:
        if names.category_id(str(value)):
            return str(value)
    return ""


def _row(event: icalendar.Event, shown: str, line: int) -> Row | Problem:
    title = _text(event, "SUMMARY")
    if "RRULE" in event or "RDATE" in event:
        return Problem(
            shown,
            line,
            "RRULE",
            f"'{title}' repeats: the site has one date per event; add each occurrence as its own event",
        )
    try:
        when: Any = _when(event)
    except _READ_ERRORS as error:
        return Problem(shown, line, "DTSTART", f"'{title}' has no date that can be read ({error})")
    lang = _language(event, title)
    status = "cancelled" if _text(event, "STATUS").upper() == "CANCELLED" else "scheduled"
    description = str(event.get("DESCRIPTION") or "").strip()
    return Row(
        path=shown,
        line=line,
        where=_where(event, line),
        titles={lang: title} if title else {},
        when=when,
        place=_text(event, "LOCATION"),
        organizer=_organizer(event),
        category=_categories(event),
        bodies={lang: description} if description else {},
        status=status,
        source=_url(event),
        columns={
            "title": "SUMMARY",
            "date": "DTSTART",
            "place": "LOCATION",
            "organizer": "ORGANIZER",
            "category": "CATEGORIES",
            "region": "LOCATION",
        },
    )


def _where(event: icalendar.Event, line: int) -> dict[str, str]:
    if "UID" in event:
        return dict.fromkeys(LANGUAGES, f"UID {_text(event, 'UID')}")
    return {"kk": f"{line}-жол", "ru": f"строка {line}", "en": f"line {line}"}


def _url(event: icalendar.Event) -> str:
    url = _text(event, "URL")
    return url if url.startswith(("http://", "https://")) else ""
