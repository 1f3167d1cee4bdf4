"""Where the editors' tools read answers and print, and which folders they work on.

The command line fills a `Console` from the terminal; tests fill it with strings and a fixed day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO


@dataclass(frozen=True)
class Console:
    """Where the tools read answers and print: the terminal, or a test's strings."""

    out: TextIO
    ask: Callable[[str], str] | None  # None: no questions (not a terminal)
    today: dt.date
    root: Path

    def say(self, *lines: str) -> None:
        for line in lines:
            print(line, file=self.out)


def events_dir(args: argparse.Namespace, console: Console) -> Path:
    if args.events is not None:
        return Path(args.events)
    folder = os.environ.get("EVENTS_DIR")
    return Path(folder) if folder else console.root / "events"


def anthology_dir(args: argparse.Namespace, docs: Path) -> tuple[Path, bool]:
    """The Anthology's folder, and whether it was named (as the build reads it: ANTHOLOGY_DIR)."""
    if args.anthology is not None:
        return Path(args.anthology), True
    folder = os.environ.get("ANTHOLOGY_DIR")
    return (Path(folder), True) if folder else (docs / "anthology", False)


def base(folder: Path, console: Console) -> Path:
    """Paths are shown from the project folder, or from the events folder's parent when it is elsewhere."""
    absolute = folder.resolve()
    return console.root.resolve() if console.root.resolve() in absolute.parents else absolute.parent


def shown(folder: Path, console: Console) -> str:
    return folder.resolve().relative_to(base(folder, console)).as_posix()
