"""scripts/setup.sh, shared by `make test`, `make serve` and .ci/run: idempotent, and without root it
stops with the one `sudo apt-get install` line that installs what is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "setup.sh"
# What the script itself runs, besides the tools it looks for.
SHELL_TOOLS = ["bash", "id", "dirname", "sha256sum", "cut", "cat"]
LOOKED_FOR = ["chromium", "pdftoppm", "nginx", "node", "npm", "make", "git"]  # faketime left out


def as_nobody(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return [shutil.which("setpriv") or "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]


def test_without_root_a_missing_tool_stops_it_with_the_install_command():
    folder = Path(tempfile.mkdtemp(prefix="setup-"))
    try:
        folder.chmod(0o755)  # readable by the unprivileged user the script runs as
        (folder / "scripts").mkdir(mode=0o755)
        shutil.copy(SCRIPT, folder / "scripts" / "setup.sh")
        bin_dir = folder / "bin"
        bin_dir.mkdir(mode=0o755)
        for tool in SHELL_TOOLS + LOOKED_FOR:
            found = shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/sbin")
            assert found, f"{tool} is needed to run this test"
            (bin_dir / tool).symlink_to(found)
        result = subprocess.run(
            as_nobody(["bash", str(folder / "scripts" / "setup.sh")]),
            env={"PATH": str(bin_dir), "HOME": str(folder)},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        shutil.rmtree(folder)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "setup: missing Debian packages; run: sudo apt-get install --no-install-recommends faketime"
    ]


def test_a_second_run_installs_nothing_and_says_nothing():
    # make test has just run it, so everything is in place: the script must find that out quietly.
    result = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")
