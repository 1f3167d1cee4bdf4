"""Every internal link and anchor of every page resolves, in every language and between languages.

Each href and src of each built HTML page (and each url() of the site's own style sheets) is resolved
as a browser would, against the page's address (directory URLs: `about/` is `about/index.html`);
percent-encoded Cyrillic anchors are decoded before they are looked up among the target's ids.
Addresses on the site's own host (canonical links, webcal feeds) are checked too; other hosts are not.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

LOCAL = "http://site.invalid/"  # stands for the site's root while resolving relative addresses
OTHER_SCHEMES = {"mailto", "data", "tel"}
LINKING = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


class Site:
    def __init__(self, root: Path) -> None:
        self.root = root
        home = BeautifulSoup((root / "index.html").read_text(encoding="utf-8"), "html.parser")
        canonical = home.select_one('link[rel="canonical"]')
        assert canonical is not None and canonical["href"].startswith("https://"), "the home page names no site URL"
        self.url = canonical["href"]  # the site_url the build was made with

    def pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def address(self, page: Path) -> str:
        """The address a page is served at, below LOCAL."""
        path = page.relative_to(self.root).as_posix()
        return LOCAL + (path[: -len("index.html")] if path.endswith("index.html") else path)

    def file(self, path: str) -> Path | None:
        """The file served for a URL path, or None."""
        target = self.root / unquote(path).lstrip("/")
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    @cache  # noqa: B019  # one Site per build, kept for the session; ids of each page are read once
    def ids(self, page: Path) -> frozenset[str]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        named = soup.find_all("a", attrs={"name": True})
        return frozenset(el["id"] for el in soup.find_all(id=True)) | frozenset(a["name"] for a in named)

    def problem(self, base: str, reference: str) -> str | None:
        """Why `reference`, found on the page at `base`, does not resolve; None when it does or is not ours."""
        parts = urlsplit(reference)
        if parts.scheme in OTHER_SCHEMES:
            return None
        if parts.scheme in ("http", "https", "webcal"):
            own = urlsplit(self.url)
            if parts.netloc != own.netloc:
                return None
            path = parts.path.removeprefix(own.path.rstrip("/"))
            reference = urljoin(LOCAL, path + ("#" + parts.fragment if parts.fragment else ""))
        elif parts.scheme:
            return f"unexpected scheme {parts.scheme!r}"
        resolved = urlsplit(urljoin(base, reference))
        if not resolved.geturl().startswith(LOCAL):
            return "leaves the site"
        target = self.file(resolved.path)
        if target is None:
            return f"no file for {unquote(resolved.path)}"
        fragment = unquote(resolved.fragment)
        if fragment and (target.suffix != ".html" or fragment not in self.ids(target)):
            return f"no element with id {fragment!r} in {target.relative_to(self.root).as_posix()}"
        return None


def references(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [el[attribute] for tag, attribute in LINKING.items() for el in soup.find_all(tag) if el.get(attribute)]


def broken_links(site: Site) -> list[str]:
    problems = []
    for page in site.pages():
        base = site.address(page)
        for reference in references(page):
            why = site.problem(base, reference)
            if why:
                problems.append(f"{page.relative_to(site.root).as_posix()}: {reference}: {why}")
    return problems


def checked_count(site: Site) -> int:
    return sum(1 for page in site.pages() for ref in references(page) if urlsplit(ref).scheme not in OTHER_SCHEMES)


@pytest.fixture(scope="module")
def fixture(fixture_site) -> Site:
    return Site(fixture_site.site)


@pytest.fixture(scope="module")
def real(real_site) -> Site:
    return Site(real_site.site)


@pytest.mark.parametrize("name", ["fixture", "real"])
def test_every_internal_link_and_anchor_resolves(request, name):
    site = request.getfixturevalue(name)
    assert len(site.pages()) > 100 and checked_count(site) > 10_000  # the check ran over the whole site
    problems = broken_links(site)
    assert problems == [], f"{len(problems)} broken links, the first ones:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("name", ["fixture", "real"])
def test_every_page_links_to_its_versions_in_the_other_languages(request, name):
    """The language switcher of each page leads to the same page in each language, and that page exists."""
    site = request.getfixturevalue(name)
    for page in site.pages():
        path = page.relative_to(site.root).as_posix()
        if path.endswith("404.html") or path.startswith("admin/"):  # admin/: the editors' form, not a page
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        switcher = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
        assert sorted(switcher) == ["en", "kk", "ru"], path
        base = site.address(page)
        own = re.sub(r"^(ru|en)/", "", path)
        for lang, href in switcher.items():
            expected = own if lang == "kk" else f"{lang}/{own}"
            target = site.file(urlsplit(urljoin(base, href)).path)
            assert target == site.root / expected, (path, lang, href)


def test_cross_language_links_in_the_text_resolve_to_the_same_page(real):
    """The About pages link to each other across languages (the browser test clicks them)."""
    for path, links in {
        "about/index.html": {"ru": "ru/about/index.html", "en": "en/about/index.html"},
        "ru/about/index.html": {"kk": "about/index.html", "en": "en/about/index.html"},
        "en/about/index.html": {"kk": "about/index.html", "ru": "ru/about/index.html"},
    }.items():
        soup = BeautifulSoup((real.root / path).read_text(encoding="utf-8"), "html.parser")
        found = {a["hreflang"]: a for a in soup.select("article a[hreflang]")}
        assert sorted(found) == sorted(links), path
        for lang, expected in links.items():
            assert found[lang]["lang"] == lang
            target = real.file(urlsplit(urljoin(real.address(real.root / path), found[lang]["href"])).path)
            assert target == real.root / expected


def test_the_checker_finds_broken_links(real):
    """The resolver is not lenient: a missing page, a missing anchor and a wrong-language path fail."""
    base = real.address(real.root / "ru" / "about" / "index.html")
    assert real.problem(base, "../../en/about/") is None
    assert real.problem(base, "../calendar/#no-such-anchor") is not None
    assert real.problem(base, "../../ru/ru/about/") is not None
    assert real.problem(base, "../no-such-page/") is not None
    assert real.problem(base, real.url + "no-such-page/") is not None
    assert real.problem(base, "javascript:alert(1)") is not None
    assert real.problem(base, "https://www.gov.kz/") is None


@pytest.mark.parametrize("name", ["fixture", "real"])
def test_cyrillic_anchors_resolve_as_written_and_percent_encoded(request, name):
    """Cyrillic anchors (tables of contents, permalinks) are among the checked links, and resolve in the
    percent-encoded form a browser or another site may use too."""
    site = request.getfixturevalue(name)
    cyrillic = [
        (page, ref)
        for page in site.pages()
        if page.relative_to(site.root).parts[0] in ("ru", "about", "editors")
        for ref in references(page)
        if re.search("[а-яәғқңөұүһі]", urlsplit(ref).fragment)
    ]
    assert len(cyrillic) > 20, "too few Cyrillic anchors found: the check would not cover them"
    for page, ref in cyrillic:
        parts = urlsplit(ref)
        encoded = parts._replace(fragment=quote(parts.fragment)).geturl()
        assert site.problem(site.address(page), ref) is None, (page, ref)
        assert site.problem(site.address(page), encoded) is None, (page, encoded)


def test_style_sheet_urls_resolve(real):
    """Fonts and images named in the site's own style sheets exist."""
    for sheet in sorted((real.root / "assets").glob("*.css")):
        base = real.address(sheet)
        for reference in CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            assert real.problem(base, reference) is None, (sheet.name, reference)
