"""The catalog step: the editors' folders in; the events, the Anthology and every problem out.

The site's build (through `mkdocs_adapter`) and `apk check` both read the folders here, so what the
check passes the build accepts. The build then adds what only it needs (`Catalog`): the git history
behind SEQUENCE, the translation report and the pages to generate, from which `pages.pages_for`
makes each language's page sources. No engine is known here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from . import pages, translations, views
from .anthology.model import EMPTY as EMPTY_BOOK
from .anthology.model import Book
from .loader import classify, display_path, event_files, load_events
from .model import Event
from .page_source import Site
from .problems import Problem
from .revisions import Revisions
from .text_files import read_text

# Looked up when the catalog is read, so that a site without an Anthology is still checked and built.
ANTHOLOGY_MODULE = "apk_site.anthology.loader"


@dataclass(frozen=True)
class Folders:
    """Where the editors' files are. Paths in problems are shown relative to `root`.

    `anthology_given`: the Anthology's folder was named (ANTHOLOGY_DIR, `--anthology`), so a missing
    one is a problem, not a note. `link_events`: the Anthology's links to events are checked against
    these events (both folders are the project's, or both were named); a demo calendar cannot hold
    the Anthology's events.
    """

    root: Path
    events: Path
    docs: Path | None = None
    anthology: Path | None = None
    anthology_given: bool = False
    link_events: bool = True


@dataclass(frozen=True)
class Loaded:
    """What the folders hold: events and book (whatever could be read), problems, and notes on
    what was not looked at."""

    events: tuple[Event, ...]
    book: Book
    problems: tuple[Problem, ...]
    notes: tuple[str, ...] = ()
    files: int = 0  # event files read
    anthology: bool = False  # the Anthology was read (its folder and loader exist)

    @property
    def ok(self) -> bool:
        return not self.problems


def load(folders: Folders) -> Loaded:
    """Every event, the Anthology and every problem in them, all at once."""
    root, events_dir = folders.root, folders.events
    events, problems = load_events(events_dir, root) if events_dir.is_dir() else ((), ())
    notes = (
        [] if events_dir.is_dir() else [f"{display_path(events_dir, root)}: no such folder, so no events were checked"]
    )
    found = set(problems)
    if folders.docs is not None and folders.docs.is_dir():
        found |= set(page_problems(folders.docs, root))
    event_ids = frozenset(event.id for event in events) if folders.link_events and not problems else None
    book, book_problems, note = _anthology(folders, event_ids)
    found |= set(book_problems)
    notes += [note] if note else []
    files = len(event_files(events_dir)) if events_dir.is_dir() else 0
    read = bool(book_problems) or not note
    return Loaded(events, book, tuple(sorted(found)), tuple(notes), files, read)


def page_problems(docs_dir: Path, root: Path) -> list[Problem]:
    """mkdocs-static-i18n drops a page such as `about.kz.md` without a word: say so. A page that is
    not UTF-8 stops MkDocs with "Encoding error" and no hint: say which encoding and how to fix it."""
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        named = classify(path, root)
        text = named if isinstance(named, Problem) else read_text(path, display_path(path, root))
        if isinstance(text, Problem):
            found.append(text)
    return found


def _anthology(folders: Folders, event_ids: frozenset[str] | None) -> tuple[Book, tuple[Problem, ...], str]:
    """The Anthology through its own loader, kept apart from the events so that a site without an
    Anthology (no loader, or no folder) is still read, with a note saying so."""
    loader = anthology_loader()
    if loader is None:
        return EMPTY_BOOK, (), "Anthology: not checked, the site has no Anthology loader (apk_site.anthology)"
    folder, root = folders.anthology, folders.root
    if folder is None or not folder.is_dir():
        shown = display_path(folder, root) if folder is not None else "docs/anthology"
        if folders.anthology_given:
            return EMPTY_BOOK, (Problem(shown, 1, "ANTHOLOGY_DIR", "this folder does not exist"),), ""
        return EMPTY_BOOK, (), f"Anthology: not checked, there is no folder {shown}"
    book, problems = loader.load_book(folder, root, event_ids)
    return book, tuple(problems), ""


def anthology_loader() -> ModuleType | None:
    try:
        return importlib.import_module(ANTHOLOGY_MODULE)
    except ModuleNotFoundError as error:
        if error.name is None or not ANTHOLOGY_MODULE.startswith(error.name):
            raise
        return None


def failure_summary(loaded: Loaded, folders: Folders) -> str:
    """The closing line of a build that stops on these problems."""
    loader = anthology_loader()
    prefix = display_path(folders.anthology, folders.root) if folders.anthology is not None else ""
    in_book = loader.summary(loaded.problems, prefix) if loader is not None and prefix else None
    noun = "problem" if len(loaded.problems) == 1 else "problems"
    return in_book or f"{len(loaded.problems)} {noun} in event files: fix them and build again"


# ---- what the build adds ----


@dataclass(frozen=True)
class Catalog:
    """A loaded catalog with no problems, and what the build makes of it."""

    events: tuple[Event, ...]
    by_id: dict[str, Event]
    related: dict[str, tuple[str, ...]]
    book: Book
    revisions: Revisions
    translations: translations.Report
    site: Site
    pages: dict[str, pages.Generated]  # every generated page, by its source name (`events/<id>.md`)


def make_catalog(loaded: Loaded, folders: Folders, history: Revisions, site: Site) -> Catalog:
    events, book = loaded.events, loaded.book
    report = translation_report(loaded, folders)
    generated = {page.uri: page for page in pages.generated(events, book)}
    history = history.with_statuses({e.id: e.status for e in events})
    return Catalog(events, {e.id: e for e in events}, views.related_ids(events), book, history, report, site, generated)


def translation_report(loaded: Loaded, folders: Folders) -> translations.Report:
    """What is missing in which language, from what the catalog step read."""
    book = loaded.book if loaded.anthology else None
    return translations.report(
        folders.events,
        folders.docs,
        folders.anthology,
        base=folders.root,
        events=loaded.events,
        book=book,
        problems=loaded.problems,
    )


def fingerprint(folders: Folders) -> tuple[Any, ...]:
    """What the catalog was read from, file by file: a build reads it again only when this changes."""
    found: list[Any] = [folders]
    for folder, pattern in ((folders.events, "*.md"), (folders.docs, "*.md"), (folders.anthology, "*")):
        if folder is not None and folder.is_dir():
            found += [(str(p), s.st_mtime_ns, s.st_size) for p in sorted(folder.rglob(pattern)) for s in [p.lstat()]]
    return tuple(found)
