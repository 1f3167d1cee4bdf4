"""Search in the real browser finds pages in the reader's language, and only in that language.

Lunr has no Kazakh; each language has its own index (hooks/apk_site/search_index.py) and Kazakh uses
Russian word rules, which treat a Kazakh word the same way in the index and in the query.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_search

pytestmark = pytest.mark.browser

LANG = {"/": "kk", "/ru/": "ru", "/en/": "en"}


def search(page, url: str, root: str, words: str, expected: str) -> list[str]:
    """Search like a person (Material searches on key-up) once the index is loaded, then read the results
    until they mention `expected` (or give up after 10 s)."""
    page.set_viewport_size({"width": 1280, "height": 900})
    open_search(page, url, LANG[root], words)
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
