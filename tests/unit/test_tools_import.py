"""`import`: a plan spreadsheet (.xlsx, .csv) or a calendar export (.ics) becomes event files.

The produced files are compared with golden trees under tests/fixtures/tools/expected/. After an
intended change of the output, regenerate them with
`APK_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_tools_*.py` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from apk_site.loader import load_events
from apk_site.problems import Problem
from apk_site.tools.cli import main
from apk_site.tools.importing import existing_draft

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "tools"
EXPECTED = FIXTURES / "expected"
TODAY = dt.date(2025, 3, 1)


def run(*argv: str, root: Path) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = main(list(argv), root=root, out=out, today=TODAY)
    return code, out.getvalue().splitlines()


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_golden(folder: Path, name: str) -> None:
    golden = EXPECTED / name
    if os.environ.get("APK_REGENERATE_GOLDEN"):
        shutil.rmtree(golden, ignore_errors=True)
        shutil.copytree(folder, golden)
    assert tree(folder) == tree(golden)


def write_plan(path: Path) -> None:
    """A plan as ministries send them: a title over the table, a two-row header with merged cells in
    Kazakh and Russian, a row of column numbers, a section heading, blank rows, and dates as a date
    cell, as text (24.04.2025), as a month («май 2025») and as a quarter («II квартал»)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "План"
    sheet["A1"] = "План мероприятий, посвящённых 30-летию Ассамблеи народа Казахстана"
    sheet.merge_cells("A1:E1")
    sheet["A2"] = "Қазақстан халқы Ассамблеясының 30 жылдығына арналған іс-шаралар жоспары"
    sheet.merge_cells("A2:E2")
    headers = {
        "A4": "№ п/п",
        "B4": "Іс-шараның атауы /\nНаименование мероприятия",
        "C4": "Өткізу / Проведение",
        "C5": "мерзімі / Сроки проведения",
        "D5": "орны / Место проведения",
        "E4": "Жауаптылар / Ответственные",
    }
    for cell, text in headers.items():
        sheet[cell] = text
    for cells in ("A4:A5", "B4:B5", "C4:D4", "E4:E5"):
        sheet.merge_cells(cells)
    for column, number in zip("ABCDE", range(1, 6), strict=True):
        sheet[f"{column}6"] = number
    sheet["A7"] = "I. Республиканские мероприятия / Республикалық іс-шаралар"
    sheet.merge_cells("A7:E7")
    rows = {
        8: (
            1,
            "«Бірлік пен келісім жолындағы 30 жыл» республикалық форумы",
            dt.datetime(2025, 4, 24),
            "г. Астана, Дворец Независимости",
            "Секретариат АНК",
        ),
        9: (
            2,
            "Круглый стол «Единство в многообразии»",
            "15.05.2025",
            "Карагандинская область, г. Караганда, Дом дружбы",
            "Научно-экспертный совет АНК",
        ),
        11: (3, "Концерт ко Дню единства народа Казахстана", "май 2025", "Алматы қ., «Достық үйі»", "Дом дружбы"),
        12: (4, "Жастар форумы «Ассамблея жастары»", "II квартал", "Түркістан облысы", "Ассамблея жастары"),
        13: (5, "Этномедиация бойынша семинар", "в течение года", "Шымкент", "Республиканский совет этномедиации АНК"),
        14: (6, None, "10.06.2025", "г. Павлодар", "Дом дружбы"),
        15: (7, "Ақсақалдар кеңесінің отырысы", "20.06.2025", "Дворец школьников", "Совет старейшин"),
        17: (
            8,
            "Международная конференция «Казахстанская модель общественного согласия»",
            "24-25.09.2025",
            "Астана, Назарбаев Университет",
            "МКИ РК, Секретариат АНК",
        ),
        18: (9, "Ашық есік күні", "01.10.2025", "ЗКО, г. Уральск", "Дом дружбы"),
    }
    for number, values in rows.items():
        for column, value in zip("ABCDE", values, strict=True):
            sheet[f"{column}{number}"] = value
    sheet["C8"].number_format = "DD.MM.YYYY"
    book.save(path)


PLAN_MESSAGES = [
    "created events/2025-04-24-birlik-pen-kelisim-zholyndagy-30-zhyl.md",
    "created events/2025-05-15-kruglyi-stol-edinstvo-v-mnogoobrazii.md",
    "created events/2025-05-kontsert-ko-dnyu-edinstva-naroda-kazakhstana.md",
    "created events/2025-04-zhastar-forumy-assambleya-zhastary.md",
    "created events/2025-09-24-mezhdunarodnaya-konferentsiya-kazakhstanskaya.md",
    "plan.xlsx:7: row: skipped: a heading, not an event ('I. Республиканские мероприятия / Республикалық іс-шаралар')",
    "plan.xlsx:12: мерзімі / Сроки проведения: 'II квартал' gives no exact month: written as start: 2025-04, "
    "marked in the file; set the month when it is known",
    "plan.xlsx:13: мерзімі / Сроки проведения: 'в течение года' is not one event: give each event its own date "
    "or month",
    "plan.xlsx:14: Іс-шараның атауы / Наименование мероприятия: is empty: every event needs its name",
    "plan.xlsx:15: орны / Место проведения: no region or city found in 'Дворец школьников': add the city or the "
    "region (for example «г. Астана, Дворец мира и согласия»), or give the region with --region",
    "plan.xlsx:18: category: not given: add a column «Категория» / «Санат», or give --category",
    "import: 5 created, 0 updated, 4 not imported",
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "events").mkdir()
    return tmp_path


def test_plan_xlsx_becomes_the_expected_files_and_messages(project: Path) -> None:
    write_plan(project / "plan.xlsx")
    code, output = run("import", str(project / "plan.xlsx"), "--year", "2025", root=project)
    assert output == PLAN_MESSAGES
    assert code == 1  # some rows were not imported
    assert_golden(project / "events", "plan-xlsx")
    events, problems = load_events(project / "events", project)
    assert problems == () and len(events) == 5


def test_imported_events_pass_the_check(project: Path) -> None:
    write_plan(project / "plan.xlsx")
    run("import", str(project / "plan.xlsx"), "--year", "2025", root=project)
    assert run("check", root=project) == (
        0,
        [
            "5 events in 5 files: no problems",
            "note: Anthology: not checked, there is no folder docs/anthology",
        ],
    )


def test_a_second_import_keeps_every_event_and_says_so(project: Path) -> None:
    write_plan(project / "plan.xlsx")
    run("import", str(project / "plan.xlsx"), "--year", "2025", root=project)
    before = tree(project / "events")
    code, output = run("import", str(project / "plan.xlsx"), "--year", "2025", root=project)
    assert tree(project / "events") == before
    assert output[1] == (
        "plan.xlsx:8: Іс-шараның атауы / Наименование мероприятия: already there as "
        "events/2025-04-24-birlik-pen-kelisim-zholyndagy-30-zhyl.md: left as it is (run import with --update to "
        "replace it with the plan's facts)"
    )
    assert output[-1] == "import: 0 created, 0 updated, 5 already there (use --update to replace them), 4 not imported"


def test_update_takes_the_plans_new_date_and_keeps_the_editors_text(project: Path) -> None:
    write_plan(project / "plan.xlsx")
    run("import", str(project / "plan.xlsx"), "--year", "2025", root=project)
    main_file = project / "events" / "2025-05-15-kruglyi-stol-edinstvo-v-mnogoobrazii.md"
    main_file.write_text(
        main_file.read_text(encoding="utf-8").replace("status: scheduled", "status: postponed")
        + "Описание, которое написал редактор.\n",
        encoding="utf-8",
    )
    (project / "events" / "2025-05-15-kruglyi-stol-edinstvo-v-mnogoobrazii.en.md").write_text(
        "---\ntitle: Round table\n---\nThe English text.\n", encoding="utf-8"
    )
    book = openpyxl.load_workbook(project / "plan.xlsx")
    book.active["C9"] = "16.05.2025 11:00"
    book.save(project / "plan.xlsx")

    code, output = run("import", str(project / "plan.xlsx"), "--year", "2025", "--update", root=project)

    assert "updated events/2025-05-15-kruglyi-stol-edinstvo-v-mnogoobrazii.md" in output
    assert output[-1] == "import: 0 created, 5 updated, 4 not imported"
    (event,) = [e for e in load_events(project / "events", project)[0] if e.id.startswith("2025-05-15")]
    assert event.when.start == dt.datetime(2025, 5, 16, 11, 0)
    assert event.status == "postponed"
    assert event.translation("ru").body == "Описание, которое написал редактор."
    assert event.translation("en").body == "The English text."


def test_csv_from_excel_in_windows_1251_with_semicolons(project: Path) -> None:
    text = (
        "№;Наименование мероприятия;Сроки проведения;Место проведения;Ответственные;Категория\n"
        "1;Спартакиада этнокультурных объединений;12.07.2025;ВКО, г. Усть-Каменогорск, стадион «Восток»;"
        "Дом дружбы;Спорт\n"
        ";;;;;\n"
        "2;Выставка «Мы — народ Казахстана»;30.04-02.05.2025;г. Кокшетау;АНК Акмолинской области;Культура и искусство\n"
        "3;Форум;31.02.2025;Астана;Секретариат АНК;Сессии и форумы\n"
    )
    (project / "plan.csv").write_bytes(text.encode("cp1251"))
    code, output = run("import", str(project / "plan.csv"), root=project)
    assert output == [
        "created events/2025-07-12-spartakiada-etnokulturnykh-obedinenii.md",
        "created events/2025-04-30-vystavka-my-narod-kazakhstana.md",
        "plan.csv:5: Сроки проведения: cannot read '31.02.2025' as a date (day is out of range for month): write "
        "24.04.2025, 24.04.2025 10:00, «апрель 2025» or «II квартал»",
        "import: 2 created, 0 updated, 1 not imported",
    ]
    assert_golden(project / "events", "plan-csv")


def test_ics_export_from_outlook(project: Path) -> None:
    code, output = run("import", str(FIXTURES / "department-outlook.ics"), root=project)
    assert output == [
        "created events/2025-05-15-kruglyi-stol-edinstvo-v-mnogoobrazii.md",
        "created events/2025-06-01-dostyq-auenderi-festivali.md",
        "created events/2025-09-10-seminar-dlya-etnomediatorov.md",
        "department-outlook.ics:60: RRULE: 'Планёрка отдела' repeats: the site has one date per event; add each "
        "occurrence as its own event",
        "department-outlook.ics:69: LOCATION: no region or city found in 'Microsoft Teams Meeting': add the city or "
        "the region (for example «г. Астана, Дворец мира и согласия»), or give the region with --region",
        "import: 3 created, 0 updated, 2 not imported",
    ]
    assert code == 1
    assert_golden(project / "events", "ics")


def test_ics_online_event_with_a_region_for_the_whole_import(project: Path) -> None:
    code, output = run("import", str(FIXTURES / "department-outlook.ics"), "--region", "онлайн", root=project)
    assert "created events/2025-06-20-onlain-lektsiya-o-kontseptsii-razvitiya-ank.md" in output
    event = {e.id: e for e in load_events(project / "events", project)[0]}[
        "2025-06-20-onlain-lektsiya-o-kontseptsii-razvitiya-ank"
    ]
    assert (event.region, event.when.start, event.organizer.id) == (
        "nationwide",
        dt.datetime(2025, 6, 20, 15, 0),
        "secretariat",
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "plan.xlsx",
            b"not a workbook",
            "plan.xlsx: cannot be opened as an .xlsx workbook: save it again from the "
            "spreadsheet program as «Excel Workbook (.xlsx)», or as .csv",
        ),
        (
            "calendar.ics",
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n",
            "calendar.ics: cannot be read as an iCalendar file: it must start with BEGIN:VCALENDAR and end with "
            "END:VCALENDAR; export the calendar again",
        ),
        (
            "plan.csv",
            "Дата;Место\n01.05.2025;Астана\n".encode(),
            "plan.csv: no column with the names of the events: the table needs a header such as «Наименование "
            "мероприятия», «Іс-шараның атауы» or «Event» in its first rows",
        ),
        ("plan.pdf", b"%PDF-1.4", "plan.pdf: expected a .xlsx or .csv spreadsheet (or an .ics calendar)"),
    ],
)
def test_a_broken_file_is_one_clear_message_and_nothing_is_written(
    project: Path, name: str, content: bytes, message: str
) -> None:
    (project / name).write_bytes(content)
    assert run("import", str(project / name), root=project) == (1, [message])
    assert tree(project / "events") == {}


def test_a_missing_file(project: Path) -> None:
    assert run("import", str(project / "nowhere.xlsx"), root=project) == (
        1,
        [f"{project / 'nowhere.xlsx'}: no such file"],
    )


def test_a_bilingual_plan_gives_a_main_file_and_its_translation(project: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["№", "Іс-шараның атауы", "Наименование мероприятия", "Өткізу мерзімі", "Өткізу орны", "Жауаптылар"])
    sheet.append(
        [
            1,
            "Достық үйінің ашық есік күні",
            "День открытых дверей Дома дружбы",
            "05.09.2025 11:00",
            "Қостанай қ., Достық үйі",
            "Достық үйі",
        ]
    )
    book.save(project / "plan.xlsx")
    code, output = run("import", str(project / "plan.xlsx"), "--category", "Этномәдени бірлестіктер", root=project)
    assert (code, output) == (
        0,
        [
            "created events/2025-09-05-den-otkrytykh-dverei-doma-druzhby.md",
            "import: 1 created, 0 updated, 0 not imported",
        ],
    )
    (event,) = load_events(project / "events", project)[0]
    assert (event.region, event.category, event.organizer.id, event.when.start) == (
        "kostanay",
        "ethnocultural",
        "friendship-house",
        dt.datetime(2025, 9, 5, 11, 0),
    )
    assert [(t.lang, t.title) for t in event.translations] == [
        ("kk", "Достық үйінің ашық есік күні"),
        ("ru", "День открытых дверей Дома дружбы"),
    ]


# ---- --update on event files that cannot be read: one message for the row, nothing written ----

ROUND_TABLE = "2025-05-15-kruglyi-stol-edinstvo"
ROUND_TABLE_PLAN = (
    "Наименование мероприятия;Сроки проведения;Место проведения;Ответственные;Категория\n"
    "Круглый стол «Единство»;15.05.2025;г. Караганда, Дом дружбы;Дом дружбы;Культура и искусство\n"
)
CANNOT_READ_END = (
    "`python scripts/apk.py check --fix-encoding`, or open it in a text editor and save it as UTF-8 (Notepad: File > "
    "Save as > Encoding: UTF-8)"
)


@pytest.fixture
def imported(project: Path) -> Path:
    """A project whose events/ holds the round table of plan.csv, imported once (Russian, one file)."""
    (project / "plan.csv").write_text(ROUND_TABLE_PLAN, encoding="utf-8")
    assert run("import", str(project / "plan.csv"), root=project) == (
        0,
        [f"created events/{ROUND_TABLE}.md", "import: 1 created, 0 updated, 0 not imported"],
    )
    return project


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_update_with_a_translation_in_windows_1251_is_refused_without_a_traceback(imported: Path) -> None:
    """Before: `UnicodeDecodeError` and a traceback. The loader leaves such a translation out but keeps
    the event, so the row matches it; writing the plan's facts would have replaced the editor's text.
    Run as editors run it, in a fresh Python."""
    events = imported / "events"
    (events / f"{ROUND_TABLE}.en.md").write_bytes("---\ntitle: Round table\n---\nТекст редактора.\n".encode("cp1251"))
    before = snapshot(events)
    done = subprocess.run(
        [sys.executable, "scripts/apk.py", "import", str(imported / "plan.csv"), "--update", "--events", str(events)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines() == [
        f"plan.csv:2: Наименование мероприятия: not updated: already there as events/{ROUND_TABLE}.md, but it "
        "cannot be read until this problem is fixed (then import again with --update): "
        f"events/{ROUND_TABLE}.en.md:4: encoding: the file is saved as Windows-1251, not UTF-8: run " + CANNOT_READ_END,
        "import: 0 created, 0 updated, 1 not imported",
    ]
    assert snapshot(events) == before


def test_update_with_a_translation_in_utf_16_names_the_encoding(imported: Path) -> None:
    events = imported / "events"
    (events / f"{ROUND_TABLE}.en.md").write_bytes("---\ntitle: Round table\n---\nText.\n".encode("utf-16"))
    before = snapshot(events)
    code, output = run("import", str(imported / "plan.csv"), "--update", root=imported)
    assert code == 1
    assert f"events/{ROUND_TABLE}.en.md:1: encoding: the file is saved as UTF-16 (Notepad's 'Unicode')" in output[0]
    assert output[-1] == "import: 0 created, 0 updated, 1 not imported"
    assert snapshot(events) == before


@pytest.mark.parametrize("update", [(), ("--update",)], ids=["import", "update"])
def test_a_main_file_in_windows_1251_is_not_imported_twice(imported: Path, update: tuple[str, ...]) -> None:
    """Before: the loader left the event out, so the row looked new and `<name>-2.md` was created beside it."""
    main_file = imported / "events" / f"{ROUND_TABLE}.md"
    main_file.write_bytes(main_file.read_text(encoding="utf-8").encode("cp1251"))
    before = snapshot(imported / "events")
    code, output = run("import", str(imported / "plan.csv"), *update, root=imported)
    assert (code, output) == (
        1,
        [
            f"plan.csv:2: Наименование мероприятия: not imported: events/{ROUND_TABLE}.md may be this event, but it "
            "cannot be used until this problem is fixed (then import again): "
            f"events/{ROUND_TABLE}.md:2: encoding: the file is saved as Windows-1251, not UTF-8: run "
            + CANNOT_READ_END,
            "import: 0 created, 0 updated, 1 not imported",
        ],
    )
    assert snapshot(imported / "events") == before


def test_a_main_file_with_broken_front_matter_is_named_and_left_as_it_is(imported: Path) -> None:
    main_file = imported / "events" / f"{ROUND_TABLE}.md"
    text = main_file.read_text(encoding="utf-8")
    line = next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("region: "))
    main_file.write_text(text.replace("\nregion: ", "\nregion: [", 1), encoding="utf-8")  # a bracket left open
    before = snapshot(imported / "events")
    code, output = run("import", str(imported / "plan.csv"), "--update", root=imported)
    assert code == 1
    assert output == [
        f"plan.csv:2: Наименование мероприятия: not imported: events/{ROUND_TABLE}.md may be this event, but it "
        "cannot be used until this problem is fixed (then import again): "
        f"events/{ROUND_TABLE}.md:{line}: front matter: did not find expected ',' or ']': check quotes, colons and "
        "indentation on this line",
        "import: 0 created, 0 updated, 1 not imported",
    ]
    assert snapshot(imported / "events") == before


def test_existing_draft_returns_the_problem_of_a_main_file_it_cannot_parse(imported: Path) -> None:
    """The file changed after the folder was read: before, `records[None]` raised KeyError."""
    events = imported / "events"
    (events / f"{ROUND_TABLE}.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    problem = existing_draft(events, ROUND_TABLE, "events")
    assert isinstance(problem, Problem)
    assert (problem.path, problem.field) == (f"events/{ROUND_TABLE}.md", "front matter")
    (events / f"{ROUND_TABLE}.md").unlink()
    assert existing_draft(events, ROUND_TABLE, "events") == Problem(
        f"events/{ROUND_TABLE}.md", 1, "file name", "is not there any more: run the import again"
    )


def test_update_of_an_event_in_a_subfolder_writes_it_where_it_is(imported: Path) -> None:
    """Before: KeyError, as the event's files were looked for at the top of events/ only."""
    events = imported / "events"
    (events / "2025").mkdir()
    (events / f"{ROUND_TABLE}.md").rename(events / "2025" / f"{ROUND_TABLE}.md")
    plan = imported / "plan.csv"
    plan.write_text(ROUND_TABLE_PLAN.replace("15.05.2025", "15.05.2025 11:00"), encoding="utf-8")
    code, output = run("import", str(plan), "--update", root=imported)
    assert (code, output) == (
        0,
        [f"updated events/2025/{ROUND_TABLE}.md", "import: 0 created, 1 updated, 0 not imported"],
    )
    assert list(snapshot(events)) == [f"2025/{ROUND_TABLE}.md"]
    (event,) = load_events(events, imported)[0]
    assert event.when.start == dt.datetime(2025, 5, 15, 11, 0)
