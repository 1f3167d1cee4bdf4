"""scripts/sample_events.py: a valid, deterministic, varied sample calendar that never overwrites real events."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from apk_site.loader import load_events
from apk_site.model import STATUSES, Event
from apk_site.reference import reference

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "sample_events.py"
KAZAKH_LETTERS = "әғқңөұүһі"
START_LINE = re.compile(r"^start: (\d{4}-\d{2}-\d{2} \d{2}:\d{2}|\d{4}-\d{2}-\d{2}|\d{4}-\d{2})$", re.M)


def _import_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sample_events", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


sample_events = _import_script()


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def date_form(event: Event) -> str:
    when = event.when
    if when.month_only:
        return "month"
    if when.timed:
        return "timed"
    return "all-day" if when.end is None else "multi-day"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    sample_events.write_sample(out, 420, seed=11)
    return out


@pytest.fixture(scope="module")
def events(folder: Path) -> tuple[Event, ...]:
    loaded, problems = load_events(folder)
    assert [str(p) for p in problems] == []
    return loaded


def test_the_real_loader_reads_all_420_events_without_problems(events: tuple[Event, ...]) -> None:
    assert len(events) == 420
    assert len({e.id for e in events}) == 420


def test_file_names_are_ids_with_a_running_number(folder: Path, events: tuple[Event, ...]) -> None:
    ids = sorted(e.id for e in events)
    assert ids[0].startswith("sample-0001-") and ids[-1].startswith("sample-0420-")
    assert all(re.fullmatch(r"sample-\d{4}-[a-z0-9-]+[a-z0-9]", i) for i in ids)
    names = {p.name for p in folder.iterdir()}
    assert {f"{i}.md" for i in ids} <= names
    assert all(re.fullmatch(r"sample-\d{4}-[a-z0-9-]+(\.ru|\.en)?\.md", n) for n in names)


def test_same_arguments_give_byte_identical_files(tmp_path: Path, folder: Path) -> None:
    sample_events.write_sample(tmp_path / "again", 420, seed=11)
    assert contents(tmp_path / "again") == contents(folder)


def test_another_seed_gives_another_calendar(tmp_path: Path, folder: Path) -> None:
    sample_events.write_sample(tmp_path / "other", 420, seed=12)
    assert contents(tmp_path / "other") != contents(folder)


def test_the_pure_python_yaml_emitter_writes_the_same_bytes(tmp_path: Path, folder: Path) -> None:
    """The script uses libyaml when present for speed; without it the files must not change."""
    original = sample_events.DUMPER
    sample_events.DUMPER = yaml.SafeDumper
    try:
        sample_events.write_sample(tmp_path / "python", 420, seed=11)
    finally:
        sample_events.DUMPER = original
    assert contents(tmp_path / "python") == contents(folder)


def test_running_again_replaces_the_sample_files(tmp_path: Path) -> None:
    sample_events.write_sample(tmp_path, 40, seed=1)
    sample_events.write_sample(tmp_path, 7, seed=1)
    loaded, problems = load_events(tmp_path)
    assert problems == ()
    assert sorted(e.id[:11] for e in loaded) == [f"sample-{n:04d}" for n in range(1, 8)]
    assert not any(p.name.startswith("sample-0008-") for p in tmp_path.iterdir())


def test_every_region_category_organizer_and_status_is_used(events: tuple[Event, ...]) -> None:
    ref = reference()
    assert {e.region for e in events} == set(ref.regions)
    assert len(ref.regions) == 21 and len(ref.categories) == 17
    assert {e.category for e in events} == set(ref.categories)
    assert {e.organizer.id for e in events} == set(ref.organizers) | {None}
    free = [e.organizer.names for e in events if e.organizer.id is None]
    assert len(free) >= 20 and all(set(names) == {"kk", "ru", "en"} for names in free)
    statuses = Counter(e.status for e in events)
    assert set(statuses) == set(STATUSES)
    assert statuses["scheduled"] > 0.7 * len(events)


def test_every_date_form_is_used_across_2025(folder: Path, events: tuple[Event, ...]) -> None:
    assert set(Counter(date_form(e) for e in events)) == {"timed", "all-day", "multi-day", "month"}
    assert {(e.when.start_date.year, e.when.start_date.month) for e in events} == {(2025, m) for m in range(1, 13)}
    assert all(e.when.end_date.year == 2025 for e in events)
    for event in events:
        end = event.when.end
        if date_form(event) == "timed":
            assert isinstance(end, dt.datetime) and end.date() == event.when.start_date and end > event.when.start
        if date_form(event) == "multi-day":
            assert isinstance(end, dt.date) and end > event.when.start
    for event in events:  # written as an editor would type them, never quoted
        assert START_LINE.search((folder / f"{event.id}.md").read_text(encoding="utf-8")), event.id


def test_geo_is_near_the_region_centre(events: tuple[Event, ...]) -> None:
    assert set(sample_events.CENTRES) == set(reference().regions) - {"nationwide"}
    placed = [e for e in events if e.geo is not None]
    assert 0.3 * len(events) < len(placed) < 0.7 * len(events)
    for event in placed:
        lat, lon = sample_events.CENTRES[event.region]
        assert abs(event.geo[0] - lat) <= 0.06 and abs(event.geo[1] - lon) <= 0.06, event.id
    assert all(e.geo is None for e in events if e.region == "nationwide")


def test_links_and_sources_point_to_example_org(events: tuple[Event, ...]) -> None:
    assert all(e.source == f"https://example.org/sample/{e.id}" for e in events)
    kinds = Counter(kind for e in events for kind, _ in e.links)
    assert kinds["registration"] > 0 and kinds["livestream"] > 0
    assert sum(1 for e in events if not e.links) > 0
    assert all(url.startswith(f"https://example.org/sample/{e.id}/") for e in events for _, url in e.links)


def test_every_event_is_marked_as_sample(folder: Path, events: tuple[Event, ...]) -> None:
    assert all(e.sample is True for e in events)
    assert all("\nsample: true\n" in (folder / f"{e.id}.md").read_text(encoding="utf-8") for e in events)


def test_text_uses_every_kazakh_letter(events: tuple[Event, ...]) -> None:
    kazakh = " ".join(
        f"{t.title} {t.summary} {t.venue} {t.address} {t.body}" for e in events if (t := e.translation("kk"))
    )
    assert [letter for letter in KAZAKH_LETTERS if letter not in kazakh] == []


def test_titles_carry_awkward_characters_and_some_are_nearly_too_long(events: tuple[Event, ...]) -> None:
    for lang in ("kk", "ru", "en"):
        titles = [t.title for e in events if (t := e.translation(lang))]
        for mark in ('"', "'", "«", "»", "“", "\\", ";", ",", "#", ": "):
            assert any(mark in title for title in titles), (lang, mark)
        long = [title for title in titles if len(title) >= 185]
        assert len(long) >= 3, lang
        assert max(len(title) for title in titles) < 200


def test_some_bodies_are_markdown_with_lists_and_links(events: tuple[Event, ...]) -> None:
    bodies = [e.translation("kk").body for e in events]
    rich = [b for b in bodies if re.search(r"^1\. ", b, re.M) and re.search(r"^- \[.+\]\(https://", b, re.M)]
    assert 0 < len(rich) < len(bodies) / 2
    assert "" in bodies


def test_some_translations_are_missing_so_fallbacks_are_used(events: tuple[Event, ...]) -> None:
    missing = Counter(lang for e in events for lang in e.missing_languages())
    assert "kk" not in missing
    assert 0.05 * len(events) <= missing["en"] <= 0.15 * len(events)
    assert 0.02 * len(events) <= missing["ru"] <= 0.08 * len(events)
    no_en = next(e for e in events if "en" in e.missing_languages())
    assert no_en.title("en").lang == "ru"


def test_refuses_the_real_events_folder_and_writes_nothing(tmp_path: Path) -> None:
    real = shutil.copytree(ROOT / "events", tmp_path / "events")
    before = contents(real)
    with pytest.raises(sample_events.RefusedFolder, match=r"not sample data \(.+\.md"):
        sample_events.write_sample(real, 5)
    assert contents(real) == before


@pytest.mark.parametrize("name", ["sample-0009-hand-written.md", "notes/sample-0001-x.md", "README.md"])
def test_refuses_a_sample_folder_with_one_hand_written_file(tmp_path: Path, name: str) -> None:
    sample_events.write_sample(tmp_path, 5)
    before = contents(tmp_path)
    mine = tmp_path / name  # even a sample-like name is not the script's without its marker line
    mine.parent.mkdir(exist_ok=True)
    text = "---\nsample: true\ntitle: x\n---\n"
    mine.write_text(text, encoding="utf-8")
    with pytest.raises(sample_events.RefusedFolder, match=re.escape(name)):
        sample_events.write_sample(tmp_path, 3)
    after = contents(tmp_path)
    after.pop(name, None)
    assert after == before
    assert mine.read_text(encoding="utf-8") == text


def test_command_line(tmp_path: Path) -> None:
    run = [sys.executable, str(SCRIPT)]
    done = subprocess.run([*run, "--count", "3", "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "wrote 3 sample events" in done.stdout
    assert len(load_events(tmp_path / "out")[0]) == 3
    real = shutil.copytree(ROOT / "events", tmp_path / "events")
    refused = subprocess.run([*run, "--out", str(real)], capture_output=True, text=True)
    assert refused.returncode == 2 and "not sample data" in refused.stderr
    helped = subprocess.run([*run, "--help"], capture_output=True, text=True)
    assert helped.returncode == 0 and "--seed" in helped.stdout and "--count" in helped.stdout
    bad = subprocess.run([*run, "--count", "0", "--out", str(tmp_path / "x")], capture_output=True, text=True)
    assert bad.returncode == 2 and "must be 1 or more" in bad.stderr
