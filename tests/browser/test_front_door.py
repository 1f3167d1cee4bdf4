"""The public face in Debian chromium (issue 13), on the 420-event sample at 390x844 and 1280x800 in
kk, ru and en: the home page links at least 6 coming events, counted from the build date and kept
current by its script in Astana time; an event page's Register and Add-to-calendar links are on the
first phone screen; no link text is a raw web address."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import PREFIX, served
from tests.conftest import build_site

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
ASTANA = dt.timezone(dt.timedelta(hours=5))
# The sample's year is 2025; it is built as on 1 April 2025 (Astana), so that most of it lies ahead.
BUILT = dt.datetime(2025, 4, 1, tzinfo=ASTANA)
WEB_ADDRESS = re.compile(r"^\s*(https?://|www\.)|://", re.I)
# The cards a reader sees: shown, in page order, with their end date and whether they say "past".
SHOWN_CARDS = """() => [...document.querySelectorAll('ul.apk-cards > li')]
  .filter(li => !li.hidden && li.offsetParent !== null)
  .map(li => [li.querySelector('a.apk-card__title').getAttribute('href'), li.dataset.end,
              li.classList.contains('apk-card--past') && !li.querySelector('.apk-badge--past').hidden])"""
LINK_TEXTS = "() => [...document.querySelectorAll('a')].filter(a => a.offsetParent !== null).map(a => a.innerText ?? a.textContent)"


@pytest.fixture(scope="module")
def april_site(sample_build, tmp_path_factory):
    events_dir, _ = sample_build
    epoch = str(int(BUILT.timestamp()))
    built = build_site(tmp_path_factory.mktemp("sample-april"), events_dir, SOURCE_DATE_EPOCH=epoch)
    assert built.returncode == 0, built.output
    with served(built.site) as url:
        yield events_dir, built.site, url


def ordinary_event(events_dir: Path) -> str:
    """A scheduled, timed sample event with a registration link and a title of ordinary length."""
    for path in sorted(events_dir.glob("*.md")):
        if path.name.count(".") > 1:
            continue
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        timed = isinstance(meta["start"], (str, dt.datetime)) and ":" in str(meta["start"])
        links = meta.get("links") or {}
        if (
            meta.get("status", "scheduled") == "scheduled"
            and timed
            and "registration" in links
            and len(meta["title"]) < 70
        ):
            return path.stem
    raise AssertionError(f"no ordinary event with a registration link in {events_dir}")


def open_at(page, url: str, viewport: str, moment: dt.datetime) -> None:
    page.set_viewport_size(VIEWPORTS[viewport])
    page.clock.set_fixed_time(moment)
    page.goto(url)


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("lang", sorted(PREFIX))
def test_home_page_links_at_least_six_coming_events(page, april_site, lang, viewport):
    _, _, url = april_site
    open_at(page, f"{url}/{PREFIX[lang]}", viewport, BUILT + dt.timedelta(hours=9))
    assert (
        page.locator("#home-events").inner_text()
        == {"kk": "Алдағы іс-шаралар", "ru": "Ближайшие мероприятия", "en": "Coming up"}[lang]
    )
    cards = page.evaluate(SHOWN_CARDS)
    assert len(cards) == 6
    assert all(href.startswith("events/") and end >= "2025-04-01" and not past for href, end, past in cards)
    for href, _, _ in cards:
        assert page.locator(f'a.apk-card__title[href="{href}"]').is_visible()
    assert not [text for text in page.evaluate(LINK_TEXTS) if WEB_ADDRESS.search(text)]


BUILT_CARDS = """() => [...document.querySelectorAll('ul.apk-cards > li:not(.apk-card--past)')]
  .map(li => [li.querySelector('a.apk-card__title').getAttribute('href'), li.dataset.end])"""


def test_the_script_drops_what_has_passed_by_today_in_astana(page, april_site):
    _, _, url = april_site
    open_at(page, f"{url}/ru/", "phone", BUILT)
    built = page.evaluate(BUILT_CARDS)  # the coming events of the build, in date order, spares included
    # A day after the third shown card has ended, at 00:30 in Astana: still the day before in UTC.
    day = dt.date.fromisoformat(sorted(end for _, end in built[:6])[2]) + dt.timedelta(days=1)
    moment = dt.datetime.combine(day, dt.time(0, 30), tzinfo=ASTANA)
    expected = [href for href, end in built if end >= day.isoformat()][:6]
    assert len(expected) == 6, "the build holds spares for the script"
    open_at(page, f"{url}/ru/", "phone", moment)
    cards = page.evaluate(SHOWN_CARDS)
    assert [href for href, _, _ in cards] == expected
    assert not any(past for _, _, past in cards)


def test_when_nothing_is_left_to_come_the_latest_past_events_show_marked_past(page, april_site):
    _, _, url = april_site
    open_at(page, f"{url}/en/", "desktop", dt.datetime(2027, 1, 1, tzinfo=ASTANA))
    assert page.locator("#home-events").inner_text() == "Recent events"
    cards = page.evaluate(SHOWN_CARDS)
    assert len(cards) == 6
    assert all(past for _, _, past in cards)
    ends = [end for _, end, _ in cards]
    assert ends == sorted(ends, reverse=True)


def test_without_javascript_the_built_cards_show(browser, april_site):
    _, _, url = april_site
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(f"{url}/")
    assert page.locator("ul.apk-cards > li:not([hidden]) a.apk-card__title").count() == 6
    assert page.locator("ul.apk-cards > li[hidden]").count() >= 6  # spares and past ones, for the script
    context.close()


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("lang", sorted(PREFIX))
def test_event_actions_are_on_the_first_phone_screen(page, april_site, lang, viewport):
    events_dir, _, url = april_site
    event = ordinary_event(events_dir)
    open_at(page, f"{url}/{PREFIX[lang]}events/{event}/", viewport, BUILT)
    height = VIEWPORTS[viewport]["height"]
    actions = ["a.apk-action--registration", "a.apk-action--google", "a.apk-action--outlook", "a.apk-action--ics"]
    for selector in actions:
        box = page.locator(selector).bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, (selector, box)
        assert box["height"] >= 44 or viewport == "desktop", (selector, box)  # a thumb's target
    assert page.locator("a.apk-action--ics").get_attribute("href") == f"{event}.ics"
    assert not [text for text in page.evaluate(LINK_TEXTS) if WEB_ADDRESS.search(text)]


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_related_events_show_their_chips_under_their_titles(page, april_site, viewport):
    """Event pages do without calendar.css: the rows of related events are laid out by site.css, with
    the category chip in the title's column (under the title), not among the date and place."""
    events_dir, _, url = april_site
    open_at(page, f"{url}/ru/events/{ordinary_event(events_dir)}/", viewport, BUILT)
    rows = page.locator(".apk-related li.apk-event")
    assert rows.count() >= 2
    for index in range(rows.count()):
        row = rows.nth(index)
        title, chip = row.locator(".apk-event__title").bounding_box(), row.locator(".apk-chip").bounding_box()
        region = row.locator(".apk-event__region").bounding_box()
        assert title and chip and region
        assert abs(chip["x"] - title["x"]) < 2, (index, title, chip)  # the title's column, its left edge
        assert chip["y"] >= title["y"] + title["height"] - 1, (index, title, chip)  # under the title
        if viewport == "desktop":
            assert region["x"] + region["width"] <= title["x"], (index, region, title)  # beside it, on the left
