"""Print one language's whole-book page to PDF with headless Chromium, after the site is built.

Chromium embeds the subsets of the fonts the page really uses (the site's own PT Serif, which has
every Kazakh letter), so the PDF needs no font on the reader's machine. It stamps the PDF with the
wall-clock time; the stamps are replaced by SOURCE_DATE_EPOCH (the same length, so the
cross-reference offsets stay right), which makes the same commit print the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from html import unescape as html_unescape
from pathlib import Path
from urllib.parse import unquote

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-pdf-header-footer",
    # Waits, in virtual time, until the page and its fonts have loaded before printing.
    "--run-all-compositor-stages-before-draw",
    "--virtual-time-budget=20000",
)
DEFAULT_CHROMIUM = "/usr/bin/chromium"
# Seconds one book may take to print; Chromium that hangs (no display, a locked profile) must end
# the build with a message, not keep it waiting. ANTHOLOGY_PDF_TIMEOUT changes it (tests use 2).
DEFAULT_TIMEOUT = 180.0
_STAMP = re.compile(rb"\(D:\d{14}[+-]\d\d'\d\d'\)")
# A picture the page shows from the site: `src="<relative address>"`, as MkDocs writes it.
_PICTURE = re.compile(rb'<img\b[^>]*?\ssrc="(?![a-z][a-z0-9+.-]*:|/|#)([^"]+)"', re.IGNORECASE)


def wanted(environ: Mapping[str, str]) -> bool:
    """ANTHOLOGY_PDF=0 builds the site without the PDFs (and without links to them)."""
    return environ.get("ANTHOLOGY_PDF", "1") not in ("0", "no", "false")


def timeout(environ: Mapping[str, str]) -> float:
    value = environ.get("ANTHOLOGY_PDF_TIMEOUT", "").strip()
    try:
        seconds = float(value) if value else DEFAULT_TIMEOUT
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise ValueError(f"ANTHOLOGY_PDF_TIMEOUT must be a number of seconds above 0, got {value!r}")
    return seconds


def chromium(environ: Mapping[str, str]) -> str | None:
    """CHROMIUM when it is set (a wrong path is not replaced by another browser), else Debian's."""
    if environ.get("CHROMIUM"):
        return environ["CHROMIUM"] if Path(environ["CHROMIUM"]).is_file() else None
    for candidate in (shutil.which("chromium") or "", DEFAULT_CHROMIUM):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def print_key(page: Path, assets: Path, moment: dt.datetime, browser: str) -> str:
    """Everything a printed book depends on: its HTML, the pictures it shows, the site's styles and
    fonts (in `assets`), the date stamped in it, and the Chromium that prints it (so another one,
    CHROMIUM=..., really runs). The same key is the same PDF, which a cache can hand out again."""
    html = page.read_bytes()
    digest = hashlib.sha256(html)
    digest.update(browser.encode())
    for address in sorted(set(_PICTURE.findall(html))):
        picture = page.parent / unquote(html_unescape(address.decode()))
        digest.update(address + (picture.read_bytes() if picture.is_file() else b"(none)"))
    for path in sorted(p for p in assets.rglob("*") if p.is_file() and p.suffix in {".css", ".woff2"}):
        digest.update(path.name.encode() + path.read_bytes())
    digest.update(moment.isoformat().encode())
    return digest.hexdigest()


def command(browser: str, page: Path, target: Path, profile: Path) -> list[str]:
    return [browser, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={target}", page.resolve().as_uri()]


def pin_dates(data: bytes, moment: dt.datetime) -> bytes:
    stamp = f"(D:{moment.astimezone(dt.UTC):%Y%m%d%H%M%S}+00'00')".encode()
    return _STAMP.sub(lambda _: stamp, data)


def print_book(page: Path, target: Path, browser: str, moment: dt.datetime, timeout: float = DEFAULT_TIMEOUT) -> str:
    """Write the PDF of `page` to `target`; return '' or what went wrong, for the build log."""
    if not page.is_file():
        return f"anthology: {page} was not built, so its PDF cannot be printed"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)  # a PDF of an earlier build must not pass for this one's
    with tempfile.TemporaryDirectory(prefix="apk-pdf-") as profile:
        # A clean environment: no faketime or other preload from a test harness reaches Chromium.
        environ = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": profile, "LANG": "C.UTF-8"}
        try:
            done = subprocess.run(
                command(browser, page, target, Path(profile)),
                env=environ,
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return f"anthology: Chromium did not print {page} within {timeout:g} s and was stopped (browser: {browser})"
        except OSError as error:
            return f"anthology: Chromium could not be started to print {page}: {error} (browser: {browser})"
    if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        why = f": {tail[0]}" if tail[0] else ", and wrote no PDF"
        return f"anthology: Chromium could not print {page} (exit {done.returncode}){why} (browser: {browser})"
    target.write_bytes(pin_dates(target.read_bytes(), moment))
    return ""
