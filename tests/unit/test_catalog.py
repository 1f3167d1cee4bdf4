"""The catalog step (`apk_site.catalog`), which the build, `apk check` and `apk translations` share."""

from __future__ import annotations

import shutil
from pathlib import Path

from apk_site.catalog import Folders, failure_summary, load

from tests.conftest import FIXTURES, ROOT


def project(tmp_path: Path, *, broken_event: bool = False, misnamed_page: bool = False) -> Folders:
    shutil.copytree(FIXTURES / "events_small", tmp_path / "events")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    if broken_event:
        (tmp_path / "events" / "fx-timed.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    if misnamed_page:
        (tmp_path / "docs" / "about.kz.md").write_text("# About\n", encoding="utf-8")
    return Folders(tmp_path, tmp_path / "events", tmp_path / "docs", tmp_path / "anthology")


def test_a_clean_project_reads_with_notes_on_what_it_lacks(tmp_path: Path) -> None:
    loaded = load(project(tmp_path))
    assert loaded.ok and len(loaded.events) == 5 and loaded.files == 14
    assert not loaded.anthology_read
    assert loaded.notes == ("Anthology: not checked, there is no folder anthology",)


def test_the_closing_line_says_where_the_problems_are(tmp_path: Path) -> None:
    folders = project(tmp_path / "a", misnamed_page=True)
    assert failure_summary(load(folders), folders) == "1 problem in page files: fix them and build again"
    folders = project(tmp_path / "b", broken_event=True, misnamed_page=True)
    loaded = load(folders)
    assert {p.path.split("/")[0] for p in loaded.problems} == {"docs", "events"}
    assert "docs/about.kz.md" in {p.path for p in loaded.problems}
    count = len(loaded.problems)
    assert failure_summary(loaded, folders) == f"{count} problems in event and page files: fix them and build again"


def test_a_named_anthology_folder_that_is_missing_is_a_problem_and_not_read(tmp_path: Path) -> None:
    folders = project(tmp_path)
    named = Folders(folders.root, folders.events, folders.docs, tmp_path / "nowhere", anthology_given=True)
    loaded = load(named)
    assert [str(p) for p in loaded.problems] == ["nowhere:1: ANTHOLOGY_DIR: this folder does not exist"]
    assert not loaded.anthology_read
    assert failure_summary(loaded, named) == "1 problem in Anthology files: fix them and build again"


def test_the_anthology_is_read_with_the_events_it_links_to(tmp_path: Path) -> None:
    folders = project(tmp_path)
    shutil.copytree(FIXTURES / "anthology_small", tmp_path / "anthology")
    # The pictures the fixture memoir shows from docs/ (a missing one is a problem: test_local_files.py).
    shutil.copytree(ROOT / "docs" / "assets" / "screenshots", tmp_path / "docs" / "assets" / "screenshots")
    loaded = load(Folders(folders.root, folders.events, folders.docs, tmp_path / "anthology", link_events=False))
    assert loaded.ok and loaded.anthology_read and loaded.book.entries and loaded.notes == ()


def test_a_named_events_folder_that_is_missing_is_a_problem_not_an_empty_site(tmp_path: Path) -> None:
    folders = project(tmp_path)
    unnamed = Folders(folders.root, tmp_path / "evnets", folders.docs)
    assert load(unnamed).ok and load(unnamed).notes[0] == "evnets: no such folder, so no events were checked"
    named = Folders(folders.root, tmp_path / "evnets", folders.docs, events_given=True)
    assert [str(p) for p in load(named).problems] == [
        "evnets:1: EVENTS_DIR: this folder does not exist: check its name, or leave it unset to read events/"
    ]


def test_apk_check_names_a_missing_events_folder_it_was_given(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "apk.py"), "check", "--events", str(tmp_path / "evnets")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "evnets:1: EVENTS_DIR: this folder does not exist" in done.stdout
