"""Names and dates as plans write them -> what event files need (the importer's and new-event's tables)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from apk_site.tools.dates import NotUnderstood, PlanDate, plan_date
from apk_site.tools.names import category_id, guess_category, language_of, organizer_id, region_id
from apk_site.tools.scaffold import scalar, slug

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("astana", "astana"),
        ("г. Астана, Дворец Независимости", "astana"),
        ("Нур-Султан", "astana"),
        ("Nur-Sultan, Palace of Peace", "astana"),
        ("Алматы қ., «Достық үйі»", "almaty-city"),
        ("Алматинская область, г. Қонаев", "almaty-region"),
        ("Карагандинская область", "karaganda"),
        ("в Актюбинской области", "aktobe"),
        ("Ақтөбе облысы", "aktobe"),
        ("Aktobe Region", "aktobe"),
        ("область Абай", "abai"),
        ("Абайская обл.", "abai"),
        ("Семей қаласы", "abai"),
        ("область Жетысу", "zhetisu"),
        ("Jetisu Region", "zhetisu"),
        ("ЗКО, г. Уральск", "west-kazakhstan"),
        ("Батыс Қазақстан облысы", "west-kazakhstan"),
        ("ВКО", "east-kazakhstan"),
        ("Усть-Каменогорск", "east-kazakhstan"),
        ("Петропавловск", "north-kazakhstan"),
        ("ЮКО", "turkistan"),
        ("Шымкент", "shymkent"),
        ("Ұлытау облысы", "ulytau"),
        ("Жезказган", "ulytau"),
        ("все регионы", "nationwide"),
        ("онлайн", "nationwide"),
        ("Астана, Алматы, Шымкент", "nationwide"),
        ("Дворец школьников", None),
        ("Абай оқулары", None),
        ("Microsoft Teams Meeting", None),
    ],
)
def test_regions_in_any_language(text: str, expected: str | None) -> None:
    assert region_id(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Секретариат АНК", "secretariat"),
        ("ҚХА Хатшылығы", "secretariat"),
        ("Secretariat of the APK", "secretariat"),
        ("АНК", "apk"),
        ("Қазақстан халқы Ассамблеясы", "apk"),
        ("Assembly of the People of Kazakhstan", "apk"),
        ("Дом дружбы", "friendship-house"),
        ("Дома дружбы", "friendship-house"),
        ("Достық үйі", "friendship-house"),
        ("Совет матерей при АНК", "council-of-mothers"),
        ("Council of Mothers", "council-of-mothers"),
        ("Научно-экспертный совет АНК", "scientific-expert-council"),
        ("Ассамблея жастары", "assembly-youth"),
        ("АНК Акмолинской области", "regional-assembly"),
        ("Қарағанды облысының ҚХА", "regional-assembly"),
        ("Акимат города Алматы", None),
        ("МКИ РК, Секретариат АНК", None),
    ],
)
def test_organizers_in_any_language(text: str, expected: str | None) -> None:
    assert organizer_id(text) == expected


def test_categories_by_id_or_name_and_guesses_from_titles() -> None:
    assert [
        category_id(t) for t in ("sport", "Культура и искусство", "Мәдениет және өнер", "Culture and arts", "x")
    ] == ["sport", "culture-arts", "culture-arts", "culture-arts", None]
    assert guess_category("Концерт ко Дню единства").id == "culture-arts"  # type: ignore[union-attr]
    assert guess_category("Республиканский конкурс чтецов") is None  # «курс» inside a word is no course
    assert guess_category("Ашық есік күні") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Жастар форумы «Ассамблея жастары»", "kk"),
        ("Ақсақалдар кеңесі", "kk"),
        ("Круглый стол", "ru"),
        ("Концерт ко Дню единства народа Казахстана", "ru"),
        ("Unity Run", "en"),
        ("Форум", "ru"),
    ],
)
def test_the_language_of_a_title(text: str, expected: str) -> None:
    assert language_of(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2025, 4, 24), PlanDate("2025-04-24")),
        (dt.datetime(2025, 4, 24, 10, 30), PlanDate("2025-04-24 10:30")),
        (dt.date(2025, 4, 24), PlanDate("2025-04-24")),
        ("24.04.2025", PlanDate("2025-04-24")),
        ("24.04.25", PlanDate("2025-04-24")),
        ("24/04/2025", PlanDate("2025-04-24")),
        ("24.04.2025 10:00", PlanDate("2025-04-24 10:00")),
        ("24.04.2025 г., 10.00", PlanDate("2025-04-24 10:00")),
        ("24-25.04.2025", PlanDate("2025-04-24", "2025-04-25")),
        ("30.04-02.05.2025", PlanDate("2025-04-30", "2025-05-02")),
        ("24 апреля 2025 г.", PlanDate("2025-04-24")),
        ("24 апреля 2025, 10:00", PlanDate("2025-04-24 10:00")),
        ("24-26 мая", PlanDate("2025-05-24", "2025-05-26")),
        ("2025 жылғы 24 сәуір", PlanDate("2025-04-24")),
        ("1-3 сәуір", PlanDate("2025-04-01", "2025-04-03")),
        ("24 April 2025", PlanDate("2025-04-24")),
        ("апрель 2025", PlanDate("2025-04")),
        ("апрель", PlanDate("2025-04")),
        ("2025 жылғы сәуір", PlanDate("2025-04")),
        ("April 2025", PlanDate("2025-04")),
        ("Апрель–май 2025 года", PlanDate("2025-04", vague="Апрель–май 2025 года")),
        ("II квартал", PlanDate("2025-04", vague="II квартал")),
        ("ІІ тоқсан", PlanDate("2025-04", vague="ІІ тоқсан")),
        ("3 квартал 2026 г.", PlanDate("2026-07", vague="3 квартал 2026 г.")),
        ("Q4 2025", PlanDate("2025-10", vague="Q4 2025")),
        ("2025-04-24", PlanDate("2025-04-24")),
        ("2025-05", PlanDate("2025-05")),
    ],
)
def test_plan_dates(value: object, expected: PlanDate) -> None:
    assert plan_date(value, 2025) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("в течение года", "'в течение года' is not one event: give each event its own date or month"),
        ("жыл бойы", "'жыл бойы' is not one event: give each event its own date or month"),
        (
            "31.02.2025",
            "cannot read '31.02.2025' as a date (day is out of range for month): write 24.04.2025, "
            "24.04.2025 10:00, «апрель 2025» or «II квартал»",
        ),
        (
            "25.04-24.04.2025",
            "cannot read '25.04-24.04.2025' as a date (it ends before it starts): write 24.04.2025, "
            "24.04.2025 10:00, «апрель 2025» or «II квартал»",
        ),
        (
            "ерте көктемде",
            "cannot read 'ерте көктемде' as a date: write 24.04.2025, 24.04.2025 10:00, «апрель 2025» or «II квартал»",
        ),
        (None, "is empty: write 24.04.2025, 24.04.2025 10:00, «апрель 2025» or «II квартал»"),
    ],
)
def test_dates_that_cannot_be_read(value: object, message: str) -> None:
    with pytest.raises(NotUnderstood) as error:
        plan_date(value, 2025)
    assert str(error.value) == message


def test_file_names_and_yaml_values() -> None:
    assert slug("«Бірлік пен келісім жолындағы 30 жыл» республикалық форумы") == "birlik-pen-kelisim-zholyndagy-30-zhyl"
    assert slug("Ёлка") == "elka" and slug("!!!") == "event"
    assert [scalar(v) for v in ("Концерт", "Концерт: 1", "Title #1", "yes", "2025-04-24", " x")] == [
        "Концерт",
        '"Концерт: 1"',
        '"Title #1"',
        '"yes"',
        "2025-04-24",
        '" x"',
    ]


def test_help_in_plain_words() -> None:
    done = subprocess.run(
        [sys.executable, "scripts/apk.py", "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "  import        turn a plan (.xlsx, .csv) or a calendar (.ics) into event files (импорт)" in done.stdout
    for tool in ("new-event", "check", "import", "translations"):
        sub = subprocess.run(
            [sys.executable, "scripts/apk.py", tool, "--help"], cwd=ROOT, capture_output=True, text=True, check=True
        )
        assert sub.stdout.startswith(f"usage: apk {tool}")
    wrong = subprocess.run(
        [sys.executable, "scripts/apk.py", "publish"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert wrong.returncode == 2 and "invalid choice: 'publish'" in wrong.stderr
