"""Serve a built site through Debian's nginx with the shipped deploy/nginx.conf, as production does.

The tests change only the port (a free one, so parallel tests do not collide): every other line of the
configuration is the shipped one.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

CONFIG = ROOT / "deploy" / "nginx.conf"
SHIPPED_LISTEN = "listen 127.0.0.1:8080;"


def nginx() -> str:
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
    if found is None:
        pytest.fail("nginx is missing: run `bash scripts/setup.sh` (as root) or `sudo apt-get install nginx`")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"nginx exited with {process.returncode}: {process.stderr.read()}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except urllib.error.HTTPError:
            return  # it answered
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing answered at {url} within {seconds} s")


@contextlib.contextmanager
def nginx_served(site: Path) -> Iterator[str]:
    """Serve the built `site` folder with deploy/nginx.conf on a free port; yields the base URL."""
    text = CONFIG.read_text(encoding="utf-8")
    assert text.count(SHIPPED_LISTEN) == 1, f"deploy/nginx.conf no longer says `{SHIPPED_LISTEN}`"
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="nginx-") as prefix:
        (Path(prefix) / "site").symlink_to(site.resolve(), target_is_directory=True)
        config = Path(prefix) / "nginx.conf"
        config.write_text(re.sub(re.escape(SHIPPED_LISTEN), f"listen 127.0.0.1:{port};", text), encoding="utf-8")
        user = ["-g", "user root;"] if os.geteuid() == 0 else []  # as scripts/preview.sh does
        command = [nginx(), "-p", f"{prefix}/", "-e", "stderr", "-c", str(config), *user]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_answering(url + "/", process)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)
            process.stderr.close()
