"""The Anthology's PDFs (the adapter's part that prints them): every language's whole book, printed
to `anthology/anthology-<lang>.pdf` from its built page once the languages are built.

The three Chromium runs go in parallel, and a book whose HTML and styles did not change since the
last build is copied from `.cache/anthology-pdf` instead of printed again (4.5 s → 0 s).

A book page links to its PDF, so a PDF that was not printed is a broken link: it fails the build
with one line per book (an error, which `mkdocs build -q` does not hide). ANTHOLOGY_PDF=0 leaves the
PDFs, and the links to them, out on purpose.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from . import DEFAULT_LANGUAGE, LANGUAGES
from . import mkdocs_adapter as adapter
from . import mkdocs_settings as settings
from .anthology import pages as anthology_pages
from .anthology import pdf as anthology_pdf

log = logging.getLogger("mkdocs.plugins.apk_site")


NOT_FOUND = (
    "anthology: Chromium was not found, so the Anthology's PDFs cannot be printed and the book pages "
    "would link to missing files: install Debian's chromium (or set CHROMIUM to its path), "
    "or build with ANTHOLOGY_PDF=0 to leave the PDFs and their links out"
)
ADVICE = "fix Chromium (CHROMIUM, ANTHOLOGY_PDF_TIMEOUT) or build with ANTHOLOGY_PDF=0"


def check_printer(config: MkDocsConfig, serving: bool) -> None:
    """Before anything is built: PDFs wanted and no Chromium fails the build now, not after every
    page links to them. When serving, the preview goes on without the PDFs and their links."""
    given = settings.environ(config)
    if not adapter.catalog(config).book.entries or not anthology_pdf.wanted(given):
        return
    try:
        anthology_pdf.timeout(given)
    except ValueError as error:
        raise PluginError(f"anthology: {error}") from None
    if anthology_pdf.chromium(given) is not None:
        return
    if not serving:
        raise PluginError(NOT_FOUND)
    log.info("anthology: Chromium was not found: this preview has no PDFs and no links to them")
    settings.turn_off(config, "anthology_pdf")  # for the pages of every language (and forked builds)


def write_anthology_pdfs(config: MkDocsConfig, serving: bool = False) -> None:
    """Every language's whole book, printed to `anthology/anthology-<lang>.pdf` once all languages are
    built: the three Chromium runs go in parallel, and a book whose HTML and styles did not change
    since the last build is copied from the cache instead of printed again. A book not printed
    fails the build (see the module's note)."""
    found = adapter.catalog(config)
    given = settings.environ(config)
    if not found.book.entries or not anthology_pdf.wanted(given):
        return
    browser = anthology_pdf.chromium(given)
    if browser is None:
        raise PluginError(NOT_FOUND)
    moment, seconds = adapter.build_moment(), anthology_pdf.timeout(given)
    with ThreadPoolExecutor(max_workers=len(LANGUAGES)) as pool:
        jobs = [pool.submit(_print_book, config, lang, browser, moment, seconds, serving) for lang in LANGUAGES]
        troubles = [trouble for job in jobs if (trouble := job.result())]
    for trouble in troubles:
        log.error(trouble)
    if troubles:
        books = "book was" if len(troubles) == 1 else "books were"
        raise PluginError(f"anthology: {len(troubles)} {books} not printed to PDF (see above): {ADVICE}")


def _print_book(
    config: MkDocsConfig, lang: str, browser: str, moment: dt.datetime, seconds: float, serving: bool
) -> str:
    root = Path(config.site_dir) / ("" if lang == DEFAULT_LANGUAGE else lang)
    page = root / anthology_pages.BOOK_URI.replace(".md", "/index.html")
    target = root / "anthology" / anthology_pages.pdf_name(lang)
    if not page.is_file():
        # Serving: that language's build has not written it yet. Building: it should have.
        return "" if serving else f"anthology: {page} was not built, so its PDF cannot be printed"
    cached = _pdf_cache(config) / f"{_pdf_key(page, config, moment, browser)}.pdf"
    if cached.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
        return ""
    trouble = anthology_pdf.print_book(page, target, browser, moment, seconds)
    if not trouble and target.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        # Through a temporary name: a build stopped halfway must not leave half a PDF in the cache.
        partial = cached.with_suffix(f".{os.getpid()}.part")
        shutil.copyfile(target, partial)
        os.replace(partial, cached)
    return trouble


def _pdf_cache(config: MkDocsConfig) -> Path:
    return adapter.project_dir(config) / ".cache" / "anthology-pdf"


def _pdf_key(page: Path, config: MkDocsConfig, moment: dt.datetime, browser: str) -> str:
    return anthology_pdf.print_key(page, Path(config.docs_dir) / "assets", moment, browser)
