"""Benchmark: the project's strict build against plain MkDocs + Material + mkdocs-static-i18n.

Run `make bench` (or `python scripts/bench.py --sizes 420 4200 --runs 3`). Builds are interleaved
(project, reference, light reference, project, ...) so that all see the same machine load; medians
are reported.
The results table is written into dev/PERFORMANCE.md between the `bench:start` and `bench:end` markers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "dev" / "PERFORMANCE.md"
LANGS = ("kk", "ru", "en")
FALLBACK = {"kk": ("kk", "ru", "en"), "ru": ("ru", "kk", "en"), "en": ("en", "ru", "kk")}  # as the model's


@dataclass
class Timing:
    seconds: list[float]
    peak_kb: list[int]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float:
        return max(self.peak_kb) / 1024


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int]:
    """Wall time and peak memory of one command: the largest sum of the resident sizes of the
    command and the processes it forked (the project builds languages in processes of their own),
    sampled every 50 ms from /proc. GNU time's maximum RSS would give the largest single process."""
    with tempfile.TemporaryFile(mode="w+") as log:  # a pipe would fill up and stop the build
        start = time.monotonic()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, text=True)
        peak = 0
        while process.poll() is None:
            peak = max(peak, sum(_resident_kb(pid) for pid in _process_tree(process.pid)))
            time.sleep(0.05)
        seconds = time.monotonic() - start
        if process.returncode != 0:
            log.seek(0)
            sys.exit(f"build failed: {' '.join(command)}\n{log.read()[-6000:]}")
    return seconds, peak


def _process_tree(pid: int) -> list[int]:
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as stream:
                found += [child for text in stream.read().split() for child in _process_tree(int(text))]
    except OSError:
        pass
    return found


def _resident_kb(pid: int) -> int:
    """A process's resident size; 0 for Chromium printing the Anthology's PDFs (only when the book
    changed): its processes share most of their memory, which a sum would count many times over."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as stream:
            fields = dict(line.split(":", 1) for line in stream if ":" in line)
    except OSError:
        return 0
    if fields.get("Name", "").strip().startswith("chrom"):
        return 0
    return int(fields.get("VmRSS", "0 kB").split()[0])


def generate(count: int, folder: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "sample_events.py"), "--count", str(count), "--out", str(folder)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


REFERENCE_CONFIG = """\
site_name: Reference
site_url: https://reference.example.org/
theme:
  name: material
  language: ru
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: ru
          default: true
          name: Русский
        - locale: kk
          name: Kazakh
          build: true
        - locale: en
          name: English
nav:
  - index.md
"""


def write_reference(events: Path, site: Path, built: Path | None = None) -> None:
    """The stock way: one static Markdown page per event and language, same front matter, no hooks.

    With `built` (the project's site), each page carries what the project's event page shows, written
    as plain Markdown: the heading, facts, summary, text, related events and calendar links, so the
    reference converts as much Markdown per page as the project puts on it (the issue asks for pages
    of similar length; a stock Material page with a body like the project's is about 6 KB gzipped).
    Without it, the page is the event's own text only (one sentence in the sample: about 3.7 KB).
    Material has no Kazakh strings, so the reference uses Russian as its default and `kk` pages use
    the project's Kazakh theme strings (the same work per page)."""
    docs = site / "docs"
    shutil.rmtree(site, ignore_errors=True)
    (docs / "events").mkdir(parents=True)
    (site / "mkdocs.yml").write_text(REFERENCE_CONFIG, encoding="utf-8")
    for lang in LANGS:
        suffix = "" if lang == "ru" else f".{lang}"
        (docs / f"index{suffix}.md").write_text(f"# Reference {lang}\n", encoding="utf-8")
    sources = {path.name[: -len(".md")]: path for path in sorted(events.glob("*.md"))}
    for name in sorted({stem.partition(".")[0] for stem in sources}):
        files = {lang: sources.get(name if lang == "kk" else f"{name}.{lang}") for lang in LANGS}
        for lang in LANGS:
            # Every language has a page in the project; an untranslated one falls back as the project's
            # does. The light reference keeps its pages to the files that exist (1,239 of 1,260 at 420).
            source = next((files[other] for other in FALLBACK[lang] if files[other]), None)
            if built is None and files[lang] is None or source is None:
                continue
            front, _, body = source.read_text(encoding="utf-8").partition("\n---\n")
            text = _light_page(front, body) if built is None else _page_like(built, name, lang)
            suffix = "" if lang == "ru" else f".{lang}"
            (docs / "events" / f"{name}{suffix}.md").write_text(f"{front}\n---\n{text}", encoding="utf-8")
    # The reference theme needs a Kazakh UI file too, or Material fails on theme.language: kk.
    overrides = site / "overrides" / "partials" / "languages"
    overrides.mkdir(parents=True)
    shutil.copy(ROOT / "overrides" / "partials" / "languages" / "kk.html", overrides / "kk.html")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))


def _light_page(front: str, body: str) -> str:
    title = re.search(r"^title: (.*)$", front, re.M)
    heading = f"# {title[1].strip(chr(39) + chr(34))}\n\n" if title else ""
    return heading + body


def _page_like(built: Path, name: str, lang: str) -> str:
    page = built / ("" if lang == "kk" else lang) / "events" / name / "index.html"
    html = page.read_text(encoding="utf-8")
    article = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    if article is None:
        sys.exit(f"no <article> in {page}")
    return as_markdown(article[1])


class _Markdown(HTMLParser):
    """Visible text of an article as plain Markdown: headings, paragraphs, lists, links."""

    BLOCKS = {"h1": "# ", "h2": "## ", "h3": "### ", "p": "", "li": "- ", "dt": "- "}
    SKIPPED = {"script", "style", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.skipping = 0
        self.link: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag == "p" and self.blocks and self.blocks[-1] == "- ":
            pass  # a paragraph inside a list item stays in the item
        elif tag in self.BLOCKS:
            self.blocks.append(self.BLOCKS[tag])
        elif tag == "dd" and self.blocks:
            self.blocks[-1] += ":"
        elif tag == "a":
            self.link.append(dict(attrs).get("href") or "")
            self._add("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping -= 1
        elif tag == "a" and self.link:
            self._add(f"]({self.link.pop()})")

    def handle_data(self, data: str) -> None:
        if self.skipping or not data.strip():
            return
        text = " ".join(data.split()).replace("&", "&amp;").replace("<", "&lt;")
        text = re.sub(r"([\\`*_\[\]#])", r"\\\1", text)
        if not self.blocks or self.blocks[-1].strip(" -#") == "":  # at the start of a line: not a list
            text = re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", re.sub(r"^([-+])(\s)", r"\\\1\2", text))
        self._add(text)

    def _add(self, text: str) -> None:
        if not self.blocks:
            self.blocks.append("")
        block = self.blocks[-1]
        tight = not block or block.endswith(("[", " ")) or text.startswith(("]", ",", ".", ";", ":", "!", "?", ")"))
        self.blocks[-1] += ("" if tight else " ") + text


def as_markdown(html: str) -> str:
    parser = _Markdown()
    parser.feed(html)
    blocks = [block for block in parser.blocks if block.strip(" -#:")]
    out = ""
    for previous, block in zip(["", *blocks], blocks, strict=False):
        together = previous.startswith("- ") and block.startswith("- ")
        out += ("\n" if together else "\n\n" if out else "") + block
    return out + "\n"


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9, mtime=0))


def first_visit_bytes(page: Path, kinds: str = "css|js|woff2|svg|png") -> int:
    """Bytes (gzipped) an empty cache downloads for what `page` links directly (HTML not included)."""
    html = page.read_text(encoding="utf-8")
    total = 0
    for ref in sorted(set(re.findall(rf'(?:href|src)="([^"]+\.(?:{kinds}))"', html))):
        target = (page.parent / ref).resolve()
        if target.is_file():
            total += gz(target)
    return total


def weights(site: Path) -> dict[str, str]:
    events = sorted((site / "events").glob("*/index.html"))
    typical = events[len(events) // 2]
    months = sorted(p for p in (site / "calendar").glob("20*/index.html"))
    out = {
        "event page HTML (gzip)": gz(typical),
        "calendar list HTML (gzip)": gz(site / "calendar" / "index.html"),
        "month grid HTML (gzip)": gz(months[len(months) // 2]),
        "first visit to an event page: HTML + linked CSS, JS, images (gzip)": gz(typical) + first_visit_bytes(typical),
        "first visit to an event page: CSS and JS only (gzip)": first_visit_bytes(typical, "css|js"),
    }
    reference = site.parent / site.name.replace("site-", "ref-site-")
    stock = sorted((reference / "kk" / "events").glob("*/index.html"))  # the project's typical page is Kazakh
    if stock:
        out["reference event page HTML (gzip)"] = gz(stock[len(stock) // 2])
        out["stock Material event page: CSS and JS only (gzip)"] = first_visit_bytes(stock[len(stock) // 2], "css|js")
    for lang in LANGS:
        prefix = site if lang == "kk" else site / lang
        index = prefix / "search" / "search_index.json"
        if index.is_file():
            out[f"search index {lang} (gzip)"] = gz(index)
    return {name: f"{value / 1024:.1f} KB" for name, value in out.items()}


def feed_timing(events_dir: Path, runs: int) -> dict[str, str]:
    """Time to produce every .ics of all three languages in-process, and the largest feeds."""
    import time

    from apk_site.feed_files import feed_files
    from apk_site.loader import load_events
    from apk_site.revisions import event_revisions

    events, _ = load_events(events_dir)
    history = event_revisions(events_dir)
    seconds, files = [], {}
    for _ in range(runs):
        start = time.perf_counter()
        files = {lang: feed_files(events, lang, "https://apk30.example.org/", history) for lang in LANGS}
        seconds.append(time.perf_counter() - start)
    out = {"time to write all feeds, 3 languages": f"{statistics.median(seconds):.2f} s"}
    for lang in LANGS:
        sizes = {path: len(data) for path, data in files[lang].items()}
        out[f"feed {lang}: whole calendar"] = f"{sizes['feeds/calendar.ics'] / 1024:.0f} KB"
        regional = max((size, path) for path, size in sizes.items() if path.startswith("feeds/regions/"))
        out[f"feed {lang}: largest region feed"] = f"{regional[0] / 1024:.0f} KB ({regional[1]})"
        category = max((size, path) for path, size in sizes.items() if path.startswith("feeds/categories/"))
        out[f"feed {lang}: largest category feed"] = f"{category[0] / 1024:.0f} KB ({category[1]})"
    return out


def feed_sizes(events_dir: Path, count: int) -> dict[str, str]:
    """The feeds' sizes at `count` events (issue 15: Google Calendar drops feeds over 1 MB): the whole
    calendar, the coming-up feed with the build date at the start of the sample's year (every event
    still ahead: the largest it gets) and in its middle, and the largest region and category feeds."""
    from apk_site.feed_files import CALENDAR_FEED, UPCOMING_FEED, feed_files
    from apk_site.loader import load_events
    from apk_site.revisions import event_revisions

    events, _ = load_events(events_dir)
    history = event_revisions(events_dir).with_statuses({e.id: e.status for e in events})
    year = min(e.when.start_date for e in events).year
    out = {}
    for lang in LANGS:
        for today in (dt.date(year, 1, 1), dt.date(year, 7, 1)):
            files = feed_files(events, lang, "https://apk30.example.org/", history, today)
            listed = files[UPCOMING_FEED].count(b"BEGIN:VEVENT")
            out[f"{count} events, feed {lang}: coming up, built {today}"] = (
                f"{len(files[UPCOMING_FEED]) / 1024:.0f} KB ({listed} events)"
            )
        out[f"{count} events, feed {lang}: whole calendar"] = f"{len(files[CALENDAR_FEED]) / 1024:.0f} KB"
        for kind in ("regions", "categories"):
            size, path = max((len(data), path) for path, data in files.items() if path.startswith(f"feeds/{kind}/"))
            out[f"{count} events, feed {lang}: largest of feeds/{kind}/"] = f"{size / 1024:.0f} KB ({path})"
    for name, value in out.items():
        print(f"{name}: {value}", flush=True)
    return out


def serve_latency(events_dir: Path, work: Path, edits: int = 3) -> str:
    """Seconds from saving an event's Russian file to `mkdocs serve` showing the new title, as a reader
    sees it: the server holds requests while it rebuilds, as the browser's reload waits for the build.
    Median of a few edits, each after the server has settled."""
    import socket
    import urllib.request

    folder = work / "serve-events"
    shutil.copytree(events_dir, folder, dirs_exist_ok=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EVENTS_DIR": str(folder), "ANTHOLOGY_PDF": "0"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def page(url: str) -> str:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            return ""

    try:
        sources = sorted(folder.glob("*.ru.md"))[:edits]
        deadline = time.monotonic() + 600
        first = f"http://127.0.0.1:{port}/ru/events/{sources[0].name[: -len('.ru.md')]}/"
        while "<html" not in page(first) and time.monotonic() < deadline:
            time.sleep(0.5)
        seconds = []
        for number, source in enumerate(sources):
            time.sleep(10)  # the languages still being built after the last change finish first
            url = f"http://127.0.0.1:{port}/ru/events/{source.name[: -len('.ru.md')]}/"
            marker = f"Изменено для замера {number}"
            text = source.read_text(encoding="utf-8")
            start = time.monotonic()
            source.write_text(text.replace("title: ", f"title: {marker} ", 1), encoding="utf-8")
            while marker not in page(url) and time.monotonic() < deadline:
                time.sleep(0.05)
            seconds.append(time.monotonic() - start)
        shown = ", ".join(f"{s:.1f}" for s in seconds)
        return f"{statistics.median(seconds):.1f} s (median of {shown})"
    finally:
        server.terminate()
        server.wait(timeout=30)


def search_cost(site: Path, runs: int) -> dict[str, str]:
    """What search that forgives the keyboard (apk_site.search_fold, issue 17) costs. The build does not
    expand words: the browser does, while it builds each language's index, so the index files keep
    their size. Measured: the gzipped index and the site's lunr files per language, the time to make
    the tables (done when they change, not per build), and the time from opening a page to a ready
    search in Chromium with the site's lunr language against the stock one (same index, config "lang"
    swapped back), median of `runs` interleaved loads."""
    from apk_site import search_fold

    lunr = site / "assets" / "javascripts" / "lunr"
    out: dict[str, str] = {}
    for lang in LANGS:
        index = (site if lang == "kk" else site / lang) / "search" / "search_index.json"
        out[f"search index {lang} (gzip)"] = f"{gz(index) / 1024:.1f} KB"
        extra = gz(lunr / "apk-search.js") + gz(lunr / "min" / f"lunr.apk-{lang}.min.js")
        out[f"search: the site's lunr files for {lang} (gzip)"] = f"{extra / 1024:.1f} KB"
    start = time.perf_counter()
    for function in (search_fold.tables, search_fold.latin_2021, search_fold.plain_latin):
        function.cache_clear()
    for lang in LANGS:
        search_fold.tables(lang)
    out["search: making the tables, 3 languages"] = f"{(time.perf_counter() - start) * 1000:.0f} ms"
    for lang, (stock, ours) in _search_ready(site, runs).items():
        out[f"search ready in Chromium, {lang}: stock lunr language → with variants"] = (
            f"{stock:.2f} s → {ours:.2f} s (+{ours - stock:.2f} s)"
        )
    return out


def _index_with(languages: list[str] | None, json):  # type: ignore[no-untyped-def]
    """A Playwright route handler: the site's search index, its lunr languages swapped if given."""

    def handler(route, request):  # type: ignore[no-untyped-def]
        index = json.loads(route.fetch().text())
        if languages:
            index["config"]["lang"] = languages
        route.fulfill(json=index)

    return handler


def _search_ready(site: Path, runs: int) -> dict[str, tuple[float, float]]:
    """Seconds from navigation to Material's search being ready, per language: (stock, with variants)."""
    import json

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, INDEX_LOADED, INITIALIZING, served

    stock_lang = {"kk": ["ru"], "ru": ["ru"], "en": ["en"]}  # what the indexes named before issue 17
    seconds: dict[str, dict[bool, list[float]]] = {lang: {False: [], True: []} for lang in LANGS}
    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for _ in range(runs):
            for lang in LANGS:
                for ours in (False, True):
                    page = browser.new_context().new_page()
                    languages = None if ours else stock_lang[lang]
                    page.route("**/search/search_index.json", _index_with(languages, json))
                    page.goto(f"{url}/{'' if lang == 'kk' else lang + '/'}")
                    meta = page.locator(".md-search-result__meta")
                    page.wait_for_function(INDEX_LOADED, arg=[meta.element_handle(), INITIALIZING[lang]], timeout=60000)
                    seconds[lang][ours].append(page.evaluate("performance.now()") / 1000)
                    page.context.close()
        browser.close()
    return {lang: (statistics.median(s[False]), statistics.median(s[True])) for lang, s in seconds.items()}


def bench(sizes: list[int], runs: int, work: Path) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    rows, page_weights, feeds_at_scale = [], {}, {}
    for count in sizes:
        events = work / f"events-{count}"
        generate(count, events)
        project_build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(work / f"site-{count}")]
        # Not in the medians: its pages are what the reference copies. After a commit it also prints the
        # Anthology's PDFs again (they carry the commit date); its time is listed with the runs.
        first, _ = timed(project_build, {**env, "EVENTS_DIR": str(events)}, ROOT)
        builds = {
            "project": (project_build, {**env, "EVENTS_DIR": str(events)}, ROOT),
            "reference": (_reference_build(work, count, "ref"), env, work / f"reference-{count}"),
            "light": (_reference_build(work, count, "light-ref"), env, work / f"light-reference-{count}"),
        }
        write_reference(events, builds["reference"][2], built=work / f"site-{count}")
        write_reference(events, builds["light"][2])
        timings = {name: Timing([], []) for name in builds}
        for run in range(runs):
            for name, (command, build_env, cwd) in builds.items():
                seconds, peak = timed(command, build_env, cwd)
                timings[name].seconds.append(seconds)
                timings[name].peak_kb.append(peak)
            measured = ", ".join(f"{name} {timing.seconds[-1]:.1f} s" for name, timing in timings.items())
            print(f"{count} events, run {run + 1}: {measured}", flush=True)
        rows.append((count, timings, first))
        feeds_at_scale.update(feed_sizes(events, count))
        if count == sizes[0]:
            page_weights = {**weights(work / f"site-{count}"), **feed_timing(events, runs)}
            page_weights.update(search_cost(work / f"site-{count}", runs))
            page_weights["edit an event while `mkdocs serve` runs: saved to shown"] = serve_latency(events, work)
    return table(rows, {**page_weights, **feeds_at_scale}, runs)


def _reference_build(work: Path, count: int, name: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / f"{name}-site-{count}")]


def table(rows: list[tuple[int, dict[str, Timing], float]], page_weights: dict[str, str], runs: int) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [
        f"Measured {dt.date.today().isoformat()} on {machine}; median of {runs} interleaved runs.",
        "",
        "| events | project build | reference build | ratio | light reference | ratio to light "
        "| project time per event | project peak RSS (all its processes) | reference peak RSS |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for count, timing, _ in rows:
        project, stock, light = timing["project"], timing["reference"], timing["light"]
        lines.append(
            f"| {count} | {project.median:.1f} s | {stock.median:.1f} s | {project.median / stock.median:.2f}× "
            f"| {light.median:.1f} s | {project.median / light.median:.2f}× "
            f"| {project.median / count * 1000:.1f} ms | {project.peak_mb:.0f} MB | {stock.peak_mb:.0f} MB |"
        )
    lines += ["", "Every run (each round: project, reference, light reference):", ""]
    for count, timing, first in rows:
        lines.append(f"- {count} events, project's first build of the run (not in the median): {first:.1f} s")
        for name, measured in timing.items():
            lines.append(f"- {count} events, {name}: " + ", ".join(f"{s:.1f} s" for s in measured.seconds))
    if len(rows) > 1:
        (small, small_timing, _), (large, large_timing, _) = rows[0], rows[-1]
        growth = (large_timing["project"].median / large) / (small_timing["project"].median / small)
        lines += ["", f"Time per event at {large} is {growth:.2f}× the time per event at {small}."]
    lines += ["", f"Page weights and feeds at {rows[0][0]} events:", "", "| what | value |", "|---|---:|"]
    lines += [f"| {name} | {value} |" for name, value in page_weights.items()]
    return "\n".join(lines)


def write_report(text: str) -> None:
    report = REPORT.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start not in report:
        report += f"\n{start}\n{end}\n"
    before, rest = report.split(start, 1)
    after = rest.split(end, 1)[1]
    REPORT.write_text(f"{before}{start}\n{text}\n{end}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[420, 4200], help="sample calendar sizes to build")
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind per size (the median is reported)")
    parser.add_argument("--no-report", action="store_true", help="print the table only, leave dev/PERFORMANCE.md alone")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="apk-bench-") as folder:
        text = bench(args.sizes, args.runs, Path(folder))
    print(text)
    if not args.no_report:
        write_report(text)


if __name__ == "__main__":
    main()
