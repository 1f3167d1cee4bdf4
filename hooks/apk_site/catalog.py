"""The catalog step: the editors' folders in; the events, the Anthology and every problem out.

The site's build (through `mkdocs_adapter`), `apk check` and `apk translations` all read the folders
here, so what the check passes the build accepts. The build then adds what only it needs
(`pages.make_catalog`: the git history behind SEQUENCE, the translation report, the pages to
generate). No engine is known here, and nothing that renders: `apk check` stays quick to start.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from . import local_files
from .anthology.model import EMPTY as EMPTY_BOOK
from .anthology.model import Book
from .loader import classify, display_path, event_files, load_events
from .model import Event
from .problems import Problem
from .text_files import read_text

# Looked up when the catalog is read, so that a site without an Anthology is still checked and built.
ANTHOLOGY_MODULE = "apk_site.anthology.loader"


@dataclass(frozen=True)
class Folders:
    """Where the editors' files are. Paths in problems are shown relative to `root`.

    `events_given`, `anthology_given`: the folder was named (EVENTS_DIR or `--events`, ANTHOLOGY_DIR
    or `--anthology`), so a missing one is a problem, not a note: a mistyped name must not build an
    empty site. `link_events`: the Anthology's links to events are checked against
    these events (both folders are the project's, or both were named); a demo calendar cannot hold
    the Anthology's events.
    """

    root: Path
    events: Path
    docs: Path | None = None
    anthology: Path | None = None
    anthology_given: bool = False
    link_events: bool = True
    events_given: bool = False


@dataclass(frozen=True)
class Loaded:
    """What the folders hold: events and book (whatever could be read), problems, and notes on
    what was not looked at."""

    events: tuple[Event, ...]
    book: Book
    problems: tuple[Problem, ...]
    notes: tuple[str, ...] = ()
    files: int = 0  # event files read
    anthology_read: bool = False  # the Anthology's folder and loader exist, and the loader read it

    @property
    def ok(self) -> bool:
        return not self.problems


def load(folders: Folders) -> Loaded:
    """Every event, the Anthology and every problem in them, all at once."""
    root, events_dir = folders.root, folders.events
    events, problems = load_events(events_dir, root) if events_dir.is_dir() else ((), ())
    found, notes = set(problems), []
    if not events_dir.is_dir():
        shown = display_path(events_dir, root)
        if folders.events_given:
            found.add(
                Problem(
                    shown,
                    1,
                    "EVENTS_DIR",
                    "this folder does not exist: check its name, or leave it unset to read events/",
                )
            )
        else:
            notes.append(f"{shown}: no such folder, so no events were checked")
    if folders.docs is not None and folders.docs.is_dir():
        found |= set(page_problems(folders.docs, root))
    event_ids = frozenset(event.id for event in events) if folders.link_events and not problems else None
    read, book_problems, note = _anthology(folders, event_ids)
    found |= set(book_problems)
    notes += [note] if note else []
    files = len(event_files(events_dir)) if events_dir.is_dir() else 0
    book = read if read is not None else EMPTY_BOOK
    if folders.docs is not None and folders.docs.is_dir():
        found |= set(missing_files(events, book, folders.docs, root))
    return Loaded(events, book, tuple(sorted(found)), tuple(notes), files, anthology_read=read is not None)


def page_problems(docs_dir: Path, root: Path) -> list[Problem]:
    """mkdocs-static-i18n drops a page such as `about.kz.md` without a word: say so. A page that is
    not UTF-8 stops MkDocs with "Encoding error" and no hint: say which encoding and how to fix it."""
    found = []
    for path in pages_in(docs_dir):
        named = classify(path, root)
        text = named if isinstance(named, Problem) else read_text(path, display_path(path, root))
        if isinstance(text, Problem):
            found.append(text)
    return found


def missing_files(events: tuple[Event, ...], book: Book, docs: Path, root: Path) -> list[Problem]:
    """The pictures and files that events and Anthology texts show from docs/ and that are not there."""
    shown = display_path(docs, root)
    bodies = [(t, local_files.EVENTS_FOLDER) for event in events for t in event.translations]
    bodies += [(v, f"anthology/{entry.part}") for entry in book.entries for v in entry.versions]
    return [
        problem
        for text, folder in bodies
        for problem in local_files.missing(text.path, text.body, text.body_line, folder, docs, shown)
    ]


def pages_in(docs_dir: Path) -> list[Path]:
    """The hand-written pages, as MkDocs finds them: it leaves out names starting with a dot (an
    editor's lock file `.#about.md`, a `.git` folder)."""
    return [
        p
        for p in sorted(docs_dir.rglob("*.md"))
        if not any(part.startswith(".") for part in p.relative_to(docs_dir).parts)
    ]


def _anthology(folders: Folders, event_ids: frozenset[str] | None) -> tuple[Book | None, tuple[Problem, ...], str]:
    """The Anthology through its own loader, kept apart from the events so that a site without an
    Anthology (no loader, or no folder) is still read, with a note saying so. The book is None when
    it was not read."""
    loader = anthology_loader()
    if loader is None:
        return None, (), "Anthology: not checked, the site has no Anthology loader (apk_site.anthology)"
    folder, root = folders.anthology, folders.root
    if folder is None or not folder.is_dir():
        shown = display_path(folder, root) if folder is not None else "docs/anthology"
        if folders.anthology_given:
            return None, (Problem(shown, 1, "ANTHOLOGY_DIR", "this folder does not exist"),), ""
        return None, (), f"Anthology: not checked, there is no folder {shown}"
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
    """The closing line of a build that stops on these problems, naming where they are."""
    places = {_place(problem.path, folders) for problem in loaded.problems}
    named = [name for name in ("event", "page", "Anthology") if name in places]
    where = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else (named[0] if named else "event")
    noun = "problem" if len(loaded.problems) == 1 else "problems"
    return f"{len(loaded.problems)} {noun} in {where} files: fix them and build again"


def _place(path: str, folders: Folders) -> str:
    def under(folder: Path | None) -> bool:
        return folder is not None and (path + "/").startswith(display_path(folder, folders.root).rstrip("/") + "/")

    return "Anthology" if under(folders.anthology) else "event" if under(folders.events) else "page"


def event_problems(loaded: Loaded, folders: Folders) -> tuple[Problem, ...]:
    """The problems in event files (the translation report leaves those files out of its counts)."""
    return tuple(p for p in loaded.problems if _place(p.path, folders) == "event")


def fingerprint(folders: Folders) -> tuple[Any, ...]:
    """What the catalog was read from, file by file: a build reads it again only when this changes."""
    found: list[Any] = [folders]
    # All of docs/: a picture saved there answers a "not in the site" problem (local_files.py).
    for folder, pattern in ((folders.events, "*.md"), (folders.docs, "*"), (folders.anthology, "*")):
        if folder is not None and folder.is_dir():
            found += [(str(p), s.st_mtime_ns, s.st_size) for p in sorted(folder.rglob(pattern)) for s in [_stat(p)]]
    return tuple(found)


def _stat(path: Path) -> os.stat_result:
    """A linked file's own times (an edit of the file a link points to counts), or the link's when broken."""
    return path.stat() if path.exists() else path.lstat()
