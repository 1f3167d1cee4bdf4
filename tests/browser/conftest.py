"""Browser fixtures: Debian's chromium driven by Playwright, against the built site on localhost.

The helpers here are shared by the browser tests: `served` (a built site on a local port, from
scripts/static_server.py), `first_page` and `open_search`; import them from tests.browser.conftest.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.static_server import served
from tests.nginx_server import nginx_served

CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium phones home at start and this machine's closed network refuses it.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The site address of each language's home page, relative to the site root.
PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
# The search dialog's status line while the index loads; it changes once the index is ready.
INITIALIZING = {"kk": "Іздеу іске қосылуда", "ru": "Инициализация поиска", "en": "Initializing search"}
INDEX_LOADED = "([el, text]) => el && el.textContent.trim() && el.textContent.trim() !== text"


@pytest.fixture(scope="session")
def fixture_url(fixture_site) -> Iterator[str]:
    with served(fixture_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def real_url(real_site) -> Iterator[str]:
    with served(real_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def real_nginx_url(real_site) -> Iterator[str]:
    """The real site through nginx with the shipped deploy/nginx.conf (see tests/nginx_server.py)."""
    with nginx_served(real_site.site) as url:
        yield url


@pytest.fixture(scope="session", params=["http.server", "nginx"])
def real_url_any_server(request) -> str:
    """The real site served by Python's http.server, then by nginx as production serves it."""
    return request.getfixturevalue("real_url" if request.param == "http.server" else "real_nginx_url")


@pytest.fixture(scope="session")
def sample_url(sample_build) -> Iterator[str]:
    with served(sample_build[1].site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/setup.sh` as root, or `sudo apt-get install chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def first_page(site: Path, pattern: str) -> str:
    """The site address of the first page (in sorted order) whose folder matches `pattern`."""
    found = sorted(p.parent for p in site.glob(f"{pattern}/index.html"))
    assert found, f"no page matches {pattern} in {site}"
    return found[0].relative_to(site).as_posix() + "/"


def open_search(page, url: str, lang: str, words: str) -> None:
    """Open `url`, wait until the search index of `lang` has loaded, then search for `words` like a reader.

    The caller waits for the results it expects (Material searches on key-up, a moment later).
    """
    page.goto(url)
    page.locator("input.md-search__input").click()
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(INDEX_LOADED, arg=[meta.element_handle(), INITIALIZING[lang]], timeout=20000)
    # Playwright types letters that are not on a US keyboard without key events; a person's keyboard
    # sends them, so fill the box and press a key, as the last letter would.
    page.locator("input.md-search__input").fill(words)
    page.keyboard.press("End")
