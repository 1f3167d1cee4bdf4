"""Pure view functions: what each Anthology page shows, in one language, as plain dataclasses.

Every href is relative (`base` leads back to the language root), every piece of text carries the
language it is really in (a fallback title keeps its own `lang`), and nothing here reads files or
the clock: the date a citation was taken on is a parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby

from .. import DEFAULT_LANGUAGE, LANGUAGES, addresses, l10n
from ..model import Event
from ..model import Text as Said
from . import citation, reading
from .loader import genres, licences
from .model import Author, Book, Entry, Matter, Text, Version


@dataclass(frozen=True)
class Link:
    label: Said
    href: str = ""


@dataclass(frozen=True)
class Fact:
    label: str
    values: tuple[Link, ...]


@dataclass(frozen=True)
class Row:
    """One text in a list: the contents, an author's works, an index."""

    id: str
    title: Said
    href: str
    authors: str
    year: str
    note: str
    sample: str  # the "sample" label, or ""


@dataclass(frozen=True)
class Group:
    id: str
    heading: str
    rows: tuple[Row, ...]
    chapters: tuple[Group, ...] = ()


@dataclass(frozen=True)
class Original:
    """The original beside a translation: a link to its page and its text for the parallel view."""

    lang: str
    title: str
    body: str
    link: Link
    summary: str


@dataclass(frozen=True)
class Cite:
    heading: str
    plain_label: str
    plain: str
    bibtex: str
    warning: str
    tags: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TextPage:
    lang: str
    id: str
    title: Said
    byline: tuple[Link, ...]
    reading_time: str
    sample_notice: str
    fallback_notice: str
    translated: str
    body: Said
    original: Original | None
    facts: tuple[Fact, ...]
    cite: Cite | None
    labels: dict[str, str]
    previous: Link | None
    next: Link | None
    contents: Link
    description: str = ""


def text_href(entry: Entry, base: str) -> str:
    return f"{base}anthology/{entry.part}/{entry.id}/"


def author_href(author: str, base: str) -> str:
    return f"{base}anthology/authors/{author}/"


def page_url(uri: str, lang: str, site_url: str) -> str:
    """The absolute URL of a generated page such as `anthology/part/x.md`."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    path = uri[: -len(".md")]
    path = path[: -len("index")] if path.endswith("index") else path + "/"
    return f"{site_url.rstrip('/')}/{prefix}{path}"


def names(text: Text, book: Book, lang: str) -> str:
    return ", ".join(book.authors[a].name.get(lang).value for a in text.authors)


def _fallback(version: Version, lang: str) -> str:
    if version.lang == lang:
        return ""
    return l10n.t("fallback_notice", lang, language=l10n.in_language(version.lang, lang))


def row(entry: Entry, book: Book, lang: str, base: str) -> Row:
    shown = entry.shown(lang)
    note = "" if shown.lang == lang else l10n.t("anthology.shown_in", lang, language=l10n.in_language(shown.lang, lang))
    title, href = Said(shown.title, shown.lang), text_href(entry, base)
    if isinstance(entry, Text):
        sample = l10n.t("anthology.sample_label", lang) if entry.sample else ""
        return Row(entry.id, title, href, names(entry, book, lang), str(entry.years), note, sample)
    return Row(entry.id, title, href, "", "", note, "")


# The contents -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contents:
    title: str
    intro: str
    front: tuple[Row, ...]
    parts: tuple[Group, ...]
    back: tuple[Row, ...]
    indexes: tuple[Link, ...]
    print_link: Link
    labels: dict[str, str]


def contents(book: Book, lang: str, base: str) -> Contents:
    parts = []
    for part in book.parts:
        texts = [t for t in book.texts if t.part == part.id]
        loose = tuple(row(t, book, lang, base) for t in texts if not t.chapter)
        chapters = tuple(
            Group(c.id, c.title.get(lang).value, tuple(row(t, book, lang, base) for t in texts if t.chapter == c.id))
            for c in part.chapters
        )
        parts.append(Group(part.id, part.title.get(lang).value, loose, tuple(c for c in chapters if c.rows)))
    return Contents(
        title=book.edition.title.get(lang).value,
        intro=l10n.t("anthology.intro", lang),
        front=tuple(row(m, book, lang, base) for m in book.front),
        parts=tuple(p for p in parts if p.rows or p.chapters),
        back=tuple(row(m, book, lang, base) for m in book.back),
        indexes=index_links(lang, base),
        print_link=Link(Said(l10n.t("anthology.print", lang), lang), f"{base}anthology/book/"),
        labels={"contents": l10n.t("anthology.contents", lang), "indexes": l10n.t("anthology.indexes", lang)},
    )


def index_links(lang: str, base: str) -> tuple[Link, ...]:
    links = [Link(Said(l10n.t("anthology.authors", lang), lang), f"{base}anthology/authors/")]
    links += [Link(Said(l10n.t(f"anthology.index.{kind}", lang), lang), f"{base}anthology/{kind}/") for kind in FACETS]
    return tuple(links)


# A text's page ----------------------------------------------------------------------------------


def text_page(
    text: Text, book: Book, lang: str, base: str, site_url: str, events: dict[str, Event], accessed: dt.date
) -> TextPage:
    shown = text.shown(lang)
    reference = _reference(text, shown, book, lang, site_url, accessed)
    previous, following = neighbours(book, text, lang, base)
    return TextPage(
        lang=lang,
        id=text.id,
        title=Said(shown.title, shown.lang),
        byline=tuple(Link(book.authors[a].name.get(lang), author_href(a, base)) for a in text.authors),
        reading_time=reading_time(shown, lang),
        sample_notice=l10n.t("anthology.sample_notice", lang) if text.sample else "",
        fallback_notice=_fallback(shown, lang),
        translated=translated_line(text, shown, lang),
        body=Said(body_of(text, shown), shown.lang),
        original=_original(text, shown, lang, base),
        facts=_facts(text, shown, book, lang, base, events),
        cite=_cite(text, reference, lang),
        labels=_labels(lang),
        previous=previous,
        next=following,
        contents=Link(Said(l10n.t("anthology.book_contents", lang), lang), f"{base}anthology/"),
    )


def _labels(lang: str) -> dict[str, str]:
    keys = ("about_text", "how_to_cite", "previous", "next", "text_contents")
    return {key: l10n.t(f"anthology.{key}", lang) for key in keys}


def reading_time(version: Version, lang: str) -> str:
    return l10n.t(
        "anthology.reading_time",
        lang,
        time=l10n.plural(reading.minutes(version.body, version.lang), "anthology.minutes", lang),
    )


def translated_line(text: Text, shown: Version, lang: str) -> str:
    if not shown.translators:
        return ""
    language = citation.from_language(text.original_language, lang)
    return l10n.t("anthology.translated", lang, language=language, names=", ".join(shown.translators))


def neighbours(book: Book, entry: Entry, lang: str, base: str) -> tuple[Link | None, Link | None]:
    """The previous and next pages in reading order (None at either end of the book)."""
    entries = book.entries
    index = next(i for i, e in enumerate(entries) if e.id == entry.id)

    def link(other: Entry) -> Link:
        shown = other.shown(lang)
        return Link(Said(shown.title, shown.lang), text_href(other, base))

    return (
        link(entries[index - 1]) if index > 0 else None,
        link(entries[index + 1]) if index + 1 < len(entries) else None,
    )


def language_root(base: str, here: str, there: str) -> str:
    """From a page's language root (`base`) to the root of another language: '../ru/', 'en/'."""
    to_default = base if here == DEFAULT_LANGUAGE else base + "../"
    return to_default if there == DEFAULT_LANGUAGE else f"{to_default}{there}/"


def _original(text: Text, shown: Version, lang: str, base: str) -> Original | None:
    original = text.original_version()
    if original is None or original.lang == shown.lang:
        return None
    language = citation.language_name(original.lang, lang)
    href = text_href(text, language_root(base, lang, original.lang)) if original.lang in LANGUAGES else ""
    link = Link(Said(l10n.t("anthology.original_link", lang, language=language), lang), href)
    # The page shows the original as raw HTML (render.html), which MkDocs does not rewrite.
    body = addresses.for_page(
        body_of(text, original), f"anthology/{text.part}", language_root(base, lang, DEFAULT_LANGUAGE), base
    )
    return Original(
        original.lang,
        original.title,
        body,
        link,
        l10n.t("anthology.show_original", lang, language=language),
    )


def _facts(text: Text, shown: Version, book: Book, lang: str, base: str, events: dict[str, Event]) -> tuple[Fact, ...]:
    def said(value: str, in_lang: str = lang) -> tuple[Link, ...]:
        return (Link(Said(value, in_lang)),)

    part = book.part(text.part)
    label, url = licences()[text.licence]
    facts = [
        Fact(
            l10n.t("anthology.authors" if len(text.authors) > 1 else "anthology.author", lang),
            tuple(Link(book.authors[a].name.get(lang), author_href(a, base)) for a in text.authors),
        ),
    ]
    if shown.translators:
        facts.append(
            Fact(
                l10n.t("anthology.translators" if len(shown.translators) > 1 else "anthology.translator", lang),
                tuple(Link(Said(n, shown.lang)) for n in shown.translators),
            )
        )
    facts += [
        Fact(
            l10n.t("anthology.original_language", lang),
            (
                Link(
                    Said(citation.language_name(text.original_language, lang), lang),
                    f"{base}anthology/languages/#{text.original_language}",
                ),
            ),
        ),
        Fact(
            l10n.t("anthology.year", lang),
            (Link(Said(str(text.years), lang), f"{base}anthology/years/#{text.years.decade}"),),
        ),
        Fact(l10n.t("anthology.part", lang), (Link(part.title.get(lang), f"{base}anthology/#{part.id}"),)),
    ]
    if chapter := part.chapter(text.chapter):
        facts.append(
            Fact(
                l10n.t("anthology.chapter", lang),
                (Link(chapter.title.get(lang), f"{base}anthology/#{part.id}-{chapter.id}"),),
            )
        )
    facts += [
        Fact(
            l10n.t("anthology.genre", lang),
            (Link(genres()[text.genre].get(lang), f"{base}anthology/genres/#{text.genre}"),),
        ),
        Fact(
            l10n.t("anthology.source", lang),
            (
                Link(Said(text.source, "")),
                *((Link(Said(text.source_url, ""), text.source_url),) if text.source_url else ()),
            ),
        ),
        Fact(l10n.t("anthology.licence", lang), (Link(label.get(lang), url),)),
    ]
    linked = [Link(events[e].title(lang), f"{base}events/{e}/") for e in text.events if e in events]
    if linked:
        facts.append(Fact(l10n.t("anthology.events", lang), tuple(linked)))
    return tuple(facts)


def _reference(
    text: Text, shown: Version, book: Book, lang: str, site_url: str, accessed: dt.date
) -> citation.Reference:
    edition = book.edition
    people = tuple(
        citation.Person(a.name.get(lang).value, a.cite.get(lang).value, a.organisation)
        for a in (book.authors[key] for key in text.authors)
    )
    return citation.Reference(
        key=f"{text.id}-{lang}",
        lang=lang,
        title=shown.title,
        authors=people,
        translators=shown.translators,
        translated_from=text.original_language if shown.translators else "",
        year=str(text.years),
        book=edition.title.get(lang).value,
        place=edition.place.get(lang).value,
        publisher=edition.publisher.get(lang).value,
        edition_year=edition.year,
        url=page_url(text.uri, lang, site_url),
        accessed=accessed,
    )


def _cite(text: Text, reference: citation.Reference, lang: str) -> Cite:
    # A sample has no Scholar tags: search engines must not index invented works.
    return Cite(
        heading=l10n.t("anthology.how_to_cite", lang),
        plain_label=l10n.t("anthology.cite_plain", lang),
        plain=citation.plain(reference),
        bibtex=citation.bibtex(reference),
        warning=l10n.t("anthology.cite_sample", lang) if text.sample else "",
        tags=() if text.sample else citation.meta_tags(reference),
    )


# Front and back matter ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MatterPage:
    lang: str
    title: Said
    fallback_notice: str
    body: Said
    previous: Link | None
    next: Link | None
    contents: Link
    labels: dict[str, str]


def matter_page(matter: Matter, book: Book, lang: str, base: str) -> MatterPage:
    shown = matter.shown(lang)
    previous, following = neighbours(book, matter, lang, base)
    return MatterPage(
        lang,
        Said(shown.title, shown.lang),
        _fallback(shown, lang),
        Said(shown.body, shown.lang),
        previous,
        following,
        Link(Said(l10n.t("anthology.book_contents", lang), lang), f"{base}anthology/"),
        _labels(lang),
    )


# Authors ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuthorRow:
    id: str
    name: Said
    href: str
    years: str
    count: str


@dataclass(frozen=True)
class AuthorPage:
    lang: str
    id: str
    name: Said
    years: str
    bio: Said
    sample_notice: str
    works_heading: str
    works: tuple[Row, ...]
    index: Link


def authors_in_book(book: Book) -> tuple[Author, ...]:
    """The authors of at least one text, by id (the index sorts them per language)."""
    return tuple(book.authors[key] for key in sorted({a for t in book.texts for a in t.authors}))


def author_index(book: Book, lang: str, base: str) -> tuple[AuthorRow, ...]:
    rows = [
        AuthorRow(
            a.id,
            a.name.get(lang),
            author_href(a.id, base),
            a.years,
            l10n.plural(len(book.works_of(a.id)), "anthology.texts", lang),
        )
        for a in authors_in_book(book)
    ]
    return tuple(sorted(rows, key=lambda r: (alphabetical(book.authors[r.id].cite.get(lang).value, lang), r.id)))


def alphabetical(text: str, lang: str) -> tuple[tuple[int, ...], ...]:
    """Word by word, so that 'Тест министрлігі' comes before 'Тестова'."""
    return tuple(l10n.sort_key(word.strip(",."), lang) for word in text.split())


def author_page(author: Author, book: Book, lang: str, base: str) -> AuthorPage:
    return AuthorPage(
        lang=lang,
        id=author.id,
        name=author.name.get(lang),
        years=author.years,
        bio=author.bio.get(lang),
        sample_notice=l10n.t("anthology.sample_author", lang) if author.sample else "",
        works_heading=l10n.t("anthology.works", lang),
        works=tuple(row(t, book, lang, base) for t in book.works_of(author.id)),
        index=Link(Said(l10n.t("anthology.authors", lang), lang), f"{base}anthology/authors/"),
    )


# Indexes by genre, decade and original language ---------------------------------------------------


FACETS = ("genres", "years", "languages")


def _facet_key(kind: str) -> Callable[[Text], str]:
    return {
        "genres": lambda t: t.genre,
        "years": lambda t: str(t.years.decade),
        "languages": lambda t: t.original_language,
    }[kind]


def _facet_heading(kind: str, key: str, lang: str) -> str:
    if kind == "genres":
        return genres()[key].get(lang).value
    if kind == "years":
        return l10n.t("anthology.decade", lang, decade=key)
    name = citation.language_name(key, lang)
    return name[:1].upper() + name[1:]


def facet(kind: str, book: Book, lang: str, base: str) -> tuple[Group, ...]:
    """Texts grouped by genre (in the genre list's order), decade (oldest first) or original
    language (alphabetical in the page's language); within a group, by year, then book order."""
    key = _facet_key(kind)
    position = {t.id: i for i, t in enumerate(book.texts)}
    texts = sorted(book.texts, key=lambda t: (key(t), t.years.start, position[t.id]))
    groups = [
        Group(k, _facet_heading(kind, k, lang), tuple(row(t, book, lang, base) for t in items))
        for k, items in ((k, list(g)) for k, g in groupby(texts, key=key))
    ]
    return tuple(sorted(groups, key=_facet_order(kind, lang)))


def _facet_order(kind: str, lang: str) -> Callable[[Group], tuple[object, ...]]:
    if kind == "genres":
        order = list(genres())
        return lambda g: (order.index(g.id),)
    if kind == "years":
        return lambda g: (int(g.id),)
    return lambda g: (alphabetical(g.heading, lang), g.id)


# The whole book on one page ----------------------------------------------------------------------


@dataclass(frozen=True)
class BookEntry:
    id: str
    part_heading: str  # set on the first text of a part
    chapter_heading: str
    title: Said
    byline: str
    details: str
    notices: tuple[str, ...]
    body: Said


@dataclass(frozen=True)
class BookPage:
    lang: str
    title: str
    edition: str
    intro: str
    pdf: Link | None
    contents: tuple[Link, ...]
    entries: tuple[BookEntry, ...]


def verse(markdown: str) -> str:
    """A poem keeps its lines: each line of the file ends in a line break (Markdown's two trailing
    spaces), and an empty line still separates stanzas."""
    lines = markdown.splitlines()
    out = []
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        keep = line.rstrip()
        if keep and following.strip() and not keep.startswith("#"):
            keep = keep.rstrip("\\").rstrip() + "  "
        out.append(keep)
    return "\n".join(out)


def body_of(text: Entry, version: Version) -> str:
    return verse(version.body) if isinstance(text, Text) and text.genre == "poem" else version.body


def demote(markdown: str, levels: int) -> str:
    """Headings of a text one or more levels down, for a page where its title is itself a heading."""
    out, fenced = [], False
    for line in markdown.splitlines():
        fenced = fenced != line.lstrip().startswith(("```", "~~~"))
        out.append("#" * levels + line if not fenced and re.match(r"#{1,5} ", line) else line)
    return "\n".join(out)


def book_page(book: Book, lang: str, base: str, pdf: Link | None) -> BookPage:
    entries: list[BookEntry] = []
    seen_parts: set[str] = set()
    seen_chapters: set[str] = set()
    for entry in book.entries:
        part_heading = chapter_heading = ""
        if isinstance(entry, Text) and entry.part not in seen_parts:
            seen_parts.add(entry.part)
            part_heading = book.part(entry.part).title.get(lang).value
        if isinstance(entry, Text) and entry.chapter and f"{entry.part}/{entry.chapter}" not in seen_chapters:
            seen_chapters.add(f"{entry.part}/{entry.chapter}")
            chapter = book.part(entry.part).chapter(entry.chapter)
            chapter_heading = chapter.title.get(lang).value if chapter else ""
        entries.append(_book_entry(entry, book, lang, part_heading, chapter_heading))
    edition = book.edition
    return BookPage(
        lang=lang,
        title=edition.title.get(lang).value,
        edition=f"{edition.place.get(lang).value}: {edition.publisher.get(lang).value}, {edition.year}",
        intro=l10n.t("anthology.print_intro", lang),
        pdf=pdf,
        contents=tuple(Link(e.title, f"#{e.id}") for e in entries),
        entries=tuple(entries),
    )


def _in_book(body: str, entry: Entry, shown: Version) -> Said:
    """A text's body on the whole-book page, one folder above the text's own: its addresses follow."""
    return Said(addresses.rebase(body, entry.part), shown.lang)


def _book_entry(entry: Entry, book: Book, lang: str, part_heading: str, chapter_heading: str) -> BookEntry:
    shown = entry.shown(lang)
    notices = tuple(n for n in (_fallback(shown, lang),) if n)
    if not isinstance(entry, Text):
        return BookEntry(
            entry.id,
            "",
            "",
            Said(shown.title, shown.lang),
            "",
            "",
            notices,
            _in_book(demote(shown.body, 1), entry, shown),
        )
    if entry.sample:
        notices = (l10n.t("anthology.sample_notice", lang), *notices)
    label, _ = licences()[entry.licence]
    details = " · ".join(
        x for x in (translated_line(entry, shown, lang), str(entry.years), entry.source, label.get(lang).value) if x
    )
    body = _in_book(demote(body_of(entry, shown), 2), entry, shown)
    return BookEntry(
        entry.id,
        part_heading,
        chapter_heading,
        Said(shown.title, shown.lang),
        names(entry, book, lang),
        details,
        notices,
        body,
    )
