"""Random front matter never crashes the loader, and every problem names its file and its field.

Editors can type anything; the build must answer with `path:line: field: message`, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import yaml
from apk_site.loader import MAIN_FIELDS, load_events
from apk_site.records import Record, read_record
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
NAMES = st.sampled_from(["2025-04-24-session", "x", "Unity Concert", "a.b", "-bad-", "ok-2"])
LANGUAGE_CODES = st.sampled_from(["ru", "en", "kk", "kz", "rus", "qaz"])
# Keys an editor might write: the real fields, near misses, and anything at all.
KEYS = st.one_of(
    st.sampled_from([*MAIN_FIELDS, "summmary", "tags", "Start", "links.registration"]),
    TEXT.filter(bool),
    st.integers(-5, 5),
    st.booleans(),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.datetimes(dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31)),
    st.sampled_from(
        [
            "2025-04-24",
            "2025-04-24 10:00",
            "2025-02-30",
            "2025-13",
            "24.04.2025",
            "astana",
            "nur-sultan",
            "culture-arts",
            "apk",
            "https://example.org",
            "cancelled",
            "[1, 2]",
            "yes",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3), max_leaves=8
)
META = st.dictionaries(KEYS, VALUES, max_size=12)
STRUCTURE = {"file name", "front matter", "id", "start", "region", "category", "organizer", "venue", "title"}


def dump(meta: dict[Any, Any]) -> str:
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)


def check(files: dict[str, str]) -> None:
    """Load `files` and check that every problem points at one of them and at a field it knows."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "events"
        folder.mkdir()
        written = {}
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
            written[f"events/{name}"] = text
        events, problems = load_events(folder, Path(scratch))
    for problem in problems:
        assert problem.path in written, problem
        assert problem.line >= 1, problem
        assert problem.field and problem.message, problem
        assert str(problem) == f"{problem.path}:{problem.line}: {problem.field}: {problem.message}"
        keys = _keys(problem.path, written[problem.path])
        assert problem.field in STRUCTURE or problem.field in keys, (problem, keys)
    assert len({e.id for e in events}) == len(events)


def _keys(path: str, text: str) -> set[str]:
    record = read_record(path, text)
    return {str(key) for key in record.meta} if isinstance(record, Record) else set()


@SETTINGS
@given(name=NAMES, meta=META, body=TEXT)
def test_random_front_matter_in_a_main_file(name: str, meta: dict[Any, Any], body: str) -> None:
    check({f"{name}.md": f"---\n{dump(meta)}---\n{body}\n"})


@SETTINGS
@given(name=NAMES, main=META, lang=LANGUAGE_CODES, translation=META)
def test_random_front_matter_in_a_translation(
    name: str, main: dict[Any, Any], lang: str, translation: dict[Any, Any]
) -> None:
    check({f"{name}.md": f"---\n{dump(main)}---\n", f"{name}.{lang}.md": f"---\n{dump(translation)}---\n"})


@SETTINGS
@given(
    front=TEXT,
    opening=st.sampled_from(["---\n", "\ufeff---\n", "", "--- \n"]),
    closing=st.sampled_from(["\n---\n", "\n", "\n--- x\n"]),
)
def test_random_text_between_the_fences(front: str, opening: str, closing: str) -> None:
    check({"2025-04-24-session.md": f"{opening}{front}{closing}Body."})


@SETTINGS
@given(meta=META)
def test_a_valid_event_with_random_extra_fields_still_names_each_one(meta: dict[Any, Any]) -> None:
    good = {
        "start": "2025-04-24",
        "region": "astana",
        "category": "youth",
        "organizer": "apk",
        "title": "T",
        "venue": "V",
    }
    check({"2025-04-24-session.md": f"---\n{dump({**good, **meta})}---\n"})
