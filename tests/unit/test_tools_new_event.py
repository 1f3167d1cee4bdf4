"""`new-event`: complete, valid files from a few options or from questions, under a free name.

Golden files: tests/fixtures/tools/expected/new-event*/ (regenerate as said in test_tools_import.py).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from apk_site.loader import load_events
from apk_site.tools.cli import main
from test_tools_import import assert_golden, tree

TODAY = dt.date(2025, 3, 1)
CONCERT = [
    "--start",
    "2025-05-01 18:00",
    "--end",
    "2025-05-01 20:30",
    "--region",
    "Алматы",
    "--category",
    "Культура и искусство",
    "--organizer",
    "Дом дружбы",
    "--title-kk",
    "Қазақстан халқының бірлігі күніне арналған концерт",
    "--title-en",
    "Unity Day concert",
    "--venue",
    "Достық үйі",
]


def run(*argv: str, root: Path, answers: list[str] | None = None) -> tuple[int, list[str]]:
    out = io.StringIO()
    queue = list(answers) if answers is not None else None

    def ask(question: str) -> str:
        assert queue is not None
        out.write(question + "\n")
        if not queue:
            raise EOFError
        return queue.pop(0)

    code = main(list(argv), root=root, out=out, today=TODAY, ask=ask if answers is not None else None)
    return code, out.getvalue().splitlines()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "events").mkdir()
    return tmp_path


def test_options_give_the_expected_files(project: Path) -> None:
    code, output = run("new-event", *CONCERT, root=project)
    assert (code, output) == (
        0,
        [
            "created events/2025-05-01-unity-day-concert.md",
            "created events/_2025-05-01-unity-day-concert.ru.md (a draft: write the text, then rename it to "
            "2025-05-01-unity-day-concert.ru.md)",
            "created events/2025-05-01-unity-day-concert.en.md",
            "next: write the description below the second --- line, then run: python scripts/apk.py check",
        ],
    )
    assert_golden(project / "events", "new-event")


def test_the_files_load_and_the_draft_is_ignored_until_renamed(project: Path) -> None:
    run("new-event", *CONCERT, root=project)
    (event,) = load_events(project / "events", project)[0]
    assert (event.id, event.region, event.category, event.organizer.id) == (
        "2025-05-01-unity-day-concert",
        "almaty-city",
        "culture-arts",
        "friendship-house",
    )
    assert event.when.start == dt.datetime(2025, 5, 1, 18, 0) and event.missing_languages() == ("ru",)
    draft = project / "events" / "_2025-05-01-unity-day-concert.ru.md"
    draft.rename(project / "events" / "2025-05-01-unity-day-concert.ru.md")
    assert [str(p) for p in load_events(project / "events", project)[1]] == [
        "events/2025-05-01-unity-day-concert.ru.md:10: title: is empty: write the value after the colon, or remove "
        "the line"
    ]


def test_a_taken_name_gets_the_next_free_one(project: Path) -> None:
    run("new-event", *CONCERT, root=project)
    code, output = run("new-event", *CONCERT, "--no-drafts", root=project)
    assert output[0] == "created events/2025-05-01-unity-day-concert-2.md"
    assert sorted(tree(project / "events")) == [
        "2025-05-01-unity-day-concert-2.en.md",
        "2025-05-01-unity-day-concert-2.md",
        "2025-05-01-unity-day-concert.en.md",
        "2025-05-01-unity-day-concert.md",
        "_2025-05-01-unity-day-concert.ru.md",
    ]


def test_a_name_taken_by_an_id_field_is_not_used(project: Path) -> None:
    (project / "events" / "renamed.md").write_text("---\nid: 2025-05-01-unity-day-concert\n---\n", encoding="utf-8")
    assert run("new-event", *CONCERT, root=project)[1][0] == "created events/2025-05-01-unity-day-concert-2.md"


def test_questions_are_asked_again_until_the_answer_can_be_used(project: Path) -> None:
    answers = [
        "01.05.2025",
        "Нью-Йорк",
        "Карагандинская обл.",
        "culture",
        "culture-arts",
        "Совет матерей",
        "",
        "Концерт ко Дню единства",
        "",
        "Дом дружбы, г. Караганда",
    ]
    code, output = run("new-event", root=project, answers=answers)
    assert code == 0
    assert output == [
        "Date / Күні / Дата (2025-05-01, 2025-05-01 18:00, 01.05.2025 or «май 2025»): ",
        "Region / Өңір / Регион (astana, «Алматы», «Карагандинская область», nationwide ...): ",
        "  unknown region 'Нью-Йорк': write a region id from the guide (astana, almaty-city, ...) or the name of "
        "the region or the city",
        "Region / Өңір / Регион (astana, «Алматы», «Карагандинская область», nationwide ...): ",
        "Category / Санат / Категория (an id such as culture-arts, or its name): ",
        "  unknown category 'culture': write one of anthology-publications, charity, commemorative, conference, "
        "culture-arts, education, ethnocultural, ethnomediation, family, international, media, science-expertise, "
        "session-forum, sport, state-language, volunteering, youth",
        "Category / Санат / Категория (an id such as culture-arts, or its name): ",
        "Organizer / Ұйымдастырушы / Организатор (an id such as friendship-house, or the name in words): ",
        "Title in Kazakh / Қазақша атауы / Название на казахском (Enter: none yet): ",
        "Title in Russian / Орысша атауы / Название на русском (Enter: none yet): ",
        "Title in English / Ағылшынша атауы / Название на английском (Enter: none yet): ",
        "Venue / Өтетін орны / Место проведения: ",
        "created events/2025-05-01-kontsert-ko-dnyu-edinstva.md",
        "created events/_2025-05-01-kontsert-ko-dnyu-edinstva.kk.md (a draft: write the text, then rename it to "
        "2025-05-01-kontsert-ko-dnyu-edinstva.kk.md)",
        "created events/_2025-05-01-kontsert-ko-dnyu-edinstva.en.md (a draft: write the text, then rename it to "
        "2025-05-01-kontsert-ko-dnyu-edinstva.en.md)",
        "next: write the description below the second --- line, then run: python scripts/apk.py check",
    ]
    assert_golden(project / "events", "new-event-questions")


def test_a_quarter_is_a_month_marked_for_the_editor(project: Path) -> None:
    run(
        "new-event",
        "--start",
        "III квартал",
        "--region",
        "astana",
        "--category",
        "youth",
        "--organizer",
        "assembly-youth",
        "--title-kk",
        "Жастар форумы",
        "--venue",
        "Астана",
        "--no-drafts",
        root=project,
    )
    text = (project / "events" / "2025-07-zhastar-forumy.md").read_text(encoding="utf-8")
    assert "# Жоспарда нақты ай жоқ («III квартал»): төмендегі ай — алғашқы ай, нақты күн емес." in text
    assert "\nstart: 2025-07\n" in text


def test_missing_options_without_a_terminal(project: Path) -> None:
    assert run("new-event", "--title-ru", "Форум", root=project) == (
        2,
        [
            "missing: --start, --region, --category, --organizer, --venue (or run new-event in a terminal to answer "
            "questions)",
        ],
    )
    assert tree(project / "events") == {}


def test_every_wrong_option_is_named_and_nothing_is_written(project: Path) -> None:
    options = [
        "--start",
        "32.05.2025",
        "--region",
        "Нью-Йорк",
        "--category",
        "culture-arts",
        "--organizer",
        "apk",
        "--title-en",
        "Forum",
        "--venue",
        "Hall",
    ]
    assert run("new-event", *options, root=project) == (
        1,
        [
            "--start: cannot read '32.05.2025' as a date (day is out of range for month): write 24.04.2025, "
            "24.04.2025 10:00, «апрель 2025» or «II квартал»",
            "--region: unknown region 'Нью-Йорк': write a region id from the guide (astana, almaty-city, ...) or the "
            "name of the region or the city",
            "nothing was written",
        ],
    )
    assert tree(project / "events") == {}


def test_values_the_loader_refuses_are_reported_and_nothing_is_written(project: Path) -> None:
    options = [
        "--start",
        "2025-05-01 18:00",
        "--end",
        "2025-05-01 17:00",
        "--region",
        "astana",
        "--category",
        "youth",
        "--organizer",
        "apk",
        "--title-en",
        "Forum",
        "--venue",
        "Hall",
        "--source",
        "gov.kz",
    ]
    assert run("new-event", *options, root=project) == (
        1,
        [
            "--end: ends (2025-05-01 17:00:00) before it starts (2025-05-01 18:00:00): swap them or fix the date",
            "--source: expected a web address starting with https://, got 'gov.kz'",
            "nothing was written",
        ],
    )
    assert tree(project / "events") == {}


def test_a_given_name_must_be_free_and_well_formed(project: Path) -> None:
    run("new-event", *CONCERT, root=project)
    assert run("new-event", *CONCERT, "--name", "2025-05-01-unity-day-concert", root=project) == (
        1,
        ["--name: '2025-05-01-unity-day-concert' is already used: nothing was written"],
    )
    assert run("new-event", *CONCERT, "--name", "Unity Concert", root=project) == (
        1,
        ["--name: 'Unity Concert' must be lower-case Latin letters, digits and hyphens: nothing was written"],
    )
