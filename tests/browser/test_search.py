"""Search in the real browser finds pages in the reader's language, and only in that language, and
forgives the keyboard: Kazakh words typed without Kazakh letters, Latin spellings, other names.

Lunr has no Kazakh; each language has its own index (hooks/apk_site/search_index.py) and its own lunr
"language" (hooks/apk_site/search_fold.py, overrides/assets/javascripts/lunr/apk-search.js).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from apk_site.search_fold import fold, trim

from tests.browser.conftest import open_search, served
from tests.browser.test_calendar_views import PREFIX as CALENDAR_PREFIX
from tests.browser.test_calendar_views import open_list, read_events, search_text, shown_ids
from tests.conftest import FIXTURES, build_site

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


# --- search that forgives the keyboard (issue 17) ---------------------------------------------------------
# Words without Kazakh letters, Latin spellings and other names find what the site's own form finds, on the
# 420-event sample; each pair comes from the reference data (hooks/apk_site/data/*.yaml, the 2021 Latin
# alphabet). The event ids of the sample carry their region's slug.

PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
COUNT = re.compile(r"\d+")


@dataclass(frozen=True)
class Results:
    count: int
    hrefs: list[str]  # the pages listed (without ?h=), in order
    marks: list[str]  # the highlighted words of the first result, as the page shows them


def results(page, url: str, lang: str, words: str) -> Results:
    """Search like a reader and read what the dialog lists once it has counted the matches."""
    page.set_viewport_size({"width": 1280, "height": 900})
    open_search(page, url + "/" + PREFIX[lang], lang, words)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function("el => /\\d/.test(el.textContent)", arg=meta.element_handle(), timeout=10000)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => a.getAttribute('href').split('?')[0])"
    )
    marks = page.eval_on_selector_all(
        ".md-search-result__item:first-child mark", "marks => marks.map(m => m.textContent)"
    )
    return Results(int(COUNT.search(meta.inner_text()).group()), [h.replace(url, "") for h in hrefs], marks)


def bare(word: str) -> str:
    return trim(word).lower()


FOLDED = [
    ("kk", "Қазақстан", "Казакстан", ""),
    ("kk", "Ақтөбе", "Актобе", "aktobe"),
    ("kk", "Ұлытау", "Улытау", "ulytau"),
    ("kk", "Өскемен", "Оскемен", "east-kazakhstan"),
    ("kk", "Маңғыстау", "Мангыстау", "mangystau"),
    ("kk", "Түркістан", "Туркистан", "turkistan"),
    ("kk", "Қызылорда", "Кызылорда", "kyzylorda"),
    ("ru", "Ұлытау", "Улытау", "ulytau"),
    ("ru", "Жетісу", "Жетису", "zhetisu"),
    ("ru", "Қонаев", "Конаев", "almaty-region"),
]
OTHER_NAMES = [
    # Latin on the Kazakh site: the 2021 alphabet with and without diacritics, ISO 3166-2, English names
    ("kk", "Ақтөбе", "Aqtöbe", "aktobe"),
    ("kk", "Ақтөбе", "Aqtobe", "aktobe"),
    ("kk", "Ақтөбе", "Aktobe", "aktobe"),
    ("kk", "Қазақстан", "Qazaqstan", ""),
    ("kk", "Ұлытау", "Ulytau", "ulytau"),
    ("kk", "Шымкент", "Şymkent", "shymkent"),
    ("kk", "Шымкент", "Shymkent", "shymkent"),
    ("kk", "Қарағанды", "Qaraghandy", "karaganda"),
    ("kk", "Маңғыстау", "Mangghystau", "mangystau"),
    ("kk", "Жезқазған", "Jezqazğan", "ulytau"),
    ("kk", "Өскемен", "Oskemen", "east-kazakhstan"),
    # the reference data's Russian aliases on the Russian site
    ("ru", "Ұлытау", "Улытауская", "ulytau"),
    ("ru", "Жетісу", "Жетысуская", "zhetisu"),
    ("ru", "Жетісу", "Жетысу", "zhetisu"),
    ("ru", "Абай", "Абайская", "abai"),
    ("ru", "Қонаев", "Кунаев", "almaty-region"),
    # Latin spellings on the English site: ISO 3166-2, the 2021 alphabet, the English aliases
    ("en", "Aktobe", "Aqtöbe", "aktobe"),
    ("en", "Aktobe", "Aqtobe", "aktobe"),
    ("en", "Zhambyl", "Jambyl", "zhambyl"),
    ("en", "Karaganda", "Qaragandy", "karaganda"),
    ("en", "Karaganda", "Qaraghandy", "karaganda"),
    ("en", "Zhetisu", "Jetisu", "zhetisu"),
    ("en", "Zhetisu", "Zhetysu", "zhetisu"),
    ("en", "Mangystau", "Mangghystau", "mangystau"),
    ("en", "Oral", "Uralsk", "west-kazakhstan"),
    ("en", "Abai", "Abay", "abai"),
    ("en", "Kostanay", "Qostanay", "kostanay"),
]


@pytest.mark.parametrize(("lang", "site_form", "typed", "slug"), FOLDED + OTHER_NAMES)
def test_other_spellings_find_what_the_site_form_finds(page, sample_url, lang, site_form, typed, slug):
    own = results(page, sample_url, lang, site_form)
    other = results(page, sample_url, lang, typed)
    assert own.count > 0
    assert other.count == own.count, (typed, other, own)
    if slug:
        assert slug in other.hrefs[0], other.hrefs
        assert all(slug in href for href in other.hrefs if "/events/" in href), other.hrefs
    # The result marks the page's own word; any other mark is the typed word standing as written.
    marked = {bare(m) for m in other.marks}
    assert site_form.lower() in marked, other.marks
    assert all(m == site_form.lower() or m.startswith(typed.lower()) for m in marked), other.marks


@pytest.fixture(scope="session")
def search_url(tmp_path_factory) -> Iterator[str]:
    """The site built from tests/fixtures/events_search: words as typed beside the site's forms."""
    built = build_site(tmp_path_factory.mktemp("search-site"), FIXTURES / "events_search")
    assert built.returncode == 0, built.output
    with served(built.site) as url:
        yield url


@pytest.mark.parametrize(
    ("lang", "typed", "exact", "folded"),
    [
        ("kk", "Актобе", "events/search-exact/", "events/search-aktobe/"),
        ("kk", "Улытау", "events/search-exact/", "events/search-ulytau/"),
        ("ru", "Улытау", "ru/events/search-exact/", "ru/events/search-ulytau/"),
        ("en", "Aqtobe", "en/events/search-exact/", "en/events/search-aktobe/"),
    ],
)
def test_the_form_as_typed_ranks_above_the_folded_one(page, search_url, lang, typed, exact, folded):
    found = [href.lstrip("/") for href in results(page, search_url, lang, typed).hrefs]
    assert exact in found and folded in found, found
    assert found.index(exact) < found.index(folded), found


@pytest.mark.parametrize(
    ("lang", "typed", "found", "not_found"),
    [
        ("kk", "Ақтөбе", "events/search-aktobe/", "events/search-exact/"),
        ("ru", "Ұлытау", "ru/events/search-ulytau/", "ru/events/search-exact/"),
    ],
)
def test_a_word_with_kazakh_letters_finds_only_itself(page, search_url, lang, typed, found, not_found):
    hrefs = [href.lstrip("/") for href in results(page, search_url, lang, typed).hrefs]
    assert found in hrefs and not_found not in hrefs, hrefs


def test_a_place_matched_in_several_forms_is_marked_once(page, sample_url):
    # «Ақтөбе» matches "Ақтөбе" as written, and "a" matches it in Latin (aqtöbe, aqtobe) and under its
    # English name (Aktobe): Material would wrap the word four times (nested marks; a word shorter than
    # "<mark>" even comes out as broken markup).
    page.set_viewport_size({"width": 1280, "height": 900})
    open_search(page, sample_url + "/", "kk", "Ақтөбе a")
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function("el => /\\d/.test(el.textContent)", arg=meta.element_handle(), timeout=10000)
    listed = page.locator(".md-search-result__list")
    text = listed.inner_text()
    assert "Ақтөбе" in text
    assert "rk>" not in text and "<mark" not in text and "mark>" not in text
    nested = page.eval_on_selector_all(".md-search-result__list mark mark", "marks => marks.length")
    assert nested == 0


def test_calendar_filter_folds_kazakh_letters(page, sample_build, sample_url):
    events = read_events(sample_build[0]).values()
    for lang, typed in (("kk", "Актобе"), ("ru", "Улытау"), ("kk", "Шыгыс")):
        wanted = fold(typed.lower())
        expected = sorted(e.id for e in events if wanted in fold(search_text(e, lang)))
        assert expected, typed
        open_list(page, sample_url + CALENDAR_PREFIX[lang] + "/calendar/")
        page.fill("input[name=q]", typed)
        assert sorted(shown_ids(page)) == expected, typed
