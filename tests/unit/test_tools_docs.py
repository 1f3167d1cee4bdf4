"""The editors' guide, in all three languages, quotes the tools' real messages and names every tool and option."""

from __future__ import annotations

from pathlib import Path

import pytest
from apk_site.tools.cli import RUN

ROOT = Path(__file__).resolve().parents[2]
GUIDES = [ROOT / "docs" / name for name in ("editors.md", "editors.ru.md", "editors.en.md")]
# Each is printed, word for word, by a test in test_tools_*.py.
MESSAGES = [
    "missing: --start, --region, --category, --organizer, --venue (or run new-event in a terminal to answer questions)",
    "--region: unknown region 'Нью-Йорк': write a region id from the guide (astana, almaty-city, ...) or the name of "
    "the region or the city",
    "--start: cannot read '32.05.2025' as a date (day is out of range for month): write 24.04.2025, 24.04.2025 10:00, "
    "«апрель 2025» or «II квартал»",
    "--end: ends (2025-05-01 17:00:00) before it starts (2025-05-01 18:00:00): swap them or fix the date",
    "--name: '2025-05-01-unity-day-concert' is already used: nothing was written",
    "4 events in 12 files and 7 Anthology texts: no problems",
    "5 problems: fix them and run the check again",
    "note: Anthology: not checked, there is no folder docs/anthology",
    "plan.xlsx:12: мерзімі / Сроки проведения: 'II квартал' gives no exact month: written as start: 2025-04, marked in "
    "the file; set the month when it is known",
    "plan.xlsx:13: мерзімі / Сроки проведения: 'в течение года' is not one event: give each event its own date "
    "or month",
    "plan.xlsx:14: Іс-шараның атауы / Наименование мероприятия: is empty: every event needs its name",
    "plan.xlsx:15: орны / Место проведения: no region or city found in 'Дворец школьников': add the city or the region "
    "(for example «г. Астана, Дворец мира и согласия»), or give the region with --region",
    "plan.xlsx:18: category: not given: add a column «Категория» / «Санат», or give --category",
    "plan.csv:5: Сроки проведения: cannot read '31.02.2025' as a date (day is out of range for month): write "
    "24.04.2025, 24.04.2025 10:00, «апрель 2025» or «II квартал»",
    "plan.xlsx: cannot be opened as an .xlsx workbook: save it again from the spreadsheet program as «Excel Workbook "
    "(.xlsx)», or as .csv",
    "plan.csv: no column with the names of the events: the table needs a header such as «Наименование мероприятия», "
    "«Іс-шараның атауы» or «Event» in its first rows",
    "plan.pdf: expected a .xlsx or .csv spreadsheet (or an .ics calendar)",
    "import: 5 created, 0 updated, 4 not imported",
    "department.ics:60: RRULE: 'Планёрка отдела' repeats: the site has one date per event; add each occurrence as its "
    "own event",
    "department.ics:69: LOCATION: no region or city found in 'Microsoft Teams Meeting': add the city or the region "
    "(for example «г. Астана, Дворец мира и согласия»), or give the region with --region",
    "calendar.ics: cannot be read as an iCalendar file: it must start with BEGIN:VCALENDAR and end with "
    "END:VCALENDAR; export the calendar again",
]


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_guide_quotes_the_tools_messages(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    assert [m for m in MESSAGES if f"`{m}`" not in text] == []


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_guide_names_every_tool_and_the_guard_rails(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    assert [name for name in RUN if f"`{name}`" not in text] == []
    options = ("--update", "--region", "--organizer", "--category", "--year", "--lang kk", "--sheet", "--events")
    assert [option for option in options if option not in text] == []
    assert ".pre-commit-config.yaml" in text and ".github/workflows/site.yml" in text
