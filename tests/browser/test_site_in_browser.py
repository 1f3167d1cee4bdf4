"""In a real browser: the home page, the language switcher on an event page, no third-party requests."""

from __future__ import annotations

from urllib.parse import urlsplit


def test_home_page_is_kazakh_and_requests_only_the_site(page, fixture_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(fixture_url + "/")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.locator("article h1").first.inner_text().rstrip("¶") == "Қазақстан халқы Ассамблеясына 30 жыл"
    hosts = {urlsplit(url).netloc for url in requested if not url.startswith("data:")}
    assert hosts == {urlsplit(fixture_url).netloc}


def test_switching_language_on_an_event_lands_on_the_same_event(page, fixture_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(fixture_url + "/events/fx-timed/")
    assert page.locator("article h1").inner_text() == "Ғылыми-тәжірибелік конференция"

    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="ru"]').click()
    page.wait_for_url("**/ru/events/fx-timed/")

    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("article h1").inner_text() == "Научно-практическая конференция"
    page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).netloc for url in requested if not url.startswith("data:")}
    assert hosts == {urlsplit(fixture_url).netloc}


def test_calendar_links_open_event_pages(page, fixture_url):
    page.goto(fixture_url + "/en/calendar/")
    page.get_by_role("link", name="Research and practice conference").click()
    page.wait_for_url("**/en/events/fx-timed/")
    assert page.locator("article h1").inner_text() == "Research and practice conference"
