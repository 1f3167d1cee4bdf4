"""End-to-end: the real mkdocs.yml and hooks build the fixture calendar in three languages."""

from __future__ import annotations

import re

import pytest
from apk_site.reference import reference
from bs4 import BeautifulSoup

from tests.conftest import FIXTURES, build_site

LANG_PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
EVENT_IDS = ["fx-allday", "fx-cancelled", "fx-month-only", "fx-postponed-multiday", "fx-timed"]


def soup(html: str) -> BeautifulSoup:
    # CLDR puts no-break spaces inside dates ("2025 ж.", "г."): compare them as plain spaces.
    return BeautifulSoup(html.replace("\u202f", " ").replace("\xa0", " "), "html.parser")


def article(build, url: str) -> BeautifulSoup:
    node = soup(build.page(url)).select_one("article")
    assert node is not None
    return node


@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_every_page_exists_in_every_language(fixture_site, lang):
    prefix = LANG_PREFIX[lang]
    pages = sorted(
        str(p.parent.relative_to(fixture_site.site / prefix))
        for p in (fixture_site.site / prefix).glob("**/index.html")
    )
    # The Anthology's pages are checked by tests/e2e/test_anthology*.py; admin/ is the editors' web
    # form, one page for every language (dev/CMS.md).
    pages = [p for p in pages if not re.match(r"^(ru|en|anthology|admin)(/|$)", p)]
    ref = reference()
    months = ["2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09"]
    expected = [".", "about", "calendar", "editors", "calendar/year", "translations"]
    expected += [f"calendar/{m}" for m in months] + [f"events/{e}" for e in EVENT_IDS]
    for kind, ids in (("regions", ref.regions), ("categories", ref.categories), ("organizers", ref.organizers)):
        expected += [kind] + [f"{kind}/{key}" for key in ids]
    assert pages == sorted(expected)
    assert len(ref.regions) == 21 and len(ref.categories) == 17


@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_html_lang_matches_the_language(fixture_site, lang):
    for url in ["", "calendar/", "about/", "events/fx-timed/"]:
        html = soup(fixture_site.page(LANG_PREFIX[lang] + url)).html
        assert html is not None and html["lang"] == lang, url


@pytest.mark.parametrize(
    ("lang", "date", "time"),
    [
        ("kk", "2025 ж. 14 мамыр", "10:00–13:30 (UTC+5)"),
        ("ru", "14 мая 2025 г.", "10:00—13:30 (UTC+5)"),
        ("en", "14 May 2025", "10:00–13:30 (UTC+5)"),
    ],
)
def test_calendar_lists_localised_dates_and_times(fixture_site, lang, date, time):
    page = article(fixture_site, LANG_PREFIX[lang] + "calendar/")
    row = page.select_one('li[data-date="2025-05-14"]')
    assert row is not None
    # Rows under a day's heading leave the date to the heading ("2025 ж. 14 мамыр, сәрсенбі").
    heading = row.find_parent("ul").find_previous_sibling("h3", class_="apk-day")
    assert heading["id"] == "d-2025-05-14" and heading.get_text().startswith(f"{date}, ")
    assert row.select_one(".apk-event__time").get_text() == time
    link = row.select_one("a.apk-event__title")
    assert link["href"] == "../events/fx-timed/"


@pytest.mark.parametrize(
    ("lang", "headings"),
    [
        (
            "kk",
            [
                "2025 ж. наурыз (1 іс-шара)",
                "2025 ж. мамыр (2 іс-шара)",
                "2025 ж. маусым (1 іс-шара)",
                "2025 ж. қыркүйек (1 іс-шара)",
            ],
        ),
        (
            "ru",
            [
                "Март 2025 г. (1 мероприятие)",
                "Май 2025 г. (2 мероприятия)",
                "Июнь 2025 г. (1 мероприятие)",
                "Сентябрь 2025 г. (1 мероприятие)",
            ],
        ),
        ("en", ["March 2025 (1 event)", "May 2025 (2 events)", "June 2025 (1 event)", "September 2025 (1 event)"]),
    ],
)
def test_calendar_groups_every_event_by_month(fixture_site, lang, headings):
    page = article(fixture_site, LANG_PREFIX[lang] + "calendar/")
    assert [h.get_text(" ", strip=True) for h in page.select("section.apk-month h2")] == headings
    hrefs = sorted(a["href"] for a in page.select("a.apk-event__title"))
    assert hrefs == [f"../events/{e}/" for e in EVENT_IDS]


@pytest.mark.parametrize(
    ("lang", "month", "expected"),
    [
        ("kk", "2025 ж. қыркүйек", "күні кейін хабарланады"),
        ("ru", "Сентябрь 2025 г.", "дата будет объявлена позже"),
        ("en", "September 2025", "date to be announced"),
    ],
)
def test_month_only_event_says_date_to_be_announced(fixture_site, lang, month, expected):
    """Listed under its month, under a "date to be announced" heading, with the same words on the row."""
    row = article(fixture_site, LANG_PREFIX[lang] + "calendar/").select_one('li[data-date="2025-09-01"]')
    assert row.select_one(".apk-badge--tba").get_text() == expected
    heading = row.find_parent("ul").find_previous_sibling("h3", class_="apk-day")
    assert heading.get_text().casefold() == expected.casefold()
    assert row.find_parent("section").select_one("h2").get_text(" ", strip=True).startswith(month)


def facts(page: BeautifulSoup) -> dict[str, str]:
    terms = page.select("dl.apk-event-facts dt")
    return {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in terms}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ru",
            {
                "Дата и время": "14 мая 2025 г., 10:00—13:30 (UTC+5)",
                "Место проведения": "Дом дружбы",
                "Адрес": "Алматы, проспект Абая, 1",
                "Регион": "Алматы",
                "Организатор": "Научно-экспертный совет АНК (НЭС)",
                "Категория": "Конференции и круглые столы",
                "Статус": "По плану",
                "Как добраться": "Открыть на карте OpenStreetMap",
            },
        ),
        (
            "en",
            {
                "Date and time": "14 May 2025, 10:00–13:30 (UTC+5)",
                "Venue": "House of Friendship",
                # No English address: it falls back to the Russian one, marked as Russian.
                "Address": "Алматы, проспект Абая, 1",
                "Region": "Almaty",
                "Organizer": "Scientific Expert Council of the APK",
                "Category": "Conferences and round tables",
                "Status": "As planned",
                "Directions": "Open in OpenStreetMap",
            },
        ),
    ],
)
def test_event_page_shows_every_fact_in_the_language(fixture_site, lang, expected):
    page = article(fixture_site, LANG_PREFIX[lang] + "events/fx-timed/")
    assert facts(page) == expected


def test_event_page_title_and_body_are_in_the_language(fixture_site):
    page = article(fixture_site, "ru/events/fx-timed/")
    assert page.select_one("h1").get_text() == "Научно-практическая конференция"
    assert page.select_one(".apk-event-body h2").get_text(strip=True).startswith("Программа")
    assert "lang" not in page.select_one(".apk-event-body").attrs


def test_cyrillic_headings_get_readable_anchors(fixture_site):
    assert article(fixture_site, "ru/events/fx-timed/").select_one(".apk-event-body h2")["id"] == "программа"
    assert article(fixture_site, "events/fx-timed/").select_one(".apk-event-body h2")["id"] == "бағдарлама"


def test_fallback_address_carries_its_own_lang(fixture_site):
    page = article(fixture_site, "en/events/fx-timed/")
    address = [
        dd
        for dt in page.select("dl.apk-event-facts dt")
        if dt.get_text() == "Address"
        for dd in [dt.find_next_sibling("dd")]
    ]
    assert address[0]["lang"] == "ru"


def test_missing_translation_falls_back_visibly_with_lang(fixture_site):
    page = article(fixture_site, "en/events/fx-allday/")
    notice = page.select_one(".apk-notice--fallback")
    assert notice is not None
    assert notice.get_text() == "This text has not been translated into English yet, so it is shown in Russian."
    assert page.select_one("h1").get_text() == "День благодарности"
    assert page.select_one("h1")["lang"] == "ru"
    assert page.select_one(".apk-event-body")["lang"] == "ru"
    assert page.select_one(".apk-event-body").get_text(strip=True) == "Праздничное мероприятие."


def test_complete_translation_shows_no_fallback_notice(fixture_site):
    assert article(fixture_site, "ru/events/fx-allday/").select_one(".apk-notice--fallback") is None


@pytest.mark.parametrize(
    ("lang", "targets"),
    [
        ("kk", {"kk": "./", "ru": "../../ru/events/fx-timed/", "en": "../../en/events/fx-timed/"}),
        ("ru", {"kk": "../../../events/fx-timed/", "ru": "./", "en": "../../../en/events/fx-timed/"}),
        ("en", {"kk": "../../../events/fx-timed/", "ru": "../../../ru/events/fx-timed/", "en": "./"}),
    ],
)
def test_language_switcher_keeps_the_reader_on_the_event(fixture_site, lang, targets):
    page = soup(fixture_site.page(LANG_PREFIX[lang] + "events/fx-timed/"))
    links = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link[hreflang]")}
    assert links == targets


@pytest.mark.parametrize(
    ("lang", "label"),
    [("kk", "Өтпейді"), ("ru", "Отменено"), ("en", "Cancelled")],
)
def test_cancelled_event_has_a_banner(fixture_site, lang, label):
    banner = article(fixture_site, LANG_PREFIX[lang] + "events/fx-cancelled/").select_one(".apk-banner--cancelled")
    assert banner is not None and banner.get_text(strip=True) == label


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("kk", "2025 ж. 2–4 маусым"),
        ("ru", "2–4 июня 2025 г."),
        ("en", "2–4 June 2025"),
    ],
)
def test_multi_day_dates(fixture_site, lang, expected):
    assert (
        facts(article(fixture_site, LANG_PREFIX[lang] + "events/fx-postponed-multiday/"))[
            {"kk": "Күні мен уақыты", "ru": "Дата и время", "en": "Date and time"}[lang]
        ]
        == expected
    )


def test_free_text_organizer_in_each_language(fixture_site):
    assert (
        facts(article(fixture_site, "ru/events/fx-postponed-multiday/"))["Организатор"]
        == "Акимат Туркестанской области"
    )
    assert facts(article(fixture_site, "en/events/fx-postponed-multiday/"))["Organizer"] == "Turkistan Region akimat"


@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_sample_events_are_labelled_as_sample_data(fixture_site, lang):
    assert article(fixture_site, LANG_PREFIX[lang] + "events/fx-timed/").select_one(".apk-notice--sample") is not None
    assert article(fixture_site, LANG_PREFIX[lang] + "calendar/").select_one(".apk-notice--sample") is not None


def test_material_ui_strings_are_kazakh(fixture_site):
    page = soup(fixture_site.page("calendar/"))
    assert page.select_one("a.md-skip").get_text(strip=True) == "Мазмұнға өту"
    assert page.select_one("input.md-search__input")["placeholder"] == "Іздеу"


def test_real_events_are_not_labelled_sample(real_site):
    page = article(real_site, "en/events/2025-04-24-xxxiv-session/")
    assert page.select_one(".apk-notice--sample") is None
    assert page.select_one("h1").get_text() == "XXXIV anniversary session of the Assembly of People of Kazakhstan"
    assert "24 April 2025" in facts(page)["Date and time"]


def test_broken_events_fail_the_build_once_with_every_message(tmp_path):
    built = build_site(tmp_path / "site", FIXTURES / "events_broken")
    assert built.returncode == 1
    assert "Traceback" not in built.output
    errors = [line.split("-  ", 1)[1] for line in built.output.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "tests/fixtures/events_broken/bad-date.md:2: start: expected 2025-04-24 (all day), 2025-04-24 10:00 "
        "(with time) or 2025-05 (day not known yet), got '24.04.2025'",
        "tests/fixtures/events_broken/bad-region.kz.md:1: file name: unknown language code 'kz': rename it to "
        "bad-region.kk.md",
        "tests/fixtures/events_broken/bad-region.md:3: end: ends (2025-04-24 09:00:00) before it starts "
        "(2025-04-24 10:00:00): swap them or fix the date",
        "tests/fixtures/events_broken/bad-region.md:4: region: unknown region 'nur-sultan': write astana",
        "tests/fixtures/events_broken/bad-region.md:5: category: unknown category 'sessions'; did you mean "
        "'session-forum'? (expected one of the 17 category ids listed in the editors' guide)",
        "5 problems in event files: fix them and build again",
    ]


@pytest.mark.parametrize(
    ("lang", "heading"), [("kk", "Аударма есебі"), ("ru", "Отчёт о переводах"), ("en", "Translation report")]
)
def test_translation_report_page_names_the_missing_translation(fixture_site, lang, heading):
    page = article(fixture_site, LANG_PREFIX[lang] + "translations/")
    assert page.select_one("h1").get_text().rstrip("¶") == heading
    english = page.find(lambda tag: tag.name == "h2" and tag["id"] in {"ағылшын-тілі", "английский-язык", "english"})
    listed = english.find_next_sibling("ul").get_text(" ", strip=True)
    # fx-allday has no English file; fx-timed's English file lacks its address.
    assert "tests/fixtures/events_small/fx-allday.md" in listed
    assert "fx-timed.md" in listed and "address" in listed
    assert "fx-cancelled" not in listed


def test_year_overview_has_twelve_months_and_links_busy_days_into_the_list(fixture_site):
    page = article(fixture_site, "en/calendar/year/")
    tables = page.select("table.apk-grid--mini")
    assert len(tables) == 12
    links = sorted(a["href"] for a in page.select("table.apk-grid--mini td a"))
    # Every day an event covers: 1 Mar, 14 and 20 May, 2-4 Jun (the month-only plan has no day).
    assert links == sorted(
        f"../../calendar/#d-{day}"
        for day in ["2025-03-01", "2025-05-14", "2025-05-20", "2025-06-02", "2025-06-02", "2025-06-02"]
    )
    listed = {node["id"] for node in article(fixture_site, "en/calendar/").select("h3.apk-day")}
    assert {href.split("#")[1] for href in links} <= listed


@pytest.mark.parametrize(("lang", "sport"), [("kk", "1 іс-шара"), ("ru", "1 мероприятие"), ("en", "1 event")])
def test_category_index_counts_events(fixture_site, lang, sport):
    page = article(fixture_site, LANG_PREFIX[lang] + "categories/")
    counts = {
        a["href"]: a.find_parent("tr").select_one("td[data-count]").get_text() for a in page.select("table.apk-index a")
    }
    assert counts["../categories/sport/"] == sport
    numbers = [int(td["data-count"]) for td in page.select("td[data-count]")]
    assert sum(numbers) == len(EVENT_IDS) and len(numbers) == 17


@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_json_ld_describes_the_event_with_its_offset(fixture_site, lang):
    import json

    page = soup(fixture_site.page(LANG_PREFIX[lang] + "events/fx-timed/"))
    (block,) = page.find_all("script", type="application/ld+json")
    data = json.loads(block.get_text())
    assert data["@type"] == "Event" and data["inLanguage"] == lang
    assert data["startDate"] == "2025-05-14T10:00:00+05:00" and data["endDate"] == "2025-05-14T13:30:00+05:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 43.2389, "longitude": 76.8897}
    assert data["url"] == f"https://apk30.example.org/{LANG_PREFIX[lang]}events/fx-timed/"
    cancelled = json.loads(
        soup(fixture_site.page(LANG_PREFIX[lang] + "events/fx-cancelled/"))
        .find("script", type="application/ld+json")
        .get_text()
    )
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled" and cancelled["startDate"] == "2025-05-20"


@pytest.mark.parametrize(
    "url", ["calendar/", "calendar/2025-05/", "calendar/year/", "regions/astana/", "categories/sport/"]
)
def test_every_calendar_view_links_a_feed_twice(fixture_site, url):
    """Each feed offered by webcal and https. The whole calendar's views offer the coming-up feed
    first, then the whole calendar; a region or category page offers its own feed."""
    for lang, prefix in LANG_PREFIX.items():
        page = article(fixture_site, prefix + url)
        hrefs = [a["href"] for a in page.select(".apk-subscribe a")]
        webcal = [h for h in hrefs if h.startswith("webcal://")]
        https = [h for h in hrefs if h.startswith("https://")]
        assert [w.removeprefix("webcal://") for w in webcal] == [h.removeprefix("https://") for h in https]
        feeds = [h.removeprefix("https://apk30.example.org/") for h in https]
        if url.startswith("calendar/"):
            assert feeds == [f"{prefix}feeds/upcoming.ics", f"{prefix}feeds/calendar.ics"], (lang, url)
        else:
            kind, key = url.strip("/").split("/")
            assert feeds == [f"{prefix}feeds/{kind}/{key}.ics"], (lang, url)
        for feed in feeds:
            assert (fixture_site.site / feed).is_file(), feed
