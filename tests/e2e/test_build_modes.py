"""The fast ways of building give the same bytes as the plain ones.

Event, month, region, category and organizer pages are normally framed by theme-rendered prototype
pages (`apk_site.shell`); `APK_FRAMES=0` renders each one through MkDocs and Material instead.
The three languages are normally built side by side (`apk_site.mkdocs_parallel`); `APK_PARALLEL=0`
builds them one after another, as mkdocs-static-i18n does. On versions of the engine, Material or
mkdocs-static-i18n it was not tested with, `apk_site.mkdocs_compat` turns both off; and ProperDocs,
the second engine, builds the same bytes as MkDocs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, Build, build_site

EVENTS = FIXTURES / "events_modes"
PLACEHOLDER_WORDS = (b"xapkshell", b"XAPKSHELL")


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def framed(tmp_path_factory) -> dict[str, bytes]:
    return built_plainly(tmp_path_factory.mktemp("framed"))


def built_plainly(tmp_path: Path, **switches: str) -> dict[str, bytes]:
    built = build_site(tmp_path, EVENTS, ANTHOLOGY_PDF="0", **switches)
    assert built.returncode == 0, built.output
    return tree(built.site)


def test_framed_pages_are_the_pages_mkdocs_renders(framed, tmp_path):
    rendered = built_plainly(tmp_path, APK_FRAMES="0")
    assert sorted(framed) == sorted(rendered)
    assert [name for name in framed if framed[name] != rendered[name]] == []


def test_languages_built_side_by_side_are_the_languages_built_in_turn(framed, tmp_path):
    sequential = built_plainly(tmp_path, APK_PARALLEL="0")
    assert sorted(framed) == sorted(sequential)
    assert [name for name in framed if framed[name] != sequential[name]] == []


def test_neither_frames_nor_parallel_builds_change_a_byte(framed, tmp_path):
    stock_way = built_plainly(tmp_path, APK_FRAMES="0", APK_PARALLEL="0")
    assert sorted(framed) == sorted(stock_way)
    assert [name for name in framed if framed[name] != stock_way[name]] == []


def properdocs_build(dest: Path, events_dir: Path, **env: str) -> Build:
    """`properdocs build --strict -f mkdocs.yml`, as the issue tried it: the configuration named
    relative to the checkout (MkDocs keeps such a path as given, ProperDocs makes it absolute)."""
    inherited = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    environ = {**inherited, "EVENTS_DIR": str(events_dir), **env}
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(dest)]
    result = subprocess.run(command, cwd=ROOT, env=environ, capture_output=True, text=True, check=False)
    return Build(dest, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="module")
def by_properdocs(tmp_path_factory) -> Build:
    built = properdocs_build(tmp_path_factory.mktemp("properdocs"), EVENTS, ANTHOLOGY_PDF="0")
    assert built.returncode == 0, built.output
    return built


def test_properdocs_builds_the_bytes_mkdocs_builds(framed, by_properdocs):
    assert "not tested with this site" not in by_properdocs.output  # its fast paths were on
    other = tree(by_properdocs.site)
    assert sorted(framed) == sorted(other)
    assert [name for name in framed if framed[name] != other[name]] == []


def test_the_translation_report_shows_paths_in_the_project_however_mkdocs_yml_is_named(by_properdocs):
    """`-f mkdocs.yml` named relative to the checkout: the paths are still the project's, not the
    checkout's absolute ones (they were, before the project's folder was made absolute)."""
    report = by_properdocs.page("translations")
    assert "<code>docs/anthology/" in report
    assert "<code>tests/fixtures/events_modes/" in report
    assert str(ROOT) not in report


def test_untested_versions_turn_the_fast_paths_off_and_change_no_byte(framed, tmp_path):
    built = build_site(tmp_path, EVENTS, ANTHOLOGY_PDF="0", APK_UNTESTED_VERSIONS="1")
    assert built.returncode == 0, built.output
    notes = [line for line in built.output.splitlines() if "not tested with this site" in line]
    assert len(notes) == 1, built.output  # one info line, not one per language
    assert "framed pages and languages built side by side are off" in notes[0]
    slow = tree(built.site)
    assert sorted(framed) == sorted(slow)
    assert [name for name in framed if framed[name] != slow[name]] == []


def test_a_language_that_fails_fails_the_build_with_its_message(tmp_path):
    events = tmp_path / "events"
    shutil.copytree(EVENTS, events)
    broken = events / "fx-timed.ru.md"
    broken.write_text(broken.read_text(encoding="utf-8") + "\n[link](../no-such-page.md)\n", encoding="utf-8")
    built = build_site(tmp_path / "site", events, ANTHOLOGY_PDF="0")
    assert built.returncode != 0
    assert "no-such-page.md" in built.output
    assert "the build of ru failed" in built.output
    assert "Traceback" not in built.output


def test_every_event_page_is_written_and_no_placeholder_is_left(framed):
    ids = sorted(p.stem for p in EVENTS.glob("*.md") if p.name != "README.md" and p.stem.count(".") == 0)
    for prefix in ("", "ru/", "en/"):
        written = sorted(
            name.split("/")[-2]
            for name in framed
            if name.startswith(f"{prefix}events/") and name.endswith("index.html")
        )
        assert written == ids
    assert [name for name, data in framed.items() if any(word in data for word in PLACEHOLDER_WORDS)] == []


def test_the_sitemap_lists_every_event_page_with_its_alternates(framed):
    sitemap = framed["sitemap.xml"].decode()
    for prefix in ("", "ru/", "en/"):
        assert f"<loc>https://apk30.example.org/{prefix}events/fx-a/</loc>" in sitemap
    assert sitemap.count('hreflang="x-default" href="https://apk30.example.org/events/hostile/"') == 3


def test_an_event_without_summary_is_described_by_its_date_and_region(framed):
    page = framed["en/events/fx/index.html"].decode()
    assert '<meta name="description" content="2 June 2025 · Abai Region">' in page
    assert '<a href="#event-title" class="md-skip">' in page


def test_a_rebuild_into_the_same_folder_leaves_no_stale_page_and_no_old_files(tmp_path):
    """The site folder is emptied by moving its contents aside and deleting them in the background."""
    events = tmp_path / "events"
    shutil.copytree(EVENTS, events)
    site = tmp_path / "out" / "site"
    assert build_site(site, events, ANTHOLOGY_PDF="0").returncode == 0
    (site / ".keep-me").write_text("hidden files stay, as MkDocs leaves them", encoding="utf-8")
    (events / "hostile.md").unlink()
    rebuilt = build_site(site, events, ANTHOLOGY_PDF="0")
    assert rebuilt.returncode == 0, rebuilt.output
    assert not (site / "events" / "hostile").exists()
    assert not (site / "ru" / "events" / "hostile").exists()
    assert (site / "events" / "fx" / "index.html").is_file()
    assert (site / ".keep-me").is_file()
    assert [p.name for p in site.parent.iterdir()] == ["site"]
