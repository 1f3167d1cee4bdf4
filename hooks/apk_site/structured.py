"""schema.org `Event` JSON-LD for an event page, safe to place inside a <script> element.

Times carry the +05:00 offset of Asia/Almaty, so search engines never have to guess the zone.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from . import feed
from .model import Event
from .reference import reference
from .views import organizer_text

STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}


def _moment(value: dt.date | dt.datetime, month_only: bool) -> str:
    if month_only:
        return value.strftime("%Y-%m")
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S") + "+05:00"
    return value.isoformat()


def _location(event: Event, lang: str) -> dict[str, Any]:
    venue = event.text("venue", lang)
    address = event.text("address", lang)
    place: dict[str, Any] = {
        "@type": "Place",
        "name": venue.value if venue else "",
        "address": {
            "@type": "PostalAddress",
            "addressRegion": reference().regions[event.region].name(lang),
            "addressCountry": "KZ",
            **({"streetAddress": address.value} if address else {}),
        },
    }
    if event.geo:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": event.geo[0], "longitude": event.geo[1]}
    return place


def event_data(event: Event, lang: str, site_url: str) -> dict[str, Any]:
    title = event.title(lang)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": title.value,
        "inLanguage": title.lang,
        "url": feed.event_url(event, lang, site_url),
        "startDate": _moment(event.when.start, event.when.month_only),
        "eventStatus": STATUS[event.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": _location(event, lang),
        "organizer": {"@type": "Organization", "name": organizer_text(event, lang).value},
    }
    if event.when.end is not None:
        data["endDate"] = _moment(event.when.end, False)
    summary = event.text("summary", lang)
    if summary:
        data["description"] = summary.value
    return data


def json_ld(event: Event, lang: str, site_url: str) -> str:
    """JSON that cannot close its <script> element: <, > and & are written as \\u escapes."""
    text = json.dumps(event_data(event, lang, site_url), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
