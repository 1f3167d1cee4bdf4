"""The iCalendar feeds: byte-exact goldens per language, and the same bytes read back by two parsers.

Regenerate the goldens after an intended change with
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_feed.py
and review `git diff tests/golden/feeds` before committing them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from functools import cache
from pathlib import Path

import pytest
from apk_site import feed, feed_files
from apk_site.loader import load_events
from apk_site.model import Event
from apk_site.revisions import FALLBACK_TIME, Revision, Revisions
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

TESTS = Path(__file__).parents[1]
FIXTURE = TESTS / "fixtures" / "feed_events"
GOLDEN = TESTS / "golden" / "feeds"
SITE = "https://apk30.example.kz/"
LANGS = ("kk", "ru", "en")
NAMES = {"kk": "ҚХА-30 іс-шаралары", "ru": "Мероприятия АНК-30", "en": "APK 30 events"}
DESCRIPTIONS = {
    "kk": "Қазақстан халқы Ассамблеясының 30 жылдығы; уақыт UTC+5.",
    "ru": "30-летие Ассамблеи народа Казахстана; время UTC+5.",
    "en": "The 30th anniversary of the Assembly of People of Kazakhstan; times in UTC+5.",
}
# Everything a title can throw at the writer: Kazakh letters, quotes, the characters TEXT escapes,
# sequences that look escaped already, and a line break followed by a component of its own.
HOSTILE_TITLE = (
    'Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі «тырнақша» "quotes"; нүктелі үтір, үтір \\ C:\\New \\n \\; \\,'
    "\nBEGIN:VEVENT\nUID:injected@evil\nEND:VEVENT"
)
REVISIONS = Revisions(
    {"2025-04-24-timed": Revision(2, dt.datetime(2025, 4, 1, 8, 30, tzinfo=dt.UTC))},
    Revision(0, FALLBACK_TIME),
)
IN_FEED = (
    "2025-04-24-timed",
    "2025-05-01-all-day",
    "2025-06-10-festival",
    "2025-07-05-cancelled",
    "2025-08-20-postponed",
    "2025-10-03-no-english",
    "2025-11-11-hostile",
)


@cache
def fixture_events() -> tuple[Event, ...]:
    events, problems = load_events(FIXTURE)
    assert problems == ()
    # YAML front matter cannot put a line break in a title, so the hostile one is set here.
    return tuple(_with_title(e, HOSTILE_TITLE) if e.id.endswith("hostile") else e for e in events)


def _with_title(event: Event, title: str) -> Event:
    return dataclasses.replace(
        event, translations=tuple(dataclasses.replace(t, title=title) for t in event.translations)
    )


def by_id(event_id: str) -> Event:
    return next(e for e in fixture_events() if e.id == event_id)


@cache
def feed_bytes(lang: str) -> bytes:
    return feed.calendar_bytes(
        fixture_events(), lang, name=NAMES[lang], description=DESCRIPTIONS[lang], site_url=SITE, revisions=REVISIONS
    )


def assert_golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"{path} is missing: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert data == path.read_bytes(), f"{name} differs from its golden file (UPDATE_GOLDEN=1 regenerates it)"


def unfolded_lines(data: bytes) -> list[str]:
    return re.sub(r"\r\n[ \t]", "", data.decode()).removesuffix("\r\n").split("\r\n")


# --- Goldens ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_matches_its_golden_file(lang: str) -> None:
    assert_golden(f"calendar.{lang}.ics", feed_bytes(lang))


def test_single_event_file_matches_its_golden_file() -> None:
    data = feed.event_bytes(by_id("2025-04-24-timed"), "en", site_url=SITE, revisions=REVISIONS)
    assert_golden("2025-04-24-timed.en.ics", data)


@pytest.mark.parametrize("lang", LANGS)
def test_feed_breaks_no_rule(lang: str) -> None:
    assert feed.problems_in(feed_bytes(lang)) == []


def test_single_event_file_breaks_no_rule_and_is_published() -> None:
    data = feed.event_bytes(by_id("2025-11-11-hostile"), "ru", site_url=SITE, revisions=REVISIONS)
    assert feed.problems_in(data) == []
    assert b"\r\nMETHOD:PUBLISH\r\n" in data
    assert unfolded_lines(data).count("BEGIN:VEVENT") == 1


def test_same_input_gives_same_bytes_in_any_order() -> None:
    reordered = feed.calendar_bytes(
        tuple(reversed(fixture_events())),
        "kk",
        name=NAMES["kk"],
        description=DESCRIPTIONS["kk"],
        site_url=SITE,
        revisions=REVISIONS,
    )
    assert reordered == feed_bytes("kk")


# --- Calendar properties, checked in the bytes -----------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_properties(lang: str) -> None:
    lines = unfolded_lines(feed_bytes(lang))
    assert lines[:5] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Assembly of People of Kazakhstan//apk30 events//{lang.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in lines
    assert "X-PUBLISHED-TTL:PT12H" in lines
    escaped_name = NAMES[lang].replace(";", "\\;").replace(",", "\\,")
    escaped_description = DESCRIPTIONS[lang].replace(";", "\\;").replace(",", "\\,")
    assert f"NAME:{escaped_name}" in lines and f"X-WR-CALNAME:{escaped_name}" in lines
    assert f"X-WR-CALDESC:{escaped_description}" in lines


def test_no_random_or_clock_values_and_no_time_zones() -> None:
    data = feed_bytes("en")
    lines = unfolded_lines(data)
    uids = [line for line in lines if line.startswith("UID:")]
    assert uids == [f"UID:{event_id}@apk30" for event_id in IN_FEED]
    assert set(line for line in lines if line.startswith("DTSTAMP:")) == {
        "DTSTAMP:20250401T083000Z",
        "DTSTAMP:20250301T000000Z",
    }
    assert b"TZID" not in data and b"VTIMEZONE" not in data and b"VALARM" not in data


def test_crlf_and_folding_keep_kazakh_letters_whole() -> None:
    data = feed_bytes("kk")
    physical = data.split(b"\r\n")
    assert physical[-1] == b"" and all(b"\n" not in line for line in physical)
    assert max(len(line) for line in physical) == 75, "long Kazakh lines are folded right at the limit"
    for line in physical:
        line.decode("utf-8")  # raises if a fold split a two-octet letter
    assert any(line.startswith(" ") and "ә" in line for line in data.decode().split("\r\n"))


def test_a_line_break_in_a_title_cannot_start_a_component() -> None:
    lines = unfolded_lines(feed_bytes("kk"))
    assert lines.count("BEGIN:VEVENT") == len(IN_FEED) == lines.count("END:VEVENT")
    assert not any(line.startswith("UID:injected") for line in lines)
    hostile = [line for line in lines if line.startswith("SUMMARY")][-1]
    assert hostile.endswith("\\nBEGIN:VEVENT\\nUID:injected@evil\\nEND:VEVENT")


# --- Read back with icalendar ----------------------------------------------------------------


def parsed_icalendar(lang: str) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(feed_bytes(lang))
    return {str(e["UID"]): {k: e.decoded(k) for k in e} for e in calendar.walk("VEVENT")}


@pytest.mark.parametrize("lang", LANGS)
def test_icalendar_reads_back_every_event(lang: str) -> None:
    events = parsed_icalendar(lang)
    assert sorted(events) == sorted(f"{event_id}@apk30" for event_id in IN_FEED)
    assert "2025-09-plan@apk30" not in events, "a month-only plan has no day to show"
    hostile = events["2025-11-11-hostile@apk30"]
    assert hostile["SUMMARY"] == HOSTILE_TITLE


def test_icalendar_reads_utc_times_and_exclusive_all_day_ends() -> None:
    events = parsed_icalendar("en")
    timed = events["2025-04-24-timed@apk30"]
    assert timed["DTSTART"] == dt.datetime(2025, 4, 24, 5, 0, tzinfo=dt.UTC)
    assert timed["DTEND"] == dt.datetime(2025, 4, 24, 8, 30, tzinfo=dt.UTC)
    assert timed["DTSTART"].utcoffset() == dt.timedelta(0)
    assert timed["SEQUENCE"] == 2 and timed["LAST-MODIFIED"] == dt.datetime(2025, 4, 1, 8, 30, tzinfo=dt.UTC)
    assert events["2025-05-01-all-day@apk30"]["DTSTART"] == dt.date(2025, 5, 1)
    assert events["2025-05-01-all-day@apk30"]["DTEND"] == dt.date(2025, 5, 2)
    assert events["2025-06-10-festival@apk30"]["DTEND"] == dt.date(2025, 6, 13)
    assert "DTEND" not in events["2025-07-05-cancelled@apk30"]
    overnight = events["2025-10-03-no-english@apk30"]
    assert (overnight["DTSTART"], overnight["DTEND"]) == (
        dt.datetime(2025, 10, 3, 10, 0, tzinfo=dt.UTC),
        dt.datetime(2025, 10, 4, 7, 0, tzinfo=dt.UTC),
    )


def test_icalendar_reads_statuses_places_and_links() -> None:
    events = parsed_icalendar("ru")
    statuses = {uid: e["STATUS"] for uid, e in events.items()}
    assert statuses["2025-07-05-cancelled@apk30"] == "CANCELLED"
    assert statuses["2025-08-20-postponed@apk30"] == "TENTATIVE"
    assert statuses["2025-04-24-timed@apk30"] == "CONFIRMED"
    timed = events["2025-04-24-timed@apk30"]
    assert timed["LOCATION"] == "Дворец Независимости, проспект Тауелсиздик, 52, Астана"
    assert timed["URL"] == "https://apk30.example.kz/ru/events/2025-04-24-timed/"
    assert timed["GEO"] == (51.1283, 71.4305)
    assert timed["CATEGORIES"] == ["Сессии и форумы"]
    assert str(timed["DESCRIPTION"]).endswith("\n\nhttps://apk30.example.kz/ru/events/2025-04-24-timed/")
    assert "на сайте Ассамблеи (https://assembly.kz/ru/)" in timed["DESCRIPTION"]
    assert "**" not in timed["DESCRIPTION"]
    postponed = events["2025-08-20-postponed@apk30"]["DESCRIPTION"]
    assert str(postponed).startswith("Статус: Перенесено\n")


@pytest.mark.parametrize(
    ("lang", "first_line"),
    [("kk", "Мәртебесі: Кейінге қалдырылды"), ("ru", "Статус: Перенесено"), ("en", "Status: Postponed")],
)
def test_postponed_is_said_in_the_feed_language(lang: str, first_line: str) -> None:
    description = parsed_icalendar(lang)["2025-08-20-postponed@apk30"]["DESCRIPTION"]
    assert str(description).split("\n")[0] == first_line


def test_a_missing_translation_falls_back_and_says_so() -> None:
    lines = unfolded_lines(feed_bytes("en"))
    assert "SUMMARY;LANGUAGE=ru:Семинар Совета матерей" in lines
    description = parsed_icalendar("en")["2025-10-03-no-english@apk30"]["DESCRIPTION"]
    assert str(description).startswith("This text has not been translated into English yet, so it is shown in Russian.")
    assert "SUMMARY:Session of the Assembly of People of Kazakhstan" in lines


def test_organizer_parses_with_its_name() -> None:
    organizer = Calendar.from_ical(feed_bytes("en")).walk("VEVENT")[-1]["ORGANIZER"]
    assert organizer.params["CN"] == 'Клуб "журналистов"; бөлім, 1\\2'
    assert str(organizer) == "https://apk30.example.kz/en/events/2025-11-11-hostile/"


# --- Read back with the `ical` package -------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_ical_package_reads_the_same_events(lang: str) -> None:
    calendar = IcsCalendarStream.calendar_from_ics(feed_bytes(lang).decode("utf-8"))
    events = {event.uid: event for event in calendar.events}
    assert sorted(events) == sorted(f"{event_id}@apk30" for event_id in IN_FEED)
    assert events["2025-11-11-hostile@apk30"].summary == HOSTILE_TITLE
    timed = events["2025-04-24-timed@apk30"]
    assert timed.dtstart == dt.datetime(2025, 4, 24, 5, 0, tzinfo=dt.UTC)
    assert timed.sequence == 2
    assert events["2025-06-10-festival@apk30"].dtstart == dt.date(2025, 6, 10)
    assert events["2025-06-10-festival@apk30"].dtend == dt.date(2025, 6, 13)
    assert events["2025-07-05-cancelled@apk30"].status.value == "CANCELLED"
    assert events["2025-08-20-postponed@apk30"].status.value == "TENTATIVE"
    assert events["2025-11-11-hostile@apk30"].organizer.common_name == 'Клуб "журналистов"; бөлім, 1\\2'
    assert all(not event.alarm for event in calendar.events)


# --- Times -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("local", "instant"),
    [
        (dt.datetime(2025, 4, 24, 10, 0), dt.datetime(2025, 4, 24, 5, 0, tzinfo=dt.UTC)),
        # Kazakhstan moved from UTC+6 to UTC+5 at the start of 2024-03-01 (tzdata 2024a).
        (dt.datetime(2024, 2, 29, 10, 0), dt.datetime(2024, 2, 29, 4, 0, tzinfo=dt.UTC)),
        (dt.datetime(2024, 3, 1, 10, 0), dt.datetime(2024, 3, 1, 5, 0, tzinfo=dt.UTC)),
    ],
)
def test_local_times_become_utc(local: dt.datetime, instant: dt.datetime) -> None:
    assert feed.utc(local) == instant


def test_a_month_only_event_has_no_file_of_its_own() -> None:
    plan = by_id("2025-09-plan")
    assert not feed.in_feeds(plan)
    with pytest.raises(ValueError, match="month-only"):
        feed.event_bytes(plan, "kk", site_url=SITE, revisions=REVISIONS)


@pytest.mark.parametrize(
    ("lang", "url"),
    [("kk", f"{SITE}events/x/"), ("ru", f"{SITE}ru/events/x/"), ("en", f"{SITE}en/events/x/")],
)
def test_event_page_url_per_language(lang: str, url: str) -> None:
    event = dataclasses.replace(by_id("2025-05-01-all-day"), id="x")
    assert feed.event_url(event, lang, SITE.rstrip("/")) == url


# --- Markdown to plain text ------------------------------------------------------------------

PAGE = "https://apk30.example.kz/en/events/x/"


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("See [the site](https://a.kz/) now.", "See the site (https://a.kz/) now."),
        ("[calendar](../../calendar/)", "calendar (https://apk30.example.kz/en/calendar/)"),
        ("<https://a.kz/x>", "https://a.kz/x"),
        ("[https://a.kz/](https://a.kz/)", "https://a.kz/"),
        ("**bold** and *it* and _it_ and `code`", "bold and it and it and code"),
        ("snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"),
        ("one\nparagraph\n\ntwo", "one paragraph\n\ntwo"),
        ("## Heading\n- first\n- second\n  continued\n* third", "Heading\n- first\n- second continued\n- third"),
        ("> quoted\n\n---\n\n![alt](i.png) \\*not bold\\*", "quoted\n\nalt *not bold*"),
    ],
)
def test_markdown_becomes_plain_text(markdown: str, text: str) -> None:
    assert feed.plain_text(markdown, PAGE) == text


# --- Our folding against icalendar's ---------------------------------------------------------

# Pieces whose octets land on each side of the 75-octet limit as the prefix before them grows:
# one-, two-, three- and four-octet characters, and the escapes icalendar keeps on one line.
FOLD_PIECES = ("a", "Қазақ ", "Мероприятие ", "€漢", "🎉", "\\,", "\\;", "\\n", "\\\\", "^n^^^'", "a\\", "әӘ\\,")


def tricky_lines() -> list[str]:
    lines = ["BEGIN:VEVENT", ""] + ["X:" + "a" * (octets - 2) for octets in (74, 75, 76, 77, 148, 149, 150)]
    for piece in FOLD_PIECES:
        for prefix in range(1, 80):
            lines.append("DESCRIPTION:" + "x" * prefix + piece * (160 // len(piece.encode())))
            lines.append("X:" + "x" * prefix + piece)  # the piece itself right at the limit
    return lines


def test_fold_is_icalendars_folding_byte_for_byte() -> None:
    from icalendar.parser.string import _foldline

    lines = tricky_lines()
    assert {len(line.encode()) for line in lines} >= {74, 75, 76, 77, 149, 150}
    different = [line for line in lines if feed.fold(line.encode()) != _foldline(line).encode()]
    assert different == []


@pytest.mark.parametrize("lang", LANGS)
def test_to_ical_is_icalendars_to_ical(lang: str) -> None:
    for event in fixture_events():
        component = feed._vevent(event, lang, SITE, REVISIONS.of(event.id))
        assert feed.to_ical(component) == component.to_ical()
    calendar = feed._calendar(lang)
    calendar.add("NAME", feed.TextValue(HOSTILE_TITLE))
    calendar.add("REFRESH-INTERVAL", feed.REFRESH, parameters={"VALUE": "DURATION"})
    assert feed.to_ical(calendar) == calendar.to_ical()


# --- The checker itself ----------------------------------------------------------------------

GOOD = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (GOOD.replace(b"UID:a\r\n", b"UID:a\n"), "line 3: a bare LF or CR; every line must end with CRLF"),
        (GOOD[:-2], "the last line does not end with CRLF"),
        (GOOD.replace(b"UID:a", b"UID:" + b"a" * 72), "line 3: 76 octets; fold lines at 75"),
        (
            GOOD.replace(b"UID:a", "UID:қ".encode()[:-1] + b"\r\n " + "қ".encode()[-1:]),
            "line 3: not valid UTF-8 at octet 4 (a fold inside a character?)",
        ),
        (GOOD.replace(b"UID:a", b"DTSTART;TZID=Asia/Almaty:20250424T100000"), "TZID Asia/Almaty has no VTIMEZONE"),
        (
            GOOD.replace(b"END:VCALENDAR", b"BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nEND:VCALENDAR"),
            "UID a is used more than once",
        ),
        (
            GOOD.replace(b"UID:a", b"UID:a\r\nREFRESH-INTERVAL:PT12H"),
            "REFRESH-INTERVAL needs VALUE=DURATION (RFC 7986)",
        ),
        (GOOD.replace(b"END:VEVENT\r\n", b""), "END:VCALENDAR does not close the component that is open"),
        (
            GOOD.replace(b"END:VCALENDAR\r\n", b""),
            "the data must start with BEGIN:VCALENDAR and end with END:VCALENDAR",
        ),
    ],
)
def test_problems_in_finds_each_broken_rule(data: bytes, problem: str) -> None:
    assert problem in feed.problems_in(data)


def test_problems_in_accepts_good_data() -> None:
    assert feed.problems_in(GOOD) == []


# --- The coming-up feed (issue 15, item 4) ---------------------------------------------------------


def parsed_uids(data: bytes) -> list[str]:
    """The UIDs read by both parsers, which must agree."""
    first = [str(event["UID"]) for event in Calendar.from_ical(data).walk("VEVENT")]
    second = [event.uid for event in IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events]
    assert first == second
    return first


@pytest.mark.parametrize("lang", LANGS)
def test_the_coming_up_feed_holds_what_ends_in_the_last_30_days_or_later(lang: str) -> None:
    events = fixture_events()
    today = dt.date(2025, 7, 20)  # 30 days before: 20 June, after the festival of 10-12 June
    files = feed_files.feed_files(events, lang, SITE, REVISIONS, today)
    data = files[feed_files.UPCOMING_FEED]
    assert feed.problems_in(data) == []
    expected = [
        f"{e.id}@apk30"
        for e in sorted(events, key=lambda e: e.sort_key)
        if feed.in_feeds(e) and e.when.end_date >= dt.date(2025, 6, 20)
    ]
    assert parsed_uids(data) == expected == [f"{i}@apk30" for i in IN_FEED[3:]]
    calendar = Calendar.from_ical(data)
    assert (
        str(calendar["X-WR-CALNAME"])
        == {
            "kk": "ҚХА 30 жыл: алдағы іс-шаралар",
            "ru": "30 лет АНК: ближайшие мероприятия",
            "en": "APK at 30: coming up",
        }[lang]
    )
    whole = f"{SITE}{'' if lang == 'kk' else lang + '/'}feeds/calendar.ics"
    assert whole in str(calendar["DESCRIPTION"])
    # The same VEVENT bytes as in the whole calendar, which still lists every event.
    assert parsed_uids(files[feed_files.CALENDAR_FEED]) == [f"{i}@apk30" for i in IN_FEED]
    for uid in expected:
        assert vevent_of(data, uid) == vevent_of(files[feed_files.CALENDAR_FEED], uid)


def vevent_of(data: bytes, uid: str) -> bytes:
    for chunk in data.split(b"BEGIN:VEVENT\r\n")[1:]:
        if f"\r\nUID:{uid}\r\n".encode() in chunk:
            return chunk.split(b"END:VEVENT\r\n")[0]
    raise AssertionError(uid)


def test_the_coming_up_feed_is_the_same_bytes_for_the_same_build_date() -> None:
    events = fixture_events()
    one = feed_files.feed_files(events, "ru", SITE, REVISIONS, dt.date(2025, 7, 20))[feed_files.UPCOMING_FEED]
    again = feed_files.feed_files(tuple(reversed(events)), "ru", SITE, REVISIONS, dt.date(2025, 7, 20))
    assert one == again[feed_files.UPCOMING_FEED]
    later = feed_files.feed_files(events, "ru", SITE, REVISIONS, dt.date(2026, 1, 1))[feed_files.UPCOMING_FEED]
    assert parsed_uids(later) == [] and feed.problems_in(later) == []


def test_the_coming_up_feed_stops_at_a_whole_day_under_the_limit() -> None:
    """Events as large as at 4,200 events a year: the feed takes whole start days, in date order,
    while they fit in UPCOMING_MAX_OCTETS, and drops the furthest days (still in the whole feed)."""
    events = tuple(sorted((e for e in fixture_events() if feed.in_feeds(e)), key=lambda e: e.sort_key))
    size = (feed_files.UPCOMING_MAX_OCTETS - feed_files.HEAD_OCTETS) // 3  # three events fit, four do not
    kept = feed_files.upcoming(events, {e.id: size for e in events}, None)
    assert [e.id for e in kept] == list(IN_FEED[:3])
    kept = feed_files.upcoming(events, {e.id: size for e in events}, dt.date(2025, 6, 20))
    assert [e.id for e in kept] == list(IN_FEED[3:6])
    # Two events starting the same day go in together or not at all.
    same_day = (events[0], dataclasses.replace(events[1], when=events[0].when), *events[2:])
    kept = feed_files.upcoming(same_day, {e.id: size + 1 for e in events}, None)
    assert [e.id for e in kept] == [events[0].id, events[1].id]
    kept = feed_files.upcoming(same_day, {e.id: size * 2 + 3 if e.id == events[1].id else size for e in events}, None)
    assert [e.id for e in kept] == [], "the first day needs more than the room: nothing is taken, nothing later either"
    assert feed_files.upcoming(events, {e.id: feed_files.UPCOMING_MAX_OCTETS for e in events}, None) == []
