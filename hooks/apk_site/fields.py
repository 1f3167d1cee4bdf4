"""Parsers for single front-matter values: each returns the clean value or raises `Invalid`.

Messages are written for editors: what was expected, what was found, and how to fix it.
YAML has already guessed types: `2025-04-24` is a date, `2025-04-24 10:00:00` a datetime,
and `2025-04-24 10:00` a string, so every parser accepts all the forms an editor may type.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

ALMATY = ZoneInfo("Asia/Almaty")
DATE_FORMS = "2025-04-24 (all day), 2025-04-24 10:00 (with time) or 2025-05 (day not known yet)"
ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# The Assembly was founded in 1995; a year outside this span is a typo (0205, 20255), and the
# calendar's grids and feeds are only meaningful for four-digit years.
YEARS = range(1995, 2101)
# Characters nobody types and nobody sees: control characters (an ESC from a terminal, a bell
# from a YAML "\a"), which feeds may not carry, and the bidirectional embeddings, overrides and
# isolates, which make a text read differently from how it is stored ("Trojan Source").
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class Invalid(ValueError):
    """A value that does not fit its field; the message says what to write instead."""


def found(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def suggest(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def moment(value: Any) -> tuple[dt.date | dt.datetime, bool]:
    """A date, a local date and time, or a month: returns (value, month_only)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(ALMATY).replace(tzinfo=None)
        return value, False
    if isinstance(value, dt.date):
        return value, False
    text = str(value).strip() if isinstance(value, (str, int)) else ""
    try:
        if match := _DATETIME.match(text):
            return _date_or_time(match), False
        if match := _MONTH.match(text):
            return dt.date(int(match[1]), int(match[2]), 1), True
    except ValueError as error:
        raise Invalid(f"{error}: expected {DATE_FORMS}, got {found(value)}") from None
    raise Invalid(f"expected {DATE_FORMS}, got {found(value)}")


def moment_in_range(value: Any) -> tuple[dt.date | dt.datetime, bool]:
    """`moment`, for an event: its year within `YEARS`."""
    found_moment = moment(value)
    if found_moment[0].year not in YEARS:
        raise Invalid(
            f"the year {found_moment[0].year} is outside {YEARS.start}–{YEARS.stop - 1} (the Assembly was founded "
            f"in 1995): check the year, got {found(value)}"
        )
    return found_moment


def invisible(text: str) -> str:
    """A description of the first invisible character in `text`, or '' when there is none."""
    match = INVISIBLE.search(text)
    if match is None:
        return ""
    code = f"U+{ord(match[0]):04X}"
    kind = "a control character" if ord(match[0]) < 0x2000 else "a bidirectional control character"
    return f"{kind} ({code}) at character {match.start() + 1}: delete it (retype the text around it if unsure)"


def _date_or_time(match: re.Match[str]) -> dt.date | dt.datetime:
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    if match[4] is None:
        if match[7]:
            raise ValueError("a date without a time cannot have a time zone")
        return dt.date(year, month, day)
    moment = dt.datetime(year, month, day, int(match[4]), int(match[5]), int(match[6] or 0))
    if match[7]:
        zone = dt.datetime.fromisoformat(f"2000-01-01T00:00{'+00:00' if match[7] == 'Z' else match[7]}").tzinfo
        moment = moment.replace(tzinfo=zone).astimezone(ALMATY).replace(tzinfo=None)
    return moment


def plain_text(value: Any, *, limit: int = 300) -> str:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise Invalid(f"expected text, got {found(value)}: write it on one line after the colon")
    text = " ".join(str(value).split())
    if not text:
        raise Invalid("is empty: write the text, or remove the line")
    if hidden := invisible(text):
        raise Invalid(f"contains {hidden}")
    if len(text) > limit:
        raise Invalid(f"is {len(text)} characters long; keep it to at most {limit}")
    return text


def choice(value: Any, choices: dict[str, Any], what: str) -> str:
    names = sorted(choices)
    if isinstance(value, str) and value in choices:
        return value
    hint = suggest(value, names) if isinstance(value, str) else ""
    listing = (
        ", ".join(names) if len(names) <= 4 else f"one of the {len(names)} {what} ids listed in the editors' guide"
    )
    raise Invalid(f"unknown {what} {found(value)}{hint} (expected {listing})")


def web_address(value: Any) -> str:
    text = plain_text(value, limit=2000)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
        raise Invalid(f"expected a web address starting with https://, got {found(value)}")
    return text


def identity(value: Any) -> str:
    if isinstance(value, str) and ID_PATTERN.match(value):
        return value
    raise Invalid(
        f"expected lower-case Latin letters, digits and hyphens, like 2025-04-24-xxxiv-session, got {found(value)}"
    )


def coordinates(value: Any) -> tuple[float, float]:
    example = "write [51.1283, 71.4305] (latitude, longitude)"
    if not isinstance(value, list) or len(value) != 2:
        raise Invalid(f"expected two numbers, got {found(value)}: {example}")
    if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in value):
        raise Invalid(f"expected two numbers, got {found(value)}: {example}")
    lat, lon = float(value[0]), float(value[1])
    if not (40 <= lat <= 56 and 46 <= lon <= 88):
        raise Invalid(f"{lat}, {lon} is outside Kazakhstan: {example}")
    return lat, lon


def flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise Invalid(f"expected true or false (without quotes), got {found(value)}")
