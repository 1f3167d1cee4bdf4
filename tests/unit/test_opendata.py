"""Open data: events.json checked against its published JSON Schema, events.csv read back as Excel and Python would.

Both fixtures go through the real loader; the hostile title is set here because YAML cannot hold a line break.
"""

from __future__ import annotations

import copy
import csv
import dataclasses
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from apk_site import opendata
from apk_site.fields import ID_PATTERN
from apk_site.loader import load_events
from apk_site.model import STATUSES, Event
from apk_site.reference import reference
from apk_site.revisions import FALLBACK_TIME, Revision, Revisions
from jsonschema import Draft202012Validator, FormatChecker

FIXTURES = Path(__file__).parents[1] / "fixtures"
SITE = "https://apk30.example.kz/"
FILES = ("data/events.json", "data/events.csv", "data/events.schema.json")
TOUCHED = dt.datetime(2025, 4, 1, 8, 30, tzinfo=dt.UTC)
REVISIONS = Revisions({"fx-timed": Revision(2, TOUCHED)}, Revision(0, FALLBACK_TIME))
HOSTILE_TITLE = '«Достық» үйі, 2-қабат; "тырнақша", үтір\nекінші жол = +1'
HOSTILE_ID = "fx-allday"
BOM = b"\xef\xbb\xbf"
EXPECTED_COLUMNS = [
    *("id", "start", "end", "date_precision", "status", "region_id", "region_iso", "category_id", "organizer_id"),
    *("title_kk", "title_ru", "title_en", "summary_kk", "summary_ru", "summary_en"),
    *("venue_kk", "venue_ru", "venue_en", "address_kk", "address_ru", "address_en"),
    *("region_name_kk", "region_name_ru", "region_name_en", "category_name_kk", "category_name_ru", "category_name_en"),
    *("organizer_name_kk", "organizer_name_ru", "organizer_name_en", "url_kk", "url_ru", "url_en"),
    *("geo_lat", "geo_lon", "registration", "livestream", "source", "sample", "sequence", "last_modified"),
]
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


# --- Fixtures --------------------------------------------------------------------------------


@cache
def small_events() -> tuple[Event, ...]:
    events, problems = load_events(FIXTURES / "events_small")
    assert problems == ()
    return tuple(_with_kk_title(e, HOSTILE_TITLE) if e.id == HOSTILE_ID else e for e in events)


@cache
def feed_fixture_events() -> tuple[Event, ...]:
    events, problems = load_events(FIXTURES / "feed_events")
    assert problems == ()
    return events


def _with_kk_title(event: Event, title: str) -> Event:
    translations = tuple(dataclasses.replace(t, title=title) if t.lang == "kk" else t for t in event.translations)
    return dataclasses.replace(event, translations=translations)


@cache
def files(fixture: str = "events_small") -> dict[str, bytes]:
    events = small_events() if fixture == "events_small" else feed_fixture_events()
    return opendata.opendata_files(events, SITE, REVISIONS)


def document(fixture: str = "events_small") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(files(fixture)["data/events.json"])
    return data


def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(files()["data/events.schema.json"])
    return data


def record(event_id: str, fixture: str = "events_small") -> dict[str, Any]:
    return next(e for e in document(fixture)["events"] if e["id"] == event_id)


def csv_rows(fixture: str = "events_small") -> list[dict[str, str]]:
    text = files(fixture)["data/events.csv"].decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def format_checker() -> FormatChecker:
    """jsonschema's checker, plus date-time and uri: without optional packages it skips both silently."""
    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def date_time(value: object) -> bool:
        return not isinstance(value, str) or (bool(_RFC3339.match(value)) and bool(dt.datetime.fromisoformat(value)))

    @checker.checks("uri")
    def uri(value: object) -> bool:
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return bool(parts.scheme and parts.netloc) and not re.search(r"\s", value)

    return checker


def validator() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=format_checker())


def errors(instance: dict[str, Any]) -> list[str]:
    return sorted(error.message for error in validator().iter_errors(instance))


# --- The files -------------------------------------------------------------------------------


def test_the_three_files_and_nothing_else() -> None:
    assert sorted(files()) == sorted(FILES)


def test_same_input_same_bytes() -> None:
    first = opendata.opendata_files(small_events(), SITE, REVISIONS)
    second = opendata.opendata_files(tuple(reversed(small_events())), SITE, REVISIONS)
    assert first == second


def test_json_is_sorted_utf8_with_lf_and_a_final_newline() -> None:
    data = files()["data/events.json"]
    assert data.endswith(b"}\n") and b"\r" not in data
    assert "Жастар спартакиадасы".encode() in data and b"\\u" not in data
    text = data.decode("utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_schema_file_is_published_with_its_address() -> None:
    data = files()["data/events.schema.json"]
    assert data.endswith(b"}\n") and b"\r" not in data
    published = schema()
    Draft202012Validator.check_schema(published)
    assert list(published)[:2] == ["$schema", "$id"]
    assert published["$id"] == f"{SITE}data/events.schema.json" == document()["$schema"]


def test_site_url_without_a_slash_gives_the_same_addresses() -> None:
    assert opendata.opendata_files(small_events(), SITE.rstrip("/"), REVISIONS) == files()


# --- The schema ------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["events_small", "feed_events"])
def test_events_json_is_valid(fixture: str) -> None:
    assert errors(document(fixture)) == []


def test_every_format_in_the_schema_is_really_checked() -> None:
    used = {node["format"] for node in _nodes(schema()) if "format" in node}
    assert used == {"uri", "date", "date-time"}
    assert used <= set(format_checker().checkers)


def test_every_property_has_a_description() -> None:
    undocumented = [
        f"{where}.{name}"
        for where, node in _declarations(schema(), "#")
        for name, prop in node.get("properties", {}).items()
        if not str(prop.get("description", "")).strip()
    ]
    assert undocumented == []


def test_every_object_forbids_other_properties() -> None:
    declaring = [(where, node) for where, node in _declarations(schema(), "#") if "properties" in node]
    assert len(declaring) >= 10
    assert [where for where, node in declaring if node.get("additionalProperties") is not False] == []


def test_enums_are_the_reference_data() -> None:
    event = schema()["$defs"]["event"]["properties"]
    ref = reference()
    assert event["region"]["properties"]["id"]["enum"] == list(ref.regions)
    assert event["category"]["properties"]["id"]["enum"] == list(ref.categories)
    assert event["organizer"]["properties"]["id"]["enum"] == [*ref.organizers, None]
    assert event["status"]["enum"] == list(STATUSES)
    assert event["id"]["pattern"] == ID_PATTERN.pattern
    iso = re.compile(event["region"]["properties"]["iso"]["pattern"])
    assert [entry.iso for entry in ref.regions.values() if not iso.match(entry.iso)] == []


def _corrupt(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    broken = copy.deepcopy(document())
    target = broken
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return broken


_DELETE = object()


def _event_index(event_id: str) -> int:
    return next(i for i, e in enumerate(document()["events"]) if e["id"] == event_id)


CORRUPTIONS = {
    "unknown region": (("events", "fx-timed", "region", "id"), "almaty"),
    "unknown category": (("events", "fx-timed", "category", "id"), "concert"),
    "unknown status": (("events", "fx-timed", "status"), "confirmed"),
    "time without offset": (("events", "fx-timed", "start"), "2025-05-14T10:00:00"),
    "hour 25": (("events", "fx-timed", "end"), "2025-05-14T25:00:00+05:00"),
    "impossible date": (("events", "fx-allday", "start"), "2025-02-30"),
    "all-day end is a time": (("events", "fx-allday", "end"), "2025-03-01T10:00:00+05:00"),
    "month plan with a day": (("events", "fx-month-only", "start"), "2025-09-01"),
    "month plan with an end": (("events", "fx-month-only", "end"), "2025-09"),
    "last_modified not UTC": (("events", "fx-timed", "last_modified"), "2025-04-01T13:30:00+05:00"),
    "relative page address": (("events", "fx-timed", "url", "ru"), "/ru/events/fx-timed/"),
    "a field nobody documented": (("events", "fx-timed", "colour"), "red"),
    "a missing field": (("events", "fx-timed", "sequence"), _DELETE),
    "a language not listed": (("events", "fx-timed", "text", "de"), None),
    "untranslated text with a title": (("events", "fx-timed", "text", "en", "translated"), False),
    "translated text without a title": (("events", "fx-allday", "text", "en", "translated"), True),
    "latitude off the globe": (("events", "fx-timed", "geo", "lat"), 143.2),
    "negative sequence": (("events", "fx-timed", "sequence"), -1),
    "another source folder": (("generated_from",), "docs/"),
}


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_a_corrupted_document_fails(name: str) -> None:
    path, value = CORRUPTIONS[name]
    if path[0] == "events":
        path = ("events", _event_index(str(path[1])), *path[2:])
    assert errors(_corrupt(path, value)) != []


# --- The records -----------------------------------------------------------------------------


def test_every_event_once_in_order_with_count() -> None:
    data = document()
    ids = [e["id"] for e in data["events"]]
    assert ids == [e.id for e in sorted(small_events(), key=lambda e: e.sort_key)]
    assert data["count"] == len(ids) == len(set(ids)) == 5
    assert data["generated_from"] == "events/"


def test_timed_event_has_offset_times_revision_and_links() -> None:
    timed = record("fx-timed")
    assert (timed["start"], timed["end"]) == ("2025-05-14T10:00:00+05:00", "2025-05-14T13:30:00+05:00")
    assert (timed["all_day"], timed["date_precision"], timed["timezone"]) == (False, "day", "Asia/Almaty")
    assert (timed["sequence"], timed["last_modified"]) == (2, "2025-04-01T08:30:00Z")
    assert timed["links"] == {"registration": "https://example.org/register", "livestream": None}
    assert timed["geo"] == {"lat": 43.2389, "lon": 76.8897}
    assert timed["uid"] == "fx-timed@apk30"
    assert timed["url"] == {
        "kk": f"{SITE}events/fx-timed/",
        "ru": f"{SITE}ru/events/fx-timed/",
        "en": f"{SITE}en/events/fx-timed/",
    }


def test_all_day_events_have_plain_dates_and_an_inclusive_end() -> None:
    one_day, multiday = record("fx-allday"), record("fx-postponed-multiday")
    assert (one_day["start"], one_day["end"], one_day["all_day"]) == ("2025-03-01", "2025-03-01", True)
    assert (multiday["start"], multiday["end"], multiday["status"]) == ("2025-06-02", "2025-06-04", "postponed")
    assert (one_day["sequence"], one_day["last_modified"]) == (0, "2025-03-01T00:00:00Z")


def test_month_only_events_are_included_with_month_precision() -> None:
    plan = record("fx-month-only")
    assert (plan["start"], plan["end"], plan["date_precision"], plan["all_day"]) == ("2025-09", None, "month", True)
    row = next(r for r in csv_rows() if r["id"] == "fx-month-only")
    assert (row["start"], row["end"], row["date_precision"]) == ("2025-09", "", "month")
    assert record("2025-09-plan", "feed_events")["date_precision"] == "month"


def test_reference_names_and_codes_in_all_languages() -> None:
    timed = record("fx-timed")
    assert timed["region"] == {
        "id": "almaty-city",
        "iso": "KZ-75",
        "name": {"kk": "Алматы", "ru": "Алматы", "en": "Almaty"},
    }
    assert timed["category"]["name"] == dict(reference().categories["conference"].names)
    assert timed["organizer"] == {
        "id": "scientific-expert-council",
        "name": dict(reference().organizers["scientific-expert-council"].names),
    }
    free = record("fx-postponed-multiday")["organizer"]
    assert free == {
        "id": None,
        "name": {
            "kk": "Түркістан облысы әкімдігі",
            "ru": "Акимат Туркестанской области",
            "en": "Turkistan Region akimat",
        },
    }


def test_text_has_no_fallback() -> None:
    allday = record("fx-allday")["text"]
    assert allday["ru"] == {
        "title": "День благодарности",
        "summary": None,
        "venue": "Астана",
        "address": None,
        "body_markdown": "Праздничное мероприятие.",
        "translated": True,
    }
    untranslated = dict.fromkeys(("title", "summary", "venue", "address", "body_markdown"))
    assert allday["en"] == untranslated | {"translated": False}
    assert allday["kk"]["title"] == HOSTILE_TITLE
    english = record("2025-10-03-no-english", "feed_events")["text"]["en"]
    assert english["translated"] is False and english["title"] is None


def test_body_is_the_markdown_as_written() -> None:
    assert record("fx-timed")["text"]["en"]["body_markdown"] == "## Programme\n\nOpening and talks."


def test_last_modified_is_given_in_utc_whatever_zone_git_reported() -> None:
    almaty_time = dt.datetime(2025, 4, 1, 13, 30, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    event = next(e for e in small_events() if e.id == "fx-timed")
    assert opendata.event_record(event, SITE, Revision(1, almaty_time))["last_modified"] == "2025-04-01T08:30:00Z"


# --- The CSV ---------------------------------------------------------------------------------


def test_csv_starts_with_a_bom_and_uses_crlf() -> None:
    data = files()["data/events.csv"]
    assert data.startswith(BOM) and not data.startswith(BOM + BOM)
    header = data[len(BOM) :].split(b"\r\n", 1)[0]
    assert header.decode("ascii").split(",") == EXPECTED_COLUMNS
    assert data.endswith(b"\r\n")
    # Line breaks inside a quoted value stay as written; every record ends with CRLF.
    assert data.count(b"\r\n") == len(small_events()) + 1


@pytest.mark.parametrize("fixture", ["events_small", "feed_events"])
def test_csv_has_one_row_per_event_and_agrees_with_json(fixture: str) -> None:
    rows, events = csv_rows(fixture), document(fixture)["events"]
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    for row, event in zip(rows, events, strict=True):
        assert list(row) == EXPECTED_COLUMNS
        assert row["start"] == event["start"] and row["end"] == (event["end"] or "")
        assert row["region_iso"] == event["region"]["iso"]
        assert row["url_ru"] == event["url"]["ru"]
        assert row["title_en"] == (event["text"]["en"]["title"] or "")
        assert row["organizer_name_kk"] == (event["organizer"]["name"]["kk"] or "")
        assert row["sequence"] == str(event["sequence"]) and row["sample"] in ("true", "false")


def test_csv_hostile_kazakh_title_round_trips_exactly() -> None:
    row = next(r for r in csv_rows() if r["id"] == HOSTILE_ID)
    assert row["title_kk"] == HOSTILE_TITLE
    assert row["title_ru"] == "День благодарности" and row["title_en"] == ""
    raw = files()["data/events.csv"].decode("utf-8-sig")
    assert '"«Достық» үйі, 2-қабат; ""тырнақша"", үтір\nекінші жол = +1"' in raw


def test_csv_empty_values_and_numbers() -> None:
    rows = {r["id"]: r for r in csv_rows()}
    assert (rows["fx-timed"]["geo_lat"], rows["fx-timed"]["geo_lon"]) == ("43.2389", "76.8897")
    allday = rows["fx-allday"]
    assert (allday["geo_lat"], allday["geo_lon"], allday["registration"], allday["source"]) == ("", "", "", "")
    assert rows["fx-timed"]["last_modified"] == "2025-04-01T08:30:00Z"
    assert rows["fx-postponed-multiday"]["organizer_id"] == ""


# --- Helpers ---------------------------------------------------------------------------------


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def _declarations(node: dict[str, Any], where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Subschemas that declare properties; if/then/else only narrow properties declared beside them."""
    yield where, node
    for name, prop in node.get("properties", {}).items():
        yield from _declarations(prop, f"{where}/properties/{name}")
    for name, sub in node.get("$defs", {}).items():
        yield from _declarations(sub, f"{where}/$defs/{name}")
    if isinstance(node.get("items"), dict):
        yield from _declarations(node["items"], f"{where}/items")
