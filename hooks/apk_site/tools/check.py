"""`check`: every problem the build would stop on, without building the site.

The folders go through the build's own catalog step (`apk_site.catalog`): event files through the
site's loader, hand-written pages checked for the language codes that mkdocs-static-i18n would
silently drop and for their encoding, Anthology records through the Anthology's loader when the site
has one. Problems print as `path:line: field: message`, or as GitHub annotations.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..catalog import Folders, load
from ..loader import display_path
from ..problems import Problem
from ..text_files import fix


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
    events_given: bool = False,
) -> CheckResult:
    """Problems in the events, the pages' file names and the Anthology, with paths relative to `root`.

    As in the build, the Anthology's links to events are checked only against the events it belongs
    with (`link_events`: both folders are the project's, or both were given) and only when those
    events have no problems.
    """
    loaded = load(Folders(root, events_dir, docs_dir, anthology_dir, anthology_given, link_events, events_given))
    texts = len(loaded.book.entries) if loaded.anthology_read else 0
    return CheckResult(loaded.problems, len(loaded.events), loaded.files, texts, loaded.notes)


def fix_encodings(root: Path, *folders: Path | None) -> list[str]:
    """Re-save as UTF-8 every page, event and Anthology file in a recognised legacy encoding; one
    line per file changed (none: nothing to do, and a second run changes nothing)."""
    changed = []
    for folder in sorted({f for f in folders if f is not None and f.is_dir()}):
        for path in [*sorted(folder.rglob("*.md")), *sorted(folder.glob("*.yml"))]:
            if path.is_file() and not path.is_symlink() and (found := fix(path)) is not None:
                changed.append(f"{display_path(path, root)}: re-saved as UTF-8 (it was {found.name})")
    return changed


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
