"""A picture or file that a body shows from docs/ and that is not there is a problem at the editor's
line, in `apk check` as in the build (`apk_site.local_files`, through `catalog.load`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from apk_site.catalog import Folders, load
from apk_site.local_files import missing

from tests.conftest import FIXTURES

EVENT = "events/fx-timed.md"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "assets" / "uploads").mkdir(parents=True)
    (tmp_path / "docs" / "assets" / "uploads" / "hall.jpg").write_bytes(b"a picture")
    return tmp_path / "docs"


def messages(body: str, docs: Path, folder: str = "events", line: int = 10) -> list[str]:
    return [str(p) for p in missing(EVENT, body, line, folder, docs, "docs")]


def test_a_picture_that_is_there_is_no_problem(docs: Path) -> None:
    assert messages("Text.\n\n![The hall](../assets/uploads/hall.jpg)\n", docs) == []
    assert messages("![The hall](../../assets/uploads/hall.jpg)", docs, folder="anthology/voices") == []
    assert messages("[the hall, large](<../assets/uploads/hall.jpg#top>)", docs) == []


def test_a_missing_picture_is_reported_at_its_line_in_the_file(docs: Path) -> None:
    body = "Text.\n\n![The stage](../assets/uploads/stage.jpg)\n\n[Programme](../assets/uploads/programme.pdf)"
    assert messages(body, docs, line=12) == [
        f"{EVENT}:14: body: the picture ../assets/uploads/stage.jpg is not in the site, there is no "
        "docs/assets/uploads/stage.jpg: save it there, or correct the address (capital and small letters count)",
        f"{EVENT}:16: body: the file ../assets/uploads/programme.pdf is not in the site, there is no "
        "docs/assets/uploads/programme.pdf: save it there, or correct the address (capital and small letters count)",
    ]


def test_the_wrong_depth_gets_the_right_address(docs: Path) -> None:
    # An event's address copied into an Anthology text, one folder deeper, and the other way round.
    assert messages("![The hall](../assets/uploads/hall.jpg)", docs, folder="anthology/voices", line=1) == [
        f"{EVENT}:1: body: the picture ../assets/uploads/hall.jpg is not in the site, there is no "
        "docs/anthology/assets/uploads/hall.jpg: it is in docs/assets/uploads/, so write ../../assets/uploads/hall.jpg"
    ]
    assert messages("![The hall](../../assets/uploads/hall.jpg)", docs, line=1) == [
        f"{EVENT}:1: body: the picture ../../assets/uploads/hall.jpg leads out of docs/ (this page is read from "
        "docs/events/): write ../assets/uploads/hall.jpg for docs/assets/uploads/hall.jpg"
    ]


def test_pages_folders_other_hosts_and_code_are_not_looked_for(docs: Path) -> None:
    body = "\n".join(
        [
            "[the calendar](../calendar.md) [a region](../regions/almaty/) [a part](../anthology)",
            "[a site](https://example.org/x.jpg) [mail](mailto:a@example.org) [top](#top)",
            "`![code](../assets/uploads/none.jpg)`",
            "```",
            "![fenced](../assets/uploads/none.jpg)",
            "```",
            '<img src="../assets/uploads/none.jpg" alt="raw HTML: the body check refuses relative ones">',
        ]
    )
    assert messages(body, docs) == []


def test_the_catalog_reports_them_for_events_and_anthology_texts_alike(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "events_small", tmp_path / "events")
    shutil.copytree(FIXTURES / "anthology_small", tmp_path / "anthology")
    (tmp_path / "docs").mkdir()
    with (tmp_path / "events" / "fx-timed.md").open("a", encoding="utf-8") as event:
        event.write("\n![Зал](../assets/uploads/hall.jpg)\n")
    folders = Folders(tmp_path, tmp_path / "events", tmp_path / "docs", tmp_path / "anthology", link_events=False)
    found = [(p.path, p.field, p.message.split(" is not")[0]) for p in load(folders).problems]
    # The fixture memoir's pictures are in the real docs/, not in this one: two more problems.
    assert found == [
        ("anthology/voices/fx-memoir.kk.md", "body", "the picture ../../assets/screenshots/cms-list-kk.png"),
        ("anthology/voices/fx-memoir.md", "body", "the picture ../../assets/screenshots/cms-list-ru.png"),
        ("events/fx-timed.md", "body", "the picture ../assets/uploads/hall.jpg"),
    ]
    lines = (tmp_path / "events" / "fx-timed.md").read_text(encoding="utf-8").split("\n")
    problem = next(p for p in load(folders).problems if p.path == "events/fx-timed.md")
    assert lines[problem.line - 1] == "![Зал](../assets/uploads/hall.jpg)"
    for name in ("cms-list-kk.png", "cms-list-ru.png"):
        (tmp_path / "docs" / "assets" / "screenshots").mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / "assets" / "screenshots" / name).write_bytes(b"png")
    (tmp_path / "docs" / "assets" / "uploads").mkdir()
    (tmp_path / "docs" / "assets" / "uploads" / "hall.jpg").write_bytes(b"jpg")
    assert load(folders).ok


def test_the_message_shows_the_address_as_written_and_what_is_still_to_do(docs: Path) -> None:
    assert messages("[up](../..) [here](.)", docs) == []  # folders, not files
    assert messages("![A](../assets/uploads/new%20hall.jpg)", docs, line=1) == [
        f"{EVENT}:1: body: the picture ../assets/uploads/new%20hall.jpg is not in the site, there is no "
        "docs/assets/uploads/new hall.jpg: save it there, or correct the address (capital and small letters count)"
    ]
    assert messages("![A](../../assets/uploads/none.jpg)", docs, line=1) == [
        f"{EVENT}:1: body: the picture ../../assets/uploads/none.jpg leads out of docs/ (this page is read from "
        "docs/events/): write ../assets/uploads/none.jpg for docs/assets/uploads/none.jpg, and save it there"
    ]
