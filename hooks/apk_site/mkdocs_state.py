"""What the hooks keep between calls, in one object per run of `mkdocs build` or `mkdocs serve`.

MkDocs calls the hooks as plain functions, so they need somewhere to keep what one call leaves for
the next (the catalog read in `on_config` for the page hooks, the HTML waiting for its page, the
processes building the other languages). It all lives in one `Run`, made in `on_startup` (or by the
first hook that needs it, when a script calls MkDocs' `build` itself) and dropped in `on_shutdown`.
A forked language build gets a copy with the rest of the process.

`mkdocs serve` is one run: its catalog, compiled templates and the time of the last build are kept
from one rebuild to the next, as they should be.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Run:
    serving: bool = False
    # mkdocs_adapter: the catalogs read, by the fingerprint of the files they were read from (one
    # kept), or what was read when it has problems (`catalog.Loaded`); the catalog of the build in progress.
    catalogs: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    catalog: Any = None
    # mkdocs_shell: the prototype page of each folder of framed pages, by source name.
    prototypes: dict[str, Any] = field(default_factory=dict)
    # Generated HTML waiting for its page to be rendered, by source path (one build at a time).
    slots: dict[str, dict[str, str]] = field(default_factory=dict)
    # The language of each build in progress: mkdocs-static-i18n nests the other languages' builds
    # in the default one's post-build.
    building: list[str] = field(default_factory=list)
    default_paths: list[str] = field(default_factory=list)  # the Kazakh build's pages, for the sitemap
    compiled: dict[str, Any] = field(default_factory=dict)  # compiled theme templates, per folder
    last_build: float = 0.0  # serving: when the last build started
    # mkdocs_framing: the build's files, which links in framed pages are checked against.
    files: Any = None
    # mkdocs_parallel: the other languages' processes (languages -> process id), the processes
    # deleting an earlier build's files, the languages a forked process builds ([] in the first
    # one), and the language the first process builds.
    workers: dict[str, int] = field(default_factory=dict)
    cleaners: list[int] = field(default_factory=list)
    worker_languages: list[str] = field(default_factory=list)
    first_language: str = ""
    # mkdocs_compat: MkDocs' own `clean_directory`, while the builds use a no-op in its place;
    # whether the fast paths are on (None: not asked yet).
    saved_clean_directory: list[Callable[[str], None]] = field(default_factory=list)
    fast_paths: bool | None = None
    # mkdocs_not_found: each language's 404 page as the theme rendered it, until all are built.
    not_found: dict[str, str] = field(default_factory=dict)


_run: list[Run] = []  # the one place a run is kept


def start(command: str) -> Run:
    """A new run, for `mkdocs <command>` (on_startup)."""
    _run[:] = [Run(serving=command == "serve")]
    return _run[0]


def run() -> Run:
    """The run in progress (made now when MkDocs' `build` was called without `on_startup`)."""
    if not _run:
        _run.append(Run())
    return _run[0]


def end() -> None:
    _run.clear()
