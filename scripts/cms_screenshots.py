"""Screenshots of the editors' web form for the editors' guide (docs/editors*.md, "web form").

Builds the site with the project's events and Anthology copied into a temporary folder, starts the
local backend (decap-server) on a free loopback port over that copy, opens /admin/ in Debian's
chromium in each language and saves docs/assets/screenshots/cms-list-<lang>.png (the events) and
cms-editor-<lang>.png (an event, Kazakh beside the editor's language). Nothing in events/ is touched.

    .venv/bin/python scripts/cms_screenshots.py
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "assets" / "screenshots"
DECAP_SERVER = ROOT / "cms" / "node_modules" / "decap-server" / "dist" / "index.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
EVENT = "2025-04-24-xxxiv-session"
LOGIN = {"kk": "Login", "ru": "Войти", "en": "Login"}  # Decap has no Kazakh: English buttons
EVENTS = {"kk": "Іс-шаралар", "ru": "Мероприятия", "en": "Events"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002  # the base class's signature
        pass


def build(project: Path, site: Path, port: int) -> None:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "EVENTS_DIR": str(project / "events"),
        "ANTHOLOGY_DIR": str(project / "docs" / "anthology"),
        "ANTHOLOGY_PDF": "0",
        "APK_CMS_PORT": str(port),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def shoot(url: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for lang in ("kk", "ru", "en"):
            page = browser.new_page(viewport={"width": 1280, "height": 760}, locale=lang)
            page.goto(f"{url}/admin/?lang={lang}")
            page.get_by_role("button", name=LOGIN[lang]).click()
            page.get_by_text(EVENTS[lang]).first.wait_for()
            page.goto(f"{url}/admin/?lang={lang}#/collections/events")
            page.get_by_text("XXXIV мерейтойлық сессиясы").wait_for()
            page.screenshot(path=OUT / f"cms-list-{lang}.png")
            page.get_by_text("XXXIV мерейтойлық сессиясы").click()
            page.wait_for_url(f"**/entries/{EVENT}")
            if lang == "en":  # the right-hand column shows Russian first; an English editor picks English
                page.get_by_role("button", name="Writing in RU").click()
                page.get_by_role("menuitem", name="en", exact=True).click()
            page.mouse.wheel(0, 1000)
            page.wait_for_timeout(500)
            page.screenshot(path=OUT / f"cms-editor-{lang}.png")
            page.close()
        browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        project, site = Path(temp, "project"), Path(temp, "site")
        shutil.copytree(ROOT / "events", project / "events")
        shutil.copytree(ROOT / "docs" / "anthology", project / "docs" / "anthology")
        port = free_port()
        build(project, site, port)
        env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(project)}
        backend = subprocess.Popen(["node", str(DECAP_SERVER)], env={**env, "MODE": "fs"}, stdout=subprocess.DEVNULL)
        handler = functools.partial(Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            time.sleep(2)  # decap-server's start
            shoot(f"http://127.0.0.1:{server.server_address[1]}")
        finally:
            server.shutdown()
            backend.terminate()
            backend.wait(timeout=10)
    print(f"wrote {', '.join(sorted(p.name for p in OUT.glob('cms-*.png')))}")


if __name__ == "__main__":
    main()
