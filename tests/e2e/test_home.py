"""End-to-end: the home page is a front door (issue 13): headline numbers with CLDR plurals, the next
events as cards counted from the build date, the most recent ones filling in as past, the region
map, the feeds and the Anthology, in three languages."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import FIXTURES, build_site
from tests.e2e.test_build import LANG_PREFIX, article

# 1 May 2025, 00:00 in Astana: fx-allday (1 March) is over, fx-timed (14 May) and the postponed
# festival (2-4 June) are still to come; fx-cancelled and the month-only plan never get a card.
MAY_FIRST = int(dt.datetime(2025, 4, 30, 19, 0, tzinfo=dt.UTC).timestamp())


@pytest.fixture(scope="module")
def may_site(tmp_path_factory):
    built = build_site(tmp_path_factory.mktemp("home-may"), FIXTURES / "events_small", SOURCE_DATE_EPOCH=str(MAY_FIRST))
    assert built.returncode == 0, built.output
    return built


def cards(page) -> list[tuple[str, bool, bool]]:
    """(event address, shown as past, hidden) of each card, in page order."""
    return [
        (
            card.select_one("a.apk-card__title")["href"],
            "apk-card--past" in card["class"],
            card.has_attr("hidden"),
        )
        for card in page.select("ul.apk-cards > li")
    ]


@pytest.mark.parametrize(
    ("lang", "numbers"),
    [
        ("kk", ["5 іс-шара", "5 өңір", "5 санат"]),
        ("ru", ["5 мероприятий", "5 регионов", "5 категорий"]),
        ("en", ["5 events", "5 regions", "5 categories"]),
    ],
)
def test_headline_numbers_use_cldr_plurals_and_lead_to_their_pages(fixture_site, lang, numbers):
    page = article(fixture_site, LANG_PREFIX[lang])
    stats = page.select("ul.apk-stats a")
    assert [" ".join(a.get_text().split()) for a in stats] == numbers
    assert [a["href"] for a in stats] == ["calendar/", "regions/", "categories/"]


@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_coming_events_are_counted_from_the_build_date(may_site, lang):
    page = article(may_site, LANG_PREFIX[lang])
    assert (
        page.select_one("#home-events").get_text()
        == {"kk": "Алдағы іс-шаралар", "ru": "Ближайшие мероприятия", "en": "Coming up"}[lang]
    )
    # Coming ones first in date order, then the most recent past one, marked as past; all shown.
    assert cards(page) == [
        ("events/fx-timed/", False, False),
        ("events/fx-postponed-multiday/", False, False),
        ("events/fx-allday/", True, False),
    ]


def test_when_all_is_past_the_most_recent_fill_in_latest_first(fixture_site):
    # The fixture build's date is the last commit's, after every fixture event.
    page = article(fixture_site, "en/")
    assert page.select_one("#home-events").get_text() == "Recent events"
    assert cards(page) == [
        ("events/fx-postponed-multiday/", True, False),
        ("events/fx-timed/", True, False),
        ("events/fx-allday/", True, False),
    ]
    badges = [c.select_one(".apk-badge--past") for c in page.select("ul.apk-cards > li")]
    assert all(b is not None and not b.has_attr("hidden") and b.get_text() == "past" for b in badges)


def test_a_card_shows_date_title_place_category_status_and_sample_label(may_site):
    page = article(may_site, "ru/")
    card = page.select("ul.apk-cards > li")[1]  # the postponed festival
    assert card["data-end"] == "2025-06-04"
    assert " ".join(card.select_one(".apk-card__date").get_text().split()) == "2 июн."
    assert card.select_one(".apk-card__meta").get_text() == "2–4 июня 2025 г. · Туркестанская область"
    chip = card.select_one(".apk-chip")
    assert chip["class"] == ["apk-chip", "apk-chip--culture-arts"] and chip.get_text() == "Культура и искусство"
    assert card.select_one(".apk-badge--postponed").get_text() == "Перенесено"
    assert card.select_one(".apk-badge--sample").get_text() == "образец"
    assert card.select_one(".apk-badge--past").has_attr("hidden")


@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_home_page_has_the_region_map_feeds_and_anthology_and_its_script(fixture_site, lang):
    page = article(fixture_site, LANG_PREFIX[lang])
    tiles = page.select(".apk-home-map figure.apk-map svg a")
    assert len(tiles) == 20 and all(a["href"].startswith("regions/") for a in tiles)
    subscribe = page.select_one("section[aria-labelledby=home-subscribe]")
    links = [a["href"] for a in subscribe.select("a")]
    # The small coming-up feed first, the whole calendar after it (see feed_files).
    assert links[0].startswith("webcal://") and links[0].endswith("/feeds/upcoming.ics")
    assert links[1].startswith("https://") and links[1].endswith("/feeds/upcoming.ics")
    assert links[-1].startswith("https://") and links[-1].endswith("/feeds/calendar.ics")
    # A web address is never the text of a link.
    assert not any("://" in a.get_text() for a in page.select("a"))
    assert page.select_one("section[aria-labelledby=home-anthology] a")["href"] == "anthology/"
    html = fixture_site.page(LANG_PREFIX[lang])
    assert 'src="' + ("" if lang == "kk" else "../") + 'assets/home.js"' in html
