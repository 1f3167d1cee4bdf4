"""`check`: every problem the build would stop on, without building the site.

Event files go through the site's own loader; hand-written pages are checked for the language codes
that mkdocs-static-i18n would silently drop; Anthology records go through the Anthology's loader when
the site has one, as the build does. Problems print as `path:line: field: message`, or as GitHub annotations.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from ..loader import classify, display_path, event_files, load_events
from ..problems import Problem
from ..text_files import fix, read_text

ANTHOLOGY_MODULE = "apk_site.anthology.loader"


@dataclass(frozen=True)
class Anthology:
    """What the Anthology's loader said, or why it was not asked (`note`)."""

    problems: tuple[Problem, ...] = ()
    records: int = 0
    note: str = ""


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]
    events: int
    files: int
    anthology: int = 0
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def check(
    root: Path,
    events_dir: Path,
    docs_dir: Path | None = None,
    anthology_dir: Path | None = None,
    *,
    anthology_given: bool = False,
    link_events: bool = True,
) -> CheckResult:
    """Problems in the events, the pages' file names and the Anthology, with paths relative to `root`.

    As in the build, the Anthology's links to events are checked only against the events it belongs
    with (`link_events`: both folders are the project's, or both were given) and only when those
    events have no problems.
    """
    events, problems = load_events(events_dir, root) if events_dir.is_dir() else ((), ())
    found = set(problems)
    notes = (
        [] if events_dir.is_dir() else [f"{display_path(events_dir, root)}: no such folder, so no events were checked"]
    )
    if docs_dir is not None and docs_dir.is_dir():
        found |= set(page_problems(docs_dir, root))
    event_ids = frozenset(event.id for event in events) if link_events and not problems else None
    anthology = anthology_check(anthology_dir, root, event_ids, given=anthology_given)
    found |= set(anthology.problems)
    if anthology.note:
        notes.append(anthology.note)
    files = len(event_files(events_dir)) if events_dir.is_dir() else 0
    return CheckResult(tuple(sorted(found)), len(events), files, anthology.records, tuple(notes))


def fix_encodings(root: Path, *folders: Path | None) -> list[str]:
    """Re-save as UTF-8 every page, event and Anthology file in a recognised legacy encoding; one
    line per file changed (none: nothing to do, and a second run changes nothing)."""
    changed = []
    for folder in sorted({f for f in folders if f is not None and f.is_dir()}):
        for path in [*sorted(folder.rglob("*.md")), *sorted(folder.glob("*.yml"))]:
            if path.is_file() and not path.is_symlink() and (found := fix(path)) is not None:
                changed.append(f"{display_path(path, root)}: re-saved as UTF-8 (it was {found.name})")
    return changed


def page_problems(docs_dir: Path, root: Path) -> list[Problem]:
    """mkdocs-static-i18n drops a page such as `about.kz.md` without a word; the build reports it.
    A page that is not UTF-8 stops MkDocs with "Encoding error" and no hint: say which and how to fix."""
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        named = classify(path, root)
        text = named if isinstance(named, Problem) else read_text(path, display_path(path, root))
        if isinstance(text, Problem):
            found.append(text)
    return found


def anthology_check(folder: Path | None, root: Path, event_ids: frozenset[str] | None, *, given: bool) -> Anthology:
    """The Anthology's own loader on `folder`, kept apart from the events so that the check still
    runs (and says so) where the site has no Anthology: no loader, or no folder."""
    try:
        loader = importlib.import_module(ANTHOLOGY_MODULE)
    except ModuleNotFoundError as error:
        if error.name is None or not ANTHOLOGY_MODULE.startswith(error.name):
            raise
        return Anthology(note="Anthology: not checked, the site has no Anthology loader (apk_site.anthology)")
    if folder is None or not folder.is_dir():
        shown = display_path(folder, root) if folder is not None else "docs/anthology"
        if given:
            return Anthology((Problem(shown, 1, "ANTHOLOGY_DIR", "this folder does not exist"),))
        return Anthology(note=f"Anthology: not checked, there is no folder {shown}")
    book, problems = loader.load_book(folder, root, event_ids)
    return Anthology(tuple(problems), len(book.entries))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def summary(result: CheckResult) -> str:
    if result.ok:
        texts = f" and {_count(result.anthology, 'Anthology text')}" if result.anthology else ""
        return f"{_count(result.events, 'event')} in {_count(result.files, 'file')}{texts}: no problems"
    return f"{_count(len(result.problems), 'problem')}: fix them and run the check again"


def format_text(result: CheckResult) -> list[str]:
    return [str(problem) for problem in result.problems] + [summary(result)] + [f"note: {n}" for n in result.notes]


def _escape(text: str, *, property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def format_github(result: CheckResult) -> list[str]:
    """The same problems as workflow commands, which GitHub shows on the lines of a pull request."""
    lines = [
        f"::error file={_escape(p.path, property=True)},line={p.line},title={_escape(p.field, property=True)}::"
        f"{_escape(p.message)}"
        for p in result.problems
    ]
    return lines + [summary(result)] + [f"::notice::{_escape(note)}" for note in result.notes]
