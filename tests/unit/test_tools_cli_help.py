"""The tools' help names the installed command `apk`, whichever way they are run; `python scripts/apk.py`
(a checkout where the project is not installed) runs the same tools."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("new-event", "check", "import", "translations")
INSTALLED = Path(sys.executable).with_name("apk")


def help_of(command: list[str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*command, *argv, "--help"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )


@pytest.mark.parametrize(
    "command",
    [
        pytest.param([sys.executable, "scripts/apk.py"], id="scripts-apk-py"),
        pytest.param(
            [str(INSTALLED)],
            id="installed-apk",
            marks=pytest.mark.skipif(not INSTALLED.is_file(), reason="the project is not installed in this Python"),
        ),
    ],
)
def test_help_names_the_apk_command(command: list[str]) -> None:
    overview = help_of(command).stdout
    assert overview.startswith("usage: apk [-h] <tool> ...\n")
    assert "Run `apk <tool> --help` to see what each tool accepts\n" in overview
    assert "`python scripts/apk.py <tool> --help`" in overview  # still named, for a checkout without `apk`
    for tool in TOOLS:
        assert help_of(command, tool).stdout.startswith(f"usage: apk {tool} ")


def test_a_wrong_tool_is_named_with_the_apk_command() -> None:
    wrong = subprocess.run(
        [sys.executable, "scripts/apk.py", "publish"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert wrong.returncode == 2
    assert wrong.stderr.startswith("usage: apk [-h] <tool> ...\napk: error: argument <tool>: invalid choice: 'publish'")
