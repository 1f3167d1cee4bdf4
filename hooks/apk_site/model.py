"""The frozen model of an event, as the loader hands it to views and feeds.

No I/O and no formatting here: an `Event` is facts plus per-language text, and knows which
language to fall back to when a translation is missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from . import LANGUAGES

Status = Literal["scheduled", "postponed", "cancelled"]
STATUSES: tuple[Status, ...] = ("scheduled", "postponed", "cancelled")

# Whom a reader of each language is most likely to understand when their own text is missing.
FALLBACK_ORDER: dict[str, tuple[str, ...]] = {
    "kk": ("kk", "ru", "en"),
    "ru": ("ru", "kk", "en"),
    "en": ("en", "ru", "kk"),
}

TEXT_FIELDS = ("title", "summary", "venue", "address", "body")


@dataclass(frozen=True)
class Text:
    """A piece of text and the language it is written in (which may differ from the page's)."""

    value: str
    lang: str


@dataclass(frozen=True)
class Translation:
    lang: str
    path: str
    title: str
    summary: str = ""
    venue: str = ""
    address: str = ""
    body: str = ""
    body_line: int = field(default=1, compare=False)  # the file's line where `body` starts


@dataclass(frozen=True, order=True)
class When:
    """When an event happens, always in Asia/Almaty local time.

    `start`/`end` are dates for all-day events and naive local datetimes for timed ones.
    `month_only` marks a plan whose day is not known yet (`start: 2025-05`).
    """

    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None = None
    month_only: bool = False

    @property
    def timed(self) -> bool:
        return isinstance(self.start, dt.datetime)

    @property
    def start_date(self) -> dt.date:
        start = self.start
        return start.date() if isinstance(start, dt.datetime) else start

    @property
    def end_date(self) -> dt.date:
        end = self.end if self.end is not None else self.start
        return end.date() if isinstance(end, dt.datetime) else end


@dataclass(frozen=True)
class Organizer:
    """One of the Assembly's structures (`id` set) or an organizer written as free text."""

    id: str | None
    names: dict[str, str] = field(hash=False, compare=False)


@dataclass(frozen=True)
class Event:
    id: str
    path: str
    when: When
    region: str
    category: str
    organizer: Organizer
    status: Status = "scheduled"
    geo: tuple[float, float] | None = None
    links: tuple[tuple[str, str], ...] = ()
    source: str = ""
    sample: bool = False
    translations: tuple[Translation, ...] = ()

    def translation(self, lang: str) -> Translation | None:
        return next((t for t in self.translations if t.lang == lang), None)

    def text(self, name: str, lang: str) -> Text | None:
        """The field in `lang`, or in the nearest language that has it."""
        for candidate in FALLBACK_ORDER[lang]:
            translation = self.translation(candidate)
            value = getattr(translation, name) if translation else ""
            if value:
                return Text(value, candidate)
        return None

    def title(self, lang: str) -> Text:
        text = self.text("title", lang)
        assert text is not None, "the loader guarantees at least one title"
        return text

    def missing_languages(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGUAGES if self.translation(lang) is None)

    @property
    def sort_key(self) -> tuple[dt.date, str, str]:
        start = self.when.start
        clock = start.strftime("%H:%M") if isinstance(start, dt.datetime) else ""
        return (self.when.start_date, clock, self.id)
