"""Issue 13 in a real browser, on the 420-event sample, at 390×844 (a phone) and 1280×800, in kk, ru, en:
the list's first event on the first phone screen, rows that show the date once with a category chip and a
status badge, the folded filter and its chips, no layout shift from the filter script; the month grid at
the page width with entries of at most three lines and no word broken; region map labels readable.

Expectations come from the generated event files and the project's data files, never from the page.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.test_calendar_views import (
    CELL_LIMIT,
    LANGS,
    PREFIX,
    Sample,
    _load,
    event_id,
    events_text,
    mapped_regions,
    read_events,
    region_names,
    words,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def category_names() -> dict[str, dict[str, str]]:
    return {item["slug"]: {lang: item[lang] for lang in LANGS} for item in _load("categories.yaml")["categories"]}


@pytest.fixture(scope="session")
def sample(sample_build, sample_url) -> Sample:
    events_dir, built = sample_build
    return Sample(sample_url, built.site, read_events(events_dir))


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


# --- the list on a phone -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_first_event_is_on_the_first_phone_screen_and_the_filter_is_folded(phone, sample, lang):
    phone.goto(sample.url + f"{PREFIX[lang]}/calendar/")
    phone.wait_for_load_state("networkidle")
    first = phone.locator(".apk-event a.apk-event__title").first
    box = first.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (lang, box)
    # The list's first month lists its dated events first, those with only a month at its end.
    first_id = min(sample.events.values(), key=lambda e: (e.start.strftime("%Y-%m"), e.month_only, e.sort_key)).id
    assert event_id(first.get_attribute("href")) == first_id
    # One "Filter" control, in the page's language; no select or text box until it is opened.
    summary = phone.locator("details.apk-filters > summary")
    assert summary.count() == 1 and summary.is_visible()
    assert summary.inner_text().strip() == words("filter.summary")[lang]
    assert phone.locator(".apk-filter select, .apk-filter input").filter(visible=True).count() == 0
    summary.click()
    assert phone.locator(".apk-filter select").filter(visible=True).count() == 4
    assert phone.locator(".apk-filter input[name=q]").is_visible()


ROWS = """() => Array.from(document.querySelectorAll('[data-apk-calendar] .apk-event')).map(row => {
    // textContent: innerText is empty for months the browser has not rendered yet (content-visibility).
    const text = el => el.textContent.replace(/\\s+/g, ' ').trim();
    const shown = sel => { const el = row.querySelector(sel); return el && el.getClientRects().length ? text(el) : null; };
    const badges = Array.from(row.querySelectorAll('.apk-badge')).filter(b => b.getClientRects().length).map(text);
    const chip = row.querySelector('.apk-chip');
    return {href: row.querySelector('a.apk-event__title').href, date: shown('.apk-event__date'), time: shown('.apk-event__time'),
            place: shown('.apk-event__region'), chip: shown('.apk-chip'), chipClass: chip ? chip.className : '', badges,
            day: (row.parentElement.previousElementSibling || {}).textContent || null};
})"""


@pytest.mark.parametrize("lang", LANGS)
def test_each_row_shows_the_date_once_time_place_category_chip_and_status_badge(phone, sample, lang):
    phone.goto(sample.url + f"{PREFIX[lang]}/calendar/")
    rows = phone.evaluate(ROWS)
    assert len(rows) == 420
    categories, regions = category_names(), region_names()
    status = {name: words(f"status.{name}")[lang] for name in ("cancelled", "postponed")}
    tba = words("date_tba")[lang]
    seen = set()
    for row in rows:
        event = sample.events[event_id(row["href"])]
        assert row["day"], event.id  # every row stands under its day's (or "date to be announced") heading
        # The date is the day heading's; a row repeats a date only for an event of several days.
        assert (row["date"] is not None) == (event.end != event.start and not event.month_only), (event.id, row["date"])
        assert (row["time"] is not None) == bool(event.clock), event.id
        if event.clock:
            assert row["time"].startswith(event.clock), (event.id, row["time"])
        assert row["place"] == regions[event.region][lang], event.id
        assert row["chip"] == categories[event.category][lang], event.id
        assert f"apk-chip--{event.category}" in row["chipClass"].split(), event.id
        expected = ([status[event.status]] if event.status in status else []) + ([tba] if event.month_only else [])
        assert row["badges"] == expected, (event.id, row["badges"])
        seen.add((event.status, event.month_only, event.end != event.start))
    # The sample has every kind of row the assertions above tell apart.
    assert {("cancelled", False, False), ("postponed", False, False), ("scheduled", False, True)} <= seen
    assert any(month_only for _, month_only, _ in seen)


def test_active_filters_show_as_chips_that_remove_them(browser, sample):
    regions, categories = region_names(), category_names()
    pairs: dict[tuple[str, str], list[str]] = {}
    for event in sample.events.values():
        pairs.setdefault((event.region, event.category), []).append(event.id)
    (region, category), _ = max(sorted(pairs.items()), key=lambda item: len(item[1]))
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(sample.url + f"/ru/calendar/?region={region}&category={category}")
        chips = page.locator("[data-apk-chips] button")
        chips.first.wait_for()
        assert [chips.nth(i).inner_text() for i in range(chips.count())] == [
            f"{regions[region]['ru']} ×",
            f"{categories[category]['ru']} ×",
        ]
        label = words("filter.remove")["ru"]
        assert (
            chips.first.get_attribute("aria-label")
            == f"{label}: {words('filter.region')['ru']}: {regions[region]['ru']}"
        )
        summary = page.locator("details.apk-filters > summary")
        assert " ".join(summary.inner_text().split()) == f"{words('filter.summary')['ru']} (2)"

        chips.first.click()  # removes the region: the category alone is left
        assert parse_qs(urlsplit(page.url).query) == {"category": [category]}
        assert chips.count() == 1 and chips.first.inner_text() == f"{categories[category]['ru']} ×"
        expected = sorted(e.id for e in sample.events.values() if e.category == category)
        shown = page.evaluate(
            """() => Array.from(document.querySelectorAll('.apk-event')).filter(r => r.getClientRects().length)
                .map(r => r.querySelector('a.apk-event__title').href)"""
        )
        assert sorted(event_id(href) for href in shown) == expected
        assert page.locator("[data-apk-count]").inner_text() == events_text(len(expected), "ru")
        assert page.locator("form.apk-filter select[name=region]").input_value() == ""

        chips.first.click()
        assert urlsplit(page.url).query == ""
        assert chips.count() == 0
        assert summary.inner_text().strip() == words("filter.summary")["ru"]
    finally:
        context.close()


# Layout shifts recorded from the first paint on (buffered), as Lighthouse's CLS counts them, each with the
# elements it moved that lie in the page's content (Material's header moves its language button by itself
# when its search box arrives: a tiny shift of the header, not of the calendar).
SHIFTS = """() => new Promise(resolve => {
    const shifts = [];
    const content = document.querySelector('.md-content');
    new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) shifts.push({value: e.value,
        moved: e.sources.filter(s => s.node && content.contains(s.node))
            .map(s => s.node.nodeType === 1 ? s.node.tagName + '.' + s.node.className : s.node.nodeName)}); }))
        .observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve(shifts), 500);
})"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_filter_script_moves_nothing_on_screen(browser, sample, lang, viewport):
    """calendar.js shows the form, marks past rows and shows "Today": none of it may shift the layout.
    The browser's clock is after the sample's dates, so every row is marked past."""
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(sample.url + f"{PREFIX[lang]}/calendar/")
        page.wait_for_load_state("networkidle")
        assert page.locator(".apk-event.apk-past").count() > 0  # the script has run
        assert page.locator("[data-apk-today]").is_visible()
        shifts = page.evaluate(SHIFTS)
        assert [shift["moved"] for shift in shifts if shift["moved"]] == []
        assert sum(shift["value"] for shift in shifts) < 0.01, shifts
    finally:
        context.close()


# --- the month grid ------------------------------------------------------------------------------------------

GRID = """() => {
    const table = document.querySelector('table.apk-grid');
    const cells = Array.from(table.querySelectorAll('tbody td'));
    const overflowing = cells.filter(td => td.scrollWidth > td.clientWidth + 1 || td.scrollHeight > td.clientHeight + 1)
        .map(td => td.getAttribute('data-date'));
    const titles = Array.from(table.querySelectorAll('.apk-grid__title'));
    const lines = titles.map(t => Math.round(t.getBoundingClientRect().height / parseFloat(getComputedStyle(t).lineHeight)));
    const broken = [];
    for (const title of titles) {  // a word cut between two lines has two boxes (a line may end at a hyphen)
        const text = title.firstChild;
        for (const match of text.data.matchAll(/[^\\s\\u002d\\u2010-\\u2015]+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const boxes = Array.from(range.getClientRects()).filter(r => r.width > 0);
            const tops = new Set(boxes.map(r => Math.round(r.top)));
            if (tops.size > 1) broken.push(match[0]);
        }
    }
    const clipped = titles.filter(t => t.scrollHeight > t.clientHeight + 1).length;
    return {width: table.getBoundingClientRect().width, overflowing, lines, broken, clipped, count: titles.length};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_month_grid_uses_the_page_width_with_entries_of_at_most_three_lines(desktop, sample, lang):
    desktop.goto(sample.url + f"{PREFIX[lang]}/calendar/2025-05/")
    desktop.wait_for_load_state("networkidle")
    grid = desktop.evaluate(GRID)
    assert grid["width"] >= 900, grid["width"]
    assert grid["overflowing"] == []
    assert grid["count"] > 20
    assert max(grid["lines"]) <= 3, grid["lines"]
    assert grid["clipped"] > 0  # the sample's long titles are cut (with an ellipsis, by line-clamp) ...
    assert grid["broken"] == []  # ... and no word is broken across lines
    for sidebar in (".md-sidebar--primary", ".md-sidebar--secondary"):
        assert desktop.locator(sidebar).is_hidden(), sidebar
    # Each entry gives its time when it has one.
    times = desktop.locator("table.apk-grid li a .apk-grid__time")
    assert times.count() > 0
    assert all(re.fullmatch(r"\d\d:\d\d", times.nth(i).inner_text()) for i in range(times.count()))


def test_more_link_leads_to_that_day_in_the_list(desktop, sample):
    busy: dict = {}
    for event in sample.events.values():
        if event.month_only:
            continue
        day = event.start
        while day <= event.end:
            busy.setdefault(day, []).append(event)
            day = day.fromordinal(day.toordinal() + 1)
    day = min(d for d, listed in busy.items() if len(listed) > CELL_LIMIT and all(e.start == d for e in listed))
    desktop.goto(sample.url + f"/ru/calendar/{day:%Y-%m}/")
    more = desktop.locator(f'td[data-date="{day.isoformat()}"] a.apk-grid__more')
    assert more.is_visible()
    more.click()
    desktop.wait_for_url(f"**/ru/calendar/#d-{day.isoformat()}")
    heading = desktop.locator(f"#d-{day.isoformat()}")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < DESKTOP["height"]
    listed = desktop.locator(f"#d-{day.isoformat()} + ul.apk-events a.apk-event__title")
    assert sorted(event_id(listed.nth(i).get_attribute("href")) for i in range(listed.count())) == sorted(
        e.id for e in busy[day]
    )


def test_on_a_phone_the_grid_gives_way_to_the_day_list(phone, sample):
    phone.goto(sample.url + "/calendar/2025-05/")
    assert phone.locator("table.apk-grid").is_hidden()
    assert phone.locator("p.apk-grid-narrow a").is_visible()


# --- the region map ------------------------------------------------------------------------------------------

LABELS = """() => Array.from(document.querySelectorAll('figure.apk-map svg a')).map(a => {
    const texts = a.querySelectorAll('text');
    const scale = a.ownerSVGElement.getScreenCTM().a;
    const size = t => parseFloat(t.getAttribute('font-size')) * scale;
    return {name: a.getAttribute('aria-label'), tooltip: a.querySelector('title').textContent,
            label: Array.from(texts[0].querySelectorAll('tspan')).map(t => t.textContent).join(' '),
            heights: Array.from(texts[0].querySelectorAll('tspan')).map(t => t.getBoundingClientRect().height),
            sizes: [size(texts[0]), size(texts[1])], count: texts[1].textContent, fill: a.querySelector('rect').getAttribute('fill')};
})"""


@pytest.mark.parametrize("lang", LANGS)
def test_region_map_labels_are_readable_with_counts_tooltips_and_a_legend(desktop, sample, lang):
    names = region_names()
    counts = {slug: 0 for slug in names}
    for event in sample.events.values():
        counts[event.region] += 1
    desktop.goto(sample.url + f"{PREFIX[lang]}/regions/")
    tiles = desktop.evaluate(LABELS)
    assert len(tiles) == 20
    by_tooltip = {tile["tooltip"]: tile for tile in tiles}
    for slug in mapped_regions():
        # The tooltip gives the full name; the link's name starts with what the tile shows (label in name).
        tile = by_tooltip[f"{names[slug][lang]}: {events_text(counts[slug], lang)}"]
        assert tile["name"] == f"{tile['label']} {events_text(counts[slug], lang)}, {names[slug][lang]}"
        assert tile["count"] == str(counts[slug])
        assert 0 < len(tile["label"]) <= len(names[slug][lang]), tile["label"]
        assert min(tile["sizes"]) >= 12, (slug, tile["sizes"])
        assert min(tile["heights"]) >= 12, (slug, tile["heights"])
    legend = desktop.locator(".apk-map__legend li")
    assert legend.first.inner_text().strip() == words("map.legend")[lang]
    fills = desktop.evaluate(
        "() => Array.from(document.querySelectorAll('.apk-map__legend rect')).map(r => r.getAttribute('fill'))"
    )
    assert {tile["fill"] for tile in tiles} <= set(fills)
    # The table keeps every full name.
    table = desktop.locator("table.apk-index tbody td:first-child")
    assert {table.nth(i).inner_text() for i in range(table.count())} >= {names[s][lang] for s in mapped_regions()}


TODAY_ROW = """today => {
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    const row = Array.from(document.querySelectorAll('.apk-event')).find(r => r.getAttribute('data-end') >= today);
    const heading = row.parentElement.previousElementSibling;
    const box = el => { const b = el.getBoundingClientRect(); return [b.top, b.bottom]; };
    return {header, row: box(row), heading: box(heading), href: row.querySelector('a').href,
            focused: document.activeElement === row.querySelector('a')};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_today_shows_the_first_coming_event_with_its_day_below_the_header(browser, sample, lang):
    """Rows leave their date to the day's heading, so "Today" brings the heading into view too; months
    below the first screen are laid out only near the screen (content-visibility) and must still be found."""
    import datetime as dt

    today = dt.date(2025, 9, 15)
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(dt.datetime(2025, 9, 15, 12, tzinfo=dt.UTC))  # 17:00 in Astana
        page.goto(sample.url + f"{PREFIX[lang]}/calendar/")
        page.wait_for_load_state("networkidle")
        page.locator("[data-apk-today]").click()
        page.wait_for_function(
            "() => document.activeElement && document.activeElement.classList.contains('apk-event__title')"
        )
        where = page.evaluate(TODAY_ROW, today.isoformat())
        coming = [e for e in sample.events.values() if e.end >= today and not e.month_only]
        assert event_id(where["href"]) in {e.id for e in coming}
        assert where["focused"]
        assert where["header"] <= where["row"][0] and where["row"][1] <= PHONE["height"], where
        assert where["header"] <= where["heading"][0] < where["row"][0], where
    finally:
        context.close()
