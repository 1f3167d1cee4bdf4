"""Nothing broken ships (issue 15, item 2): whatever leaves the output broken or incomplete fails the
build, with `-q` or without, with a one-line message and no traceback.

- A PDF not printed: a Chromium that fails (CHROMIUM=/bin/false), one that hangs (a script that
  sleeps, stopped after ANTHOLOGY_PDF_TIMEOUT), none at all; the book pages link to the PDFs.
- A language build that failed (a broken link in one Russian file, a warning that `--strict` turns
  into an error: `-q` used to drop it before it was counted).
- A feed not written.
- ANTHOLOGY_PDF=0 leaves the PDFs out on purpose, and then no page links to one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

EVENTS = FIXTURES / "events_small"
ANTHOLOGY = FIXTURES / "anthology_small"


def mkdocs_build(site: Path, *flags: str, events: Path = EVENTS, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict <flags>` of the real mkdocs.yml, on the fixture calendar and Anthology."""
    inherited = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "CHROMIUM", "ANTHOLOGY_PDF")}
    environ = {
        **inherited,
        "NO_MKDOCS_2_WARNING": "1",
        "EVENTS_DIR": str(events),
        "ANTHOLOGY_DIR": str(ANTHOLOGY),
        **env,
    }
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        *flags,
        "-f",
        str(ROOT / "mkdocs.yml"),
        "-d",
        str(site),
    ]
    return subprocess.run(command, cwd=ROOT, env=environ, capture_output=True, text=True, check=False, timeout=300)


def output(done: subprocess.CompletedProcess[str]) -> str:
    return done.stdout + done.stderr


def pdf_links(site: Path) -> list[str]:
    """Every page that links to a PDF (the editors' guide only talks about them)."""
    link = re.compile(r"""href=["'][^"']*\.pdf["'#?]""", re.I)
    return sorted(f"{page.relative_to(site)}" for page in site.rglob("*.html") if link.search(page.read_text("utf-8")))


@pytest.mark.parametrize("quiet", [(), ("-q",)], ids=["", "-q"])
def test_a_chromium_that_fails_fails_the_build(tmp_path: Path, quiet: tuple[str, ...]) -> None:
    """The issue's own case: `CHROMIUM=/bin/false mkdocs build --strict -q` exited 0."""
    done = mkdocs_build(tmp_path / "site", *quiet, CHROMIUM="/bin/false")
    text = output(done)
    assert done.returncode == 1, text
    assert "anthology: Chromium could not print" in text and "(browser: /bin/false)" in text
    assert "3 books were not printed to PDF" in text and "ANTHOLOGY_PDF=0" in text
    assert "Traceback" not in text


def test_a_chromium_that_hangs_is_stopped_and_fails_the_build(tmp_path: Path) -> None:
    hanging = tmp_path / "chromium"
    hanging.write_text("#!/bin/sh\nexec sleep 600\n", encoding="utf-8")
    hanging.chmod(0o755)
    done = mkdocs_build(tmp_path / "site", "-q", CHROMIUM=str(hanging), ANTHOLOGY_PDF_TIMEOUT="2")
    text = output(done)
    assert done.returncode == 1, text
    assert "anthology: Chromium did not print" in text and f"within 2 s and was stopped (browser: {hanging})" in text
    assert "Traceback" not in text


def test_no_chromium_at_all_fails_the_build_before_it_starts(tmp_path: Path) -> None:
    """CHROMIUM set to a path where there is none (it is not replaced by another browser)."""
    done = mkdocs_build(tmp_path / "site", "-q", CHROMIUM=str(tmp_path / "none"))
    text = output(done)
    assert done.returncode == 1, text
    assert "anthology: Chromium was not found" in text and "ANTHOLOGY_PDF=0" in text and "Traceback" not in text
    assert not (tmp_path / "site" / "anthology").exists()  # it stopped before building pages


def test_a_bad_timeout_is_one_clear_line(tmp_path: Path) -> None:
    done = mkdocs_build(tmp_path / "site", "-q", ANTHOLOGY_PDF_TIMEOUT="soon")
    text = output(done)
    assert done.returncode == 1, text
    assert "anthology: ANTHOLOGY_PDF_TIMEOUT must be a number of seconds above 0, got 'soon'" in text
    assert "Traceback" not in text


def test_pdfs_switched_off_leave_no_link_to_a_pdf(tmp_path: Path) -> None:
    done = mkdocs_build(tmp_path / "site", "-q", ANTHOLOGY_PDF="0", CHROMIUM="/bin/false")
    assert done.returncode == 0, output(done)
    assert list((tmp_path / "site").rglob("*.pdf")) == []
    assert pdf_links(tmp_path / "site") == []


def test_printed_pdfs_are_linked_and_there(tmp_path: Path) -> None:
    """The control for the test above: with Chromium, the book pages do link to PDFs that exist."""
    done = mkdocs_build(tmp_path / "site", "-q")
    assert done.returncode == 0, output(done)
    site = tmp_path / "site"
    assert "anthology/book/index.html" in pdf_links(site)
    for prefix in ("", "ru/", "en/"):
        pdf = next((site / prefix / "anthology").glob("*.pdf"))
        assert pdf.read_bytes().startswith(b"%PDF-"), pdf


@pytest.mark.parametrize("parallel", ["1", "0"])
def test_a_language_that_fails_fails_the_build_under_q(tmp_path: Path, parallel: str) -> None:
    """A broken link in one Russian file: a warning that --strict counts; -q used to hide it, so
    the Russian pages shipped with the broken link and the build exited 0."""
    events = tmp_path / "events"
    shutil.copytree(EVENTS, events)
    broken = events / "fx-timed.ru.md"
    broken.write_text(broken.read_text(encoding="utf-8") + "\n[link](../no-such-page.md)\n", encoding="utf-8")
    done = mkdocs_build(tmp_path / "site", "-q", events=events, ANTHOLOGY_PDF="0", APK_PARALLEL=parallel)
    text = output(done)
    assert done.returncode == 1, text
    assert "no-such-page.md" in text and "Traceback" not in text


def test_a_missing_picture_fails_the_build_at_the_editors_line(tmp_path: Path) -> None:
    """Before MkDocs would warn about the page it generated (events/fx-timed.md in docs/), the
    catalog names the editor's file and line, as `apk check` does (local_files.py)."""
    events = tmp_path / "events"
    shutil.copytree(EVENTS, events)
    broken = events / "fx-timed.ru.md"
    text = broken.read_text(encoding="utf-8") + "\n![Зал](../assets/uploads/no-such-hall.jpg)\n"
    broken.write_text(text, encoding="utf-8")
    line = text.split("\n").index("![Зал](../assets/uploads/no-such-hall.jpg)") + 1
    done = mkdocs_build(tmp_path / "site", "-q", events=events, ANTHOLOGY_PDF="0")
    shown = output(done)
    assert done.returncode == 1, shown
    assert f"fx-timed.ru.md:{line}: body: the picture ../assets/uploads/no-such-hall.jpg is not in the site" in shown
    assert "Traceback" not in shown and "contains a link" not in shown


def test_a_feed_that_cannot_be_written_is_an_error(tmp_path: Path) -> None:
    """The adapter's feed writer on a site folder where a file stands in the way of `feeds/`."""
    from apk_site import mkdocs_adapter as site
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    target = tmp_path / "site"
    (target / "ru").mkdir(parents=True)
    (target / "ru" / "feeds").write_text("not a folder", encoding="utf-8")
    os.environ["EVENTS_DIR"] = str(EVENTS)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(target))
        site.refresh(config)
        site.write_feeds(config, "kk")  # the Kazakh ones can be written
        with pytest.raises(PluginError) as failed:
            site.write_feeds(config, "ru")
    finally:
        del os.environ["EVENTS_DIR"]
    assert str(failed.value).startswith(f"feeds: {target / 'ru' / 'feeds'}/")
    assert "could not be written (" in str(failed.value)
    assert "\n" not in str(failed.value)


def test_a_shallow_clone_whose_history_cannot_be_fetched_fails_the_build(tmp_path: Path) -> None:
    """SEQUENCE counted on part of the history could go backwards (issue 15, item 3): no guess."""

    def git(*args: str, cwd: Path) -> None:
        identity = ["-c", "user.name=Test", "-c", "user.email=test@example.kz", "-c", "commit.gpgsign=false"]
        env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
        subprocess.run(["git", *identity, *args], cwd=cwd, env=env, check=True, capture_output=True)

    origin = tmp_path / "origin"
    shutil.copytree(EVENTS, origin / "events")
    git("init", "-q", "-b", "main", cwd=origin)
    git("add", "-A", cwd=origin)
    git("commit", "-q", "-m", "events", cwd=origin)
    (origin / "events" / "README.md").write_text("Events.\n", encoding="utf-8")
    git("add", "-A", cwd=origin)
    git("commit", "-q", "-m", "another commit", cwd=origin)
    git("clone", "-q", "--depth", "1", f"file://{origin}", str(tmp_path / "clone"), cwd=tmp_path)
    shutil.rmtree(origin)
    done = mkdocs_build(tmp_path / "site", "-q", events=tmp_path / "clone" / "events", ANTHOLOGY_PDF="0")
    text = output(done)
    assert done.returncode == 1, text
    assert "the git history is shallow" in text and "fetch-depth: 0" in text and "Traceback" not in text
