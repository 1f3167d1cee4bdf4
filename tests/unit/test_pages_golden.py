"""What the engine-neutral core produces, pinned: `pages_for(catalog, language)` on the fixture.

Every generated page (calendar views, regions, categories, organizers, events, the Anthology, the
translation report) comes out of the core as one `PageSource`, whatever engine renders it. The golden
files hold every field of every page in each language; a change to a view, a template or a label
shows up here as a readable diff. After a deliberate change, regenerate and review them:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_pages_golden.py
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from apk_site import LANGUAGES
from apk_site.catalog import Folders, load
from apk_site.page_source import HEADING_SLOT, PageSource, Site
from apk_site.pages import Catalog, make_catalog, pages_for
from apk_site.revisions import Revision, Revisions

from tests.conftest import FIXTURES, ROOT

GOLDEN = ROOT / "tests" / "golden" / "pages"
FOLDERS = Folders(
    ROOT, FIXTURES / "events_small", None, FIXTURES / "anthology_small", anthology_given=True, link_events=False
)
SITE = Site("https://example.org/apk/", dt.date(2025, 5, 1), pdf=True)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded = load(FOLDERS)
    assert loaded.ok, loaded.problems
    history = Revisions({}, Revision(0, dt.datetime(2025, 1, 1, tzinfo=dt.UTC)))
    return make_catalog(loaded, FOLDERS, history, SITE)


def written(source: PageSource) -> str:
    """A page source as text, one field per line, then its Markdown and each slot."""
    lines = [f"### {source.uri} ({source.kind})", f"title: {source.title}"]
    lines += [f"description: {source.description}"] if source.description else []
    if source.heading is not None:
        heading = source.heading
        lines.append(f"heading: {heading.text}" + (f" [lang {heading.lang}]" if heading.lang else ""))
        lines += [f"heading style: {heading.style}"] if heading.style else []
    lines.append(f"searchable: {source.searchable}; contents list: {source.toc}; assets: {', '.join(source.assets)}")
    lines += [f"citation: {name} = {content}" for name, content in source.citation]
    lines += ["--- markdown", source.body.rstrip("\n")]
    for name, html in sorted(source.slots.items()):
        lines += [f"--- slot {name}", html.rstrip("\n")]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_for_matches_its_golden_file(catalog: Catalog, lang: str) -> None:
    text = "\n".join(written(source) for source in pages_for(catalog, lang))
    path = GOLDEN / f"{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run UPDATE_GOLDEN=1 pytest {__file__}"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"pages_for({lang!r}) differs from {path.name} (UPDATE_GOLDEN=1 regenerates it)"


def test_every_kind_of_generated_page_is_pinned(catalog: Catalog) -> None:
    kinds = {source.kind for source in pages_for(catalog, "kk")}
    expected = {"event", "month", "year", "index", "regions", "categories", "organizers", "translations"}
    assert expected <= kinds
    assert {"anthology-entry", "anthology-contents", "anthology-author", "anthology-book"} <= kinds


def test_pages_come_as_one_type_with_no_engine_conventions(catalog: Catalog) -> None:
    """Front-matter keys, the theme's heading and the frames' placeholders belong to the MkDocs layer."""
    for source in pages_for(catalog, "ru"):
        assert type(source) is PageSource
        text = written(source)
        for convention in ("search:", "hide:", "calendar_script", "XAPKSHELL", "xapkshellpagex"):
            assert convention not in text, (source.uri, convention)
        # A heading goes above the content, in a block of its own, or where the body keeps its place.
        heading = source.heading
        assert (
            heading is None
            or heading.style
            or source.body.startswith("\n\n<!-- apk:slot:")
            or HEADING_SLOT in source.body
        )


def test_the_core_says_what_a_page_wants_and_the_mkdocs_layer_how(catalog: Catalog) -> None:
    """The same facts, told to Material: front-matter keys and the heading it does not add twice."""
    from apk_site import mkdocs_material as material

    sources = {source.uri: source for source in pages_for(catalog, "en")}
    month = next(source for uri, source in sources.items() if uri.startswith("calendar/2025-"))
    text, slots = material.markdown(month)
    assert 'search: {"exclude": true}' in text and "calendar_script: true" in text and "calendar_styles: true" in text
    assert slots["page"].startswith(f'<h1 id="page-title">{month.title}</h1>\n')
    event = sources["events/fx-timed.md"]
    assert 'hide: ["toc"]' in material.markdown(event)[0]
    author = next(source for uri, source in sources.items() if uri.startswith("anthology/authors/fx-"))
    text, _ = material.markdown(author)
    assert "search" not in text.split("\n---\n")[0]
    assert '<div class="apk-book apk-book--head">\n<h1 id="page-title"' in text
