"""No English UI words on Kazakh and Russian pages (issue 15, item 6).

The words looked for are the theme's own: every English string of Material's language file
(`partials/languages/en.html`, read from the installed package) and the title Python-Markdown's toc
extension gives each heading's permalink ("Permanent link"). A page's visible text and its `title`,
`aria-label`, `alt` and `placeholder` attributes are compared with them as whole values, so an English
word inside a sentence, or the English name of the Assembly quoted in a citation, does not count; text
marked `lang="en"` (a fallback to the English text, a quotation) is English on purpose and is skipped.
Material's settings (`<script id="__config">`) carry the strings its scripts show (search, copy to
clipboard): those are checked too.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest

from tests.conftest import Build

ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Keys of Material's language file that are settings, not words a reader sees.
SETTINGS = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}


def english_ui_strings() -> frozenset[str]:
    source = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    pairs = re.findall(r'^\s*"([^"]+)": "((?:[^"\\]|\\.)*)",?$', source.read_text(encoding="utf-8"), re.M)
    assert len(pairs) > 40, f"Material's en.html changed its form: found {len(pairs)} strings"
    # "# min read": the number is filled in by the theme, so the words are looked for around it.
    words = {value for key, value in pairs if key not in SETTINGS and "#" not in value and len(value) > 2}
    return frozenset(words | {"Permanent link"})


ENGLISH = english_ui_strings()


class _Scanner(HTMLParser):
    """Collects (where, value) for every visible text node and checked attribute outside lang="en"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, English here) of the open elements
        self.found: list[tuple[str, str]] = []
        self.config = ""
        self._in_config = False

    def _english(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = values.get("lang")
        english = (lang or "").startswith("en") if lang is not None else self._english()
        if not english:
            self.found += [(f"<{tag} {name}>", values[name] or "") for name in ATTRIBUTES if name in values]
        self._in_config = tag == "script" and values.get("id") == "__config"
        if tag not in VOID:
            self.stack.append((tag, english))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                break
        self._in_config = False

    def handle_data(self, data: str) -> None:
        tag = self.stack[-1][0] if self.stack else ""
        if self._in_config:
            self.config += data
        elif tag not in ("script", "style") and not self._english() and data.strip():
            self.found.append((f"text in <{tag}>", data))


def english_on_page(html: str) -> list[str]:
    scanner = _Scanner()
    scanner.feed(html)
    hits = [f"{where}: {value.strip()!r}" for where, value in scanner.found if value.strip() in ENGLISH]
    if scanner.config:
        translations = json.loads(scanner.config).get("translations", {})
        hits += [f"Material's settings, {key}: {value!r}" for key, value in translations.items() if value in ENGLISH]
    return hits


def kk_and_ru_pages(site: Path) -> list[Path]:
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).parts
        if relative[0] != "en":  # Kazakh at the root, Russian under ru/
            pages.append(path)
    assert any(p.relative_to(site).parts[0] == "ru" for p in pages), "no Russian page was built"
    return pages


def test_the_scanner_finds_english_where_it_is_and_not_where_it_belongs() -> None:
    """The control: what the site had before (an English permalink title) is found; English text
    marked as such, and an English word inside a sentence, are not."""
    before = '<h2 id="a">Тақырып<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>'
    assert english_on_page(before) == ["<a title>: 'Permanent link'"]
    assert english_on_page('<input placeholder="Search"><p>Next</p>') == [
        "<input placeholder>: 'Search'",
        "text in <p>: 'Next'",
    ]
    marked = '<p lang="en">Previous</p><blockquote lang="en-GB"><p><a title="Source">Source</a></p></blockquote>'
    assert english_on_page(marked) == []
    assert english_on_page("<p>Assembly of People of Kazakhstan. Source: gov.kz</p>") == []
    config = '<script id="__config" type="application/json">{"translations": {"clipboard.copy": "Copy to clipboard"}}</script>'
    assert english_on_page(config) == ["Material's settings, clipboard.copy: 'Copy to clipboard'"]


@pytest.mark.parametrize("which", ["fixture_site", "real_site"])
def test_no_english_ui_words_on_kazakh_and_russian_pages(which: str, request: pytest.FixtureRequest) -> None:
    built: Build = request.getfixturevalue(which)
    problems = []
    for path in kk_and_ru_pages(built.site):
        problems += [f"{path.relative_to(built.site)}: {hit}" for hit in english_on_page(path.read_text("utf-8"))]
    assert not problems, f"{len(problems)} English UI strings:\n" + "\n".join(problems[:40])


def test_permalinks_carry_the_page_language(fixture_site: Build) -> None:
    """The translated title itself, in each language (the English pages keep the English one)."""
    page = fixture_site.site / "editors" / "index.html"
    titles = {
        lang: set(
            re.findall(
                r'class="headerlink" href="[^"]*" title="([^"]*)"',
                (fixture_site.site / lang / "editors" / "index.html").read_text("utf-8"),
            )
        )
        for lang in ("ru", "en")
    }
    titles["kk"] = set(re.findall(r'class="headerlink" href="[^"]*" title="([^"]*)"', page.read_text("utf-8")))
    assert titles == {"kk": {"Тұрақты сілтеме"}, "ru": {"Постоянная ссылка"}, "en": {"Permanent link"}}
