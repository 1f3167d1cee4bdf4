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


# ---- Issue 15: files from editors' machines (item 1) and bodies without active HTML (item 5) ----


def test_a_windows_1251_file_is_one_problem_and_the_other_events_still_load(tmp_path):
    """Before issue 15 this ended in a UnicodeDecodeError traceback."""
    folder = write(tmp_path / "events", {"a.md": GOOD})
    russian = GOOD.replace("title: Сессия", "title: Сессия Ассамблеи").replace("Мәтін.", "Текст.")
    (folder / "b.md").write_bytes(russian.replace("Тәуелсіздік сарайы", "Дворец мира").encode("cp1251"))
    (folder / "a.ru.md").write_bytes("---\ntitle: Сессия\n---\n".encode("cp1251"))
    events, problems = load_events(folder, tmp_path)
    assert [e.id for e in events] == ["a"]  # the build stops on the problems all the same
    assert [(p.path, p.line, p.field) for p in problems] == [
        ("events/a.ru.md", 2, "encoding"),
        ("events/b.md", 8, "encoding"),  # the title, the first line with a Cyrillic letter
    ]
    assert all(
        p.message.startswith(
            "the file is saved as Windows-1251, not UTF-8: run `python scripts/apk.py check --fix-encoding`"
        )
        for p in problems
    )


def test_utf8_with_a_bom_and_crlf_line_endings_loads_like_any_file(tmp_path):
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "x.md").write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8"))
    (folder / "x.ru.md").write_bytes("\ufeff---\r\ntitle: Сессия\r\n---\r\nТекст.\r\n".encode())
    events, problems = load_events(folder, tmp_path)
    assert problems == ()
    assert events[0].title("kk").value == "Сессия" and events[0].text("body", "ru").value == "Текст."
    assert "\r" not in events[0].text("body", "kk").value


def test_a_script_in_the_body_is_refused_at_its_line_in_the_file(tmp_path):
    """Before issue 15 the body was published as it was, script and all."""
    body = "Мәтін.\n\n```html\n<script>shown as code</script>\n```\n\n<script>alert(1)</script>\n"
    translation = "---\ntitle: Session\n---\n\nSee [the form](javascript:alert(2)).\n"
    events, problems = load(tmp_path, {"x.md": GOOD.replace("Мәтін.\n", body), "x.en.md": translation})
    assert events == ()
    assert [str(p) for p in problems] == [
        "events/x.en.md:5: body: a javascript: address runs code when a reader follows it: write a link instead, "
        "[text](https://...)",
        "events/x.md:17: body: <script> runs code in readers' browsers: remove it (to show code as text, put it "
        "between ``` lines)",
    ]


def test_code_that_shows_html_and_harmless_html_stay_allowed(tmp_path):
    body = "Мәтін `<iframe>` and<br>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![Сурет](picture.png)\n"
    events, problems = load(tmp_path, {"x.md": GOOD.replace("Мәтін.\n", body)})
    assert problems == () and len(events) == 1


# ---- Issue 15, item 7: what else editors' machines and hostile pull requests produce ----


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"x.md": ""}, "events/x.md:1: front matter: the file must start with a line '---'"),
        ({"x.md": "Just a text.\n"}, "events/x.md:1: front matter: the file must start with a line '---'"),
        ({"x.md": "---\nlang: kk\n---\n"}, "events/x.md:1: category: is missing"),
        (
            {"x.md": GOOD.replace("region: astana", "region: !!python/object/apply:os.system [ls]")},
            "events/x.md:4: front matter: a YAML tag ('!!...' or '!...') is not allowed here: write the plain value",
        ),
        (
            {"x.md": GOOD.replace("region: astana", "region: !custom astana")},
            "events/x.md:4: front matter: a YAML tag ('!!...' or '!...') is not allowed here",
        ),
        (
            {"x.md": GOOD.replace("region: astana", "\tregion: astana")},
            "events/x.md:4: front matter: a tab character: YAML indents with spaces only",
        ),
        (
            {"x.md": GOOD.replace("venue: Тәуелсіздік сарайы", "venue: &v Сарай\naddress: *v")},
            None,  # an alias is only a repeated value: it loads
        ),
        (
            {"x.md": GOOD.replace("venue: Тәуелсіздік сарайы", "venue: &v [a, *v]")},  # a list that holds itself
            "events/x.md:9: front matter: a list or a group of fields given a name (&name) is repeated (*name): write",
        ),
        (
            {"x.md": GOOD.replace("venue: Тәуелсіздік сарайы", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\nvenue: V")},
            "events/x.md:9: front matter: a list or a group of fields given a name (&name) is repeated",
        ),
        ({"x.ru.md": "---\ntitle: Сессия\n---\n"}, "events/x.ru.md:1: file name: a translation needs its main file"),
        ({"x.md": GOOD, "x.de.md": "---\ntitle: x\n---\n"}, "events/x.de.md:1: file name: unknown language code 'de'"),
        ({"x.md": GOOD, "x.kz.md": "---\ntitle: x\n---\n"}, "events/x.kz.md:1: file name: unknown language code 'kz'"),
        ({"x.md": GOOD, "x.en-GB.md": "---\ntitle: x\n---\n"}, "events/x.en-GB.md:1: file name: unknown language"),
        ({"x.md": GOOD.replace("2025-04-24 10:00", "0001-01-01 10:00")}, "events/x.md:2: start: the year 1 is outside"),
        ({"x.md": GOOD.replace("2025-04-24 13:30", "9999-12-31")}, "events/x.md:3: end: the year 9999 is outside"),
        ({"x.md": GOOD.replace("2025-04-24 10:00", "1900-04-24 10:00")}, "events/x.md:2: start: the year 1900"),
        ({"x.md": GOOD.replace("2025-04-24 10:00", "2025-02-29 10:00")}, "events/x.md:2: start: day is out of range"),
        (
            {"x.md": GOOD.replace("title: Сессия", 'title: "Сессия\\x1b[31m"')},
            "events/x.md:8: title: contains a control",
        ),
        (
            {"x.md": GOOD.replace("title: Сессия", "title: Сессия \u202egnp.exe")},
            "events/x.md:8: title: contains a bidirectional",
        ),
        ({"x.md": GOOD.replace("Мәтін.", "Мәтін \u2066x\u2069.")}, "events/x.md:11: body: contains a bidirectional"),
        ({"x.md": GOOD.replace("Мәтін.", "Мәтін\x00.")}, "events/x.md:11: body: contains a control character (U+0000)"),
        ({"x.md": GOOD.replace("title: Сессия", "title: " + "Ұ" * 5000)}, "events/x.md:8: title: is 5000 characters"),
    ],
)
def test_hostile_and_careless_files_end_in_a_problem_on_their_line(tmp_path, files, expected):
    found = messages(tmp_path, files)
    if expected is None:
        assert found == []
    else:
        assert found and found[0].startswith(expected), found
        assert all(m.startswith("events/x") for m in found) and (len(found) == 1 or "is missing" in expected)


def test_a_large_body_loads_and_a_very_large_one_is_refused_quickly(tmp_path):
    import time

    paragraph = "Мәтін <b>жуан</b> & [сілтеме](https://example.org).\n\n"
    large, huge = paragraph * 1_500, paragraph * 20_000  # about 80 KB, and 1 MB
    started = time.perf_counter()
    events, problems = load(tmp_path, {"x.md": GOOD.replace("Мәтін.\n", large), "y.md": GOOD.replace("Мәтін.\n", huge)})
    assert [e.id for e in events] == ["x"] and len(events[0].text("body", "kk").value) > 75_000
    assert [str(p) for p in problems] == [
        "events/y.md:11: body: is 1059998 characters long; keep it to at most 100000 (link to a document for more)"
    ]
    assert time.perf_counter() - started < 60  # a hang would never end: only that is caught here


def test_a_link_out_of_the_events_folder_is_never_read(tmp_path):
    import os

    folder = write(tmp_path / "events", {"x.md": GOOD})
    (tmp_path / "outside.md").write_text(GOOD.replace("Сессия", "Құпия"), encoding="utf-8")
    os.symlink(tmp_path / "outside.md", folder / "leak.md")
    os.symlink(tmp_path / "gone.md", folder / "gone.md")
    os.symlink("x.md", folder / "same.md")  # inside the folder: an ordinary (duplicate) event
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "y.md").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", folder / "more")
    events, problems = load_events(folder, tmp_path)
    assert [str(p) for p in problems] == [
        "events/gone.md:1: file name: is a link to a file that does not exist: remove the link",
        "events/leak.md:1: file name: is a link to a file outside its folder: copy the text into a file here instead",
        "events/more:1: file name: is a link to a folder, whose files are not read: copy them here instead",
    ]
    assert all("Құпия" not in t.title for e in events for t in e.translations)
    assert sorted(e.id for e in events) == ["same", "x"]


def test_files_an_editors_machine_misnames_are_named_not_skipped(tmp_path):
    """Notepad saves `x.md` as `x.md.txt` when the type is "Text documents", and Windows hides the .txt."""
    for name in ("a.md.txt", "b.MD", "c.markdown", "README.txt", "picture.png", "_notes/d.txt"):
        (tmp_path / "events" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "events" / name).write_text(GOOD, encoding="utf-8")
    assert messages(tmp_path, {"x.md": GOOD}) == [
        f"events/{name}:1: file name: only files ending in .md are read: rename it to {stem}.md (notes for editors "
        "go under a _ folder)"
        for name, stem in (("a.md.txt", "a"), ("b.MD", "b"), ("c.markdown", "c"))
    ]


def test_a_language_code_in_capitals_is_told_its_spelling(tmp_path):
    assert messages(tmp_path, {"x.md": GOOD, "x.EN.md": "---\ntitle: x\n---\n"}) == [
        "events/x.EN.md:1: file name: unknown language code 'EN': rename it to x.en.md"
    ]


def test_a_record_read_from_elsewhere_than_a_file_keeps_crlf_and_bom_working():
    """git's history gives the bytes as committed: SEQUENCE counts the versions of a file saved by Notepad."""
    from apk_site.records import Record, read_record

    record = read_record("events/x.md", "\ufeff" + GOOD.replace("\n", "\r\n"))
    assert isinstance(record, Record)
    assert (record.meta["region"], record.body, record.line("venue"), record.body_line) == ("astana", "Мәтін.", 9, 11)


def test_a_folder_named_like_an_event_file_is_named_and_its_files_still_read(tmp_path):
    (tmp_path / "events" / "odd.md").mkdir(parents=True)
    events, problems = load(tmp_path, {"odd.md/x.md": GOOD})
    assert [e.id for e in events] == ["x"]
    assert [str(p) for p in problems] == [
        "events/odd.md:1: file name: is a folder: names ending in .md are for text files, rename the folder"
    ]


def test_an_empty_translation_file_from_the_web_form_is_no_translation_yet(tmp_path):
    """The form saves `---` twice for every language nobody wrote in (decaporg/decap-cms#6932): an
    event written in Kazakh only must still load, with no Russian or English text."""
    events, problems = load(tmp_path, {"x.md": GOOD, "x.ru.md": "---\n\n---\n", "x.en.md": "---\n---\n"})
    assert problems == ()
    (x,) = events
    assert x.missing_languages() == ("ru", "en") and x.title("ru").lang == "kk"
    # A file with anything in it is still read, and checked.
    assert messages(tmp_path / "b", {"x.md": GOOD, "x.ru.md": "---\n---\nТекст.\n"}) == [
        "events/x.ru.md:1: title: is missing: add a line 'title: ...' in this language"
    ]
