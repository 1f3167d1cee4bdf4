"""No page asks any host but the site itself for anything: every request of a browser that opens each
kind of page in each language, and the search dialog, is recorded (the search worker's too).

The page kinds are found in the built site by their address, one page of each; every kind must exist,
so a kind that disappears from the build fails here instead of going unchecked.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import PREFIX, open_search

pytestmark = pytest.mark.browser

KINDS = {
    "home": r"",
    "calendar list": r"calendar/",
    "month grid": r"calendar/\d{4}-\d{2}/",
    "year overview": r"calendar/year/",
    "regions": r"regions/",
    "region": r"regions/[^/]+/",
    "categories": r"categories/",
    "category": r"categories/[^/]+/",
    "organizers": r"organizers/",
    "organizer": r"organizers/[^/]+/",
    "event": r"events/[^/]+/",
    "about": r"about/",
    "editors' guide": r"editors/",
    "translation report": r"translations/",
    "anthology contents": r"anthology/",
    "anthology authors": r"anthology/authors/",
    "anthology author": r"anthology/authors/[^/]+/",
    "anthology by genre": r"anthology/genres/",
    "anthology by year": r"anthology/years/",
    "anthology by language": r"anthology/languages/",
    "anthology book": r"anthology/book/",
    "anthology text": r"anthology/(?!authors/)[^/]+/[^/]+/",
}


def kinds_of_pages(site: Path) -> dict[str, str]:
    """One Kazakh page address per kind (the first in sorted order)."""
    addresses = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("**/index.html"))
    addresses = ["" if a == "./" else a for a in addresses]
    found = {kind: next((a for a in addresses if re.fullmatch(pattern, a)), None) for kind, pattern in KINDS.items()}
    assert None not in found.values(), [kind for kind, address in found.items() if address is None]
    return {kind: address for kind, address in found.items() if address is not None}


class Recorder:
    """Every request of a browser context, and every response that failed."""

    def __init__(self, context) -> None:
        self.urls: list[str] = []
        self.failed: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))
        context.on("response", lambda response: response.status >= 400 and self.failed.append(response.url))
        context.on("requestfailed", lambda request: self.failed.append(request.url))

    def foreign(self, own: str) -> list[str]:
        return sorted({u for u in self.urls if not u.startswith(("data:", "blob:")) and urlsplit(u).netloc != own})


@pytest.mark.parametrize("lang", sorted(PREFIX))
def test_every_kind_of_page_requests_only_the_site(browser, real_site, real_url_any_server, lang):
    real_url = real_url_any_server
    context = browser.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    visited = [*kinds_of_pages(real_site.site).values(), "404.html"]
    for address in visited:
        page.goto(f"{real_url}/{PREFIX[lang]}{address}")
        page.wait_for_load_state("networkidle")
    context.close()
    own = urlsplit(real_url).netloc
    assert recorder.foreign(own) == []
    assert recorder.failed == []
    assert {urlsplit(u).path for u in recorder.urls} >= {f"/{PREFIX[lang]}{a}" for a in visited}


@pytest.mark.parametrize("lang", sorted(PREFIX))
@pytest.mark.parametrize("address", ["", "404.html"])
def test_search_requests_only_the_site(browser, real_url_any_server, lang, address):
    real_url = real_url_any_server
    context = browser.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    open_search(page, f"{real_url}/{PREFIX[lang]}{address}", lang, "2025")
    page.locator(".md-search-result__list li").first.wait_for(timeout=10000)
    page.wait_for_load_state("networkidle")
    context.close()
    own = urlsplit(real_url).netloc
    assert recorder.foreign(own) == []
    assert recorder.failed == []
    assert f"/{PREFIX[lang]}search/search_index.json" in {urlsplit(u).path for u in recorder.urls}


@pytest.mark.parametrize("lang", sorted(PREFIX))
def test_a_missing_address_shows_its_languages_404_page_through_nginx(browser, real_nginx_url, lang):
    """nginx answers a missing address with the 404 page of the address's language, and that page
    loads its styles and scripts from the site alone, from any depth."""
    context = browser.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    missing = f"{real_nginx_url}/{PREFIX[lang]}no/such/page/"
    response = page.goto(missing)
    page.wait_for_load_state("networkidle")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    assert page.evaluate("() => document.styleSheets.length") >= 2
    assert page.locator("a[href]").count() > 5  # the theme's header and navigation, not a bare error
    context.close()
    assert recorder.foreign(urlsplit(real_nginx_url).netloc) == []
    assert recorder.failed == [missing]


def test_the_recorder_sees_a_request_to_another_host(browser, real_url):
    """The check can fail: a page that asks another host is caught (the request itself goes nowhere)."""
    context = browser.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    page.route("http://tracker.invalid/**", lambda route: route.abort())
    page.goto(f"{real_url}/")
    page.evaluate("() => { const img = new Image(); img.src = 'http://tracker.invalid/pixel.gif'; }")
    page.wait_for_load_state("networkidle")
    context.close()
    assert recorder.foreign(urlsplit(real_url).netloc) == ["http://tracker.invalid/pixel.gif"]
