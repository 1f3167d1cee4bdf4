"""In a real browser, on the 420-event sample calendar: list filters, month grid, region map, JS marks.

Expectations come from the generated event files and the project's data files (regions, UI words),
never from the page under test, so every test can fail.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
import yaml
from babel import Locale

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

DATA = ROOT / "hooks" / "apk_site" / "data"
LANGS = ("kk", "ru", "en")
PREFIX = {"kk": "", "ru": "/ru", "en": "/en"}
CELL_LIMIT = 3  # a month-grid cell lists this many events, then "N more"
EVENT_ID = re.compile(r"/events/([^/]+)/$")


# --- the source events, read straight from the generated files -------------------------------------------------


@dataclass(frozen=True)
class SourceEvent:
    id: str
    region: str
    category: str
    status: str
    start: dt.date
    end: dt.date  # the last day the event may take place on
    clock: str  # "HH:MM" for timed events, "" otherwise
    month_only: bool
    texts: dict[str, dict[str, str]]  # lang -> field -> text, only the languages written

    def text(self, field: str, lang: str) -> str:
        order = {"kk": ("kk", "ru", "en"), "ru": ("ru", "kk", "en"), "en": ("en", "ru", "kk")}[lang]
        for candidate in order:
            value = self.texts.get(candidate, {}).get(field)
            if value:
                return " ".join(str(value).split())
        return ""

    @property
    def sort_key(self) -> tuple[dt.date, str, str]:
        return (self.start, self.clock, self.id)


def _front_matter(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def _moment(value: object) -> tuple[dt.date, str, bool]:
    if isinstance(value, dt.datetime):
        return value.date(), value.strftime("%H:%M"), False
    if isinstance(value, dt.date):
        return value, "", False
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return dt.date(int(text[:4]), int(text[5:]), 1), "", True
    moment = dt.datetime.strptime(text, "%Y-%m-%d %H:%M")
    return moment.date(), moment.strftime("%H:%M"), False


def read_events(folder: Path) -> dict[str, SourceEvent]:
    events = {}
    for path in sorted(folder.glob("*.md")):
        if re.search(r"\.(ru|en)\.md$", path.name):
            continue
        meta, _ = _front_matter(path)
        event_id = path.name[: -len(".md")]
        start, clock, month_only = _moment(meta["start"])
        if month_only:
            end = start.replace(day=stdlib_calendar.monthrange(start.year, start.month)[1])
        elif "end" in meta:
            end = _moment(meta["end"])[0]
        else:
            end = start
        texts = {"kk": {k: meta[k] for k in ("title", "venue") if k in meta}}
        for lang in ("ru", "en"):
            translation = folder / f"{event_id}.{lang}.md"
            if translation.exists():
                values, _ = _front_matter(translation)
                texts[lang] = {k: values[k] for k in ("title", "venue") if k in values}
        events[event_id] = SourceEvent(
            event_id, meta["region"], meta["category"], meta["status"], start, end, clock, month_only, texts
        )
    return events


def _load(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def region_names() -> dict[str, dict[str, str]]:
    data = _load("regions.yaml")
    return {item["slug"]: item["name"] for item in data["regions"] + [data["nationwide"]]}


def mapped_regions() -> list[str]:
    """The 20 first-level units (the map's tiles): every region but the site's own `nationwide`."""
    return [item["slug"] for item in _load("regions.yaml")["regions"]]


def words(key: str) -> dict:
    return _load("ui.yaml")[key]


def events_text(count: int, lang: str) -> str:
    """'5 мероприятий', with the CLDR plural category picked by Babel."""
    forms = words("events")[lang]
    form = Locale.parse(lang).plural_form(count)
    return f"{count} {forms.get(form, forms['other'])}"


# --- the built and served sample site ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    url: str
    site: Path
    events: dict[str, SourceEvent]


@pytest.fixture(scope="session")
def sample(sample_build, sample_url) -> Sample:
    events_dir, built = sample_build
    events = read_events(events_dir)
    assert len(events) == 420
    return Sample(sample_url, built.site, events)


def event_id(href: str) -> str:
    match = EVENT_ID.search(urlsplit(href).path)
    assert match, href
    return match[1]


SHOWN_ROWS = """() => Array.from(document.querySelectorAll('[data-apk-calendar] .apk-event'))
    .filter(row => row.getClientRects().length > 0)  // rendered, not merely marked hidden
    .map(row => row.querySelector('a.apk-event__title').href)"""


def shown_ids(page) -> list[str]:
    return [event_id(href) for href in page.evaluate(SHOWN_ROWS)]


def open_list(page, url: str) -> None:
    """Open the list and its "Filter" disclosure; the form shows once the script has run."""
    page.goto(url)
    page.locator("details.apk-filters > summary").click()
    page.locator("form.apk-filter").wait_for(state="visible")


def search_text(event: SourceEvent, lang: str) -> str:
    return " ".join((event.text("title", lang), event.text("venue", lang), region_names()[event.region][lang])).lower()


# --- 1. filters ---------------------------------------------------------------------------------------------------


def _pairs(sample: Sample) -> dict[tuple[str, str], list[str]]:
    pairs: dict[tuple[str, str], list[str]] = {}
    for event in sample.events.values():
        pairs.setdefault((event.region, event.category), []).append(event.id)
    return pairs


def test_region_and_category_filters_narrow_the_list_and_live_in_the_url(browser, page, sample):
    pairs = _pairs(sample)
    # The largest region+category pair (first by name among equals): several rows, a "many" count in Russian.
    (region, category), expected = max(sorted(pairs.items()), key=lambda item: len(item[1]))
    assert len(expected) >= 2

    open_list(page, sample.url + "/ru/calendar/")
    assert len(shown_ids(page)) == 420
    page.select_option("select[name=region]", region)
    page.select_option("select[name=category]", category)

    shown = shown_ids(page)
    assert sorted(shown) == sorted(expected)
    assert len(shown) == len(set(shown))
    assert page.locator("[data-apk-count]").inner_text() == events_text(len(expected), "ru")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"region": [region], "category": [category]}

    fresh = browser.new_context()
    try:
        again = fresh.new_page()
        open_list(again, page.url)
        assert sorted(shown_ids(again)) == sorted(expected)
        assert again.locator("select[name=region]").input_value() == region
        assert again.locator("select[name=category]").input_value() == category
        assert again.locator("[data-apk-count]").inner_text() == events_text(len(expected), "ru")
    finally:
        fresh.close()


MONTH_COUNTS = """() => Object.fromEntries(Array.from(document.querySelectorAll('[data-apk-calendar] .apk-month'))
    .filter(month => month.getClientRects().length > 0)
    .map(month => [month.dataset.month, month.querySelector('.apk-month__count').textContent]))"""


def _per_month(events) -> dict[str, int]:
    counts: dict[str, int] = {}
    for event in events:
        key = event.start.strftime("%Y-%m")
        counts[key] = counts.get(key, 0) + 1
    return counts


def test_month_headings_count_the_rows_the_filter_leaves(page, sample):
    region = sorted({e.region for e in sample.events.values()})[0]
    chosen = _per_month(e for e in sample.events.values() if e.region == region)
    every = _per_month(sample.events.values())
    assert chosen != {key: every[key] for key in chosen}, "the region should leave out some rows of some month"

    open_list(page, sample.url + "/ru/calendar/")
    assert page.evaluate(MONTH_COUNTS) == {key: f"({events_text(n, 'ru')})" for key, n in every.items()}
    page.select_option("select[name=region]", region)
    assert page.evaluate(MONTH_COUNTS) == {key: f"({events_text(n, 'ru')})" for key, n in chosen.items()}
    page.select_option("select[name=region]", "")
    assert page.evaluate(MONTH_COUNTS) == {key: f"({events_text(n, 'ru')})" for key, n in every.items()}


def test_count_uses_every_russian_plural_form(page, sample):
    pairs = _pairs(sample)
    wanted = {1: None, 2: None, 5: None}  # мероприятие / мероприятия / мероприятий
    for pair, ids in sorted(pairs.items()):
        if len(ids) in wanted and wanted[len(ids)] is None:
            wanted[len(ids)] = pair
    assert all(wanted.values()), wanted
    regions = sorted({e.region for e in sample.events.values()})
    categories = sorted({e.category for e in sample.events.values()})
    empty = next((r, c) for r in regions for c in categories if (r, c) not in pairs)

    open_list(page, sample.url + "/ru/calendar/")
    assert page.locator("[data-apk-count]").inner_text() == events_text(420, "ru")
    for count, (region, category) in [*wanted.items(), (0, empty)]:
        page.select_option("select[name=region]", region)
        page.select_option("select[name=category]", category)
        assert len(shown_ids(page)) == count, (region, category)
        assert page.locator("[data-apk-count]").inner_text() == events_text(count, "ru")
    assert {events_text(n, "ru").split(" ", 1)[1] for n in (1, 2, 5)} == {"мероприятие", "мероприятия", "мероприятий"}


def test_free_text_search_narrows_to_matching_titles_venues_and_regions(page, sample):
    texts = {event.id: search_text(event, "ru") for event in sample.events.values()}
    # A word of a Russian title (from a .ru.md file) that matches few events, but more than one.
    candidates = {
        word.lower()
        for event in sample.events.values()
        if "ru" in event.texts
        for word in re.findall(r"[а-яё]{6,}", event.texts["ru"]["title"], flags=re.IGNORECASE)
    }
    counts = {word: sum(word in text for text in texts.values()) for word in sorted(candidates)}
    word = min((w for w in counts if counts[w] >= 2), key=lambda w: (counts[w], w))
    expected = sorted(event_id for event_id, text in texts.items() if word in text)
    assert 2 <= len(expected) < 420

    open_list(page, sample.url + "/ru/calendar/")
    page.fill("input[name=q]", word.capitalize())
    assert sorted(shown_ids(page)) == expected
    assert page.locator("[data-apk-count]").inner_text() == events_text(len(expected), "ru")
    assert parse_qs(urlsplit(page.url).query) == {"q": [word.capitalize()]}

    page.fill("input[name=q]", "")
    assert len(shown_ids(page)) == 420


# --- 2. month grid ------------------------------------------------------------------------------------------------

GRID_CELLS = """() => Array.from(document.querySelectorAll('table.apk-grid tbody tr')).map(tr =>
    Array.from(tr.children).map(td => ({
        tag: td.tagName, date: td.getAttribute('data-date'), empty: td.classList.contains('apk-grid__empty'),
        links: Array.from(td.querySelectorAll('li a')).map(a => a.href),
        more: (td.querySelector('a.apk-grid__more') || {}).textContent || null,
    })))"""


def test_month_grid_is_a_monday_first_table_with_each_days_events(page, sample):
    year, month = 2025, 5
    page.goto(sample.url + "/en/calendar/2025-05/")
    table = page.locator("table.apk-grid")
    assert table.count() == 1
    headers = table.locator("thead th")
    assert headers.count() == 7
    assert [headers.nth(i).inner_text() for i in (0, 6)] == ["Mon", "Sun"]

    weeks = page.evaluate(GRID_CELLS)
    assert all(len(week) == 7 and all(cell["tag"] == "TD" for cell in week) for week in weeks)
    dated = [cell for week in weeks for cell in week if not cell["empty"]]
    days = stdlib_calendar.monthrange(year, month)[1]
    assert [cell["date"] for cell in dated] == [dt.date(year, month, d).isoformat() for d in range(1, days + 1)]
    first_weekday = dt.date(year, month, 1).weekday()  # Monday 0: 1 May 2025 is a Thursday (3)
    assert first_weekday == 3
    assert [cell["empty"] for cell in weeks[0]] == [True] * first_weekday + [False] * (7 - first_weekday)

    events = sorted(sample.events.values(), key=lambda e: e.sort_key)
    starting_in_month = 0
    for cell in dated:
        day = dt.date.fromisoformat(cell["date"])
        covering = [e.id for e in events if not e.month_only and e.start <= day <= e.end]
        starting = [e.id for e in events if not e.month_only and e.start == day]
        starting_in_month += len(starting)
        shown = [event_id(href) for href in cell["links"]]
        assert shown == covering[:CELL_LIMIT], day
        hidden = len(covering) - CELL_LIMIT
        if hidden > 0:
            assert cell["more"] is not None and int(re.search(r"\d+", cell["more"])[0]) == hidden, (day, cell["more"])
            assert set(starting) <= set(covering), day
        else:
            assert cell["more"] is None, day
            assert set(starting) <= set(shown), day
    assert starting_in_month > 0

    planned = sorted(e.id for e in events if e.month_only and (e.start.year, e.start.month) == (year, month))
    tba = page.locator("#tba + ul.apk-events a.apk-event__title")
    assert sorted(event_id(tba.nth(i).get_attribute("href")) for i in range(tba.count())) == planned


def test_busy_day_shows_how_many_more(page, sample):
    """Somewhere in 2025 a day has more events than a cell holds: the cell says how many more."""
    events = [e for e in sample.events.values() if not e.month_only]
    busy = {}
    for event in events:
        day = event.start
        while day <= event.end:
            busy[day] = busy.get(day, 0) + 1
            day += dt.timedelta(days=1)
    day = min(d for d, n in busy.items() if n > CELL_LIMIT)
    page.goto(sample.url + f"/en/calendar/{day:%Y-%m}/")
    cell = page.locator(f'td[data-date="{day.isoformat()}"]')
    assert cell.locator("li a").count() == CELL_LIMIT
    more = cell.locator("a.apk-grid__more")
    assert more.count() == 1
    assert int(re.search(r"\d+", more.inner_text())[0]) == busy[day] - CELL_LIMIT


# --- 3. region map ------------------------------------------------------------------------------------------------


def test_region_map_has_a_labelled_tile_per_region_that_opens_its_list(page, sample):
    names = region_names()
    counts = {slug: 0 for slug in names}
    for event in sample.events.values():
        counts[event.region] += 1
    expected = sorted(f"{names[slug]['kk']}: {events_text(counts[slug], 'kk')}" for slug in mapped_regions())
    assert len(expected) == 20

    page.goto(sample.url + "/regions/")
    tiles = page.locator("figure.apk-map svg a")
    assert tiles.count() == 20
    # Each tile's tooltip names its region in full, with its count; its link name ends with the full name.
    assert sorted(tiles.nth(i).locator("title").text_content() for i in range(20)) == expected
    assert all(tiles.nth(i).get_attribute("aria-label").endswith(", " + tiles.nth(i).locator("title").text_content().split(":")[0])
               for i in range(20))  # fmt: skip

    astana = page.get_by_role("link", name=f"Астана {events_text(counts['astana'], 'kk')}, {names['astana']['kk']}")
    assert astana.count() == 1
    astana.click()
    page.wait_for_url("**/regions/astana/")
    rows = page.locator(".apk-event a.apk-event__title")
    listed = sorted(event_id(rows.nth(i).get_attribute("href")) for i in range(rows.count()))
    assert listed == sorted(e.id for e in sample.events.values() if e.region == "astana")


# --- 4. console -------------------------------------------------------------------------------------------------


def test_no_console_errors_on_the_calendar_views(page, sample):
    some_event = sorted(sample.events)[0]
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    paths = ("/", "/calendar/", "/ru/calendar/2025-05/", "/en/regions/", f"/events/{some_event}/", "/calendar/year/")
    for path in paths:
        response = page.goto(sample.url + path)
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("networkidle")
        assert not problems, (path, problems)


# --- 5. narrow screens ---------------------------------------------------------------------------------------------


def test_narrow_phone_layout_has_no_horizontal_scroll(browser, sample):
    longest = max(sample.events.values(), key=lambda e: (len(e.text("title", "ru")), e.id))
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        for path in ("/ru/calendar/", f"/ru/events/{longest.id}/"):
            page.goto(sample.url + path)
            page.wait_for_load_state("networkidle")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, (path, width)

        page.goto(sample.url + "/ru/calendar/2025-05/")
        assert page.locator("table.apk-grid").is_hidden()
        narrow = page.locator("p.apk-grid-narrow a")
        assert narrow.is_visible()
        narrow.click()
        page.wait_for_url("**/ru/calendar/#m-2025-05")
        assert page.locator("#m-2025-05").is_visible()
    finally:
        context.close()


# --- 6. cancelled events -------------------------------------------------------------------------------------------


def test_cancelled_event_has_a_banner_in_every_language_and_a_marked_row(page, sample):
    cancelled = sorted(e.id for e in sample.events.values() if e.status == "cancelled")
    assert cancelled
    first = cancelled[0]
    labels = words("status.cancelled")
    for lang in LANGS:
        page.goto(sample.url + f"{PREFIX[lang]}/events/{first}/")
        banner = page.locator(".apk-banner--cancelled")
        assert banner.count() == 1, lang
        assert banner.is_visible(), lang
        assert banner.inner_text().strip() == labels[lang]

    for lang in LANGS:
        page.goto(sample.url + f"{PREFIX[lang]}/calendar/")
        marked = page.evaluate(
            """() => Array.from(document.querySelectorAll('.apk-event.apk-event--cancelled a.apk-event__title'))
                .map(a => a.href)"""
        )
        assert sorted(event_id(href) for href in marked) == cancelled, lang


# --- 7. past events ----------------------------------------------------------------------------------------------

PAST_ROWS = """() => Array.from(document.querySelectorAll('[data-apk-calendar] .apk-event')).map(row => [
    row.querySelector('a.apk-event__title').href, row.classList.contains('apk-past')])"""


def _past_marks(page) -> dict[str, bool]:
    return {event_id(href): past for href, past in page.evaluate(PAST_ROWS)}


def _past_marks_at(browser, sample: Sample, instant: dt.datetime, **context_options: object) -> dict[str, bool]:
    """The calendar list's past marks in a browser whose clock stands still at `instant`."""
    context = browser.new_context(**context_options)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(instant)
        open_list(page, sample.url + "/calendar/")
        return _past_marks(page)
    finally:
        context.close()


def test_rows_before_today_in_astana_are_marked_past(page, sample):
    today = dt.datetime.now(ZoneInfo("Asia/Almaty")).date()
    open_list(page, sample.url + "/calendar/")
    marks = _past_marks(page)
    assert sorted(marks) == sorted(sample.events)
    # A month-only plan's last possible day is the month's last day (SourceEvent.end).
    assert {i for i, past in marks.items() if past} == {e.id for e in sample.events.values() if e.end < today}


def _boundary_day(sample: Sample) -> dt.date:
    """A day D on which some dated event ends and some other ended the day before."""
    ends = {e.end for e in sample.events.values() if not e.month_only}
    return min(d for d in ends if d - dt.timedelta(days=1) in ends and d.month >= 6)


def test_past_marks_follow_the_astana_date_not_the_browsers_zone(browser, sample):
    # Late evening in UTC (and earlier still in Los Angeles) is already the next morning in Astana.
    today = _boundary_day(sample)
    instant = dt.datetime.combine(today - dt.timedelta(days=1), dt.time(21, 30), tzinfo=dt.UTC)
    assert instant.astimezone(ZoneInfo("Asia/Almaty")).date() == today
    marks = _past_marks_at(browser, sample, instant, timezone_id="America/Los_Angeles")
    dated = [e for e in sample.events.values() if not e.month_only]
    past = {e.id for e in dated if e.end < today}
    assert past and len(past) < len(dated)
    assert {e.id for e in dated if marks[e.id]} == past
    assert any(e.end == today - dt.timedelta(days=1) for e in dated if e.id in past)
    assert any(e.end == today and not marks[e.id] for e in dated)


def test_a_plan_with_only_a_month_is_not_past_during_that_month(browser, sample):
    """`start: 2025-09` may still happen on 30 September: it is past only once the month is over."""
    plans = sorted((e for e in sample.events.values() if e.month_only), key=lambda e: e.sort_key)
    plan = plans[len(plans) // 2]
    today = plan.start + dt.timedelta(days=14)  # mid-month, Astana noon
    instant = dt.datetime.combine(today, dt.time(12, 0), tzinfo=ZoneInfo("Asia/Almaty"))
    marks = _past_marks_at(browser, sample, instant)
    same_month = [e.id for e in plans if (e.start.year, e.start.month) == (today.year, today.month)]
    assert [event_id for event_id in same_month if marks[event_id]] == []
    assert all(marks[e.id] for e in plans if e.end < today)


# --- 8. without JavaScript ---------------------------------------------------------------------------------------


def test_without_javascript_the_whole_list_shows_and_the_form_stays_hidden(browser, sample):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(sample.url + "/calendar/")
        rows = page.locator(".apk-event")
        assert rows.count() == 420
        assert rows.filter(visible=True).count() == 420
        links = page.locator(".apk-event a.apk-event__title")
        assert sorted(event_id(links.nth(i).get_attribute("href")) for i in range(420)) == sorted(sample.events)
        assert page.locator("form.apk-filter").count() == 1
        assert page.locator("form.apk-filter").is_hidden()
        assert page.locator(".apk-past").count() == 0
        # The "Filter" disclosure still opens, and offers the pages that filter without the script.
        page.locator("details.apk-filters > summary").click()
        browse = page.locator(".apk-filters__browse a")
        assert [browse.nth(i).get_attribute("href") for i in range(browse.count())] == [
            "../regions/",
            "../categories/",
            "../organizers/",
            "../calendar/year/",
        ]
        assert browse.first.is_visible()
        assert page.locator("form.apk-filter").is_hidden()
    finally:
        context.close()
