"""The event page's first screen (issue 13): when and where with a plain map link, the actions as
buttons, and never a web address as a link's text."""

from __future__ import annotations

import dataclasses
import datetime as dt

from apk_site import home, render, views
from apk_site.loader import load_events

from tests.conftest import FIXTURES

EVENTS, _ = load_events(FIXTURES / "events_small")
BY_ID = {e.id: e for e in EVENTS}


def test_the_map_link_goes_by_coordinates_or_else_searches_for_the_address():
    timed = BY_ID["fx-timed"]
    assert (
        views.map_href(timed, "ru") == "https://www.openstreetmap.org/?mlat=43.2389&mlon=76.8897#map=17/43.2389/76.8897"
    )
    by_address = dataclasses.replace(timed, geo=None)
    assert views.map_href(by_address, "ru") == (
        "https://www.openstreetmap.org/search?query=%D0%94%D0%BE%D0%BC+%D0%B4%D1%80%D1%83%D0%B6%D0%B1%D1%8B"
        "%2C+%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B%2C+%D0%BF%D1%80%D0%BE%D1%81%D0%BF%D0%B5%D0%BA%D1%82+"
        "%D0%90%D0%B1%D0%B0%D1%8F%2C+1%2C+%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B"
    )


def test_actions_are_labelled_buttons_and_a_cancelled_event_offers_none():
    page = views.event_page(BY_ID["fx-timed"], "en", site_url="https://apk30.example.org/")
    assert [(a.kind, a.label) for a in page.actions] == [("registration", "Register")]
    assert [(a.kind, a.label) for a in page.add_actions] == [
        ("google", "Google Calendar"),
        ("outlook", "Outlook"),
        ("ics", "Apple / .ics file"),
    ]
    assert views.event_page(BY_ID["fx-cancelled"], "en").actions == ()
    month_only = views.event_page(BY_ID["fx-month-only"], "en")
    assert month_only.add_actions == () and month_only.add_note.startswith("You can add this event")


def test_a_link_showing_its_web_address_shows_the_host():
    html = '<p><a href="https://www.example.org/a?x=1&amp;y=2">https://www.example.org/a?x=1&amp;y=2</a> <a href="https://a.kz/b">text</a></p>'
    assert render.host_link_texts(html) == (
        '<p><a href="https://www.example.org/a?x=1&amp;y=2">example.org</a> <a href="https://a.kz/b">text</a></p>'
    )


def test_home_cards_skip_cancelled_and_undated_events_and_fill_with_the_latest_past():
    coming, past = home.chosen(EVENTS, dt.date(2025, 5, 15))
    assert [e.id for e in coming] == ["fx-postponed-multiday"]
    assert [e.id for e in past] == ["fx-timed", "fx-allday"]
    cards = home.cards(EVENTS, dt.date(2025, 5, 15), "kk", "")
    assert [(c.row.id, c.past, c.hidden) for c in cards] == [
        ("fx-postponed-multiday", False, False),
        ("fx-timed", True, False),
        ("fx-allday", True, False),
    ]
