"""Which Anthology pages the build publishes, and the source of each in one language.

Pages are `Generated` entries, as for events, and `source()` gives each as a `PageSource` in one
language (see `apk_site.pages`). Every text and every page of front and
back matter is a page at `anthology/<part>/<name>/`; the contents, the author index and one page per
author, three indexes and the whole book on one page are generated from the same `Book`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from .. import l10n
from ..model import Event
from ..model import Text as Said
from ..page_source import HEADING_SLOT, Generated, Heading, PageSource, base_of
from . import render, views
from .model import Book, Text

KIND = "anthology"
# The Anthology's headings are set in the book's typeface; pages with a byline or a cover put the
# heading where their template says.
HEADING_STYLE = "apk-book apk-book--head"
HEADING = Markup(HEADING_SLOT)
BOOK_URI = "anthology/book.md"


def pdf_name(lang: str) -> str:
    return f"anthology-{lang}.pdf"


@dataclass(frozen=True)
class Context:
    """What a page needs besides the book: the calendar's events, the date citations are taken
    on, the site's address, and whether the build prints the PDFs."""

    events: dict[str, Event]
    accessed: dt.date
    site_url: str
    pdf: bool


def generated(book: Book) -> tuple[Generated, ...]:
    if not book.entries:
        return ()
    pages = [Generated(entry.uri, f"{KIND}-entry", entry.id) for entry in book.entries]
    pages += [
        Generated("anthology/index.md", f"{KIND}-contents"),
        Generated("anthology/authors/index.md", f"{KIND}-authors"),
        Generated(BOOK_URI, f"{KIND}-book"),
    ]
    pages += [Generated(f"anthology/authors/{a.id}.md", f"{KIND}-author", a.id) for a in views.authors_in_book(book)]
    pages += [Generated(f"anthology/{kind}.md", f"{KIND}-index", kind) for kind in views.FACETS]
    return tuple(sorted(pages, key=lambda p: p.uri))


def is_anthology(page: Generated) -> bool:
    return page.kind.startswith(KIND + "-")


def source(page: Generated, book: Book, lang: str, context: Context) -> PageSource:
    base = base_of(page.uri)
    kind = page.kind.removeprefix(KIND + "-")
    if kind == "entry":
        return _entry(page, book, lang, base, context)
    if kind == "contents":
        view = views.contents(book, lang, base)
        body = render.render("contents.html", view=view, lang=lang, pdf=_pdf_link(lang, base, context))
        return _page(page, view.title, body, view.intro, heading=_heading(view.title))
    if kind == "authors":
        return _authors(page, book, lang, base)
    if kind == "author":
        return _author(page, book, lang, base)
    if kind == "index":
        return _facet(page, book, lang, base)
    if kind == "book":
        view = views.book_page(book, lang, base, _pdf_link(lang, base, context))
        # The book's title is a heading of its Markdown, in its contents list: the template holds it.
        body = render.render("book.md", view=view, contents_label=l10n.t("anthology.contents", lang))
        return _page(page, view.title, body)
    raise ValueError(f"no Anthology page of kind {page.kind!r}")


def _page(
    page: Generated,
    title: str,
    body: str,
    description: str = "",
    *,
    heading: Heading | None = None,
    citation: tuple[tuple[str, str], ...] = (),
) -> PageSource:
    body += "" if body.endswith("\n") else "\n"
    return PageSource(page.uri, page.kind, title, body, {}, description, heading, citation=citation)


def _heading(title: str, lang: str = "", page_lang: str = "") -> Heading:
    """The title over the page, marked with its language when that is not the page's."""
    return Heading(title, lang if lang != page_lang else "", HEADING_STYLE)


def _entry(page: Generated, book: Book, lang: str, base: str, context: Context) -> PageSource:
    entry = next(e for e in book.entries if e.id == page.key)
    if not isinstance(entry, Text):
        view = views.matter_page(entry, book, lang, base)
        body = render.render("matter_page.md", view=view, heading_slot=HEADING)
        return _page(page, view.title.value, body, heading=_title_heading(view.title, lang))
    text_view = views.text_page(entry, book, lang, base, context.site_url, context.events, context.accessed)
    original = render.html(text_view.original.body) if text_view.original else ""
    body = render.render("text_page.md", view=text_view, original_html=original, heading_slot=HEADING)
    tags = tuple(tuple(tag) for tag in text_view.cite.tags) if text_view.cite else ()
    heading = _title_heading(text_view.title, lang)
    return _page(page, text_view.title.value, body, _description(text_view), heading=heading, citation=tags)  # type: ignore[arg-type]


def _title_heading(title: Said, lang: str) -> Heading:
    """A text's or a page's title, which may be in another language than the page (a fallback)."""
    return Heading(title.value, title.lang if title.lang != lang else "")


def _description(view: views.TextPage) -> str:
    authors = ", ".join(a.label.value for a in view.byline)
    return f"{authors}. {view.title.value}" if authors else view.title.value


def _authors(page: Generated, book: Book, lang: str, base: str) -> PageSource:
    title = l10n.t("anthology.authors", lang)
    body = render.render(
        "authors.html",
        rows=views.author_index(book, lang, base),
        intro=l10n.t("anthology.authors_intro", lang),
        lang=lang,
        contents=views.Link(Said(l10n.t("anthology.book_contents", lang), lang), f"{base}anthology/"),
    )
    return _page(page, title, body, heading=_heading(title))


def _author(page: Generated, book: Book, lang: str, base: str) -> PageSource:
    view = views.author_page(book.authors[page.key], book, lang, base)
    body = render.render("author.html", view=view)
    name = view.name
    return _page(page, name.value, body, view.bio.value, heading=_heading(name.value, name.lang, lang))


def _facet(page: Generated, book: Book, lang: str, base: str) -> PageSource:
    kind = page.key
    title = l10n.t(f"anthology.index.{kind}", lang)
    body = render.render(
        "facet.html",
        kind=kind,
        groups=views.facet(kind, book, lang, base),
        intro=l10n.t(f"anthology.index.{kind}.intro", lang),
        lang=lang,
        contents=views.Link(Said(l10n.t("anthology.book_contents", lang), lang), f"{base}anthology/"),
    )
    return _page(page, title, body, heading=_heading(title))


def _pdf_link(lang: str, base: str, context: Context) -> views.Link | None:
    if not context.pdf:
        return None
    return views.Link(Said(l10n.t("anthology.pdf", lang), lang), f"{base}anthology/{pdf_name(lang)}")
