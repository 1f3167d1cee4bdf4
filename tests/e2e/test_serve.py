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

import pytest

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


def serve(events: Path, port: int, engine: str = "mkdocs", **env: str) -> subprocess.Popen[bytes]:
    """`mkdocs serve` (or `properdocs serve`) of the real mkdocs.yml with this events folder."""
    environ = {**os.environ, "EVENTS_DIR": str(events), "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.Popen(
        [sys.executable, "-m", engine, "serve", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_editing_an_event_file_rebuilds_its_page(tmp_path: Path, engine: str) -> None:
    """With either engine (dev/ARCHITECTURE.md, "Engines")."""
    events = tmp_path / "events"
    shutil.copytree(FIXTURES / "events_small", events)
    port = free_port()
    server = serve(events, port, engine)
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


def test_the_edited_language_is_rebuilt_first_and_the_others_follow(tmp_path: Path) -> None:
    """When serving, the process that answers the browser builds the language of the saved file;
    another process builds the other two after it (apk_site.mkdocs_parallel)."""
    events = tmp_path / "events"
    shutil.copytree(FIXTURES / "events_small", events)
    port = free_port()
    server = serve(events, port, ANTHOLOGY_PDF="0")
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(base + "en/events/fx-timed/", "Research and practice conference", 60)
        english = events / "fx-timed.en.md"
        english.write_text(
            english.read_text(encoding="utf-8").replace("Research and practice", "Renamed"), encoding="utf-8"
        )
        assert wait_for(base + "en/events/fx-timed/", "Renamed conference", 60)
        assert wait_for(base + "en/calendar/", "Renamed conference", 5)
        # The other languages follow: every page is there again, Kazakh search at the root.
        assert wait_for(base + "ru/events/fx-timed/", "Научно-практическая конференция", 30)
        assert wait_for(base + "events/fx-timed/", "Ғылыми-тәжірибелік конференция", 30)
        assert wait_for(base + "ru/feeds/calendar.ics", "BEGIN:VCALENDAR", 30)
        assert wait_for(base + "en/feeds/calendar.ics", "Renamed conference", 30)
        time.sleep(3)
        root_index = fetch(base + "search/search_index.json")
        assert '"location":"events/fx-timed/"' in root_index.replace(" ", "")
        assert '"location":"ru/' not in root_index.replace(" ", "")
        assert '"location":"en/' not in root_index.replace(" ", "")
    finally:
        server.terminate()
        server.wait(timeout=20)


def _workers(pid: int) -> set[int]:
    """Processes forked by `pid` that lead their own process group: the language builds, not the
    short-lived process that deletes the old site folder (Linux /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[2] == stat.parent.name:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_stopping_the_server_stops_the_languages_still_being_built(tmp_path: Path) -> None:
    """A SIGTERM to `mkdocs serve` while the other languages are being built ends their process too
    (PR_SET_PDEATHSIG), instead of leaving it to build into a folder that is being removed."""
    events = tmp_path / "events"  # enough events for the other two languages to take a while
    generator = [sys.executable, str(ROOT / "scripts" / "sample_events.py"), "--count", "150", "--out", str(events)]
    subprocess.run(generator, check=True, stdout=subprocess.DEVNULL)
    page = sorted(events.glob("*.ru.md"))[0]
    port = free_port()
    server = serve(events, port, ANTHOLOGY_PDF="0")
    url = f"http://127.0.0.1:{port}/ru/events/{page.name.removesuffix('.ru.md')}/"
    try:
        assert wait_for(url, "<html", 120)
        time.sleep(5)  # the first build's other languages are done
        page.write_text(page.read_text(encoding="utf-8").replace("title: ", "title: Другое ", 1), encoding="utf-8")
        assert wait_for(url, "Другое", 60)
        workers = _workers(server.pid)
        assert workers, "the Kazakh and English builds should still be running beside the server"
    finally:
        server.terminate()
        server.wait(timeout=20)
    deadline = time.monotonic() + 0.5  # without the signal, they build on for seconds
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)
