"""Everything a reader sees in their own language: CLDR dates and plurals (Babel) and UI labels.

English uses the British CLDR locale (24 April 2025, 24-hour clock); plain `en` would print US dates.
The zone is written as "UTC+5" by hand: Babel's Russian zone names wrongly say «летнее время».
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, format_time

from .model import When
from .records import load_yaml

CLDR_LOCALES = {"kk": "kk", "ru": "ru", "en": "en_GB"}
UTC_OFFSET = "(UTC+5)"


@cache
def cldr(lang: str) -> Locale:
    """Babel's locale for a site language, made once: given a name, Babel parses it on every call."""
    return Locale.parse(CLDR_LOCALES[lang])


@cache
def _messages() -> dict[str, dict[str, Any]]:
    with open(Path(__file__).parent / "data" / "ui.yaml", encoding="utf-8") as stream:
        return load_yaml(stream)  # type: ignore[no-any-return]


def t(key: str, lang: str, **values: Any) -> str:
    """The UI label `key` in `lang`, with `{name}` placeholders filled in."""
    text = _messages()[key][lang]
    return str(text).format(**values) if values else str(text)


def plural(count: int, key: str, lang: str) -> str:
    """'5 мероприятий': the count with the CLDR plural form of the noun under `key`."""
    forms = _messages()[key][lang]
    form = cldr(lang).plural_form(count)
    noun = forms.get(form, forms["other"])
    return f"{format_number(count, lang)} {noun}"


def plural_forms_json(key: str, lang: str) -> str:
    """The noun forms for the browser, which picks one with Intl.PluralRules."""
    import json

    return json.dumps(
        {"locale": CLDR_LOCALES[lang].replace("_", "-"), "forms": _messages()[key][lang]},
        ensure_ascii=False,
        sort_keys=True,
    )


def format_number(value: int, lang: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=cldr(lang))


def long_date(day: dt.date, lang: str) -> str:
    return format_date(day, "long", locale=cldr(lang))


def sort_key(text: str, lang: str) -> tuple[int, ...]:
    """Alphabetical order of the language (Kazakh letters after their Russian neighbours, as in
    the Kazakh alphabet), without needing ICU."""
    order = ALPHABETS[lang]
    return tuple(order.get(ch, 1000 + ord(ch)) for ch in text.lower())


ALPHABETS = {
    lang: {ch: i for i, ch in enumerate(letters)}
    for lang, letters in {
        "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя" + "abcdefghijklmnopqrstuvwxyz",
        "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя" + "әғқңөұүһі" + "abcdefghijklmnopqrstuvwxyz",
        "en": "abcdefghijklmnopqrstuvwxyz" + "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    }.items()
}


def format_day(day: dt.date, pattern: str, lang: str) -> str:
    return format_date(day, pattern, locale=cldr(lang))


def weekday(day: dt.date, lang: str) -> str:
    return format_date(day, "EEEE", locale=cldr(lang))


def month_heading(year: int, month: int, lang: str) -> str:
    text = format_skeleton("yMMMM", dt.date(year, month, 1), locale=cldr(lang))
    return text[:1].upper() + text[1:]


def clock(moment: dt.datetime, lang: str) -> str:
    return format_time(moment, "HH:mm", locale=cldr(lang))


def time_range(when: When, lang: str) -> str:
    """'10:00–13:30 (UTC+5)' for a timed event on one day; '' for an all-day event."""
    start, end = when.start, when.end
    if not isinstance(start, dt.datetime):
        return ""
    if isinstance(end, dt.datetime) and end.date() == start.date() and end != start:
        return f"{format_interval(start.time(), end.time(), 'Hm', locale=cldr(lang))} {UTC_OFFSET}"
    return f"{clock(start, lang)} {UTC_OFFSET}"


def date_range(when: When, lang: str) -> str:
    """The dates an event covers, read naturally: one day, a range of days, or a month to be announced."""
    if when.month_only:
        return f"{month_heading(when.start_date.year, when.start_date.month, lang)}, {t('date_tba', lang)}"
    first, last = when.start_date, when.end_date
    if first == last:
        return long_date(first, lang)
    return day_range(first, last, lang)


def day_range(first: dt.date, last: dt.date, lang: str) -> str:
    """'2–4 июня 2025 г.', '2025 ж. 24 сәуір – 2 мамыр': full month names, which CLDR's own
    interval formats abbreviate, built from the locale's long date pattern."""
    locale = cldr(lang)
    pattern = locale.date_formats["long"].pattern
    if first.year != last.year:
        return f"{long_date(first, lang)} – {long_date(last, lang)}"
    if first.month == last.month:
        return format_date(last, pattern.replace("d", f"'{first.day}–'d", 1), locale=locale)
    day_month = "MMMMd"
    if pattern.index("y") < pattern.index("d"):
        return f"{long_date(first, lang)} – {format_skeleton(day_month, last, locale=locale)}"
    return f"{format_skeleton(day_month, first, locale=locale)} – {long_date(last, lang)}"


def when_text(when: When, lang: str) -> str:
    """Date and time together, as on an event page: '24 April 2025, 10:00 (UTC+5)'."""
    dates = date_range(when, lang)
    start, end = when.start, when.end
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime) and end.date() != start.date():
        first = f"{long_date(start.date(), lang)}, {clock(start, lang)}"
        return f"{first} – {long_date(end.date(), lang)}, {clock(end, lang)} {UTC_OFFSET}"
    times = time_range(when, lang)
    return f"{dates}, {times}" if times else dates


def in_language(of: str, lang: str) -> str:
    """'in Kazakh', 'на казахском языке': how a page in `lang` names the language `of`."""
    return str(_messages()["in_language"][lang][of])
