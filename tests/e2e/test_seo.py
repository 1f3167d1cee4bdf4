"""Search engines and link previews: per-language <title> and meta description on every page, a sitemap
of every page in every language with absolute hreflang alternates (x-default is the Kazakh page), and a
404 page in each language.

hreflang lives in the sitemap, not in <link rel="alternate"> (see overrides/main.html).
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT

LANGS = ("kk", "ru", "en")
PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
SITE_NAME = {
    "kk": "Қазақстан халқы Ассамблеясына 30 жыл",
    "ru": "30 лет Ассамблее народа Казахстана",
    "en": "Assembly of People of Kazakhstan at 30",
}
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
CYRILLIC = re.compile("[а-яёәғқңөұүһі]", re.IGNORECASE)
NOT_FOUND = {
    "kk": ("Бет табылмады", "Басты бетке өту"),
    "ru": ("Страница не найдена", "Перейти на главную"),
    "en": ("Page not found", "Go to the home page"),
}


def language_of(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in ("ru", "en") else "kk"


def page_paths(site: Path) -> list[str]:
    """Every page of the site, as a path such as 'ru/about/' ('' for the Kazakh home page)."""
    folders = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    # admin/: the editors' web form (dev/CMS.md), marked noindex and kept out of the sitemap.
    return sorted("" if folder == "." else folder + "/" for folder in folders if folder != "admin")


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def head_texts(soup: BeautifulSoup) -> tuple[str, str]:
    titles = soup.head.find_all("title")
    descriptions = soup.select('head meta[name="description"]')
    assert len(titles) == 1 and len(descriptions) == 1
    return titles[0].get_text(), descriptions[0]["content"]


def is_fallback(soup: BeautifulSoup, lang: str) -> bool:
    """A page shown in another language because it is not translated says so."""
    heading = soup.select_one("article h1")
    foreign_heading = heading is not None and heading.get("lang", lang) != lang
    return soup.select_one(".apk-notice--fallback") is not None or foreign_heading


@pytest.mark.parametrize("build", ["fixture_site", "real_site"])
def test_every_page_has_a_title_and_description_in_its_language(request, build):
    site = request.getfixturevalue(build).site
    paths = page_paths(site)
    assert len(paths) > 100
    descriptions: dict[str, dict[str, str]] = {}
    for path in paths:
        lang = language_of(path)
        soup = soup_of(site, path)
        assert soup.html["lang"] == lang, path
        title, description = head_texts(soup)
        own_words = title.removesuffix(" - " + SITE_NAME[lang])
        assert own_words.strip() and description.strip(), path
        if path in ("", "ru/", "en/"):
            assert title == SITE_NAME[lang], (path, title)
        else:
            assert title.endswith(" - " + SITE_NAME[lang]), (path, title)
        if lang == "en" and not is_fallback(soup, lang):
            assert not CYRILLIC.search(own_words + description), (path, title, description)
        if lang != "en":
            assert CYRILLIC.search(description), (path, description)
        if not is_fallback(soup, lang):
            descriptions.setdefault(path.removeprefix(PREFIX[lang]) if lang != "kk" else path, {})[lang] = description
    # A page's description is written for each language, not copied from another one.
    copied = {page: texts for page, texts in descriptions.items() if len(set(texts.values())) < len(texts)}
    assert copied == {}


@pytest.fixture(scope="module")
def sitemap(real_site) -> ET.Element:
    return ET.parse(real_site.site / "sitemap.xml").getroot()


def site_url(real_site) -> str:
    canonical = soup_of(real_site.site, "").select_one('link[rel="canonical"]')["href"]
    assert canonical.startswith("https://") and canonical.endswith("/")
    return canonical


def test_sitemap_lists_every_page_of_every_language_at_absolute_addresses(real_site, sitemap):
    base = site_url(real_site)
    listed = [loc.text for loc in sitemap.findall("s:url/s:loc", NS)]
    expected = [base + path for path in page_paths(real_site.site)]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(expected)
    assert {language_of(url.removeprefix(base)) for url in listed} == set(LANGS)


def test_sitemap_names_every_language_and_x_default_for_each_page(real_site, sitemap):
    base = site_url(real_site)
    listed = {loc.text for loc in sitemap.findall("s:url/s:loc", NS)}
    for url in sitemap.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        links = url.findall("x:link", NS)
        assert all(link.get("rel") == "alternate" for link in links)
        alternates = {link.get("hreflang"): link.get("href") for link in links}
        assert sorted(alternates) == sorted([*LANGS, "x-default"]), loc
        assert len(links) == len(alternates), loc
        assert alternates["x-default"] == alternates["kk"], loc
        assert alternates[language_of(loc.removeprefix(base))] == loc
        page = alternates["kk"].removeprefix(base)
        for lang in LANGS:
            assert alternates[lang] == base + PREFIX[lang] + page, (loc, lang)
            assert alternates[lang] in listed, (loc, lang)


def test_sitemap_date_is_the_last_commits_and_the_gzip_matches(real_site, sitemap):
    """lastmod is pinned to the last commit, so two builds of one commit write the same sitemap."""
    git = ["git", "log", "-1", "--format=%ct"]
    committed = subprocess.run(git, cwd=ROOT, capture_output=True, text=True, check=True)
    day = dt.datetime.fromtimestamp(int(committed.stdout), tz=dt.UTC).date().isoformat()
    assert {lastmod.text for lastmod in sitemap.findall("s:url/s:lastmod", NS)} == {day}
    plain = (real_site.site / "sitemap.xml").read_bytes()
    assert gzip.decompress((real_site.site / "sitemap.xml.gz").read_bytes()) == plain


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_404_page(real_site, lang):
    page = real_site.site / PREFIX[lang] / "404.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    heading, home_words = NOT_FOUND[lang]
    assert soup.html["lang"] == lang
    assert soup.title.get_text() == f"{heading} - {SITE_NAME[lang]}"
    assert soup.select_one("article h1").get_text() == heading
    home = [a["href"] for a in soup.select("article a") if a.get_text() == home_words]
    assert home == ["/" + PREFIX[lang]]
    # Served for any missing address, so every address in it is absolute.
    for element in soup.select("[href], [src]"):
        address = element.get("href") or element.get("src")
        assert address.startswith(("/", "https://", "#")), address
    assert '"base": "/' + PREFIX[lang] + '"' in page.read_text(encoding="utf-8")
    switcher = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
    assert switcher == {code: "/" + PREFIX[code] for code in LANGS}


def test_404_pages_are_not_in_the_sitemap(real_site, sitemap):
    assert not [loc.text for loc in sitemap.findall("s:url/s:loc", NS) if "404" in urlsplit(loc.text).path]
