"""Generated Anthology pages: the page list, and editors' text that stays text (never markup)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from apk_site import mkdocs_material as material
from apk_site.anthology import pages
from apk_site.anthology.loader import load_book

BOOK = """\
title: {kk: "<b>Кітап</b>", ru: Книга, en: Book}
place: {kk: Астана, ru: Астана, en: Astana}
publisher: {kk: Баспа, ru: Издательство, en: Publisher}
year: 2025
parts:
  - id: prose
    title: {kk: "Проза & <i>поэзия</i>", ru: Проза, en: Prose}
"""
AUTHORS = """\
writer:
  name: {kk: "<script>alert(1)</script>", ru: Писатель, en: Writer}
  bio: {kk: "\\"><img src=x onerror=alert(1)>"}
"""
TEXT = """\
---
title: "</h1><script>alert('title')</script>"
authors: writer
original_language: kk
year: 1995
genre: essay
source: "<a href=javascript:alert(1)>source</a>"
licence: public-domain
---
Мәтін.
"""


def book(tmp_path: Path):
    folder = tmp_path / "anthology"
    (folder / "prose").mkdir(parents=True)
    (folder / "book.yml").write_text(BOOK, encoding="utf-8")
    (folder / "authors.yml").write_text(AUTHORS, encoding="utf-8")
    (folder / "prose" / "essay.md").write_text(TEXT, encoding="utf-8")
    loaded, problems = load_book(folder, tmp_path)
    assert problems == ()
    return loaded


def test_the_generated_pages_of_a_book(tmp_path):
    uris = [(p.uri, p.kind, p.key) for p in pages.generated(book(tmp_path))]
    assert uris == [
        ("anthology/authors/index.md", "anthology-authors", ""),
        ("anthology/authors/writer.md", "anthology-author", "writer"),
        ("anthology/book.md", "anthology-book", ""),
        ("anthology/genres.md", "anthology-index", "genres"),
        ("anthology/index.md", "anthology-contents", ""),
        ("anthology/languages.md", "anthology-index", "languages"),
        ("anthology/prose/essay.md", "anthology-entry", "essay"),
        ("anthology/years.md", "anthology-index", "years"),
    ]


def test_editors_text_is_escaped_on_every_page(tmp_path):
    loaded = book(tmp_path)
    context = pages.Context({}, dt.date(2025, 5, 1), "https://example.org/", pdf=True)
    for page in pages.generated(loaded):
        for lang in ("kk", "ru", "en"):
            source, _ = material.markdown(pages.source(page, loaded, lang, context))
            body = source.split("\n---\n", 1)[1]
            assert "<script" not in body and "<img" not in body and "<b>" not in body and "<i>" not in body, (
                page.uri,
                lang,
            )
            assert "javascript:" not in body.replace("&lt;a href=javascript:alert(1)&gt;", ""), (page.uri, lang)
    text, _ = material.markdown(pages.source(pages.generated(loaded)[6], loaded, "kk", context))
    assert "&lt;/h1&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in text
    # The front matter keeps the title as YAML text, for Material's <title> (escaped by overrides/main.html).
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == "</h1><script>alert('title')</script>"
    assert ["citation_author", "<script>alert(1)</script>"] in meta["citation"]


def test_an_empty_book_has_no_pages():
    from apk_site.anthology.model import EMPTY

    assert pages.generated(EMPTY) == ()
