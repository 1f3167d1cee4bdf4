"""The Anthology's PDFs (the adapter's part that prints them): every language's whole book, printed
to `anthology/anthology-<lang>.pdf` from its built page once the languages are built.

The three Chromium runs go in parallel, and a book whose HTML and styles did not change since the
last build is copied from `.cache/anthology-pdf` instead of printed again (4.5 s → 0 s).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from . import DEFAULT_LANGUAGE, LANGUAGES
from . import mkdocs_adapter as adapter
from .anthology import pages as anthology_pages
from .anthology import pdf as anthology_pdf

log = logging.getLogger("mkdocs.plugins.apk_site")


def write_anthology_pdfs(config: MkDocsConfig) -> None:
    """Every language's whole book, printed to `anthology/anthology-<lang>.pdf` once all languages are
    built: the three Chromium runs go in parallel, and a book whose HTML and styles did not change
    since the last build is copied from the cache instead of printed again."""
    found = adapter.catalog(config)
    if not found.book.entries or not anthology_pdf.wanted(os.environ):
        return
    browser = anthology_pdf.chromium(os.environ)
    if browser is None:
        log.warning(
            "anthology: Chromium was not found, so the PDFs were not printed: "
            "install Debian's chromium (or set CHROMIUM), or build with ANTHOLOGY_PDF=0"
        )
        return
    moment = adapter.build_moment()
    with ThreadPoolExecutor(max_workers=len(LANGUAGES)) as pool:
        jobs = [pool.submit(_print_book, config, lang, browser, moment) for lang in LANGUAGES]
        troubles = [job.result() for job in jobs]
    for trouble in troubles:
        if trouble:
            log.warning(trouble)


def _print_book(config: MkDocsConfig, lang: str, browser: str, moment: dt.datetime) -> str:
    root = Path(config.site_dir) / ("" if lang == DEFAULT_LANGUAGE else lang)
    page = root / anthology_pages.BOOK_URI.replace(".md", "/index.html")
    target = root / "anthology" / anthology_pages.pdf_name(lang)
    if not page.is_file():  # serving: that language's build has not written it yet
        return ""
    cached = _pdf_cache(config) / f"{_pdf_key(page, config, moment)}.pdf"
    if cached.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
        return ""
    trouble = anthology_pdf.print_book(page, target, browser, moment)
    if not trouble and target.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        # Through a temporary name: a build stopped halfway must not leave half a PDF in the cache.
        partial = cached.with_suffix(f".{os.getpid()}.part")
        shutil.copyfile(target, partial)
        os.replace(partial, cached)
    return trouble


def _pdf_cache(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "anthology-pdf"


def _pdf_key(page: Path, config: MkDocsConfig, moment: dt.datetime) -> str:
    """Everything the printed book depends on: its HTML, the site's styles and fonts, the date stamped in it."""
    digest = hashlib.sha256(page.read_bytes())
    assets = Path(config.docs_dir) / "assets"
    for path in sorted(p for p in assets.rglob("*") if p.is_file() and p.suffix in {".css", ".woff2"}):
        digest.update(path.name.encode() + path.read_bytes())
    digest.update(moment.isoformat().encode())
    return digest.hexdigest()
