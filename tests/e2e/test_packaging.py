"""The project installs as a wheel, not only editable: `pip wheel .` into a fresh virtual environment,
then the `apk` command and a strict build of a copy of the project that has no `hooks/apk_site`, so
every module, template and data file must come from the installed wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

# What a site's folder holds besides the engine (hooks/apk_site is left out on purpose).
PROJECT_PARTS = ["mkdocs.yml", "docs", "events", "overrides", "hooks/main.py"]


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the project's wheel (and its dependencies) installed."""
    folder = tmp_path_factory.mktemp("wheel")
    built = run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder / "dist"), str(ROOT)], folder
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (folder / "dist").glob("apk_site-*.whl")
    venv = folder / "venv"
    assert run([sys.executable, "-m", "venv", str(venv)], folder).returncode == 0
    pip = run([str(venv / "bin" / "pip"), "install", "-q", str(wheel)], folder)
    assert pip.returncode == 0, pip.stderr
    return venv


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("project")
    for part in PROJECT_PARTS:
        source, target = ROOT / part, copy / part
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    assert not (copy / "hooks" / "apk_site").exists()
    return copy


def test_the_wheel_holds_every_package_and_data_file(tmp_path: Path):
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)], tmp_path)
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("apk_site-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    source = ROOT / "hooks"
    expected = {
        p.relative_to(source).as_posix()
        for p in (source / "apk_site").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    assert expected - names == set()
    assert any(n.endswith("entry_points.txt") for n in names)


def test_apk_check_runs_from_the_installed_wheel(installed, project_copy):
    result = run([str(installed / "bin" / "apk"), "check"], project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stdout


@pytest.mark.parametrize("tool", ["new-event", "import", "translations"])
def test_every_apk_tool_answers_help_from_the_installed_wheel(installed, project_copy, tool):
    result = run([str(installed / "bin" / "apk"), tool, "--help"], project_copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage:")


def test_apk_translations_reports_from_the_installed_wheel(installed, project_copy):
    result = run([str(installed / "bin" / "apk"), "translations"], project_copy)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.strip()


def test_apk_check_reports_a_broken_event_from_the_installed_wheel(installed, project_copy, tmp_path):
    events = tmp_path / "events"
    shutil.copytree(project_copy / "events", events)
    broken = next(p for p in sorted(events.glob("*.md")) if p.stem.count(".") == 0 and p.name != "README.md")
    broken.write_text(broken.read_text(encoding="utf-8").replace("region: ", "region: nowhere-", 1), encoding="utf-8")
    result = run([str(installed / "bin" / "apk"), "check", "--events", str(events)], project_copy)
    assert result.returncode == 1
    assert f"{broken.name}:" in result.stdout and ": region: " in result.stdout


def test_a_strict_build_runs_from_the_installed_wheel(installed, project_copy):
    env = {k: v for k, v in os.environ.items() if k not in ("EVENTS_DIR", "ANTHOLOGY_DIR", "PYTHONPATH")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    result = run([str(installed / "bin" / "mkdocs"), "build", "--strict", "-d", "out"], project_copy, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project_copy / "out" / "ru" / "calendar" / "index.html").is_file()
    assert list((project_copy / "out" / "en" / "events").glob("*/index.html"))
