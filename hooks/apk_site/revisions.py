"""SEQUENCE and LAST-MODIFIED of every event, read from the git history of the events folder.

Two git calls whatever the size of the history: one `git log` of the folder, one `git cat-file`
for the main-file versions it names. Without git history the answer is a fixed fallback, never
the clock, so that feeds built from the same files are the same bytes.

SEQUENCE must never be lower than what an earlier build published: calendar clients keep the copy
with the higher SEQUENCE and would never show the change. It counts the significant changes over
the whole history, so a shallow clone (most hosting CI clones with `--depth 1`) would count from
the commit it was cut at, and publish 0 for an event postponed before it. So a shallow history is
fetched in full first (`git fetch --unshallow`, from the clone's own remote, two more git calls);
if that fails, the build fails and says how to fetch it. An event is taken to start out scheduled:
one created cancelled or postponed has SEQUENCE 1 from its first version, and one that git does
not know (a new file, generated sample data) still gets 1 when it is cancelled or postponed.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import fields
from .fields import Invalid
from .loader import LANGUAGE_SUFFIX
from .records import Record, read_record

# The Assembly's 30th anniversary (founded 1995-03-01): a fixed, documented time for events that
# have no history yet, when SOURCE_DATE_EPOCH does not give one.
FALLBACK_TIME = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
# What a calendar client must be told again about: when and where it happens, and whether it does.
SIGNIFICANT = ("start", "end", "venue", "address", "region", "geo", "status")
_STATUS = SIGNIFICANT.index("status")
_COMMIT = b"\x01"
LOG_OPTIONS = (
    "-z",
    "--reverse",
    # The history as the published branch saw it: a merged branch counts once, at its merge.
    "--first-parent",
    "--diff-merges=first-parent",
    # A renamed file is a new main file; events are followed by id, not by path.
    "--no-renames",
    "--raw",
    "--no-abbrev",
    "--no-color",
    "--no-show-signature",
    "--decorate-refs-exclude=*",
    f"--format={_COMMIT.decode()}%H %ct %D",
)


@dataclass(frozen=True)
class Revision:
    """`sequence`: how often the time, place or status changed; `last_modified`: the last commit
    that changed any file of the event (a new title or translation moves it, not the sequence)."""

    sequence: int
    last_modified: dt.datetime


@dataclass(frozen=True)
class Revisions:
    """Revisions by event id; `default` for events git does not know (new, uncommitted files)."""

    known: Mapping[str, Revision]
    default: Revision
    notes: tuple[str, ...] = ()
    # Why the history could not be read in full; the build stops with it (see the module's note).
    error: str = ""

    def of(self, event_id: str) -> Revision:
        return self.known.get(event_id, self.default)

    def with_statuses(self, statuses: Mapping[str, str]) -> Revisions:
        """At least SEQUENCE 1 for every event that is not `scheduled` now, history or not: its
        status changed at least once since it was announced. (A status changed in a file not yet
        committed counts too; once committed, git history counts the same change.)"""
        known = dict(self.known)
        for event_id, status in statuses.items():
            revision = self.of(event_id)
            if status != "scheduled" and revision.sequence < 1:
                known[event_id] = Revision(1, revision.last_modified)
        return Revisions(known, self.default, self.notes, self.error)


@dataclass(frozen=True)
class Change:
    status: str
    path: str
    blob: str


@dataclass(frozen=True)
class Commit:
    sha: str
    time: dt.datetime
    changes: tuple[Change, ...]
    grafted: bool = False


@dataclass
class _History:
    """What replaying the commits has found so far."""

    ids: dict[str, str] = field(default_factory=dict)
    fingerprints: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    sequences: dict[str, int] = field(default_factory=dict)
    modified: dict[str, dt.datetime] = field(default_factory=dict)


def fallback_time(environ: Mapping[str, str]) -> dt.datetime:
    """SOURCE_DATE_EPOCH (reproducible-builds.org) when set, else FALLBACK_TIME."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return FALLBACK_TIME
    if not value.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, got {value!r}")
    return dt.datetime.fromtimestamp(int(value), dt.UTC)


def event_revisions(folder: Path, environ: Mapping[str, str] | None = None) -> Revisions:
    """The revision of every event whose main file git has seen under `folder`."""
    default = Revision(0, fallback_time(os.environ if environ is None else environ))
    log = _git(folder, "log", *LOG_OPTIONS, "--", ".")
    if isinstance(log, str):
        note = f"no git history for {folder} ({log}): SEQUENCE is 0, or 1 for cancelled and postponed events"
        return Revisions({}, default, (note,))
    commits = parse_log(log)
    notes: tuple[str, ...] = ()
    if any(commit.grafted for commit in commits):
        fetched = _unshallow(folder)
        if isinstance(fetched, str):
            return Revisions({}, default, (), fetched)
        commits, notes = fetched, (f"the shallow git history of {folder} was fetched in full for SEQUENCE",)
    blobs = _read_blobs(folder, sorted({c.blob for commit in commits for c in commit.changes if _wanted(c)}))
    if isinstance(blobs, str):
        return Revisions({}, default, (f"cannot read the event files from git ({blobs})",))
    return Revisions(replay(commits, blobs), default, notes)


def _unshallow(folder: Path) -> list[Commit] | str:
    """The whole history of a shallow clone, fetched from its remote, or why it could not be."""
    fetched = _git(folder, "fetch", "--quiet", "--unshallow")
    log = _git(folder, "log", *LOG_OPTIONS, "--", ".") if not isinstance(fetched, str) else fetched
    commits = [] if isinstance(log, str) else parse_log(log)
    if isinstance(log, str):
        reason = " ".join(log.split())
    elif any(commit.grafted for commit in commits):
        reason = "it is still shallow after `git fetch --unshallow`"
    else:
        return commits
    return (
        f"{folder}: the git history is shallow (a clone made with --depth) and could not be fetched in full "
        f"({reason}); SEQUENCE counted on part of it could go backwards and calendars would ignore the "
        "change: fetch all of it (`git fetch --unshallow`; GitHub's actions/checkout: `fetch-depth: 0`) "
        "and build again"
    )


def _git(folder: Path, *args: str, stdin: bytes | None = None) -> bytes | str:
    """The output of a git command, or why there is none."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], input=stdin, capture_output=True, check=False)
    except OSError as error:
        return str(error)
    if done.returncode != 0:
        return done.stderr.decode("utf-8", "replace").strip() or f"git exited with {done.returncode}"
    return done.stdout


def parse_log(data: bytes) -> list[Commit]:
    """Commits of `git log -z --raw --format=<LOG_OPTIONS>`, oldest first."""
    commits = []
    for chunk in data.split(_COMMIT)[1:]:
        header, *tokens = chunk.split(b"\0")
        sha, stamp, decoration = (header.decode() + " ").split(" ", 2)
        changes = []
        for meta, path in zip(tokens[0::2], tokens[1::2], strict=False):
            parts = meta.strip().decode().split()
            if len(parts) == 5:
                changes.append(Change(parts[4][0], path.decode("utf-8", "surrogateescape"), parts[3]))
        grafted = "grafted" in decoration.strip().split(", ")
        commits.append(Commit(sha, dt.datetime.fromtimestamp(int(stamp), dt.UTC), tuple(changes), grafted))
    return commits


def _read_blobs(folder: Path, shas: list[str]) -> dict[str, bytes] | str:
    if not shas:
        return {}
    output = _git(folder, "cat-file", "--batch", stdin="".join(f"{sha}\n" for sha in shas).encode())
    if isinstance(output, str):
        return output
    blobs, position = {}, 0
    for sha in shas:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        if len(header) != 3:
            return f"git has no object {sha}"
        size = int(header[2])
        blobs[sha] = output[end + 1 : end + 1 + size]
        position = end + 1 + size + 1
    return blobs


def main_file(path: str) -> str | None:
    """The main file an event file belongs to, or None for files that are not events."""
    name = posixpath.basename(path)
    if not name.endswith(".md") or name == "README.md" or name.startswith("_"):
        return None
    match = LANGUAGE_SUFFIX.match(name[: -len(".md")])
    return posixpath.join(posixpath.dirname(path), match["name"] + ".md") if match else path


def _wanted(change: Change) -> bool:
    return change.status != "D" and main_file(change.path) == change.path


def replay(commits: list[Commit], blobs: Mapping[str, bytes]) -> dict[str, Revision]:
    """Walk the commits oldest first, counting significant changes per event id."""
    history = _History()
    for commit in commits:
        touched = _replay_main_files(commit, blobs, history)
        for change in commit.changes:
            main = main_file(change.path)
            if main is not None and main != change.path and main in history.ids:
                touched.add(history.ids[main])
        for event_id in touched:
            # Committer clocks can be wrong; LAST-MODIFIED must still never go back.
            previous = history.modified.get(event_id, commit.time)
            history.modified[event_id] = max(previous, commit.time)
    return {
        event_id: Revision(history.sequences[event_id], history.modified[event_id])
        for event_id in sorted(history.modified)
    }


def _replay_main_files(commit: Commit, blobs: Mapping[str, bytes], history: _History) -> set[str]:
    touched = set()
    for change in commit.changes:
        if main_file(change.path) != change.path:
            continue
        if change.status == "D":
            history.ids.pop(change.path, None)
            continue
        version = _version(change.path, blobs.get(change.blob, b""))
        if version is None:
            continue
        event_id, fingerprint = version
        history.ids[change.path] = event_id
        previous = history.fingerprints.get(event_id)
        # Every event is taken to start out scheduled: created cancelled or postponed is a change.
        history.sequences.setdefault(event_id, 0 if fingerprint[_STATUS] == "scheduled" else 1)
        if previous is not None and previous != fingerprint:
            history.sequences[event_id] += 1
        history.fingerprints[event_id] = fingerprint
        touched.add(event_id)
    return touched


def _version(path: str, data: bytes) -> tuple[str, tuple[Any, ...]] | None:
    """The id and significant facts of one version, or None when it could not be published."""
    try:
        record = read_record(path, data.decode("utf-8"))
    except UnicodeDecodeError:
        return None
    if not isinstance(record, Record):
        return None
    return _event_id(record), fingerprint(record)


def _event_id(record: Record) -> str:
    try:
        return fields.identity(record.meta.get("id"))
    except Invalid:
        return posixpath.basename(record.path)[: -len(".md")]


def fingerprint(record: Record) -> tuple[Any, ...]:
    """The significant facts, normalised so that rewriting a value the same way changes nothing."""
    return tuple(_normal(key, record.meta.get(key)) for key in SIGNIFICANT)


_NORMALISERS = {
    "start": fields.moment,
    "end": fields.moment,
    "venue": fields.plain_text,
    "address": fields.plain_text,
    "geo": fields.coordinates,
}


def _normal(key: str, value: Any) -> Any:
    if value is None:
        return "scheduled" if key == "status" else None
    try:
        return _NORMALISERS.get(key, str)(value)
    except Invalid:
        return ("invalid", repr(value))
