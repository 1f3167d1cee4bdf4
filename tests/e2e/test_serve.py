"""`mkdocs serve` rebuilds when a file in the events folder changes (the folder lives outside docs/)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import FIXTURES, ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


def test_editing_an_event_file_rebuilds_its_page(tmp_path: Path) -> None:
    events = tmp_path / "events"
    shutil.copytree(FIXTURES / "events_small", events)
    port = free_port()
    env = {**os.environ, "EVENTS_DIR": str(events), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/ru/events/fx-timed/"
        assert wait_for(url, "Научно-практическая конференция", 60)
        page = events / "fx-timed.ru.md"
        page.write_text(
            page.read_text(encoding="utf-8").replace("Научно-практическая", "Обновлённая"), encoding="utf-8"
        )
        assert wait_for(url, "Обновлённая конференция", 60)
    finally:
        server.terminate()
        server.wait(timeout=20)
