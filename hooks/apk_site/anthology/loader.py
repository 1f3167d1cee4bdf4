"""Turn the Anthology's folder into a frozen `Book` and a list of problems, all of them at once.

The folder holds `book.yml` (parts and chapters), `authors.yml`, and one folder per part with the
texts: `<part>/<name>.md` (shared facts and the Kazakh text, or the text in `lang`), translations
`<name>.ru.md`/`<name>.en.md`/`<name>.kk.md`, and `<name>.original.md` for an original in a language
the site is not published in. `front/` and `back/` hold the preface and the notes on the edition.
Problems read `path:line: field: message`, like the events'.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

from .. import DEFAULT_LANGUAGE, LANGUAGES, fields, markup
from ..checker import Checker
from ..fields import Invalid
from ..loader import MISTAKEN_LANGUAGES, classify, display_path, event_files, misnamed_files
from ..problems import Problem
from ..records import Record, TextDatesLoader, load_yaml, read_record, refuse_repeated_collections, yaml_problem
from ..text_files import linked_folders, outside_link, read_text
from .model import BACK, EMPTY, FRONT, Author, Book, Chapter, Edition, Localized, Matter, Part, Text, Version, Years

TEXT_FIELDS = (
    "title",
    "authors",
    "original_language",
    "lang",
    "translators",
    "year",
    "chapter",
    "order",
    "genre",
    "source",
    "source_url",
    "licence",
    "events",
    "sample",
)
TRANSLATION_FIELDS = ("title", "translators")
MATTER_FIELDS = ("title", "order", "lang")
ORIGINAL_SUFFIX = ".original"
# Generated pages live beside the parts: a part may not take their names.
RESERVED = {"authors", "genres", "years", "languages", "book", "index", FRONT, BACK}
DATA = Path(__file__).parent / "data"


@cache
def genres() -> dict[str, Localized]:
    return {key: Localized.of(names) for key, names in _data("genres.yaml").items()}


@cache
def licences() -> dict[str, tuple[Localized, str]]:
    return {key: (Localized.of(v), str(v.get("url", ""))) for key, v in _data("licences.yaml").items()}


def _data(name: str) -> dict[str, Any]:
    with open(DATA / name, encoding="utf-8") as stream:
        return dict(load_yaml(stream))


# Values ----------------------------------------------------------------------------------------


def iso_language(value: Any) -> str:
    """Any ISO 639 code that CLDR can name (kk, ru, uk, ug, crh, ...)."""
    text = str(value).strip() if isinstance(value, str) else ""
    if text in MISTAKEN_LANGUAGES:
        raise Invalid(f"{fields.found(value)} is not an ISO 639 code: write {MISTAKEN_LANGUAGES[text]}")
    if not text or text not in Locale.parse("en").languages or not text.isalpha() or text != text.lower():
        raise Invalid(
            f"expected an ISO 639 language code in lower case, such as kk, ru, uk or ug, got {fields.found(value)}"
        )
    return text


def site_language(value: Any) -> str:
    if value in LANGUAGES:
        return str(value)
    better = MISTAKEN_LANGUAGES.get(str(value).lower())
    raise Invalid(
        f"expected one of {', '.join(LANGUAGES)}, got {fields.found(value)}" + (f": write {better}" if better else "")
    )


def years(value: Any) -> Years:
    """1995, or a span such as 1890–1898 (a hyphen works too)."""
    example = "write a year such as 2008, or a span such as 1890–1898"
    if isinstance(value, int) and not isinstance(value, bool):
        start, end = value, None
    elif (
        isinstance(value, str)
        and (pieces := value.replace("–", "-").split("-"))
        and all(p.strip().isdigit() for p in pieces)
        and len(pieces) <= 2
    ):
        start, end = int(pieces[0]), int(pieces[1]) if len(pieces) == 2 else None
    else:
        raise Invalid(f"expected a year, got {fields.found(value)}: {example}")
    if not 1000 <= start <= 2100 or (end is not None and not start < end <= 2100):
        raise Invalid(f"{fields.found(value)} is not a year or a span from an earlier to a later year: {example}")
    return Years(start, end)


def names(value: Any, *, limit: int = 200) -> tuple[str, ...]:
    """One name, or a list of names (`[Name One, Name Two]`)."""
    items = value if isinstance(value, list) else [value]
    if not items:
        raise Invalid("is an empty list: write at least one name")
    return tuple(fields.plain_text(item, limit=limit) for item in items)


def ids(value: Any, known: dict[str, Any] | None, what: str, where: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    found = []
    for item in items:
        key = fields.identity(item)
        if known is not None and key not in known:
            raise Invalid(f"unknown {what} {fields.found(item)}{fields.suggest(key, sorted(known))} ({where})")
        found.append(key)
    if not found:
        raise Invalid(f"is an empty list: write at least one {what} id")
    return tuple(found)


def order(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 9999:
        return value
    raise Invalid(
        f"expected a whole number from 0 to 9999 (the place in its part or chapter), got {fields.found(value)}"
    )


def localized(value: Any, *, limit: int = 300, every: bool = True) -> Localized:
    """Text under kk, ru and en (all three unless `every` is False)."""
    if not isinstance(value, dict):
        raise Invalid(f"expected lines 'kk: ...', 'ru: ...' and 'en: ...' under it, got {fields.found(value)}")
    unknown = sorted(str(k) for k in value if k not in LANGUAGES)
    if unknown:
        raise Invalid(f"unknown language {unknown[0]!r}: use {', '.join(LANGUAGES)}")
    missing = [lang for lang in LANGUAGES if lang not in value]
    if (every and missing) or not value:
        raise Invalid(f"the {', '.join(missing)} text is missing: write it under '{missing[0]}:'")
    try:
        return Localized.of({lang: fields.plain_text(text, limit=limit) for lang, text in value.items()})
    except Invalid as error:
        raise Invalid(str(error)) from None


# YAML files ------------------------------------------------------------------------------------


def read_data(path: str, text: str) -> Record | Problem:
    """A YAML data file (book.yml, authors.yml), with the line of every key and list item."""
    loader = TextDatesLoader(text)
    try:
        node = loader.get_single_node()
        refuse_repeated_collections(node)
        value = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as error:
        index, message = yaml_problem(error, text)
        return Problem(path, index + 1 if index >= 0 else 1, "YAML", message)
    finally:
        loader.dispose()
    if not isinstance(value, dict):
        return Problem(path, 1, "YAML", "expected 'key: value' lines")
    return Record(path, value, "", _lines(node) if node is not None else {})


def _lines(node: yaml.Node, prefix: str = "") -> dict[str, int]:
    """The line of every key (`parts.0.chapters.1.id`), counting list items as keys."""
    if isinstance(node, yaml.MappingNode):
        children = [(str(key.value), key.start_mark.line, value) for key, value in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = [(str(i), item.start_mark.line, item) for i, item in enumerate(node.value)]
    else:
        return {}
    lines: dict[str, int] = {}
    for key, line, child in children:
        lines[f"{prefix}{key}"] = line + 1
        lines.update(_lines(child, f"{prefix}{key}."))
    return lines


def _read_data(folder: Path, name: str, base: Path, problems: list[Problem]) -> Record | None:
    path = folder / name
    shown = display_path(path, base)
    if not path.is_file() and not path.is_symlink():
        problems.append(
            Problem(shown, 1, "file name", f"{name} is missing: the Anthology needs it (see the editors' guide)")
        )
        return None
    text = outside_link(path, folder, shown) or read_text(path, shown)
    if isinstance(text, Problem):
        problems.append(text)
        return None
    record = read_data(shown, text)
    if isinstance(record, Problem):
        problems.append(record)
        return None
    return record


def _edition(record: Record, problems: list[Problem]) -> tuple[Edition, tuple[Part, ...]]:
    check = Checker(record, problems)
    check.unknown_keys(("title", "place", "publisher", "year", "parts"))
    empty = Localized(())
    edition = Edition(
        title=check.get("title", localized, required=True, default=empty),
        place=check.get("place", localized, required=True, default=empty),
        publisher=check.get("publisher", localized, required=True, default=empty),
        year=check.get("year", lambda v: years(v).start, required=True, default=2025),
    )
    raw = check.get("parts", lambda v: v if isinstance(v, list) else _not_a_list(v), required=True, default=[])
    parts = [part for i, item in enumerate(raw) if (part := _part(check, f"parts.{i}", item)) is not None]
    seen: set[str] = set()
    for i, part in enumerate(parts):
        if part.id in seen:
            check.report(f"parts.{i}", f"part '{part.id}' is listed twice: give each part its own id")
        seen.add(part.id)
    return edition, tuple(parts)


def _not_a_list(value: Any) -> list[Any]:
    raise Invalid(f"expected a list of parts ('- id: ...' lines), got {fields.found(value)}")


def _part(check: Checker, key: str, item: Any) -> Part | None:
    if not isinstance(item, dict) or "id" not in item or "title" not in item:
        check.report(key, "expected '- id: ...' with a 'title:' in kk, ru and en below it")
        return None
    try:
        part_id = fields.identity(item["id"])
        if part_id in RESERVED:
            raise Invalid(f"'{part_id}' is a name the site uses for its own pages: choose another part id")
        title = localized(item["title"])
        chapters = tuple(_chapter(check, f"{key}.chapters.{i}", c) for i, c in enumerate(item.get("chapters") or []))
    except Invalid as error:
        check.report(key, str(error))
        return None
    if None in chapters:
        return None
    return Part(part_id, title, chapters)  # type: ignore[arg-type]  # None was ruled out above


def _chapter(check: Checker, key: str, item: Any) -> Chapter | None:
    if not isinstance(item, dict) or set(item) != {"id", "title"}:
        check.report(key, "expected '- id: ...' and 'title:' (in kk, ru and en) for each chapter")
        return None
    try:
        return Chapter(fields.identity(item["id"]), localized(item["title"]))
    except Invalid as error:
        check.report(key, str(error))
        return None


def _authors(record: Record, problems: list[Problem]) -> dict[str, Author]:
    authors = {}
    for key, value in sorted(record.meta.items(), key=lambda item: str(item[0])):
        check = Checker(record, problems)
        try:
            author_id = fields.identity(key)
        except Invalid as error:
            check.report(str(key), f"author id: {error}")
            continue
        if not isinstance(value, dict):
            check.report(author_id, "expected 'name:', 'bio:' and the other author fields below the id")
            continue
        author = _author(author_id, value, check)
        if author is not None:
            authors[author_id] = author
    return authors


def _author(author_id: str, value: dict[str, Any], check: Checker) -> Author | None:
    before = len(check.problems)
    sub = Checker(check.record, check.problems, value, prefix=f"{author_id}.")
    sub.unknown_keys(("name", "cite", "bio", "years", "organisation", "sample"))
    name = sub.get("name", localized, required=True)
    author = Author(
        id=author_id,
        name=name or Localized(()),
        cite=sub.get("cite", localized, default=None) or name or Localized(()),
        bio=sub.get("bio", lambda v: localized(v, limit=800, every=False), required=True, default=Localized(())),
        years=sub.get("years", lambda v: str(years(v)), default=""),
        organisation=sub.get("organisation", fields.flag, default=False),
        sample=sub.get("sample", fields.flag, default=False),
    )
    return author if len(check.problems) == before else None


# Text files ------------------------------------------------------------------------------------


@dataclass
class Group:
    """The files of one text or page: the main file, its translations and an original."""

    part: str
    name: str
    main: Record | None = None
    raw: str = ""
    original: Record | None = None

    def __post_init__(self) -> None:
        self.translations: dict[str, Record] = {}


def _groups(folder: Path, base: Path, problems: list[Problem]) -> list[Group]:
    groups: dict[tuple[str, str], Group] = {}
    problems.extend(linked_folders(folder, base, display_path))
    problems.extend(misnamed_files(folder, base))
    for path in event_files(folder):
        relative = path.relative_to(folder)
        shown = display_path(path, base)
        if len(relative.parts) != 2:
            problems.append(Problem(shown, 1, "file name", "put each text in the folder of its part: <part>/<name>.md"))
            continue
        source = classify(path, base)
        if isinstance(source, Problem):
            problems.append(source)
            continue
        name, kind = source.name, source.lang
        if kind is None and name.endswith(ORIGINAL_SUFFIX):
            name, kind = name[: -len(ORIGINAL_SUFFIX)], "original"
        text = outside_link(path, folder, shown) or read_text(path, shown)
        record = text if isinstance(text, Problem) else read_record(shown, text)
        if isinstance(record, Problem):
            problems.append(record)
            continue
        if kind is not None and record.empty:
            continue  # the form's file for a language nobody wrote in: no translation yet
        group = groups.setdefault((relative.parts[0], name), Group(relative.parts[0], name))
        if kind is None:
            group.main, group.raw = record, text
        elif kind == "original":
            group.original = record
        else:
            group.translations[kind] = record
    return [groups[key] for key in sorted(groups)]


def _heading_problems(record: Record, raw: str, problems: list[Problem]) -> None:
    """A body's own `# Title` would print a second title: the page's title comes from `title:`."""
    lines = raw.splitlines()
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), 0)
    fenced = False
    for number, line in enumerate(lines[closing + 1 :], start=closing + 2):
        fenced = fenced != line.lstrip().startswith(("```", "~~~"))
        if not fenced and line.startswith("# "):
            problems.append(
                Problem(
                    record.path,
                    number,
                    "body",
                    "a '# ' heading repeats the title: start the text's sections with '## '",
                )
            )


@dataclass(frozen=True)
class Context:
    parts: dict[str, Part]
    authors: dict[str, Author] | None
    event_ids: frozenset[str] | None


def _version(record: Record, lang: str, original: str | None, problems: list[Problem]) -> Version | None:
    check = Checker(record, problems)
    title = check.get("title", lambda v: fields.plain_text(v, limit=200), required=True)
    translators: tuple[str, ...] = check.get("translators", names, default=())
    if original is not None and lang != original and not translators and "translators" not in record.meta:
        check.report(
            "translators", f"is missing: this {lang} text is a translation from {original}; write who translated it"
        )
    problems.extend(record.body_lines(markup.body_problems(record.body, length=markup.BOOK_BODY_LIMIT)))
    if title is None:
        return None
    return Version(lang, record.path, title, record.body.strip(), translators, record.body_line)


def _text(group: Group, context: Context, problems: list[Problem]) -> Text | None:
    assert group.main is not None
    before = len(problems)
    check = Checker(group.main, problems)
    check.unknown_keys(TEXT_FIELDS)
    part = context.parts[group.part]
    lang = check.get("lang", site_language, default=DEFAULT_LANGUAGE)
    original = check.get("original_language", iso_language, required=True)
    chapters = {c.id: c for c in part.chapters}
    facts = {
        "authors": check.get(
            "authors",
            lambda v: ids(v, context.authors, "author", "authors are listed in authors.yml"),
            required=True,
            default=(),
        ),
        "years": check.get("year", years, required=True),
        "chapter": check.get(
            "chapter", lambda v: fields.choice(v, chapters, "chapter"), required=bool(chapters), default=""
        ),
        "order": check.get("order", order, default=0),
        "genre": check.get("genre", lambda v: fields.choice(v, genres(), "genre"), required=True, default=""),
        "source": check.get("source", lambda v: fields.plain_text(v, limit=500), required=True, default=""),
        "source_url": check.get("source_url", fields.web_address, default=""),
        "licence": check.get("licence", lambda v: fields.choice(v, licences(), "licence"), required=True, default=""),
        "events": check.get(
            "events",
            lambda v: ids(
                v, _known(context.event_ids), "event", "an event's id is its file name in the calendar's events folder"
            ),
            default=(),
        ),
        "sample": check.get("sample", fields.flag, default=False),
    }
    versions = _versions(group, lang, original, problems)
    original_version = _original(group, original, problems)
    if len(problems) > before or None in versions or original is None:
        return None
    return Text(
        id=group.name,
        path=group.main.path,
        part=group.part,
        versions=versions,
        original_language=original,  # type: ignore[arg-type]  # None was ruled out above
        original=original_version,
        **facts,
    )


def _known(event_ids: frozenset[str] | None) -> dict[str, bool] | None:
    return None if event_ids is None else dict.fromkeys(event_ids, True)


def _versions(group: Group, lang: str, original: str | None, problems: list[Problem]) -> tuple[Version | None, ...]:
    assert group.main is not None
    _heading_problems(group.main, group.raw, problems)
    found = [_version(group.main, lang, original, problems)]
    for other in sorted(group.translations):
        record = group.translations[other]
        check = Checker(record, problems)
        if other == lang:
            check.report(
                "file name", f"{group.main.path} is already the {lang} text (lang: {lang}); merge the two files"
            )
            continue
        check.unknown_keys(TRANSLATION_FIELDS, shared_with=group.main.path, shared=TEXT_FIELDS)
        found.append(_version(record, other, original, problems))
    return tuple(sorted(found, key=lambda v: LANGUAGES.index(v.lang) if v else -1))


def _original(group: Group, original: str | None, problems: list[Problem]) -> Version | None:
    record = group.original
    if record is None:
        return None
    check = Checker(record, problems)
    if original in LANGUAGES:
        check.report(
            "file name",
            f"the original is in {original}, a language of the site: "
            f"put it in {group.name}.{original}.md (or the main file)",
        )
        return None
    check.unknown_keys(("title",), shared_with=group.main.path if group.main else "", shared=TEXT_FIELDS)
    title = check.get("title", lambda v: fields.plain_text(v, limit=200), required=True)
    problems.extend(record.body_lines(markup.body_problems(record.body, length=markup.BOOK_BODY_LIMIT)))
    return (
        Version(original or "und", record.path, title, record.body.strip(), body_line=record.body_line)
        if title
        else None
    )


def _matter(group: Group, problems: list[Problem]) -> Matter | None:
    assert group.main is not None
    before = len(problems)
    check = Checker(group.main, problems)
    check.unknown_keys(MATTER_FIELDS)
    lang = check.get("lang", site_language, default=DEFAULT_LANGUAGE)
    position = check.get("order", order, default=0)
    versions = [_version(group.main, lang, None, problems)]
    for other, record in sorted(group.translations.items()):
        Checker(record, problems).unknown_keys(("title",), shared_with=group.main.path, shared=TEXT_FIELDS)
        versions.append(_version(record, other, None, problems))
    if group.original is not None:
        Checker(group.original, problems).report(
            "file name", "a preface or a note on the edition has no original: remove this file"
        )
    if len(problems) > before or None in versions:
        return None
    ordered = tuple(sorted(versions, key=lambda v: LANGUAGES.index(v.lang)))  # type: ignore[union-attr]  # None was ruled out above
    return Matter(group.name, group.main.path, group.part, position, ordered)  # type: ignore[arg-type]


def _entries(
    groups: list[Group], context: Context, folder: Path, base: Path, problems: list[Problem]
) -> tuple[list[Matter], list[Text]]:
    matter: list[Matter] = []
    texts: list[Text] = []
    for group in groups:
        if group.main is None:
            for record in [*group.translations.values(), *([group.original] if group.original else [])]:
                expected = display_path(folder / group.part / f"{group.name}.md", base)
                problems.append(
                    Problem(
                        record.path,
                        1,
                        "file name",
                        f"a translation needs its main file {expected}: create it or fix this file's name",
                    )
                )
            continue
        if group.part in (FRONT, BACK):
            matter += [m] if (m := _matter(group, problems)) else []
        elif group.part not in context.parts:
            hint = fields.suggest(group.part, sorted(context.parts))
            problems.append(
                Problem(
                    group.main.path,
                    1,
                    "part",
                    f"unknown part folder '{group.part}'{hint} (parts are listed under 'parts:' in book.yml)",
                )
            )
        elif text := _text(group, context, problems):
            texts.append(text)
    return matter, texts


def _without_duplicates(
    texts: list[Text], matter: list[Matter], problems: list[Problem]
) -> tuple[list[Text], list[Matter]]:
    seen: dict[str, str] = {}
    kept: list[Any] = []
    for entry in sorted([*texts, *matter], key=lambda e: e.path):
        if entry.id in seen:
            problems.append(
                Problem(
                    entry.path,
                    1,
                    "file name",
                    f"'{entry.id}' is already used by {seen[entry.id]}: give each text its own file name",
                )
            )
        else:
            seen[entry.id] = entry.path
            kept.append(entry)
    return [e for e in kept if isinstance(e, Text)], [e for e in kept if isinstance(e, Matter)]


def book_order(texts: Iterable[Text], parts: tuple[Part, ...]) -> tuple[Text, ...]:
    """Parts in the order of book.yml, then chapters in their order, then `order`, year and name."""
    part_index = {p.id: i for i, p in enumerate(parts)}
    chapter_index = {(p.id, c.id): i for p in parts for i, c in enumerate(p.chapters)}

    def key(text: Text) -> tuple[int, int, int, int, str]:
        return (
            part_index[text.part],
            chapter_index.get((text.part, text.chapter), -1),
            text.order,
            text.years.start,
            text.id,
        )

    return tuple(sorted(texts, key=key))


def load_book(
    folder: Path, base: Path | None = None, event_ids: frozenset[str] | None = None
) -> tuple[Book, tuple[Problem, ...]]:
    """The Anthology in `folder` and every problem in it. `event_ids` checks links to the calendar
    (None: links are not checked, for a build whose calendar is not the Anthology's own)."""
    base = base or folder.parent
    problems: list[Problem] = []
    book_record = _read_data(folder, "book.yml", base, problems)
    authors_record = _read_data(folder, "authors.yml", base, problems)
    edition, parts = _edition(book_record, problems) if book_record else (EMPTY.edition, ())
    authors = _authors(authors_record, problems) if authors_record else None
    context = Context({p.id: p for p in parts}, authors if authors_record else None, event_ids)
    matter, texts = _entries(_groups(folder, base, problems), context, folder, base, problems)
    texts, matter = _without_duplicates(texts, matter, problems)
    by_order = sorted(matter, key=lambda m: (m.order, m.id))
    book = Book(
        edition=edition,  # type: ignore[arg-type]  # an Edition, or the empty one when book.yml failed
        parts=parts,
        authors=authors or {},
        front=tuple(m for m in by_order if m.part == FRONT),
        texts=book_order(texts, parts),
        back=tuple(m for m in by_order if m.part == BACK),
    )
    return book, tuple(sorted(set(problems)))
