"""Links that put an event or a feed into someone's calendar: Google, Outlook, webcal.

Google wants UTC (or all-day dates with an exclusive end); Outlook's deep link takes ISO times
with the +05:00 offset. Both are plain URLs, so nothing here runs in the reader's browser.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from . import feed
from .model import Event


def _google_dates(event: Event) -> str:
    when = event.when
    if when.timed:
        assert isinstance(when.start, dt.datetime)
        end = when.end if isinstance(when.end, dt.datetime) else when.start + dt.timedelta(hours=1)
        return f"{feed.utc(when.start):%Y%m%dT%H%M%SZ}/{feed.utc(end):%Y%m%dT%H%M%SZ}"
    return f"{when.start_date:%Y%m%d}/{when.end_date + dt.timedelta(days=1):%Y%m%d}"


def google(event: Event, lang: str, url: str) -> str:
    query = {
        "action": "TEMPLATE",
        "text": event.title(lang).value,
        "dates": _google_dates(event),
        "details": url,
        "location": feed.location(event, lang),
        "ctz": "Asia/Almaty",
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def _outlook_times(event: Event) -> dict[str, str]:
    when = event.when
    if when.timed:
        assert isinstance(when.start, dt.datetime)
        end = when.end if isinstance(when.end, dt.datetime) else when.start + dt.timedelta(hours=1)
        return {"startdt": f"{when.start:%Y-%m-%dT%H:%M:%S}+05:00", "enddt": f"{end:%Y-%m-%dT%H:%M:%S}+05:00"}
    end = when.end_date + dt.timedelta(days=1)
    return {"startdt": when.start_date.isoformat(), "enddt": end.isoformat(), "allday": "true"}


def outlook(event: Event, lang: str, url: str) -> str:
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title(lang).value,
        **_outlook_times(event),
        "body": url,
        "location": feed.location(event, lang),
    }
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(query)


def webcal(https_url: str) -> str:
    return "webcal://" + https_url.split("://", 1)[1]
