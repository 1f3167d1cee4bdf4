"""Pure view functions: select, sort and group events into what a page shows, in one language.

Views return plain dataclasses of strings; they never read files and never look at the clock,
so the same events always give the same pages.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import groupby
from urllib.parse import urlencode, urlsplit

from . import DEFAULT_LANGUAGE, LANGUAGES, calendar_links, feed, feed_files, l10n
from .model import Event, Text
from .reference import reference


@dataclass(frozen=True)
class EventRow:
    id: str
    href: str
    title: Text
    date: str
    time: str
    iso_date: str
    iso_end: str
    region: str
    region_id: str
    category_id: str
    organizer_id: str
    status: str
    status_label: str
    sample: bool
    search_text: str
    # The list shows the date once, in its day's heading: a row repeats it only when it spans days.
    category: str = ""
    multi_day: bool = False
    tba_label: str = ""


@dataclass(frozen=True)
class DayGroup:
    key: str
    heading: str
    rows: tuple[EventRow, ...]


@dataclass(frozen=True)
class MonthGroup:
    key: str
    heading: str
    count: str
    days: tuple[DayGroup, ...]
    grid_href: str


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Filters:
    regions: tuple[Option, ...]
    categories: tuple[Option, ...]
    organizers: tuple[Option, ...]
    months: tuple[Option, ...]
    plural_forms: str
    count: str = ""  # all events, shown before the script counts what a filter leaves
    browse: tuple[Option, ...] = ()  # the pages that filter without JavaScript: href and label


@dataclass(frozen=True)
class Subscribe:
    heading: str
    webcal: str
    webcal_label: str
    https: str
    https_label: str
    steps: tuple[str, ...]
    opendata: tuple[str, ...] = ()
    opendata_label: str = ""
    # The whole calendar's block offers the small coming-up feed first and the whole one after it.
    note: str = ""
    archive: str = ""
    archive_webcal: str = ""
    archive_label: str = ""


def subscribe(feed_path: str, lang: str, site_url: str) -> Subscribe:
    """The subscribe block of a calendar view: webcal:// and https links with short instructions."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    whole = feed_path == feed_files.CALENDAR_FEED  # too large for Google at 4,200 events: see feed_files
    https = f"{site_url.rstrip('/')}/{prefix}{feed_files.UPCOMING_FEED if whole else feed_path}"
    archive = f"{site_url.rstrip('/')}/{prefix}{feed_path}" if whole else ""
    steps = tuple(l10n.t(f"subscribe.{key}", lang) for key in ("google", "outlook", "apple", "tba"))
    return Subscribe(
        l10n.t("subscribe.heading", lang),
        calendar_links.webcal(https),
        l10n.t("subscribe.webcal", lang),
        https,
        l10n.t("subscribe.https", lang),
        steps,
        note=l10n.t("subscribe.upcoming", lang) if whole else "",
        archive=archive,
        archive_webcal=calendar_links.webcal(archive) if whole else "",
        archive_label=l10n.t("subscribe.archive", lang) if whole else "",
    )


@dataclass(frozen=True)
class CalendarView:
    lang: str
    intro: str
    months: tuple[MonthGroup, ...]
    empty_text: str
    sample_notice: str
    filters: Filters | None = None
    subscribe: Subscribe | None = None


@dataclass(frozen=True)
class Fact:
    label: str
    value: Text
    href: str = ""
    chip: str = ""  # a category slug: the value is shown as its chip


@dataclass(frozen=True)
class Action:
    """A button of the event page: register, watch live, or add to a calendar."""

    kind: str
    label: str
    href: str


@dataclass(frozen=True)
class EventPage:
    lang: str
    title: Text
    summary: Text | None
    body: Text | None
    facts: tuple[Fact, ...]
    status: str
    status_label: str
    fallback_notices: tuple[tuple[str, str], ...]
    sample_notice: str
    calendar_href: str
    back_label: str
    add_heading: str = ""
    related_heading: str = ""
    related: tuple[EventRow, ...] = ()
    description: str = ""
    # The first phone screen (issue 13): when and where, then the actions; `facts` holds the rest.
    summary_facts: tuple[Fact, ...] = ()
    actions: tuple[Action, ...] = ()
    add_actions: tuple[Action, ...] = ()
    add_note: str = ""


def event_href(event: Event, base: str) -> str:
    return f"{base}events/{event.id}/"


def organizer_key(event: Event) -> str:
    """Structures by id; free-text organizers are not listed as a filter or index of their own."""
    return event.organizer.id or ""


# A row appears on the list, a month grid, its region, category and organizer pages and beside
# related events: build it once per language and page depth.
@lru_cache(maxsize=65536)
def row(event: Event, lang: str, base: str) -> EventRow:
    title = event.title(lang)
    return EventRow(
        id=event.id,
        href=event_href(event, base),
        title=title,
        date=l10n.date_range(event.when, lang),
        time=l10n.time_range(event.when, lang),
        iso_date=event.when.start_date.isoformat(),
        iso_end=_last_day(event).isoformat(),
        region=reference().regions[event.region].name(lang),
        region_id=event.region,
        category_id=event.category,
        organizer_id=organizer_key(event),
        status=event.status,
        status_label=l10n.t(f"status.{event.status}", lang) if event.status != "scheduled" else "",
        sample=event.sample,
        search_text=_search_text(event, lang),
        category=reference().categories[event.category].name(lang),
        multi_day=event.when.start_date != event.when.end_date,
        tba_label=l10n.t("date_tba", lang) if event.when.month_only else "",
    )


def _last_day(event: Event) -> dt.date:
    """A plan known only to its month stays current until the month is over."""
    if event.when.month_only:
        start = event.when.start_date
        return dt.date(start.year, start.month, stdlib_calendar.monthrange(start.year, start.month)[1])
    return event.when.end_date


def _search_text(event: Event, lang: str) -> str:
    parts = [event.title(lang).value, (event.text("venue", lang) or Text("", lang)).value]
    parts.append(reference().regions[event.region].name(lang))
    return " ".join(parts).lower()


def month_key(event: Event) -> str:
    return event.when.start_date.strftime("%Y-%m")


def _day_groups(events: list[Event], lang: str, base: str) -> tuple[DayGroup, ...]:
    planned = [e for e in events if e.when.month_only]
    days = []
    for day, group in groupby([e for e in events if not e.when.month_only], key=lambda e: e.when.start_date):
        heading = f"{l10n.long_date(day, lang)}, {l10n.weekday(day, lang)}"
        days.append(DayGroup(day.isoformat(), heading, tuple(row(e, lang, base) for e in group)))
    if planned:
        days.append(
            DayGroup(
                f"{month_key(planned[0])}-tba",
                l10n.t("date_tba_heading", lang),
                tuple(row(e, lang, base) for e in planned),
            )
        )
    return tuple(days)


def month_groups(events: tuple[Event, ...], lang: str, base: str) -> tuple[MonthGroup, ...]:
    months = []
    for key, group in groupby(sorted(events, key=lambda e: e.sort_key), key=month_key):
        listed = list(group)
        year, month = (int(part) for part in key.split("-"))
        months.append(
            MonthGroup(
                key,
                l10n.month_heading(year, month, lang),
                l10n.plural(len(listed), "events", lang),
                _day_groups(listed, lang, base),
                f"{base}calendar/{key}/",
            )
        )
    return tuple(months)


def filters(events: tuple[Event, ...], lang: str, base: str = "../") -> Filters:
    ref = reference()
    used = {name: sorted({getattr(e, name) for e in events}) for name in ("region", "category")}
    organizers = sorted({organizer_key(e) for e in events} - {""})
    months = sorted({month_key(e) for e in events})
    return Filters(
        regions=tuple(Option(slug, ref.regions[slug].name(lang)) for slug in used["region"]),
        categories=tuple(Option(slug, ref.categories[slug].name(lang)) for slug in used["category"]),
        organizers=tuple(Option(key, ref.organizers[key].name(lang)) for key in organizers),
        months=tuple(Option(key, l10n.month_heading(int(key[:4]), int(key[5:]), lang)) for key in months),
        plural_forms=l10n.plural_forms_json("events", lang),
        count=l10n.plural(len(events), "events", lang),
        browse=tuple(Option(f"{base}{href}", l10n.t(key, lang)) for href, key in BROWSE),
    )


# Pages that show a part of the calendar without the filter script, offered beside the filter.
BROWSE = (("regions/", "index.regions"), ("categories/", "index.categories"),
          ("organizers/", "index.organizers"), ("calendar/year/", "year_overview"))  # fmt: skip


def site_root(base: str, lang: str) -> str:
    """From a page to the site root: one level above the language root for /ru/ and /en/."""
    return base if lang == DEFAULT_LANGUAGE else base + "../"


# Written once at the site root (they hold all three languages): see mkdocs_adapter.write_feeds.
OPEN_DATA = ("data/events.json", "data/events.schema.json", "data/events.csv")


def calendar(events: tuple[Event, ...], lang: str, base: str = "../", site_url: str = "/") -> CalendarView:
    """Every event, grouped by month and day in date order; `base` leads from the page to the site root."""
    intro = l10n.t("calendar_intro", lang, count=l10n.plural(len(events), "events", lang))
    sample = l10n.t("sample_calendar_notice", lang) if any(e.sample for e in events) else ""
    return CalendarView(
        lang,
        intro,
        month_groups(events, lang, base),
        l10n.t("calendar_empty", lang),
        sample,
        filters(events, lang, base) if events else None,
        replace(
            subscribe(feed_files.CALENDAR_FEED, lang, site_url),
            opendata=tuple(site_root(base, lang) + path for path in OPEN_DATA),
            opendata_label=l10n.t("opendata", lang),
        ),
    )


def organizer_text(event: Event, lang: str) -> Text:
    names = event.organizer.names
    for candidate in (lang, *LANGUAGES):
        if candidate in names:
            return Text(names[candidate], candidate)
    raise AssertionError("the loader guarantees an organizer name")


def _summary_facts(event: Event, lang: str) -> tuple[Fact, ...]:
    """When and where, with a plain link to OpenStreetMap: nothing is fetched from it."""
    facts = [Fact(l10n.t("when", lang), Text(l10n.when_text(event.when, lang), lang))]
    for name in ("venue", "address"):
        text = event.text(name, lang)
        if text:
            facts.append(Fact(l10n.t(name, lang), text))
    osm = map_href(event, lang)
    if osm:
        facts.append(Fact(l10n.t("directions", lang), Text(l10n.t("directions.osm", lang), lang), osm))
    return tuple(facts)


def map_href(event: Event, lang: str) -> str:
    """OpenStreetMap at the event's coordinates, or a search for its address; '' when neither is known."""
    if event.geo:
        lat, lon = event.geo
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    address = event.text("address", lang)
    if not address:
        return ""
    return "https://www.openstreetmap.org/search?" + urlencode({"query": feed.location(event, lang)})


def host_name(url: str) -> str:
    """What a link to a web address says instead of the address: its host, without "www."."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _facts(event: Event, lang: str, base: str) -> tuple[Fact, ...]:
    ref = reference()
    facts = [
        Fact(
            l10n.t("region", lang), Text(ref.regions[event.region].name(lang), lang), f"{base}regions/{event.region}/"
        ),
        Fact(
            l10n.t("category", lang),
            Text(ref.categories[event.category].name(lang), lang),
            f"{base}categories/{event.category}/",
            chip=event.category,
        ),
        Fact(
            l10n.t("organizer", lang),
            organizer_text(event, lang),
            f"{base}organizers/{event.organizer.id}/" if event.organizer.id else "",
        ),
        Fact(l10n.t("status", lang), Text(l10n.t(f"status.{event.status}", lang), lang)),
    ]
    if event.source:
        facts.append(Fact(l10n.t("source", lang), Text(host_name(event.source), lang), event.source))
    return tuple(facts)


ACTIONS = ("registration", "livestream")


def _actions(event: Event, lang: str) -> tuple[Action, ...]:
    """Register and Watch live, in that order, for the links the event has (none once it is cancelled)."""
    if event.status == "cancelled":
        return ()
    links = dict(event.links)
    return tuple(Action(kind, l10n.t(f"action.{kind}", lang), links[kind]) for kind in ACTIONS if kind in links)


def _add_actions(event: Event, lang: str, site_url: str) -> tuple[Action, ...]:
    if event.when.month_only:
        return ()
    url = feed.event_url(event, lang, site_url)
    return (
        Action("google", l10n.t("action.google", lang), calendar_links.google(event, lang, url)),
        Action("outlook", l10n.t("action.outlook", lang), calendar_links.outlook(event, lang, url)),
        Action("ics", l10n.t("action.ics", lang), f"{event.id}.ics"),
    )


def _fallback_notices(event: Event, lang: str) -> tuple[tuple[str, str], ...]:
    used = sorted({text.lang for name in ("title", "body") if (text := event.text(name, lang)) and text.lang != lang})
    return tuple((other, l10n.t("fallback_notice", lang, language=l10n.in_language(other, lang))) for other in used)


def related_ids(events: tuple[Event, ...], limit: int = 5) -> dict[str, tuple[str, ...]]:
    """For each event, others on the same day first, then the nearest in date in the same region."""
    by_day: dict[object, list[Event]] = {}
    by_region: dict[str, list[Event]] = {}
    for event in sorted(events, key=lambda e: e.sort_key):
        if not event.when.month_only:
            by_day.setdefault(event.when.start_date, []).append(event)
        by_region.setdefault(event.region, []).append(event)
    related = {}
    for event in events:
        same_day = [e for e in by_day.get(event.when.start_date, []) if e.id != event.id][:limit]
        neighbours = by_region[event.region]
        here = neighbours.index(event)
        around = sorted(
            neighbours[max(0, here - limit) : here + limit + 1],
            key=lambda e: (abs((e.when.start_date - event.when.start_date).days), e.sort_key),
        )
        chosen = same_day + [e for e in around if e.id != event.id and e not in same_day]
        related[event.id] = tuple(e.id for e in chosen[:limit])
    return related


def event_page(
    event: Event, lang: str, base: str = "../../", site_url: str = "/", related: tuple[Event, ...] = ()
) -> EventPage:
    summary_facts = _summary_facts(event, lang)
    facts = _facts(event, lang, base)
    return EventPage(
        lang=lang,
        title=event.title(lang),
        summary=event.text("summary", lang),
        body=event.text("body", lang),
        facts=facts,
        status=event.status,
        status_label=l10n.t(f"status.{event.status}", lang),
        fallback_notices=_fallback_notices(event, lang),
        sample_notice=l10n.t("sample_notice", lang) if event.sample else "",
        calendar_href=f"{base}calendar/",
        back_label=l10n.t("back_to_calendar", lang),
        add_heading=l10n.t("add.heading", lang),
        related_heading=l10n.t("related", lang),
        related=tuple(row(e, lang, base) for e in related),
        description=_description(event, lang, summary_facts),
        summary_facts=summary_facts,
        actions=_actions(event, lang),
        add_actions=_add_actions(event, lang, site_url),
        add_note=l10n.t("add.tba", lang) if event.when.month_only else "",
    )


def _description(event: Event, lang: str, facts: tuple[Fact, ...]) -> str:
    """For search engines and link previews: the summary, or else when and where."""
    summary = event.text("summary", lang)
    if summary:
        return summary.value
    region = reference().regions[event.region].name(lang)
    return f"{facts[0].value.value} · {region}"
