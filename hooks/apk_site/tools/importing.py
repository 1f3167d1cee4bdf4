"""From rows of a plan or a calendar (`Row`) to event files: names -> ids, a free file name, a check.

Both importers (`plan_import`, `ics_import`) read their format into `Row`s; this module does the rest
the same way for both. Nothing is written for a row whose files the site's loader would refuse, and an
event that is already there is only replaced with `update`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import DEFAULT_LANGUAGE, LANGUAGES
from ..loader import LANGUAGE_SUFFIX, load_events
from ..model import Event
from ..problems import Problem
from ..records import Record, read_record
from ..text_files import read_text
from . import names, scaffold
from .dates import NotUnderstood, PlanDate, plan_date
from .scaffold import Draft, Texts

# Notes written into imported files, in the language of the file.
FILE_NOTES: dict[str, dict[str, str]] = {
    "kk": {
        "imported": "{source} файлынан импортталды ({where}).",
        "vague": "Жоспарда нақты ай жоқ («{said}»): төмендегі ай — алғашқы ай, нақты күн емес. Ай немесе күн "
        "белгілі болғанда түзетіңіз.",
        "guessed": "Санат атаудағы «{word}» сөзі бойынша таңдалды: тексеріңіз.",
    },
    "ru": {
        "imported": "Импортировано из файла {source} ({where}).",
        "vague": "В плане нет точного месяца («{said}»): ниже указан первый месяц, это не настоящая дата. "
        "Исправьте, когда станут известны месяц или дата.",
        "guessed": "Категория выбрана по слову «{word}» в названии: проверьте её.",
    },
    "en": {
        "imported": "Imported from {source} ({where}).",
        "vague": "The plan gives no exact month («{said}»): the month below is the first one, not a real date. "
        "Correct it when the month or the date is known.",
        "guessed": "Category chosen from the word «{word}» in the title: check it.",
    },
}


@dataclass(frozen=True)
class Row:
    """One event as a plan or a calendar states it, before any name is looked up."""

    path: str  # the file it comes from, as shown to the editor
    line: int  # its row in the spreadsheet, or the line of BEGIN:VEVENT
    where: Mapping[str, str]  # how a note in each language names it: «7-жол», «строка 7», "UID …"
    titles: Mapping[str, str]  # language -> title
    when: Any  # a date cell, a text such as «II квартал», or a PlanDate already worked out
    place: str = ""
    region: str = ""
    organizer: str = ""
    category: str = ""
    bodies: Mapping[str, str] = field(default_factory=dict)
    status: str = "scheduled"
    source: str = ""
    columns: Mapping[str, str] = field(default_factory=dict)  # kind -> the column's own header, for messages


@dataclass(frozen=True)
class Options:
    """What the editor gives for the whole import: fallbacks, the year of dates without one."""

    year: int
    region: str = ""
    organizer: str = ""
    category: str = ""
    update: bool = False


@dataclass
class Result:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[Problem] = field(default_factory=list)  # already there, left as they are
    notes: list[Problem] = field(default_factory=list)  # imported, but the editor should look
    errors: list[Problem] = field(default_factory=list)  # not imported, with the reason

    def lines(self) -> list[str]:
        return (
            [f"created {path}" for path in self.created]
            + [f"updated {path}" for path in self.updated]
            + [str(p) for p in sorted(self.notes + self.kept + self.errors)]
            + [self.summary()]
        )

    def summary(self) -> str:
        parts = [f"{len(self.created)} created", f"{len(self.updated)} updated"]
        if self.kept:
            parts.append(f"{len(self.kept)} already there (use --update to replace them)")
        parts.append(f"{len(self.errors)} not imported")
        return "import: " + ", ".join(parts)


@dataclass(frozen=True)
class _Planned:
    row: Row
    name: str
    draft: Draft
    existing: bool
    directory: Path  # where its files are written: an event already there may be in a subfolder
    shown: str  # how messages name that folder


def _column(row: Row, kind: str) -> str:
    return row.columns.get(kind, kind)


def _problem(row: Row, kind: str, message: str) -> Problem:
    return Problem(row.path, row.line, _column(row, kind), message)


PLACE_MISSING = (
    "no region or city found in '{place}': add the city or the region (for example «г. Астана, Дворец мира и "
    "согласия»), or give the region with --region"
)


class _Reading:
    """One row read field by field; each reason it cannot become an event, and each note, is kept."""

    def __init__(self, row: Row, options: Options) -> None:
        self.row, self.options = row, options
        self.errors: list[Problem] = []
        self.notes: list[Problem] = []

    def error(self, kind: str, message: str) -> None:
        self.errors.append(_problem(self.row, kind, message))

    def note(self, kind: str, message: str) -> None:
        self.notes.append(_problem(self.row, kind, message))

    def titles(self) -> dict[str, str]:
        titles = {lang: " ".join(text.split()) for lang, text in self.row.titles.items() if text and text.strip()}
        if not titles:
            self.error("title", "is empty: every event needs its name")
        return titles

    def when(self) -> PlanDate | None:
        try:
            when = self.row.when if isinstance(self.row.when, PlanDate) else plan_date(self.row.when, self.options.year)
        except NotUnderstood as error:
            self.error("date", str(error))
            return None
        if when.vague:
            self.note(
                "date",
                f"'{when.vague}' gives no exact month: written as start: {when.start}, marked in the "
                "file; set the month when it is known",
            )
        return when

    def region(self) -> str | None:
        kind = "region" if self.row.region else "place"
        for text in (self.row.region, self.row.place, self.options.region):
            if text and (found := names.region_id(text)):
                several = sorted({f.id for f in names.find_regions(text)} - {"nationwide"})
                if len(several) > 1:
                    self.note(kind, f"names several regions ({', '.join(several)}): filed as nationwide; check it")
                return found
        place = " ".join((self.row.region or self.row.place).split())
        if place:
            self.error(kind, PLACE_MISSING.format(place=place))
        return None

    def venue(self) -> str:
        if not self.row.place.strip():
            self.error("place", "is empty: write where the event takes place")
        return self.row.place.strip()

    def organizer(self, lang: str) -> str | dict[str, str] | None:
        text = self.row.organizer or self.options.organizer
        if not text.strip():
            self.error("organizer", "is empty: write who organizes the event, or give --organizer")
            return None
        return names.organizer_id(text) or {names.language_of(text, lang): " ".join(text.split())}

    def category(self) -> tuple[str | None, str]:
        """The category id, and the word it was guessed from (empty when it was not guessed)."""
        said = self.row.category or self.options.category
        if said:
            found = names.category_id(said)
            if found is None:
                self.error("category", f"unknown category '{said}': write one of the categories of the editors' guide")
            return found, ""
        for title in self.row.titles.values():
            if guess := names.guess_category(title):
                return guess.id, guess.words
        if any(self.row.titles.values()):
            self.error("category", "not given: add a column «Категория» / «Санат», or give --category")
        return None, ""


def draft_for(row: Row, options: Options) -> tuple[Draft | None, list[Problem], list[Problem]]:
    """The event a row describes, or every reason it cannot be one; and notes for the editor."""
    reading = _Reading(row, options)
    titles = reading.titles()
    lang = next((code for code in LANGUAGES if code in titles), DEFAULT_LANGUAGE)
    when, region, venue = reading.when(), reading.region(), reading.venue()
    organizer, (category, guessed_from) = reading.organizer(lang), reading.category()
    if reading.errors or when is None or region is None or organizer is None or category is None:
        return None, reading.errors, []
    words = FILE_NOTES[lang]
    field_notes = {"start": words["vague"].format(said=when.vague)} if when.vague else {}
    if guessed_from:
        field_notes["category"] = words["guessed"].format(word=guessed_from)
    texts = {
        code: Texts(title, venue=venue if code == lang else "", body=row.bodies.get(code, ""))
        for code, title in titles.items()
    }
    draft = Draft(
        start=when.start,
        end=when.end,
        region=region,
        category=category,
        lang=lang,
        organizer=organizer,
        texts=texts,
        status=row.status,
        source=row.source,
        field_notes=field_notes,
        notes=(words["imported"].format(source=Path(row.path).name, where=row.where[lang]),),
    )
    return draft, [], reading.notes


# ---- events already in the folder ----


def _index(events: Sequence[Event]) -> dict[tuple[str, str], list[Event]]:
    """Existing events by (title in any language, region): a plan names an event by its title."""
    index: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        for translation in event.translations:
            index.setdefault((names.normal(translation.title), event.region), []).append(event)
    return index


def _match(draft: Draft, index: dict[tuple[str, str], list[Event]]) -> list[Event]:
    found = {e.path: e for t in draft.texts.values() for e in index.get((names.normal(t.title), draft.region), [])}
    if len(found) > 1:
        same_start = [e for e in found.values() if _start_text(e) == draft.start]
        return same_start if len(same_start) == 1 else list(found.values())
    return list(found.values())


def _start_text(event: Event) -> str:
    start = event.when.start
    if event.when.month_only:
        return start.strftime("%Y-%m")
    return start.strftime("%Y-%m-%d %H:%M") if isinstance(start, dt.datetime) else start.isoformat()


def existing_draft(directory: Path, name: str, shown: str) -> Draft | Problem:
    """An event's files read back into a `Draft`, so that an update keeps what the plan does not say;
    or the first reason one of them cannot be read (`shown` names `directory` in messages). The loader
    leaves out a translation it cannot read and keeps the event, so that reason must stop the update:
    writing the plan's title over that file would lose the editor's text."""
    records: dict[str | None, Record] = {}
    for path in sorted(directory.glob(f"{name}*.md")):
        stem = path.name[: -len(".md")]
        match = LANGUAGE_SUFFIX.match(stem)
        lang = match["lang"] if match and match["name"] == name and match["lang"] in LANGUAGES else None
        if lang is None and stem != name:
            continue
        text = read_text(path, f"{shown}/{path.name}")
        record = text if isinstance(text, Problem) else read_record(f"{shown}/{path.name}", text)
        if isinstance(record, Problem):
            return record
        records[lang] = record
    if None not in records:  # removed or renamed since the folder was read
        return Problem(f"{shown}/{name}.md", 1, "file name", "is not there any more: run the import again")
    meta = records[None].meta
    lang = str(meta.get("lang") or DEFAULT_LANGUAGE)
    texts = {code: _texts(record) for code, record in records.items() if code is not None}
    texts[lang] = _texts(records[None])
    return Draft(
        start=str(meta["start"]),
        end=str(meta.get("end") or ""),
        region=str(meta["region"]),
        category=str(meta["category"]),
        organizer=meta["organizer"],
        texts=texts,
        lang=lang,
        status=str(meta.get("status") or "scheduled"),
        geo=meta.get("geo"),
        links=meta.get("links") or {},
        source=str(meta.get("source") or ""),
        sample=meta.get("sample") is True,
        id=str(meta.get("id") or ""),
    )


def _texts(record: Record) -> Texts:
    values = {key: " ".join(str(record.meta.get(key) or "").split()) for key in scaffold.TEXT_KEYS}
    return Texts(**values, body=record.body)


def _updated(old: Draft, new: Draft, category_given: bool) -> Draft:
    """The facts a plan states replace the old ones; texts, links and the status the editor set stay."""
    texts = dict(old.texts)
    for lang, text in new.texts.items():
        before = texts.get(lang, Texts())
        texts[lang] = replace(before, title=text.title, venue=text.venue or before.venue, body=before.body or text.body)
    return replace(
        old,
        start=new.start,
        end=new.end,
        region=new.region,
        organizer=new.organizer,
        texts=texts,
        category=new.category if category_given else old.category,
        notes=new.notes,
        field_notes={k: v for k, v in new.field_notes.items() if k != "category" or not category_given},
    )


# ---- the import itself ----


@dataclass(frozen=True)
class _Folder:
    """The folder imported into, as it was before the import."""

    path: Path
    shown: str  # how messages name it
    base: Path  # the folder messages name files from: `shown` is `path` seen from here
    index: dict[tuple[str, str], list[Event]]
    taken: set[str]
    # Events the loader left out (a file it cannot read, a wrong value), by name, with the first reason:
    # a row that would get such a name is most likely that event, which the plan's copy would duplicate.
    left_out: dict[str, Problem]

    def directory(self, event: Event) -> tuple[Path, str]:
        """The folder that holds the event's files (it may be a subfolder), and its name in messages."""
        shown = Path(event.path).parent
        return self.base / shown, shown.as_posix()


def _left_out(events: Sequence[Event], problems: Sequence[Problem]) -> dict[str, Problem]:
    loaded = {Path(event.path).name[: -len(".md")] for event in events}
    found: dict[str, Problem] = {}
    for problem in problems:
        if not problem.path.endswith(".md"):
            continue
        stem = Path(problem.path).name[: -len(".md")]
        match = LANGUAGE_SUFFIX.match(stem)
        name = match["name"] if match and match["lang"] in LANGUAGES else stem
        if name not in loaded:
            found.setdefault(name, problem)
    return found


def import_rows(rows: Sequence[Row], folder: Path, shown: str, options: Options) -> Result:
    """Turn rows into files in `folder` (`shown` is how the folder is named in messages)."""
    result = Result()
    base = folder.parents[len(Path(shown).parts) - 1] if Path(shown).parts else folder
    events, problems = load_events(folder, base) if folder.is_dir() else ((), ())
    there = _Folder(folder, shown, base, _index(events), scaffold.used_names(folder), _left_out(events, problems))
    planned: list[_Planned] = []
    for row in rows:
        draft, errors, notes = draft_for(row, options)
        result.errors += errors
        if draft is None:
            continue
        result.notes += notes
        item = _plan(row, draft, there, options, result)
        if item is not None:
            planned.append(item)
    _write(planned, result)
    return result


def _plan(row: Row, draft: Draft, there: _Folder, options: Options, result: Result) -> _Planned | None:
    matches = _match(draft, there.index)
    if len(matches) > 1:
        paths = ", ".join(sorted(e.path for e in matches))
        result.errors.append(
            _problem(row, "title", f"several events have this title and region ({paths}): import it by hand")
        )
        return None
    if matches:
        return _plan_update(row, draft, there, matches[0], options, result)
    name = scaffold.free_name(draft.start, scaffold.slug_title(draft), set())
    if (problem := there.left_out.get(name)) is not None:
        shown_file = f"{Path(problem.path).parent.as_posix()}/{name}.md"
        result.errors.append(
            _problem(
                row,
                "title",
                f"not imported: {shown_file} may be this event, but it cannot be used until "
                f"this problem is fixed (then import again): {problem}",
            )
        )
        return None
    name = scaffold.free_name(draft.start, scaffold.slug_title(draft), there.taken)
    there.taken.add(name)
    return _Planned(row, name, draft, False, there.path, there.shown)


def _plan_update(
    row: Row, draft: Draft, there: _Folder, event: Event, options: Options, result: Result
) -> _Planned | None:
    shown_file = event.path
    if not options.update:
        result.kept.append(
            _problem(
                row,
                "title",
                f"already there as {shown_file}: left as it is "
                "(run import with --update to replace it with the plan's facts)",
            )
        )
        return None
    name = Path(event.path).name[: -len(".md")]
    directory, shown_directory = there.directory(event)
    old = existing_draft(directory, name, shown_directory)
    if isinstance(old, Problem):
        result.errors.append(
            _problem(
                row,
                "title",
                f"not updated: already there as {shown_file}, but it cannot be read until this problem "
                f"is fixed (then import again with --update): {old}",
            )
        )
        return None
    category_given = bool(row.category or options.category)
    return _Planned(row, name, _updated(old, draft, category_given), True, directory, shown_directory)


LOADER_FIELDS = {
    "title": "title",
    "venue": "place",
    "start": "date",
    "end": "date",
    "organizer": "organizer",
    "region": "region",
    "category": "category",
}


def _write(planned: list[_Planned], result: Result) -> None:
    files = {item.name: scaffold.render(item.name, item.draft, drafts=False) for item in planned}
    everything = {name: text for texts in files.values() for name, text in texts.items()}
    problems = scaffold.check_files(everything, "") if everything else []
    refused: dict[str, Problem] = {}
    for problem in problems:
        stem = problem.path.split("/")[-1][: -len(".md")]
        match = LANGUAGE_SUFFIX.match(stem)
        refused.setdefault(match["name"] if match and match["lang"] in LANGUAGES else stem, problem)
    for item in planned:
        if item.name in refused:
            problem = refused[item.name]
            result.errors.append(_problem(item.row, LOADER_FIELDS.get(problem.field, problem.field), problem.message))
            continue
        scaffold.write(item.directory, files[item.name], replace=item.existing)
        (result.updated if item.existing else result.created).append(f"{item.shown}/{item.name}.md")
