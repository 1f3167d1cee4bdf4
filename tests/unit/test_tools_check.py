"""`check`: every problem of events, pages and the Anthology without a build, as text or GitHub annotations."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from pathlib import Path

import pytest
from apk_site import catalog as catalog_module
from apk_site.problems import Problem
from apk_site.tools.check import CheckResult, format_github
from apk_site.tools.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
BROKEN = [
    "tests/fixtures/events_broken/bad-date.md:2: start: expected 2025-04-24 (all day), 2025-04-24 10:00 (with time) "
    "or 2025-05 (day not known yet), got '24.04.2025'",
    "tests/fixtures/events_broken/bad-region.kz.md:1: file name: unknown language code 'kz': rename it to "
    "bad-region.kk.md",
    "tests/fixtures/events_broken/bad-region.md:3: end: ends (2025-04-24 09:00:00) before it starts "
    "(2025-04-24 10:00:00): swap them or fix the date",
    "tests/fixtures/events_broken/bad-region.md:4: region: unknown region 'nur-sultan': write astana",
    "tests/fixtures/events_broken/bad-region.md:5: category: unknown category 'sessions'; did you mean "
    "'session-forum'? (expected one of the 17 category ids listed in the editors' guide)",
]


def run(*argv: str, root: Path = ROOT) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = main(list(argv), root=root, out=out)
    return code, out.getvalue().splitlines()


@pytest.fixture(autouse=True)
def no_folders_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTS_DIR", raising=False)
    monkeypatch.delenv("ANTHOLOGY_DIR", raising=False)


def test_every_problem_as_path_line_field_message_and_exit_1() -> None:
    code, output = run(
        "check", "--events", "tests/fixtures/events_broken", "--anthology", "tests/fixtures/anthology_small"
    )
    assert code == 1
    assert output == [*BROKEN, "5 problems: fix them and run the check again"]


def test_github_annotations() -> None:
    code, output = run(
        "check",
        "--events",
        "tests/fixtures/events_broken",
        "--anthology",
        "tests/fixtures/anthology_small",
        "--format",
        "github",
    )
    assert code == 1
    assert (
        output[3] == "::error file=tests/fixtures/events_broken/bad-region.md,line=4,title=region::unknown region "
        "'nur-sultan': write astana"
    )
    assert output[-1] == "5 problems: fix them and run the check again"
    assert len(output) == 6 and all(line.startswith("::error file=") for line in output[:5])


def test_annotation_properties_and_messages_are_escaped() -> None:
    result = CheckResult((Problem("events/a,b.md", 3, "links: x", "50% done\nnext"),), 0, 1)
    assert format_github(result)[0] == "::error file=events/a%2Cb.md,line=3,title=links%3A x::50%25 done%0Anext"


def test_good_events_with_their_anthology() -> None:
    assert run("check", "--events", "tests/fixtures/events_small", "--anthology", "tests/fixtures/anthology_small") == (
        0,
        ["5 events in 14 files and 6 Anthology texts: no problems"],
    )


def test_the_projects_own_files_are_valid() -> None:
    code, output = run("check")
    assert code == 0, output


def test_an_anthology_folder_that_was_named_must_exist(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    assert run("check", "--anthology", str(tmp_path / "nowhere"), root=tmp_path) == (
        1,
        [
            "nowhere:1: ANTHOLOGY_DIR: this folder does not exist",
            "1 problem: fix them and run the check again",
        ],
    )


def test_a_site_without_anthology_loader_is_checked_with_a_note(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(catalog_module, "ANTHOLOGY_MODULE", "apk_site.no_anthology.loader")
    (tmp_path / "events").mkdir()
    assert run("check", root=tmp_path) == (
        0,
        [
            "0 events in 0 files: no problems",
            "note: Anthology: not checked, the site has no Anthology loader (apk_site.anthology)",
        ],
    )


def test_a_page_named_kz_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.kz.md").write_text("# x\n", encoding="utf-8")
    code, output = run("check", root=tmp_path)
    assert (code, output[0]) == (
        1,
        "docs/about.kz.md:1: file name: unknown language code 'kz': rename it to about.kk.md",
    )


def test_420_sample_events_from_the_command_line(tmp_path: Path) -> None:
    """The command editors and pre-commit run, in a fresh Python: well under a second on a quiet machine
    (measured about 0.5 s); the bound here only catches a slowdown by several times."""
    folder = tmp_path / "sample"
    subprocess.run(
        [sys.executable, "scripts/sample_events.py", "--count", "420", "--out", str(folder)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "scripts/apk.py", "check", "--events", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("420 events in 1197 files")  # and the project's Anthology texts
    assert elapsed < 5


# ---- Issue 15, item 1: files as editors' machines save them ----

GOOD_EVENT = """\
---
start: 2025-04-24
region: astana
category: youth
organizer: apk
title: Собрание Ассамблеи народа Казахстана
venue: Дом дружбы
---
Текст.
"""


def test_a_windows_1251_file_is_one_problem_not_a_traceback(tmp_path: Path) -> None:
    """Before issue 15: `UnicodeDecodeError` and a traceback. Run as editors run it, in a fresh Python."""
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "a.md").write_bytes(GOOD_EVENT.encode("cp1251"))
    done = subprocess.run(
        [sys.executable, "scripts/apk.py", "check", "--events", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines() == [
        "events/a.md:6: encoding: the file is saved as Windows-1251, not UTF-8: run `python scripts/apk.py check "
        "--fix-encoding`, or open it in a text editor and save it as UTF-8 (Notepad: File > Save as > Encoding: UTF-8)",
        "1 problem: fix them and run the check again",
    ]


def test_fix_encoding_resaves_lists_exits_1_and_then_finds_nothing_to_do(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "a.md").write_bytes(GOOD_EVENT.replace("\n", "\r\n").encode("cp1251"))
    (tmp_path / "events" / "a.ru.md").write_bytes("---\ntitle: Собрание\nvenue: Дом дружбы\n---\n".encode("utf-16"))
    (tmp_path / "events" / "b.md").write_bytes(b"\xef\xbb\xbf" + GOOD_EVENT.encode())
    before = (tmp_path / "events" / "b.md").read_bytes()
    assert run("check", "--fix-encoding", root=tmp_path) == (
        1,
        [
            "events/a.md: re-saved as UTF-8 (it was Windows-1251)",
            "events/a.ru.md: re-saved as UTF-8 (it was UTF-16 (Notepad's 'Unicode'))",
            "2 files re-saved as UTF-8: check the texts, then commit them",
        ],
    )
    assert (tmp_path / "events" / "a.md").read_bytes().startswith(b"---\r\nstart: 2025-04-24\r\n")
    assert (tmp_path / "events" / "b.md").read_bytes() == before
    assert run("check", "--fix-encoding", root=tmp_path)[1][0] == "2 events in 3 files: no problems"


def test_utf8_with_bom_and_crlf_passes_the_check(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "a.md").write_bytes(b"\xef\xbb\xbf" + GOOD_EVENT.replace("\n", "\r\n").encode())
    code, output = run("check", root=tmp_path)
    assert (code, output[0]) == (0, "1 event in 1 file: no problems")


@pytest.mark.parametrize("guide", ["editors.md", "editors.ru.md", "editors.en.md"])
def test_the_guide_quotes_the_encoding_message_and_the_body_rule(guide: str) -> None:
    text = (ROOT / "docs" / guide).read_text(encoding="utf-8")
    message = (
        "events/2025-05-01-unity-day-concert.md:6: encoding: the file is saved as Windows-1251, not UTF-8: run "
        "`python scripts/apk.py check --fix-encoding`, or open it in a text editor and save it as UTF-8 (Notepad: "
        "File > Save as > Encoding: UTF-8)"
    )
    assert f"``{message}``" in text
    assert all(f"`{tag}`" in text for tag in ("<script>", "<iframe>", "<form>", "on…=", "javascript:", "data:"))


def test_a_page_in_windows_1251_is_named_and_re_saved(tmp_path: Path) -> None:
    """MkDocs stops on such a page with "Encoding error reading file" and no hint; the check says how to fix it."""
    (tmp_path / "events").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.ru.md").write_bytes("# Об Ассамблее\n\nТекст страницы.\n".encode("cp1251"))
    code, output = run("check", root=tmp_path)
    assert (code, output[0].split(", not UTF-8")[0]) == (
        1,
        "docs/about.ru.md:1: encoding: the file is saved as Windows-1251",
    )
    assert (
        run("check", "--fix-encoding", root=tmp_path)[1][0]
        == "docs/about.ru.md: re-saved as UTF-8 (it was Windows-1251)"
    )
    assert (tmp_path / "docs" / "about.ru.md").read_text(encoding="utf-8").startswith("# Об Ассамблее")
    assert run("check", root=tmp_path)[0] == 0
