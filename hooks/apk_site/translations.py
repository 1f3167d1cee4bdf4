"""What is missing in which language, for events, pages and Anthology texts.

`report_of` makes a `Report` of what the catalog step read (the build and `apk translations` both
call it); `markdown` renders it as the site's translation page in the reader's language, and the
editors' `apk translations` prints it (`tools/coverage.py`).
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import DEFAULT_LANGUAGE, LANGUAGES, l10n
from .anthology.model import Book
from .catalog import Folders, Loaded, event_problems, pages_in
from .loader import LANGUAGE_SUFFIX, display_path
from .model import Event, Translation
from .problems import Problem
from .text_files import read_text

KINDS = ("events", "pages", "anthology")
EVENT_TEXTS = ("title", "summary", "venue", "address", "body")
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*$", re.S | re.M)
_TITLE = re.compile(r"^title:\s*['\"]?(.+?)['\"]?\s*$", re.M)
_LANG = re.compile(r"^lang:\s*['\"]?([a-z]{2})['\"]?\s*$", re.M)
_HEADING = re.compile(r"^#\s+(.+?)\s*$", re.M)


@dataclass(frozen=True)
class Gap:
    """One item that lacks text in one language: the whole file, or some of its fields."""

    path: str  # the main file
    name: str
    title: str
    lang: str
    missing: tuple[str, ...] = ()  # empty: the file in `lang` is missing
    draft: str = ""  # a `_` draft waiting to become that file

    @property
    def whole(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class Section:
    kind: str
    total: int
    gaps: tuple[Gap, ...] = ()
    note: str = ""  # why the section was not counted
    unread: tuple[str, ...] = ()  # files that could not be read as text (not UTF-8), left out

    def count(self, lang: str, *, whole: bool) -> int:
        return sum(1 for gap in self.gaps if gap.lang == lang and gap.whole == whole)


@dataclass(frozen=True)
class Report:
    sections: tuple[Section, ...]
    broken: tuple[str, ...] = ()  # event files with problems and pages that are not UTF-8, left out of the counts

    def section(self, kind: str) -> Section:
        return next(section for section in self.sections if section.kind == kind)


def report(
    events_dir: Path,
    docs_dir: Path | None,
    anthology_dir: Path | None,
    *,
    base: Path,
    events: tuple[Event, ...],
    book: Book | None,
    problems: Iterable[Problem] = (),
) -> Report:
    """Every gap, sorted by language and path; paths are shown relative to `base` (the project).
    The events and the Anthology's `book` (None: the site has none) are what the catalog step read;
    files with `problems` are listed as not counted."""
    drafts = _drafts(events_dir, base)
    skip = anthology_dir if anthology_dir is not None and anthology_dir.is_dir() else None
    sections = (
        Section("events", len(events), _sorted(gap for e in events for gap in _event_gaps(e, drafts))),
        _files_section("pages", docs_dir, base, skip=skip),
        _anthology_section(book if skip is not None else None),
    )
    broken = {p.path for p in problems} | {path for section in sections for path in section.unread}
    return Report(sections, tuple(sorted(broken)))


def report_of(loaded: Loaded, folders: Folders) -> Report:
    """The report of what the catalog step read; event files with problems are named, not counted."""
    book = loaded.book if loaded.anthology_read else None
    problems = event_problems(loaded, folders)
    return report(
        folders.events,
        folders.docs,
        folders.anthology,
        base=folders.root,
        events=loaded.events,
        book=book,
        problems=problems,
    )


def _sorted(gaps: Iterable[Gap]) -> tuple[Gap, ...]:
    return tuple(sorted(gaps, key=lambda g: (LANGUAGES.index(g.lang), g.path)))


def _drafts(folder: Path, base: Path) -> dict[tuple[str, str], str]:
    """Drafts `_<name>.<lang>.md` written by `new-event`, by (name, language)."""
    found = {}
    for path in sorted(folder.glob("_*.md")) if folder.is_dir() else ():
        match = LANGUAGE_SUFFIX.match(path.name[1 : -len(".md")])
        if match and match["lang"] in LANGUAGES:
            found[(match["name"], match["lang"])] = display_path(path, base)
    return found


def _event_gaps(event: Event, drafts: dict[tuple[str, str], str]) -> list[Gap]:
    main = next(t for t in event.translations if t.path == event.path)
    name = Path(event.path).name[: -len(".md")]
    gaps = []
    for lang in LANGUAGES:
        translation = event.translation(lang)
        if translation is None:
            gaps.append(Gap(event.path, event.id, main.title, lang, draft=drafts.get((name, lang), "")))
        elif translation is not main and (missing := _missing_texts(main, translation)):
            gaps.append(Gap(event.path, event.id, main.title, lang, missing))
    return gaps


def _missing_texts(main: Translation, translation: Translation) -> tuple[str, ...]:
    return tuple(key for key in EVENT_TEXTS if getattr(main, key) and not getattr(translation, key))


def _files_section(kind: str, folder: Path | None, base: Path, *, skip: Path | None = None) -> Section:
    """Markdown files named `<name>.md` (main) and `<name>.<lang>.md`: which languages have none."""
    if folder is None or not folder.is_dir():
        return Section(kind, 0, note="missing")
    groups: dict[tuple[str, str], dict[str | None, Path]] = defaultdict(dict)
    for path in pages_in(folder):
        if skip is not None and skip in path.parents:
            continue
        stem = path.name[: -len(".md")]
        match = LANGUAGE_SUFFIX.match(stem)
        lang = match["lang"] if match and match["lang"] in LANGUAGES else None
        name = match["name"] if match and lang else stem
        groups[(str(path.parent), name)][lang] = path
    gaps, unread = [], []
    for (_, name), files in sorted(groups.items()):
        main = files.get(None)
        if main is None:
            continue
        text = read_text(main, display_path(main, base))
        if isinstance(text, Problem):  # not UTF-8: `apk check` says which encoding and how to fix it
            unread.append(display_path(main, base))
            continue
        own = _language(text)
        for lang in LANGUAGES:
            if lang != own and lang not in files:
                gaps.append(Gap(display_path(main, base), name, _title(text, name), lang))
    total = sum(1 for files in groups.values() if None in files) - len(unread)
    return Section(kind, total, _sorted(gaps), unread=tuple(unread))


def _anthology_section(book: Book | None) -> Section:
    """The Anthology's texts as its own loader read them (it knows originals and `lang`)."""
    if book is None:
        return Section("anthology", 0, note="missing")
    gaps = (
        Gap(entry.path, entry.id, entry.versions[0].title, lang)
        for entry in book.entries
        for lang in entry.missing_languages()
    )
    return Section("anthology", len(book.entries), _sorted(gaps))


def _language(text: str) -> str:
    front = _FRONT.match(text)
    match = _LANG.search(front.group(1)) if front else None
    return match.group(1) if match and match.group(1) in LANGUAGES else DEFAULT_LANGUAGE


def _title(text: str, name: str) -> str:
    """The page's `title:`, else its first heading, else its file name."""
    front = _FRONT.match(text)
    found = _TITLE.search(front.group(1)) if front else None
    found = found or _HEADING.search(text[front.end() :] if front else text)
    return found.group(1) if found else name


# ---- the page on the site, in the reader's language ----

PAGE: dict[str, dict[str, str]] = {
    "kk": {
        "intro": "Бұл бетте аудармасы жоқ мәтіндер көрсетілген. Ол сайт құрастырылған сайын жаңарады.",
        "kind": "Түрі",
        "events": "Іс-шаралар",
        "pages": "Беттер",
        "anthology": "Антология мәтіндері",
        "missing": "файлы жоқ",
        "partial": "мәтіннің бір бөлігі жоқ",
        "not_found": "табылмады",
        "none": "Барлығы аударылған.",
        "no_file": "файлы жоқ",
        "draft": "жобасы дайын: {draft}",
        "lacks": "жоқ: {fields}",
        "broken": "Қатесі бар файлдар есепке алынбады: {files}.",
        "total": "барлығы {count}",
    },
    "ru": {
        "intro": "На этой странице — тексты, у которых нет перевода. Она обновляется при каждой сборке сайта.",
        "kind": "Что",
        "events": "Мероприятия",
        "pages": "Страницы",
        "anthology": "Тексты Антологии",
        "missing": "нет файла",
        "partial": "нет части текста",
        "not_found": "не найдено",
        "none": "Всё переведено.",
        "no_file": "нет файла",
        "draft": "есть черновик: {draft}",
        "lacks": "нет: {fields}",
        "broken": "Файлы с ошибками не учтены: {files}.",
        "total": "всего {count}",
    },
    "en": {
        "intro": "This page lists the texts that have no translation yet. It is updated every time the site is built.",
        "kind": "What",
        "events": "Events",
        "pages": "Pages",
        "anthology": "Anthology texts",
        "missing": "file missing",
        "partial": "some text missing",
        "not_found": "not found",
        "none": "Everything is translated.",
        "no_file": "file missing",
        "draft": "a draft is waiting: {draft}",
        "lacks": "missing: {fields}",
        "broken": "Files with problems are not counted: {files}.",
        "total": "{count} in all",
    },
}
LANGUAGE_HEADINGS = {
    "kk": {"kk": "Қазақ тілі", "ru": "Орыс тілі", "en": "Ағылшын тілі"},
    "ru": {"kk": "Казахский язык", "ru": "Русский язык", "en": "Английский язык"},
    "en": {"kk": "Kazakh", "ru": "Russian", "en": "English"},
}


def markdown(report: Report, lang: str) -> str:
    """The report as Markdown in `lang`: a table of counts, then what is missing, per language."""
    words = PAGE[lang]
    lines = [words["intro"], "", _table(report, lang), ""]
    for target in LANGUAGES:
        lines += [f"## {LANGUAGE_HEADINGS[lang][target]}", ""]
        gaps = [(s.kind, g) for s in report.sections for g in s.gaps if g.lang == target]
        lines += [_gap_line(kind, gap, lang) for kind, gap in gaps] or [words["none"]]
        lines.append("")
    if report.broken:
        lines += [words["broken"].format(files=", ".join(f"`{path}`" for path in report.broken)), ""]
    return "\n".join(lines)


def _table(report: Report, lang: str) -> str:
    words = PAGE[lang]
    head = f"| {words['kind']} | " + " | ".join(LANGUAGE_HEADINGS[lang][t] for t in LANGUAGES) + " |"
    # No column alignment: Python-Markdown writes it as style="" attributes, which the site's
    # Content-Security-Policy (style-src 'self') does not allow.
    rows = [head, "|---|" + "---|" * len(LANGUAGES)]
    for section in report.sections:
        label = f"{words[section.kind]} ({words['total'].format(count=l10n.format_number(section.total, lang))})"
        if section.note:
            rows.append(f"| {words[section.kind]} | " + " | ".join(words["not_found"] for _ in LANGUAGES) + " |")
            continue
        cells = [
            f"{words['missing']}: {section.count(t, whole=True)}; {words['partial']}: {section.count(t, whole=False)}"
            for t in LANGUAGES
        ]
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _gap_line(kind: str, gap: Gap, lang: str) -> str:
    words = PAGE[lang]
    if not gap.whole:
        detail = words["lacks"].format(fields=", ".join(gap.missing))
    elif gap.draft:
        detail = words["draft"].format(draft=f"`{gap.draft}`")
    else:
        detail = words["no_file"]
    return f"- {words[kind]}: {_escape(gap.title)} (`{gap.path}`): {detail}"


def _escape(text: str) -> str:
    """Editors' titles are text, not Markdown or HTML."""
    return re.sub(r"([\\`*_{}\[\]#])", r"\\\1", html.escape(text, quote=False))
