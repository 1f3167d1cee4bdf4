"""Shared helpers: build the real site (real mkdocs.yml and hooks) into a temporary folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


# The Debian package that brings each program the tests run; scripts/setup.sh installs them all.
PACKAGES = {"faketime": "faketime", "pdftoppm": "poppler-utils", "pdftotext": "poppler-utils", "chromium": "chromium"}


def needs(*programs: str) -> None:
    """Fail (never skip) when a program is missing, naming the command that installs it."""
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        packages = " ".join(sorted({PACKAGES[p] for p in missing}))
        pytest.fail(
            f"{', '.join(missing)} missing: run `bash scripts/setup.sh` as root, "
            f"or `sudo apt-get install --no-install-recommends {packages}`"
        )


def documented_policy(section: str = "Content-Security-Policy") -> str:
    """The policy in a section of dev/DEPLOY.md (by its heading): the first code block there. The
    public pages' one by default; "The editors' web form (`/admin/`)" has the form's."""
    deploy = (ROOT / "dev" / "DEPLOY.md").read_text(encoding="utf-8")
    parts = deploy.split(f"\n## {section}\n", 1)
    assert len(parts) == 2, f"dev/DEPLOY.md has no '## {section}' section"
    block = re.search(r"```\n(.+?)\n```", parts[1].split("\n## ", 1)[0], re.S)
    assert block is not None, f"dev/DEPLOY.md's {section} section has no code block"
    return " ".join(block.group(1).split())


@dataclass(frozen=True)
class Build:
    site: Path
    returncode: int
    output: str

    def page(self, url: str) -> str:
        """The HTML of a site URL such as 'ru/events/x/'."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def build_site(dest: Path, events_dir: Path | None = None, *, faketime: str = "", **env: str) -> Build:
    """`mkdocs build --strict` of the real mkdocs.yml; `faketime` runs it at another wall-clock date."""
    inherited = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    environ = {**inherited, "NO_MKDOCS_2_WARNING": "1", **env}
    if events_dir is not None:
        environ["EVENTS_DIR"] = str(events_dir)
    clock = ["faketime", faketime] if faketime else []
    result = subprocess.run(
        [*clock, sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(dest)],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )
    return Build(dest, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    built = build_site(tmp_path_factory.mktemp("fixture-site"), FIXTURES / "events_small")
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    built = build_site(tmp_path_factory.mktemp("real-site"))
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Build]:
    """The 420-event generated sample calendar and its strict build."""
    events_dir = tmp_path_factory.mktemp("sample-events")
    written = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "sample_events.py"), "--count", "420", "--out", str(events_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert written.returncode == 0, written.stdout + written.stderr
    built = build_site(tmp_path_factory.mktemp("sample-site"), events_dir)
    assert built.returncode == 0, built.output
    return events_dir, built
