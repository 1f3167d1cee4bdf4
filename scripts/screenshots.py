"""`make screenshots`: the README's pictures, taken from the 420-event sample site with Debian's chromium.

Generates the sample calendar, builds it as on 1 April 2025 (Astana), when most of the sample's year
lies ahead, serves it on a local port and photographs the home page, an event and the calendar on a
phone (390x844) and a desktop (1280x800), in Kazakh and Russian, into dev/screenshots/ (kept out of
the published site; the editors' guide's pictures of the web form are docs/assets/screenshots/cms-*,
taken by scripts/cms_screenshots.py). The browser's clock is set to the same day, so that the home
page's script agrees with the build.

    python scripts/screenshots.py [--out dev/screenshots]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from static_server import served

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"]
BUILT = dt.datetime(2025, 4, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=5)))
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}
PREFIX = {"kk": "", "ru": "ru/"}


def shots(events_dir: Path) -> list[tuple[str, str, str]]:
    """(file name, page address without the language prefix, viewport) of every picture."""
    ordinary, cancelled = pick_events(events_dir)
    out = []
    for lang in PREFIX:
        for viewport in VIEWPORTS:
            out.append((f"home-{lang}-{viewport}.png", "", viewport))
            out.append((f"event-actions-{lang}-{viewport}.png", f"events/{ordinary}/", viewport))
            out.append((f"calendar-{lang}-{viewport}.png", "calendar/", viewport))
    # The README's two older pictures keep their names and subjects.
    out.append(("calendar-ru.png", "calendar/?region=astana&category=conference", "desktop"))
    out.append(("event-kk-phone.png", f"events/{cancelled}/", "phone"))
    return out


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def pick_events(events_dir: Path) -> tuple[str, str]:
    """An ordinary event (scheduled, timed, with a registration link and a short title) and a cancelled one."""
    ordinary = cancelled = ""
    for path in sorted(p for p in events_dir.glob("*.md") if p.name.count(".") == 1):
        meta = _front_matter(path)
        status = meta.get("status", "scheduled")
        if not cancelled and status == "cancelled":
            cancelled = path.stem
        timed = ":" in str(meta["start"])
        if not ordinary and status == "scheduled" and timed and "registration" in (meta.get("links") or {}):
            ordinary = path.stem if len(meta["title"]) < 70 else ""
    if not (ordinary and cancelled):
        sys.exit(f"no ordinary or no cancelled event in {events_dir}")
    return ordinary, cancelled


def run(command: list[str], **env: str) -> None:
    done = subprocess.run(command, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, check=False)
    if done.returncode:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}")


def build(work: Path) -> Path:
    events, site = work / "sample-events", work / "site"
    run([sys.executable, "scripts/sample_events.py", "--count", "420", "--out", str(events)])
    epoch = str(int(BUILT.timestamp()))
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    run(mkdocs, EVENTS_DIR=str(events), SOURCE_DATE_EPOCH=epoch)
    return site


def photograph(url: str, pictures: list[tuple[str, str, str]], out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for lang, prefix in PREFIX.items():
            for name, address, viewport in pictures:
                if f"-{lang}" not in name:
                    continue
                width, height = VIEWPORTS[viewport]
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                page.clock.set_fixed_time(BUILT)
                page.goto(f"{url}/{prefix}{address}")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(out / name))
                context.close()
                print(out.relative_to(ROOT) / name if out.is_relative_to(ROOT) else out / name)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dev" / "screenshots")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="apk-screenshots-") as work:
        site = build(Path(work))
        with served(site) as url:
            photograph(url, shots(Path(work) / "sample-events"), options.out.resolve())


if __name__ == "__main__":
    main()
