"""Turn the files under `events/` into frozen `Event`s and a list of problems.

One event is a main file `<name>.md` (shared facts and the text in its own language, Kazakh unless
`lang` says otherwise) plus optional translations `<name>.ru.md`, `<name>.en.md`. Every problem in
every file is collected; nothing valid is dropped because another file is broken.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import DEFAULT_LANGUAGE, LANGUAGES, fields, markup
from .checker import Checker
from .fields import Invalid
from .model import STATUSES, Event, Organizer, Translation, When
from .problems import Problem
from .records import Record, read_record
from .reference import Reference, reference
from .text_files import linked_folders, outside_link, read_text

TEXT_LIMITS = {"title": 200, "summary": 600, "venue": 200, "address": 300}
SHARED_FIELDS = (
    "id",
    "start",
    "end",
    "region",
    "category",
    "organizer",
    "status",
    "geo",
    "links",
    "source",
    "sample",
    "lang",
)
MAIN_FIELDS = SHARED_FIELDS + tuple(TEXT_LIMITS)
LINK_KINDS = ("livestream", "registration")
LANGUAGE_SUFFIX = re.compile(r"^(?P<name>.+)\.(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z]+)?)$")
# Names editors still write for regions whose slug is different (old names, the city vs the region).
REGION_HINTS = {
    "nur-sultan": "astana",
    "nursultan": "astana",
    "almaty": "almaty-city (the city) or almaty-region (the region)",
    "alma-ata": "almaty-city",
    "kazakhstan": "nationwide",
    "republic": "nationwide",
}
MISTAKEN_LANGUAGES = {"kz": "kk", "qq": "kk", "kaz": "kk", "rus": "ru", "eng": "en"}


@dataclass(frozen=True)
class Source:
    """One file on disk: which event it belongs to and which language it carries (None: main file)."""

    path: str
    name: str
    lang: str | None


def display_path(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def classify(path: Path, base: Path) -> Source | Problem:
    shown = display_path(path, base)
    stem = path.name[: -len(".md")]
    match = LANGUAGE_SUFFIX.match(stem)
    if not match:
        return Source(shown, stem, None)
    name, lang = match["name"], match["lang"]
    if lang in LANGUAGES:
        return Source(shown, name, lang)
    better = lang.lower() if lang.lower() in LANGUAGES else MISTAKEN_LANGUAGES.get(lang.lower())
    fix = f"rename it to {name}.{better}.md" if better else f"use one of {', '.join(LANGUAGES)}"
    return Problem(shown, 1, "file name", f"unknown language code '{lang}': {fix}")


# Names an editor's machine gives a Markdown file (Notepad adds .txt, Windows hides it); only `.md` is read.
_NEAR_MISSES = re.compile(r"\.(?:md\.txt|txt|markdown|mdown|md[ .~]+)$|\.md$", re.I)


def misnamed_files(folder: Path, base: Path) -> list[Problem]:
    """Files that look like event texts but would be skipped without a word, for their name
    (os.walk with names first: a Path per file doubles the time of loading 4,200 events)."""
    found = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories[:] = [d for d in subdirectories if not d.startswith(("_", "."))]
        for name in names:
            if name.endswith(".md") or name.startswith((".", "README.")) or not _NEAR_MISSES.search(name):
                continue
            stem = _NEAR_MISSES.sub("", name)
            message = (
                f"only files ending in .md are read: rename it to {stem}.md (notes for editors go under a _ folder)"
            )
            found.append(Problem(display_path(Path(directory, name), base), 1, "file name", message))
    return sorted(found)


def event_files(folder: Path) -> list[Path]:
    """Every event file, in a stable order; README and anything under a `_` name are for editors, not readers."""
    return sorted(
        p
        for p in folder.rglob("*.md")
        if p.name != "README.md" and not any(part.startswith("_") for part in p.relative_to(folder).parts)
    )


def _translation(check: Checker, lang: str) -> Translation | None:
    texts = {key: check.get(key, lambda v, k=key: fields.plain_text(v, limit=TEXT_LIMITS[k])) for key in TEXT_LIMITS}
    check.problems.extend(check.record.body_lines(markup.body_problems(check.record.body)))
    if texts["title"] is None:
        if "title" not in check.record.meta:
            check.report("title", "is missing: add a line 'title: ...' in this language")
        return None
    values = {k: v or "" for k, v in texts.items()}
    record = check.record
    return Translation(lang, record.path, body=record.body.strip(), body_line=record.body_line, **values)


def _links(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise Invalid(
            "expected lines 'registration: https://...' and 'livestream: https://...' under links, "
            f"got {fields.found(value)}"
        )
    links = []
    for kind, url in sorted(value.items(), key=lambda item: str(item[0])):
        if kind not in LINK_KINDS:
            raise Invalid(
                f"unknown link '{kind}'{fields.suggest(str(kind), list(LINK_KINDS))} "
                f"(expected {' or '.join(LINK_KINDS)})"
            )
        try:
            links.append((kind, fields.web_address(url)))
        except Invalid as error:
            raise Invalid(f"{kind}: {error}") from None
    return tuple(links)


def _organizer(value: Any, ref: Reference) -> Organizer:
    if isinstance(value, str) and value in ref.organizers:
        return Organizer(value, dict(ref.organizers[value].names))
    # Lower-case Latin without spaces is an id attempt (a typo), never an organizer's name.
    if isinstance(value, str) and fields.ID_PATTERN.match(value):
        hint = fields.suggest(value, sorted(ref.organizers))
        raise Invalid(
            f"unknown structure id {fields.found(value)}{hint}: write a known id or the organizer's name in words"
        )
    if isinstance(value, dict):
        unknown = sorted(str(k) for k in value if k not in LANGUAGES)
        if unknown or not value:
            raise Invalid(f"expected names under kk, ru and en, got {fields.found(unknown or value)}")
        return Organizer(None, {lang: fields.plain_text(text) for lang, text in value.items()})
    text = fields.plain_text(value)
    return Organizer(None, {lang: text for lang in LANGUAGES})


def _region(value: Any, ref: Reference) -> str:
    hint = REGION_HINTS.get(str(value).lower())
    if hint and value not in ref.regions:
        raise Invalid(f"unknown region {fields.found(value)}: write {hint}")
    return fields.choice(value, ref.regions, "region")


def _language(value: Any) -> str:
    if value in LANGUAGES:
        return str(value)
    better = MISTAKEN_LANGUAGES.get(str(value).lower())
    raise Invalid(
        f"expected one of {', '.join(LANGUAGES)}, got {fields.found(value)}" + (f": write {better}" if better else "")
    )


def _when(check: Checker) -> When | None:
    start = check.get("start", fields.moment_in_range, required=True)
    end = check.get("end", fields.moment_in_range)
    if start is None:
        return None
    (start_value, month_only) = start
    if end is None:
        return When(start_value, None, month_only)
    end_value, end_month_only = end
    if month_only or end_month_only:
        check.report("end", "a month-only date (2025-05) cannot have an end: remove 'end' or give exact days")
    elif type(start_value) is not type(end_value):
        check.report("end", f"start {start_value} and end {end_value} must both be dates, or both dates with a time")
    elif end_value < start_value:
        check.report("end", f"ends ({end_value}) before it starts ({start_value}): swap them or fix the date")
    else:
        return When(start_value, end_value, False)
    return None


# Events by the parsed records they were made from (the same objects while their files are
# unchanged, see `_parsed`; each entry keeps its records, so their ids stay theirs), with the
# problems found: a reload after a save checks only the saved event again.
_Assembled = tuple[tuple[Record, ...], "Event | None", tuple[Problem, ...]]
_events: dict[tuple[object, ...], _Assembled] = {}


def _assembled(
    main: Record, name: str, extra: list[Record], problems: list[Problem], ref: Reference, kept: dict
) -> Event | None:
    records = (main, *extra)
    key = (name, *map(id, records))
    cached = _events.get(key)
    if cached is None:  # a hit is these very records: the cached ones are alive, so ids are unique
        found: list[Problem] = []
        cached = (records, _event(main, name, extra, found, ref), tuple(found))
    kept[key] = cached
    problems.extend(cached[2])
    return cached[1]


def _event(main: Record, name: str, extra: list[Record], problems: list[Problem], ref: Reference) -> Event | None:
    check = Checker(main, problems)
    check.unknown_keys(MAIN_FIELDS)
    before = len(problems)
    event_id = check.get("id", fields.identity, default=None)
    if event_id is None and "id" not in main.meta:
        try:
            event_id = fields.identity(name)
        except Invalid as error:
            check.report("file name", str(error).replace("got", "the file name gives"))
    lang = check.get("lang", _language, default=DEFAULT_LANGUAGE)
    facts = {
        "when": _when(check),
        "region": check.get("region", lambda v: _region(v, ref), required=True),
        "category": check.get("category", lambda v: fields.choice(v, ref.categories, "category"), required=True),
        "organizer": check.get("organizer", lambda v: _organizer(v, ref), required=True),
        "status": check.get(
            "status", lambda v: fields.choice(v, dict.fromkeys(STATUSES), "status"), default="scheduled"
        ),
        "geo": check.get("geo", fields.coordinates),
        "links": check.get("links", _links, default=()),
        "source": check.get("source", fields.web_address, default=""),
        "sample": check.get("sample", fields.flag, default=False),
    }
    if "venue" not in main.meta:
        check.report("venue", "is missing: add a line 'venue: ...' with the name of the place")
    translations = [_translation(check, lang)]
    for record in extra:
        translations.append(_extra_translation(record, main, lang, problems))
    if len(problems) > before or event_id is None or None in translations:
        return None
    return Event(
        id=event_id,
        path=main.path,
        translations=tuple(sorted(translations, key=lambda t: LANGUAGES.index(t.lang))),
        **facts,
    )  # type: ignore[arg-type]


def _extra_translation(record: Record, main: Record, main_lang: str, problems: list[Problem]) -> Translation | None:
    lang = _lang_of(record.path)
    check = Checker(record, problems)
    if lang == main_lang:
        check.report("file name", f"{main.path} is already the {lang} text (lang: {main_lang}); merge the two files")
        return None
    check.unknown_keys(TEXT_LIMITS, shared_with=main.path, shared=SHARED_FIELDS)
    return _translation(check, lang)


def _lang_of(path: str) -> str:
    match = LANGUAGE_SUFFIX.match(Path(path).name[: -len(".md")])
    assert match is not None
    return match["lang"]


# Parsed front matter by file and version: `mkdocs serve` reloads the events after every save, and
# only the saved file needs parsing again.
_parsed: dict[tuple[str, str, int, int], Record | Problem] = {}


def _read(path: Path, shown: str, seen: set[tuple[str, str, int, int]]) -> Record | Problem:
    stat = path.stat()
    key = (str(path), shown, stat.st_mtime_ns, stat.st_size)
    if key not in _parsed:
        text = read_text(path, shown)
        _parsed[key] = text if isinstance(text, Problem) else read_record(shown, text)
    seen.add(key)
    return _parsed[key]


def _read_all(folder: Path, base: Path, problems: list[Problem]) -> dict[tuple[str, str], dict[str | None, Record]]:
    groups: dict[tuple[str, str], dict[str | None, Record]] = defaultdict(dict)
    seen: set[tuple[str, str, int, int]] = set()
    problems.extend(linked_folders(folder, base, display_path))
    problems.extend(misnamed_files(folder, base))
    for path in event_files(folder):
        source = classify(path, base)
        if isinstance(source, Problem):
            problems.append(source)
            continue
        if (link := outside_link(path, folder, source.path)) is not None:
            problems.append(link)
            continue
        record = _read(path, source.path, seen)
        if isinstance(record, Problem):
            problems.append(record)
            continue
        if source.lang is not None and record.empty:
            continue  # the form's file for a language nobody wrote in: no translation yet
        groups[(os.path.dirname(source.path), source.name)][source.lang] = record
    for key in [key for key in _parsed if key not in seen]:
        del _parsed[key]  # files since changed or removed
    return groups


def load_events(folder: Path, base: Path | None = None) -> tuple[tuple[Event, ...], tuple[Problem, ...]]:
    """All valid events, sorted by start, and every problem found, sorted by file and line."""
    base = base or folder.parent
    problems: list[Problem] = []
    ref = reference()
    events: list[Event] = []
    kept: dict[tuple[object, ...], _Assembled] = {}
    for (directory, name), records in sorted(_read_all(folder, base, problems).items()):
        main = records.pop(None, None)
        if main is None:
            for record in records.values():
                expected = Path(directory, name + ".md").as_posix()
                problems.append(
                    Problem(
                        record.path,
                        1,
                        "file name",
                        f"a translation needs its main file {expected} (with start, region, ...): "
                        "create it or fix this file's name",
                    )
                )
            continue
        event = _assembled(main, name, [records[lang] for lang in sorted(records, key=str)], problems, ref, kept)
        if event is not None:
            events.append(event)
    _events.clear()
    _events.update(kept)
    events = _without_duplicates(events, problems)
    return tuple(sorted(events, key=lambda e: e.sort_key)), tuple(sorted(set(problems)))


def _without_duplicates(events: list[Event], problems: list[Problem]) -> list[Event]:
    seen: dict[str, Event] = {}
    for event in sorted(events, key=lambda e: e.path):
        if event.id in seen:
            problems.append(
                Problem(
                    event.path,
                    1,
                    "id",
                    f"'{event.id}' is already used by {seen[event.id].path}: give this event its own id",
                )
            )
        else:
            seen[event.id] = event
    return list(seen.values())
