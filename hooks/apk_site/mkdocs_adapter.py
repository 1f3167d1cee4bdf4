"""The only module that knows MkDocs and mkdocs-static-i18n: it feeds them generated pages.

mkdocs-static-i18n builds the whole site once per language and runs every hook each time, so
events are loaded once per set of files on disk and problems are reported once. Event pages are
added as ordinary suffix files (`events/<id>.ru.md`) *before* the i18n plugin sorts files by
language, so that the language switcher, sitemap and alternates treat them like hand-written pages;
their Markdown is supplied when MkDocs reads the page.
"""

from __future__ import annotations

import logging
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import DEFAULT_LANGUAGE, LANGUAGES, feed_files, opendata, pages, render, views
from .loader import classify, load_events
from .model import Event
from .problems import Problem, summary
from .revisions import Revisions, event_revisions, fallback_time

# `mkdocs build --strict` only counts warnings logged under "mkdocs.".
log = logging.getLogger("mkdocs.plugins.apk_site")
CALENDAR_MARKER = "<!-- apk:calendar -->"


@dataclass(frozen=True)
class Catalog:
    events: tuple[Event, ...]
    by_id: dict[str, Event]
    pages: dict[str, pages.Generated]
    revisions: Revisions
    related: dict[str, tuple[str, ...]]


_cache: dict[tuple[Any, ...], Catalog | tuple[Problem, ...]] = {}


def events_dir(config: MkDocsConfig) -> Path:
    folder = os.environ.get("EVENTS_DIR")
    return Path(folder) if folder else Path(config.config_file_path).parent / "events"


def _fingerprint(folder: Path, docs_dir: Path) -> tuple[Any, ...]:
    stats = [(str(p), s.st_mtime_ns, s.st_size) for p in sorted(folder.rglob("*.md")) for s in [p.stat()]]
    return (str(folder), str(docs_dir), tuple(stats))


def _docs_problems(docs_dir: Path) -> list[Problem]:
    """mkdocs-static-i18n silently drops pages like `about.kz.md`; say so instead."""
    found = (classify(path, docs_dir.parent) for path in sorted(docs_dir.rglob("*.md")))
    return [item for item in found if isinstance(item, Problem)]


def _load(config: MkDocsConfig) -> Catalog | tuple[Problem, ...]:
    folder, docs_dir = events_dir(config), Path(config.docs_dir)
    key = _fingerprint(folder, docs_dir)
    if key not in _cache:
        base = Path(config.config_file_path).parent
        events, problems = load_events(folder, base) if folder.is_dir() else ((), ())
        problems = tuple(sorted(set(problems) | set(_docs_problems(docs_dir))))
        _cache.clear()
        _cache[key] = problems if problems else _catalog(events, folder)
    return _cache[key]


def _catalog(events: tuple[Event, ...], folder: Path) -> Catalog:
    history = event_revisions(folder)
    for note in history.notes:
        log.info(note)
    generated = {page.uri: page for page in pages.generated(events)}
    return Catalog(events, {e.id: e for e in events}, generated, history, views.related_ids(events))


_current: list[Catalog] = []


def refresh(config: MkDocsConfig) -> Catalog:
    """Load the events for a new build (once per language build; cheap when nothing changed),
    or fail it, listing every problem once."""
    loaded = _load(config)
    if not isinstance(loaded, Catalog):
        for problem in loaded:
            log.error(str(problem))
        raise PluginError(summary(loaded))
    _current[:] = [loaded]
    return loaded


def catalog(config: MkDocsConfig) -> Catalog:
    """The catalog of the build in progress; page hooks call this once per page, so it must not
    touch the disk."""
    return _current[0] if _current else refresh(config)


def pin_build_date(config: MkDocsConfig) -> None:
    """MkDocs stamps the sitemap with the build date; use the last commit's instead, so that the
    same commit always builds the same bytes (an explicit SOURCE_DATE_EPOCH still wins)."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    folder = Path(config.config_file_path).parent
    try:
        found = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True, check=False)
        stamp = found.stdout.strip()
    except OSError:
        stamp = ""
    os.environ["SOURCE_DATE_EPOCH"] = stamp if stamp.isdigit() else str(int(fallback_time(os.environ).timestamp()))


def current_language(config: MkDocsConfig) -> str:
    # config.theme.language can be stale: the i18n plugin is the source of truth.
    i18n = config.plugins.get("i18n")
    return str(getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE)


def _language_uri(uri: str, lang: str) -> str:
    return uri if lang == DEFAULT_LANGUAGE else f"{uri[: -len('.md')]}.{lang}.md"


def _default_uri(uri: str) -> str:
    for lang in LANGUAGES:
        if uri.endswith(f".{lang}.md"):
            return uri[: -len(f".{lang}.md")] + ".md"
    return uri


def add_generated_files(files: Files, config: MkDocsConfig) -> Files:
    for uri in catalog(config).pages:
        for lang in LANGUAGES:
            files.append(File(_language_uri(uri, lang), config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def generated_source(page: Page, config: MkDocsConfig) -> str | None:
    """The Markdown of a generated page, in the language being built; None for hand-written pages."""
    found = catalog(config)
    generated = found.pages.get(_default_uri(page.file.src_uri))
    if generated is None:
        return None
    return pages.markdown(generated, found, current_language(config), config.site_url or "/")


def fill_markers(markdown: str, config: MkDocsConfig) -> str:
    if CALENDAR_MARKER not in markdown:
        return markdown
    view = views.calendar(catalog(config).events, current_language(config), "../", config.site_url or "/")
    return markdown.replace(CALENDAR_MARKER, render.calendar_html(view))


def write_feeds(config: MkDocsConfig) -> None:
    """The .ics files of the language just built, beside its pages."""
    found, lang, site_url = catalog(config), current_language(config), config.site_url or "/"
    root = Path(config.site_dir) / ("" if lang == DEFAULT_LANGUAGE else lang)
    files = feed_files.feed_files(found.events, lang, site_url, found.revisions)
    if lang == DEFAULT_LANGUAGE:
        # Open data holds all three languages, so it is written once, at the site root.
        files.update(opendata.opendata_files(found.events, site_url, found.revisions))
    for path, data in sorted(files.items()):
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def watch_events(server: Any, config: MkDocsConfig) -> None:
    server.watch(str(events_dir(config)))


def escape_page_text(page: Page) -> None:
    """Material prints the page title and description unescaped (header, <title>, meta tags);
    titles come from editors' front matter, so they are handed to the templates as escaped markup."""
    if page.title is not None and not isinstance(page.title, Markup):
        page.title = escape(page.title)
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)
