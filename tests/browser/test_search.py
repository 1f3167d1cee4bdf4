"""Search in the real browser finds pages in the reader's language, and only in that language.

Lunr has no Kazakh; each language has its own index (hooks/apk_site/search_index.py) and Kazakh uses
Russian word rules, which treat a Kazakh word the same way in the index and in the query.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import serve


@pytest.fixture(scope="module")
def real_url(real_site):
    server, url = serve(real_site.site)
    yield url
    server.shutdown()
    server.server_close()


INITIALIZING = {"/": "Іздеу іске қосылуда", "/ru/": "Инициализация поиска", "/en/": "Initializing search"}


def search(page, url: str, root: str, words: str, expected: str) -> list[str]:
    """Search like a person (Material searches on key-up) once the index is loaded, then read the results
    until they mention `expected` (or give up after 10 s)."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    page.locator("input.md-search__input").click()
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "([el, text]) => el && el.textContent.trim() && el.textContent.trim() !== text",
        arg=[meta.element_handle(), INITIALIZING[root]],
        timeout=20000,
    )
    # Playwright types letters that are not on a US keyboard without key events; a person's keyboard
    # sends them, so fill the box and press a key, as the last letter would.
    page.locator("input.md-search__input").fill(words)
    page.keyboard.press("End")
    hrefs: list[str] = []
    for _ in range(40):
        page.wait_for_timeout(250)
        links = page.locator(".md-search-result__list li a")
        hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
        if any(href.split("?")[0].endswith(expected) for href in hrefs):
            break
    return hrefs


@pytest.mark.parametrize(
    ("root", "words", "expected"),
    [
        ("/", "Тәуелсіздік", "events/2025-04-24-xxxiv-session/"),
        ("/", "жүгірісі", "events/2024-04-28-unity-run/"),
        ("/ru/", "телемост", "ru/events/2024-03-01-day-of-gratitude-teleconference/"),
        ("/en/", "half-marathon", "en/events/2024-04-28-unity-run/"),
    ],
)
def test_search_finds_pages_of_the_language_only(page, real_url, root, words, expected):
    hrefs = search(page, real_url + root, root, words, expected)
    assert any(href.split("?")[0].endswith(expected) for href in hrefs), hrefs
    for href in hrefs:
        path = href.replace(real_url, "")
        if root == "/":
            assert "/ru/" not in path and "/en/" not in path, path
        else:
            assert root in path, path


@pytest.mark.parametrize(("root", "words"), [("/", "телемост"), ("/en/", "телемост"), ("/ru/", "Тәуелсіздік")])
def test_words_of_another_language_find_nothing(page, real_url, root, words):
    assert search(page, real_url + root, root, words, "never") == []
