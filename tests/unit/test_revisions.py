"""SEQUENCE and LAST-MODIFIED from real git repositories built commit by commit in a temporary folder."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from apk_site import feed
from apk_site.loader import load_events
from apk_site.revisions import FALLBACK_TIME, Revision, Revisions, event_revisions, fallback_time

EVENT_ID = "2025-04-24-session"
FACTS = {
    "start": "2025-04-24 10:00",
    "region": "astana",
    "category": "session-forum",
    "organizer": "session",
    "status": "scheduled",
    "title": "Сессия",
    "venue": "Тәуелсіздік сарайы",
}
NO_ENVIRONMENT: dict[str, str] = {}


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2025, 1, day, hour, tzinfo=dt.UTC)


def git(repo: Path, *args: str, when: dt.datetime | None = None) -> str:
    moment = (when or at(1)).isoformat()
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_DATE": moment,
        "GIT_COMMITTER_DATE": moment,
    }
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.kz", "-c", "commit.gpgsign=false"]
    done = subprocess.run(
        ["git", "-C", str(repo), *identity, *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def write(folder: Path, name: str, facts: dict[str, str], body: str = "Мәтін.") -> None:
    lines = "".join(f"{key}: {value}\n" for key, value in facts.items())
    (folder / name).write_text(f"---\n{lines}---\n{body}\n", encoding="utf-8")


def commit(repo: Path, when: dt.datetime, message: str = "change") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "events").mkdir()
    return tmp_path


def revision(repo: Path, event_id: str = EVENT_ID) -> Revision:
    return event_revisions(repo / "events", NO_ENVIRONMENT).of(event_id)


def test_only_time_place_and_status_changes_raise_the_sequence(repo: Path) -> None:
    events = repo / "events"
    steps = [
        ("added", {}, None, Revision(0, at(10))),
        ("new time", {"start": "2025-04-24 11:00"}, None, Revision(1, at(11))),
        ("new title", {"title": "Мерейтойлық сессия"}, None, Revision(1, at(12))),
        ("Russian title", {}, "Юбилейная сессия", Revision(1, at(13))),
        ("same time, written as YAML's datetime", {"start": "2025-04-24 11:00:00"}, None, Revision(1, at(14))),
        ("cancelled", {"status": "cancelled"}, None, Revision(2, at(15))),
    ]
    facts = dict(FACTS)
    for day, (message, change, russian_title, expected) in enumerate(steps, start=10):
        facts.update(change)
        write(events, f"{EVENT_ID}.md", facts)
        if russian_title:
            write(events, f"{EVENT_ID}.ru.md", {"title": russian_title})
        commit(repo, at(day), message)
        assert revision(repo) == expected, message


@pytest.mark.parametrize(
    "change",
    [
        {"venue": "Бейбітшілік және келісім сарайы"},
        {"address": "Тәуелсіздік даңғылы, 57"},
        {"region": "almaty-city"},
        {"geo": "[51.12, 71.43]"},
        {"end": "2025-04-24 13:00"},
    ],
)
def test_a_change_of_place_or_end_raises_the_sequence(repo: Path, change: dict[str, str]) -> None:
    write(repo / "events", f"{EVENT_ID}.md", FACTS)
    commit(repo, at(10))
    write(repo / "events", f"{EVENT_ID}.md", {**FACTS, **change})
    commit(repo, at(11))
    assert revision(repo) == Revision(1, at(11))


def test_a_summary_or_body_change_moves_only_last_modified(repo: Path) -> None:
    write(repo / "events", f"{EVENT_ID}.md", FACTS)
    commit(repo, at(10))
    write(repo / "events", f"{EVENT_ID}.md", {**FACTS, "summary": "Қысқаша."}, body="Жаңа мәтін.")
    commit(repo, at(11))
    assert revision(repo) == Revision(0, at(11))


def test_a_renamed_file_keeps_the_history_of_its_id(repo: Path) -> None:
    write(repo / "events", "old-name.md", {**FACTS, "id": EVENT_ID})
    commit(repo, at(10))
    git(repo, "mv", "events/old-name.md", f"events/{EVENT_ID}.md")
    write(repo / "events", f"{EVENT_ID}.md", {**FACTS, "id": EVENT_ID, "status": "postponed"})
    commit(repo, at(11))
    assert revision(repo) == Revision(1, at(11))


def test_a_merged_branch_counts_once_at_its_merge(repo: Path) -> None:
    write(repo / "events", f"{EVENT_ID}.md", FACTS)
    commit(repo, at(10))
    git(repo, "checkout", "-q", "-b", "edit")
    for day, hour in ((11, "11:00"), (12, "12:00")):
        write(repo / "events", f"{EVENT_ID}.md", {**FACTS, "start": f"2025-04-24 {hour}"})
        commit(repo, at(day))
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge", "edit", when=at(13))
    assert revision(repo) == Revision(1, at(13))


def test_a_new_uncommitted_event_falls_back_without_the_clock(repo: Path) -> None:
    write(repo / "events", f"{EVENT_ID}.md", FACTS)
    commit(repo, at(10))
    write(repo / "events", "2025-05-01-new.md", FACTS)
    assert revision(repo, "2025-05-01-new") == Revision(0, FALLBACK_TIME)
    epoch = {"SOURCE_DATE_EPOCH": "1740787200"}
    assert event_revisions(repo / "events", epoch).of("2025-05-01-new") == Revision(
        0, dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
    )


def test_a_folder_outside_git_gets_the_fallback_and_a_note(tmp_path: Path) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    write(folder, f"{EVENT_ID}.md", FACTS)
    outside = subprocess.run(["git", "-C", str(folder), "rev-parse"], capture_output=True, check=False)
    assert outside.returncode != 0, "the temporary folder must not be inside a git repository"
    revisions = event_revisions(folder, {"SOURCE_DATE_EPOCH": "86400"})
    assert revisions.known == {}
    assert revisions.of(EVENT_ID) == Revision(0, dt.datetime(1970, 1, 2, tzinfo=dt.UTC))
    assert revisions.notes and revisions.notes[0].startswith(f"no git history for {folder}")


def test_a_malformed_source_date_epoch_is_an_error() -> None:
    assert fallback_time({}) == FALLBACK_TIME
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        fallback_time({"SOURCE_DATE_EPOCH": "2025-03-01"})


def postponed_then_another_commit(repo: Path) -> None:
    """The issue's history: an event, its postponement, then a commit that does not touch it."""
    write(repo / "events", f"{EVENT_ID}.md", FACTS)
    commit(repo, at(10))
    write(repo / "events", f"{EVENT_ID}.md", {**FACTS, "start": "2025-05-15 10:00", "status": "postponed"})
    commit(repo, at(11))
    write(repo / "events", "2025-06-01-other.md", {**FACTS, "start": "2025-06-01 10:00"})
    commit(repo, at(12))


def clone(repo: Path, into: Path, *depth: str) -> Path:
    """A clone through a file:// address, so that --depth is honoured as on a hosting service."""
    git(repo, "clone", "-q", *depth, f"file://{repo}", str(into))
    return into


def sequence_in_feed(events: Path) -> list[str]:
    loaded, problems = load_events(events)
    assert problems == ()
    postponed = next(e for e in loaded if e.id == EVENT_ID)
    data = feed.event_bytes(
        postponed, "kk", site_url="https://apk30.example.kz/", revisions=event_revisions(events, NO_ENVIRONMENT)
    )
    return [line for line in data.decode().split("\r\n") if line.startswith("SEQUENCE")]


def test_a_shallow_clone_publishes_the_sequence_a_full_clone_publishes(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The issue's case: a full clone gave SEQUENCE:1, `git clone --depth 1` gave SEQUENCE:0."""
    postponed_then_another_commit(repo)
    full = clone(repo, tmp_path_factory.mktemp("full") / "site")
    shallow = clone(repo, tmp_path_factory.mktemp("shallow") / "site", "--depth", "1")
    assert git(shallow, "rev-parse", "--is-shallow-repository").strip() == "true"
    from_shallow = event_revisions(shallow / "events", NO_ENVIRONMENT)
    from_full = event_revisions(full / "events", NO_ENVIRONMENT)
    assert from_shallow.known == from_full.known
    assert from_shallow.known[EVENT_ID] == Revision(1, at(11))
    assert any("was fetched in full" in note for note in from_shallow.notes) and from_full.notes == ()
    assert git(shallow, "rev-parse", "--is-shallow-repository").strip() == "false"
    assert sequence_in_feed(full / "events") == sequence_in_feed(shallow / "events") == ["SEQUENCE:1"]


def test_a_shallow_clone_that_cannot_be_fetched_is_an_error(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No guess when the history cannot be had: the build stops (the adapter raises this) and says how."""
    postponed_then_another_commit(repo)
    shallow = clone(repo, tmp_path_factory.mktemp("shallow") / "site", "--depth", "1")
    shutil.rmtree(repo / ".git")  # the remote is gone (or offline)
    revisions = event_revisions(shallow / "events", NO_ENVIRONMENT)
    assert revisions.known == {}
    assert revisions.error.startswith(f"{shallow / 'events'}: the git history is shallow")
    assert "could not be fetched in full" in revisions.error and "fetch-depth: 0" in revisions.error
    assert "\n" not in revisions.error


def test_an_event_created_cancelled_starts_at_sequence_one(repo: Path) -> None:
    events = repo / "events"
    write(events, f"{EVENT_ID}.md", {**FACTS, "status": "cancelled"})
    commit(repo, at(10))
    assert revision(repo) == Revision(1, at(10))
    write(events, f"{EVENT_ID}.md", {**FACTS, "status": "cancelled", "venue": "Бейбітшілік сарайы"})
    commit(repo, at(11))
    assert revision(repo) == Revision(2, at(11)), "a later change must still raise it"


def test_a_cancelled_or_postponed_event_without_history_gets_sequence_one(repo: Path, tmp_path: Path) -> None:
    write(repo / "events", f"{EVENT_ID}.md", FACTS)
    commit(repo, at(10))
    revisions = event_revisions(repo / "events", NO_ENVIRONMENT).with_statuses(
        {EVENT_ID: "postponed", "new-cancelled": "cancelled", "new-scheduled": "scheduled"}
    )
    # Postponed in the working tree, not committed yet: 1 now, and 1 from git once committed.
    assert revisions.of(EVENT_ID) == Revision(1, at(10))
    assert revisions.of("new-cancelled") == Revision(1, FALLBACK_TIME)
    assert revisions.of("new-scheduled") == Revision(0, FALLBACK_TIME)
    write(repo / "events", f"{EVENT_ID}.md", {**FACTS, "status": "postponed"})
    commit(repo, at(11))
    assert revision(repo) == Revision(1, at(11))


def test_two_git_calls_whatever_the_history(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in range(10, 20):
        write(repo / "events", f"2025-04-{day}-event.md", {**FACTS, "start": f"2025-04-{day} 10:00"})
        write(repo / "events", f"2025-04-{day}-event.ru.md", {"title": "Событие"})
        commit(repo, at(day))
    # A real git behind a wrapper that writes down each call: the calls are counted, not faked.
    bin_dir = tmp_path_factory.mktemp("bin")
    calls = bin_dir / "calls"
    wrapper = bin_dir / "git"
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\nexec "{shutil.which("git")}" "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    revisions = event_revisions(repo / "events", NO_ENVIRONMENT)
    assert len(revisions.known) == 10
    assert [line.split()[2] for line in calls.read_text().splitlines()] == ["log", "cat-file"]


def test_the_feed_carries_the_revision(repo: Path) -> None:
    events = repo / "events"
    write(events, f"{EVENT_ID}.md", FACTS)
    commit(repo, at(10))
    write(events, f"{EVENT_ID}.md", {**FACTS, "start": "2025-04-24 12:00", "status": "postponed"})
    commit(repo, at(11, 15))
    loaded, problems = load_events(events)
    assert problems == ()
    revisions = event_revisions(events, NO_ENVIRONMENT)
    data = feed.event_bytes(loaded[0], "kk", site_url="https://apk30.example.kz/", revisions=revisions)
    lines = data.decode().split("\r\n")
    assert "SEQUENCE:1" in lines
    assert "LAST-MODIFIED:20250111T150000Z" in lines and "DTSTAMP:20250111T150000Z" in lines
    assert "DTSTART:20250424T070000Z" in lines


def test_revisions_default_applies_to_unknown_ids() -> None:
    revisions = Revisions({"a": Revision(3, at(5))}, Revision(0, FALLBACK_TIME))
    assert revisions.of("a") == Revision(3, at(5))
    assert revisions.of("b") == Revision(0, FALLBACK_TIME)
