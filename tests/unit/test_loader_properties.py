"""Random front matter, bodies, bytes and encodings never crash the loader, and every problem
names its file, a line it has and its field.

Editors can type anything; the build must answer with `path:line: field: message`, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import yaml
from apk_site.loader import MAIN_FIELDS, load_events
from apk_site.problems import Problem
from apk_site.records import Record, read_record
from apk_site.text_files import decode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(SETTINGS, max_examples=100)  # the whole file in under a minute on a busy machine
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
STRUCTURE = {
    "file name",
    "front matter",
    "encoding",
    "body",
    "id",
    "start",
    "region",
    "category",
    "organizer",
    "venue",
    "title",
}


def dump(meta: dict[Any, Any]) -> str:
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)


def check(files: dict[str, str | bytes]) -> None:
    """Load `files` (text is written as UTF-8, bytes as they are) and check that every problem
    points at one of them, at a line it has and at a field it knows."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "events"
        folder.mkdir()
        written, lines = {}, {}
        for name, content in files.items():
            raw = content if isinstance(content, bytes) else content.encode("utf-8")
            (folder / name).write_bytes(raw)
            text = decode(raw, name)
            written[f"events/{name}"] = "" if isinstance(text, Problem) else text
            lines[f"events/{name}"] = raw.count(b"\n") + 1 if isinstance(text, Problem) else text.count("\n") + 1
        events, problems = load_events(folder, Path(scratch))
    for problem in problems:
        assert problem.path in written, problem
        assert 1 <= problem.line <= lines[problem.path], problem
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


# ---- Issue 15, item 7: what editors' machines and hostile pull requests produce ----

GOOD = "---\nstart: 2025-04-24\nregion: astana\ncategory: youth\norganizer: apk\ntitle: Жиын\nvenue: Астана\n---\n"
# Pieces of bodies: Markdown, harmless and active HTML, code that shows HTML, invisible characters.
PIECES = st.sampled_from(
    [
        "Мәтін. ",
        "Текст **жирный** ",
        "\n\n",
        "\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "![Сурет](picture.png)",
        "[link](https://example.org)",
        "<https://example.org>",
        "<br>",
        "<abbr title=x>x</abbr>",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "<iframe src=x></iframe>",
        "<form><input></form>",
        "`<script>`",
        "\n```\n<script>code</script>\n```\n",
        "{: onclick=x }",
        "<div markdown=1>",
        "</div>",
        "&#106;",
        "\u202e",
        "\x1b",
        "\t",
        "```",
        "<",
        ">",
    ]
)
BODIES = st.lists(PIECES, max_size=25).map("".join)


@FEWER
@given(body=BODIES)
def test_random_bodies_end_in_a_page_or_body_problems_on_their_lines(body: str) -> None:
    check({"2025-04-24-session.md": GOOD + body})


@FEWER
@given(
    text=TEXT,
    codec=st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "kz1048", "utf-16", "latin-1", "koi8-r"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_any_encoding_and_line_ending_is_read_or_one_problem(text: str, codec: str, newline: str) -> None:
    content = (GOOD + "Мәтін " + text + "\n").replace("\n", newline)
    try:
        raw = content.encode(codec)
    except UnicodeEncodeError:
        raw = content.encode(codec, errors="replace")
    check({"2025-04-24-session.md": raw})


@FEWER
@given(raw=st.binary(max_size=300), prefix=st.sampled_from([b"", b"---\n", b"\xef\xbb\xbf---\n", b"\xff\xfe"]))
def test_random_bytes_never_crash_the_loader(raw: bytes, prefix: bytes) -> None:
    check({"2025-04-24-session.md": prefix + raw})


@FEWER
@given(
    meta=META, anchors=st.sampled_from(["a: &a [1, *a]", "a: &a {b: *a}", "a: &a [x]\nb: [*a, *a]", "a: &a x\nb: *a"])
)
def test_yaml_aliases_and_tags_never_crash(meta: dict[Any, Any], anchors: str) -> None:
    check({"2025-04-24-session.md": f"---\n{anchors}\n{dump(meta)}---\n"})
