"""Front-matter values full of markup render as text: nothing executes, nothing breaks the page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.conftest import FIXTURES, build_site


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    built = build_site(tmp_path_factory.mktemp("hostile"), FIXTURES / "events_hostile")
    assert built.returncode == 0, built.output
    return built


@pytest.mark.parametrize("url", ["events/hostile/", "ru/events/hostile/", "calendar/", "en/calendar/"])
def test_no_injected_element_or_script(hostile_site, url):
    html = hostile_site.page(url)
    page = BeautifulSoup(html, "html.parser")
    code = [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]
    assert "alert(" not in " ".join(script.get_text() for script in code)
    assert page.find("img", src="x") is None
    assert page.find("b", string="bold") is None
    assert not any("javascript:" in (a.get("href") or "") for a in page.find_all("a"))


def test_values_are_shown_as_the_editor_typed_them(hostile_site):
    page = BeautifulSoup(hostile_site.page("events/hostile/"), "html.parser")
    title = "</script><script>alert('title')</script> \"quotes\" & <b>bold</b>"
    assert page.select_one("article h1").get_text() == title
    assert page.title.get_text().startswith(title)
    assert page.find("meta", attrs={"name": "description"})["content"] == "\"><script>alert('summary')</script>"
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in page.select("dl.apk-event-facts dt")}
    assert facts["Өтетін орны"] == '<a href="javascript:alert(1)">venue</a>'
    assert facts["Мекенжайы"] == "&lt;script&gt;alert('entity')&lt;/script&gt;"
    assert facts["Ұйымдастырушы"] == "<img src=x onerror=alert(1)>"


def test_json_ld_keeps_the_title_as_data(hostile_site):
    import json

    html = hostile_site.page("events/hostile/")
    page = BeautifulSoup(html, "html.parser")
    (block,) = page.find_all("script", type="application/ld+json")
    data = json.loads(block.get_text())
    assert data["name"] == "</script><script>alert('title')</script> \"quotes\" & <b>bold</b>"
    assert data["startDate"] == "2025-05-14T10:00:00+05:00"


def test_search_index_holds_the_title_as_escaped_text(hostile_site):
    import json

    index = json.loads((hostile_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    (doc,) = [d for d in index["docs"] if d["location"] == "events/hostile/"]
    assert "<script>" not in doc["title"] and "&lt;/script&gt;&lt;script&gt;" in doc["title"]


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory):
    """The Anthology fixture with markup in a text's title, source and translator and an author's name."""
    import shutil

    folder = tmp_path_factory.mktemp("hostile-book") / "anthology"
    shutil.copytree(FIXTURES / "anthology_small", folder)
    poem = folder / "voices" / "fx-poem.md"
    text = poem.read_text(encoding="utf-8")
    text = text.replace("title: Тест өлеңі", "title: \"</h1><script>alert('title')</script> & <b>bold</b>\"")
    text = text.replace("translators: Айгүл Тестова", "translators: '<img src=x onerror=alert(1)>'")
    text = text.replace("source: Тест журналы, 1998", "source: '\"><script>alert(2)</script>'")
    poem.write_text(text, encoding="utf-8")
    authors = folder / "authors.yml"
    authors.write_text(
        authors.read_text(encoding="utf-8").replace("kk: Айгүл Тестова", "kk: '<script>alert(3)</script>'"),
        encoding="utf-8",
    )
    built = build_site(
        tmp_path_factory.mktemp("hostile-book-site"),
        FIXTURES / "events_small",
        ANTHOLOGY_DIR=str(folder),
        ANTHOLOGY_PDF="0",
    )
    assert built.returncode == 0, built.output
    return built


def test_anthology_fields_render_as_text(hostile_book):
    pages = sorted((hostile_book.site).glob("**/anthology/**/index.html"))
    assert len(pages) > 10
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        code = [s for s in page.find_all("script") if s.get("type") not in ("application/ld+json", "application/json")]
        assert "alert(" not in " ".join(s.get_text() for s in code), path
        assert page.find("img", src="x") is None, path
        assert page.find("b", string="bold") is None, path
    poem = BeautifulSoup(
        (hostile_book.site / "anthology" / "voices" / "fx-poem" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert poem.select_one("article h1").get_text().rstrip("¶") == "</h1><script>alert('title')</script> & <b>bold</b>"
