"""Lighthouse's mobile run, with Debian's chromium, on the pages issue #13 names, in kk, ru and en.

    python scripts/lighthouse.py                  # builds the 420-event sample, prints the scores
    python scripts/lighthouse.py --record         # ... and writes them into dev/PERFORMANCE.md
    python scripts/lighthouse.py --site DIR       # scores an already built site instead

Like scripts/bench.py this is a measurement, not a test: scores move with the machine's load (Lighthouse
simulates a slow phone from timings taken here), so run it on a quiet machine and compare runs of one day.
Lighthouse comes from tests/lighthouse (`npm ci --prefix tests/lighthouse`, done here on first use); it is
told to use /usr/bin/chromium through CHROME_PATH and never downloads a browser. The pages are served from
127.0.0.1, gzipped as a web host serves them, so no request leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from static_server import served

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tests" / "lighthouse"
CLI = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
DOCUMENT = ROOT / "dev" / "PERFORMANCE.md"
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LANGS = ("kk", "ru", "en")
PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
# The same flags as the browser tests: without them Chromium phones home at start.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)


def pages(site: Path) -> dict[str, str]:
    """The kinds of page the issue names, as site addresses in the default language."""
    events = sorted(p.parent.name for p in (site / "events").glob("*/index.html"))
    months = sorted(p.parent.name for p in (site / "calendar").glob("20??-??/index.html"))
    texts = sorted(p.parent.relative_to(site).as_posix() for p in (site / "anthology").glob("voices/*/index.html"))
    busiest = max(months, key=lambda m: (len((site / "calendar" / m / "index.html").read_bytes()), m))
    return {
        "home": "",
        "calendar list": "calendar/",
        "month grid": f"calendar/{busiest}/",
        "regions": "regions/",
        "event page": f"events/{events[len(events) // 2]}/",
        "Anthology text": f"{texts[0]}/",
    }


def install() -> None:
    if not CLI.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=TOOLS, check=True)


def build_sample(work: Path) -> Path:
    """The 420-event sample, built by the real mkdocs.yml (as `make demo` shows it)."""
    events, site = work / "events", work / "site"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "sample_events.py"), "--count", "420", "--out", str(events)],
                   check=True, capture_output=True)  # fmt: skip
    env = {**os.environ, "EVENTS_DIR": str(events), "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                   cwd=ROOT, env=env, check=True)  # fmt: skip
    return site


def score(url: str, report: Path) -> dict[str, object]:
    """One Lighthouse run (its default: a mobile phone, simulated slow 4G and a 4× slower CPU)."""
    command = ["node", str(CLI), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not report.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * (result["categories"][name]["score"] or 0)) for name in CATEGORIES}
    audits = result["audits"]
    metrics = {
        "FCP": audits["first-contentful-paint"]["displayValue"],
        "LCP": audits["largest-contentful-paint"]["displayValue"],
        "TBT": audits["total-blocking-time"]["displayValue"],
        "CLS": audits["cumulative-layout-shift"]["displayValue"],
    }
    failed = sorted(
        key
        for name in CATEGORIES[1:]
        for ref in result["categories"][name]["auditRefs"]
        if ref["weight"] and (audits[(key := ref["id"])]["score"] or 0) < 1
    )
    return {**scores, **metrics, "failed": failed}


def table(rows: list[tuple[str, str, str, dict[str, object]]]) -> str:
    head = "| page | language | address | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |"
    lines = [head, "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for kind, lang, path, s in rows:
        cells = [
            kind,
            lang,
            f"`/{path}`",
            *(str(s[c]) for c in CATEGORIES),
            *(str(s[m]) for m in ("FCP", "LCP", "TBT", "CLS")),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    failed = sorted({f"{kind} {lang}: {', '.join(s['failed'])}" for kind, lang, _, s in rows if s["failed"]})
    if failed:
        lines += ["", "Audits below full marks in accessibility, best practices or SEO:", ""]
        lines += [f"- {line}" for line in failed]
    return "\n".join(lines)


def record(text: str, note: str) -> None:
    """Into dev/PERFORMANCE.md under "Lighthouse", outside the part that scripts/bench.py rewrites."""
    block = f"{START}\n{note}\n\n{text}\n{END}"
    document = DOCUMENT.read_text(encoding="utf-8") if DOCUMENT.exists() else "# Performance\n"
    if START in document and END in document:
        before, rest = document.split(START, 1)
        document = before + block + rest.split(END, 1)[1]
    else:
        document = document.rstrip("\n") + "\n\n## Lighthouse\n\n" + block + "\n"
    DOCUMENT.parent.mkdir(exist_ok=True)
    DOCUMENT.write_text(document, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the 420-event sample)")
    parser.add_argument("--langs", default=",".join(LANGS), help="comma-separated, default kk,ru,en")
    parser.add_argument("--pages", default="", help="comma-separated kinds of page, default all")
    parser.add_argument("--record", action="store_true", help=f"write the table into {DOCUMENT.relative_to(ROOT)}")
    args = parser.parse_args()
    install()
    with tempfile.TemporaryDirectory(prefix="apk-lighthouse-") as work:
        site = args.site or build_sample(Path(work))
        chosen = pages(site)
        kinds = [k for k in chosen if not args.pages or k in args.pages.split(",")]
        rows = []
        with served(site, compress=True) as url:
            base = url + "/"
            for kind in kinds:
                for lang in args.langs.split(","):
                    path = PREFIX[lang] + chosen[kind]
                    s = score(base + path, Path(work) / "report.json")
                    values = "  ".join(f"{k}={s[k]}" for k in (*CATEGORIES, "FCP", "LCP", "TBT", "CLS"))
                    print(f"{kind:15} {lang}  {values}", flush=True)
                    rows.append((kind, lang, path, s))
    text = table(rows)
    print(text)
    if args.record:
        version = json.loads((TOOLS / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
        browser = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
        note = (f"Lighthouse {version}, mobile run (its defaults: simulated slow 4G, 4× CPU slowdown), "
                f"{browser}, 420-event sample, `python scripts/lighthouse.py --record`.")  # fmt: skip
        record(text, note)


if __name__ == "__main__":
    main()
