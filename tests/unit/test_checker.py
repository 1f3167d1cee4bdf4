"""The one Checker of event and Anthology files: which name a problem shows, and on which line."""

from __future__ import annotations

from apk_site.checker import Checker
from apk_site.records import read_record

TEXT = """---
title: Ақын
"0.0": stray
parts:
  - title: One
    chapters:
      - title: Two
"1984":
  name:
    bad: value
---
"""


def checked() -> tuple[Checker, list]:
    record = read_record("anthology/book.md", TEXT)
    problems: list = []
    return Checker(record, problems), problems


def test_an_editors_key_is_shown_as_written_even_when_it_looks_like_a_list_position() -> None:
    check, problems = checked()
    check.unknown_keys(("title", "parts", "1984"))
    assert [str(p) for p in problems] == [
        "anthology/book.md:3: 0.0: unknown field (remove it, or see the editors' guide for the fields)"
    ]


def test_list_positions_the_code_adds_are_left_out_of_the_name_but_find_the_line() -> None:
    check, problems = checked()
    check.report("parts.0.chapters.0.title", "is too long")
    assert [str(p) for p in problems] == ["anthology/book.md:7: parts.chapters.title: is too long"]


def test_a_prefix_is_the_editors_own_id_and_keeps_its_digits() -> None:
    check, problems = checked()
    sub = Checker(check.record, problems, check.record.meta["1984"], prefix="1984.")
    sub.report("name", "must be text")
    sub.unknown_keys(("cite",))
    assert [str(p) for p in problems] == [
        "anthology/book.md:9: 1984.name: must be text",
        "anthology/book.md:9: 1984.name: unknown field (remove it, or see the editors' guide for the fields)",
    ]


def test_a_shared_field_in_a_translation_is_sent_to_the_main_file() -> None:
    record = read_record("events/a.ru.md", "---\ntitle: T\nregion: abai\n---\n")
    problems: list = []
    Checker(record, problems).unknown_keys(("title",), shared_with="events/a.md", shared=("region",))
    assert [str(p) for p in problems] == [
        "events/a.ru.md:3: region: is shared by all languages: set it once in events/a.md"
    ]
