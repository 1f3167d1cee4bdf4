"""The event loader: every field's good and bad forms, with the exact message and line number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from apk_site.loader import load_events

GOOD = """\
---
start: 2025-04-24 10:00
end: 2025-04-24 13:30
region: astana
category: session-forum
organizer: session
status: scheduled
title: Сессия
venue: Тәуелсіздік сарайы
---
Мәтін.
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def load(tmp_path: Path, files: dict[str, str]):
    events_dir = write(tmp_path / "events", files)
    return load_events(events_dir, tmp_path)


def messages(tmp_path: Path, files: dict[str, str]) -> list[str]:
    return [str(p) for p in load(tmp_path, files)[1]]


def with_field(line: str, value: str | None) -> str:
    """GOOD with the line starting `line:` replaced (or removed when value is None)."""
    out = []
    for row in GOOD.splitlines(keepends=True):
        if row.startswith(f"{line}:"):
            if value is not None:
                out.append(f"{line}: {value}\n")
        else:
            out.append(row)
    return "".join(out)


def test_good_event_loads_with_its_facts(tmp_path):
    events, problems = load(tmp_path, {"2025-04-24-session.md": GOOD})
    assert problems == ()
    (event,) = events
    assert event.id == "2025-04-24-session"
    assert event.when.start == dt.datetime(2025, 4, 24, 10, 0)
    assert event.when.end == dt.datetime(2025, 4, 24, 13, 30)
    assert event.region == "astana"
    assert event.organizer.id == "session"
    assert event.title("kk").value == "Сессия"
    assert event.text("body", "kk").value == "Мәтін."


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2025-04-24", dt.date(2025, 4, 24)),
        ("2025-04-24 10:00", dt.datetime(2025, 4, 24, 10, 0)),
        ("2025-04-24 10:00:00", dt.datetime(2025, 4, 24, 10, 0)),
        ("2025-04-24T09:05", dt.datetime(2025, 4, 24, 9, 5)),
        ("'2025-04-24 10:00'", dt.datetime(2025, 4, 24, 10, 0)),
        # An explicit offset is converted to Astana time (UTC+5).
        ("2025-04-24 10:00:00+06:00", dt.datetime(2025, 4, 24, 9, 0)),
    ],
)
def test_start_accepts_every_yaml_form_of_a_time(tmp_path, written, expected):
    text = with_field("start", written)
    text = with_field("end", None) if "end:" in text else text
    events, problems = load(
        tmp_path, {"x.md": with_field("end", None).replace("start: 2025-04-24 10:00", f"start: {written}")}
    )
    assert problems == ()
    assert events[0].when.start == expected


def test_month_only_start_is_a_planned_date(tmp_path):
    text = with_field("end", None).replace("start: 2025-04-24 10:00", "start: 2025-05")
    events, problems = load(tmp_path, {"x.md": text})
    assert problems == ()
    assert events[0].when.month_only
    assert events[0].when.start == dt.date(2025, 5, 1)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "start",
            "24.04.2025",
            "events/x.md:2: start: expected 2025-04-24 (all day), 2025-04-24 10:00 (with time) or 2025-05 "
            "(day not known yet), got '24.04.2025'",
        ),
        (
            "start",
            "2025-02-30",
            "events/x.md:2: start: day is out of range for month: expected 2025-04-24 (all day), "
            "2025-04-24 10:00 (with time) or 2025-05 (day not known yet), got '2025-02-30'",
        ),
        (
            "end",
            "2025-04-24 09:00",
            "events/x.md:3: end: ends (2025-04-24 09:00:00) before it starts (2025-04-24 10:00:00): swap them or fix the date",
        ),
        (
            "end",
            "2025-04-25",
            "events/x.md:3: end: start 2025-04-24 10:00:00 and end 2025-04-25 must both be dates, or both dates with a time",
        ),
        (
            "region",
            "almaty",
            "events/x.md:4: region: unknown region 'almaty': write almaty-city (the city) or almaty-region (the region)",
        ),
        (
            "region",
            "abay",
            "events/x.md:4: region: unknown region 'abay'; did you mean 'abai'? (expected one of the 21 region ids listed in the editors' guide)",
        ),
        (
            "category",
            "sports",
            "events/x.md:5: category: unknown category 'sports'; did you mean 'sport'? (expected one of the 17 category ids listed in the editors' guide)",
        ),
        (
            "organizer",
            "council-of-mother",
            "events/x.md:6: organizer: unknown structure id 'council-of-mother'; did you mean 'council-of-mothers'?: write a known id or the organizer's name in words",
        ),
        (
            "status",
            "canceled",
            "events/x.md:7: status: unknown status 'canceled'; did you mean 'cancelled'? (expected cancelled, postponed, scheduled)",
        ),
        ("title", "''", "events/x.md:8: title: is empty: write the text, or remove the line"),
        (
            "venue",
            "[a, b]",
            "events/x.md:9: venue: expected text, got ['a', 'b']: write it on one line after the colon",
        ),
    ],
)
def test_bad_value_names_file_line_field_and_fix(tmp_path, field, value, message):
    assert messages(tmp_path, {"x.md": with_field(field, value)}) == [message]


@pytest.mark.parametrize("field", ["start", "region", "category", "organizer"])
def test_missing_required_field(tmp_path, field):
    text = with_field(field, None)
    if field == "start":
        text = with_field("end", None).replace("start: 2025-04-24 10:00\n", "")
    assert messages(tmp_path, {"x.md": text}) == [
        f"events/x.md:1: {field}: is missing: add a line '{field}: ...' (see the editors' guide)"
    ]


def test_missing_title_and_venue(tmp_path):
    text = with_field("venue", None).replace("title: Сессия\n", "")
    assert messages(tmp_path, {"x.md": text}) == [
        "events/x.md:1: title: is missing: add a line 'title: ...' in this language",
        "events/x.md:1: venue: is missing: add a line 'venue: ...' with the name of the place",
    ]


def test_unknown_key_gets_a_suggestion(tmp_path):
    text = GOOD.replace("status: scheduled\n", "status: scheduled\nregoin: astana\n")
    assert messages(tmp_path, {"x.md": text}) == ["events/x.md:8: regoin: unknown field; did you mean 'region'?"]


def test_links_and_source_must_be_web_addresses(tmp_path):
    text = GOOD.replace(
        "status: scheduled\n",
        "status: scheduled\nsource: javascript:alert(1)\nlinks:\n  registration: https://example.org/r\n  livestrem: https://example.org/l\n",
    )
    assert messages(tmp_path, {"x.md": text}) == [
        "events/x.md:8: source: expected a web address starting with https://, got 'javascript:alert(1)'",
        "events/x.md:9: links: unknown link 'livestrem'; did you mean 'livestream'? (expected livestream or registration)",
    ]


def test_geo_must_be_inside_kazakhstan(tmp_path):
    text = GOOD.replace("status: scheduled\n", "status: scheduled\ngeo: [71.43, 51.13]\n")
    assert messages(tmp_path, {"x.md": text}) == [
        "events/x.md:8: geo: 71.43, 51.13 is outside Kazakhstan: write [51.1283, 71.4305] (latitude, longitude)"
    ]


def test_all_problems_in_all_files_are_reported_at_once_and_valid_events_kept(tmp_path):
    events, problems = load(
        tmp_path,
        {
            "a.md": with_field("region", "mars"),
            "b.md": with_field("category", "x"),
            "c.md": GOOD,
        },
    )
    assert [(p.path, p.field) for p in problems] == [("events/a.md", "region"), ("events/b.md", "category")]
    assert [e.id for e in events] == ["c"]


def test_translation_files_are_merged_and_cannot_set_shared_facts(tmp_path):
    events, problems = load(
        tmp_path,
        {
            "x.md": GOOD,
            "x.ru.md": "---\ntitle: Сессия (ru)\n---\nТекст.\n",
            "y.md": GOOD,
            "y.en.md": "---\ntitle: Session\nregion: astana\n---\n",
        },
    )
    assert [str(p) for p in problems] == [
        "events/y.en.md:3: region: is shared by all languages: set it once in events/y.md"
    ]
    (x,) = events
    assert x.title("ru").value == "Сессия (ru)"
    assert x.title("en").value == "Сессия (ru)"  # English falls back to Russian first
    assert x.title("en").lang == "ru"
    assert x.missing_languages() == ("en",)


def test_kz_suffix_is_an_error_that_says_kk(tmp_path):
    assert messages(tmp_path, {"x.md": GOOD, "x.kz.md": "---\ntitle: X\n---\n"}) == [
        "events/x.kz.md:1: file name: unknown language code 'kz': rename it to x.kk.md"
    ]


def test_translation_without_main_file(tmp_path):
    assert messages(tmp_path, {"lonely.ru.md": "---\ntitle: X\n---\n"}) == [
        "events/lonely.ru.md:1: file name: a translation needs its main file events/lonely.md (with start, region, ...): "
        "create it or fix this file's name"
    ]


def test_duplicate_identity_is_an_error(tmp_path):
    assert messages(tmp_path, {"a.md": GOOD, "2025/b.md": GOOD.replace("---\nstart", "---\nid: a\nstart")}) == [
        "events/a.md:1: id: 'a' is already used by events/2025/b.md: give this event its own id"
    ]


def test_identity_survives_date_and_title_changes(tmp_path):
    first = load(tmp_path / "1", {"x.md": GOOD})[0][0]
    changed = GOOD.replace("2025-04-24 10:00", "2025-05-02 10:00").replace("2025-04-24 13:30", "2025-05-02 12:00")
    second = load(tmp_path / "2", {"x.md": changed.replace("Сессия", "Жаңа атауы")})[0][0]
    assert first.id == second.id == "x"


def test_broken_yaml_points_at_the_line(tmp_path):
    text = GOOD.replace("title: Сессия", "title: [Сессия")
    assert messages(tmp_path, {"x.md": text}) == [
        "events/x.md:8: front matter: did not find expected ',' or ']': check quotes, colons and indentation on this line"
    ]


def test_missing_front_matter(tmp_path):
    assert messages(tmp_path, {"x.md": "title: no fences\n"}) == [
        "events/x.md:1: front matter: the file must start with a line '---', then the fields, then '---'"
    ]


def test_line_numbers_count_the_opening_fence(tmp_path):
    text = GOOD.replace("region: astana", "region: nowhere")
    (problem,) = load(tmp_path, {"x.md": text})[1]
    assert text.splitlines()[problem.line - 1] == "region: nowhere"


@pytest.mark.parametrize("field", ["title", "venue", "region"])
def test_empty_value_is_reported_not_dropped(tmp_path, field):
    assert messages(tmp_path, {"x.md": with_field(field, "")}) == [
        f"events/x.md:{GOOD.splitlines().index(next(r for r in GOOD.splitlines() if r.startswith(field + ':'))) + 1}: "
        f"{field}: is empty: write the value after the colon, or remove the line"
    ]


def test_files_under_underscore_folders_are_drafts(tmp_path):
    events, problems = load(tmp_path, {"x.md": GOOD, "_drafts/y.md": "not even front matter"})
    assert problems == ()
    assert [e.id for e in events] == ["x"]


def test_a_reload_after_a_save_reads_the_saved_file_again_and_reuses_the_others(tmp_path):
    """`mkdocs serve` reloads the events after every save: only the saved event is parsed again."""
    folder = write(tmp_path, {"a.md": GOOD, "b.md": GOOD, "b.ru.md": "---\ntitle: Сессия\n---\n"})
    first, problems = load_events(folder)
    assert problems == ()
    saved = folder / "b.ru.md"
    saved.write_text("---\ntitle: Новое название\n---\n", encoding="utf-8")
    second, _ = load_events(folder)
    before, after = {e.id: e for e in first}, {e.id: e for e in second}
    assert after["a"] is before["a"]
    assert after["b"] is not before["b"]
    assert after["b"].title("ru").value == "Новое название"
    saved.write_text("---\ntitle: Новое название\nvenue: [\n---\n", encoding="utf-8")
    third, problems = load_events(folder)
    assert [p.path.endswith("b.ru.md") for p in problems] == [True]
    saved.write_text("---\ntitle: Снова\n---\n", encoding="utf-8")
    fourth, problems = load_events(folder)
    assert problems == ()
    assert {e.id: e for e in fourth}["b"].title("ru").value == "Снова"
