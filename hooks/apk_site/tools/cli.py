"""The editors' command line, `apk <tool>`: new-event, check, import, translations.

`apk` is the command pyproject.toml installs; `python scripts/apk.py <tool>` runs the same `main` from a
checkout where it is not installed.

Only argument parsing and printing live here; each tool's logic is in its own module.
Exit codes: 0 done, 1 problems found (or nothing written), 2 the command itself was wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from .. import LANGUAGES
from ..model import STATUSES
from .console import Console, anthology_dir, base, events_dir, shown

# The help names the command pyproject.toml installs ([project.scripts] apk).
PROG = "apk"
DESCRIPTION = """\
Tools for the editors of the events site of the Assembly of People of Kazakhstan.
Редакторларға арналған құралдар. Инструменты для редакторов.

  new-event     create the files of a new event (жаңа іс-шара / новое мероприятие)
  check         check every event file without building the site (тексеру / проверка)
  import        turn a plan (.xlsx, .csv) or a calendar (.ics) into event files (импорт)
  translations  list what is not translated yet (аудармалар / переводы)

Run `apk <tool> --help` to see what each tool accepts
(from a checkout without the installed command: `python scripts/apk.py <tool> --help`).
The guide for editors, docs/editors.md, explains every field and every message."""


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION, formatter_class=argparse.RawTextHelpFormatter)
    tools = main.add_subparsers(dest="tool", metavar="<tool>", required=True)
    _new_event_arguments(
        tools.add_parser(
            "new-event",
            help="create the files of a new event",
            formatter_class=argparse.RawTextHelpFormatter,
            description="Create the files of a new event, with a note on every field.\n"
            "Жаңа іс-шараның файлдарын жасау. Создать файлы нового мероприятия.\n\n"
            "Give the facts as options, or run it in a terminal and answer the questions.\n"
            "The file name is chosen from the date and the title, and never replaces a file.\n"
            "A language without a title gets a draft _<name>.<lang>.md that the site ignores\n"
            "until you write the text and remove the _ from its name.",
        )
    )
    _check_arguments(
        tools.add_parser(
            "check",
            help="check every event file without building the site",
            formatter_class=argparse.RawTextHelpFormatter,
            description="Check every event file, the pages' file names and the Anthology, without building the site.\n"
            "Барлық файлды тексеру. Проверить все файлы.\n\n"
            "Prints one line per problem, path:line: field: message, and exits with 1 if there is any.",
        )
    )
    _import_arguments(
        tools.add_parser(
            "import",
            help="turn a plan (.xlsx, .csv) or a calendar (.ics) into event files",
            formatter_class=argparse.RawTextHelpFormatter,
            description="Turn a plan of events (.xlsx or .csv) or a calendar export (.ics) into event files.\n"
            "Жоспарды іс-шара файлдарына айналдыру. Превратить план в файлы мероприятий.\n\n"
            "The plan's columns are found by their names in Kazakh, Russian or English:\n"
            "№, Іс-шараның атауы / Наименование мероприятия, Өткізу мерзімі / Сроки проведения,\n"
            "Өткізу орны / Место проведения, Жауаптылар / Ответственные (and Санат / Категория).\n"
            "Dates may read 24.04.2025, 24.04.2025 10:00, 24-25.04.2025, «апрель 2025», «II квартал».\n"
            "An event that is already there is left as it is unless you give --update.\n"
            "Every row that could not be imported is listed with the reason.",
        )
    )
    _translations_arguments(
        tools.add_parser(
            "translations",
            help="list what is not translated yet",
            formatter_class=argparse.RawTextHelpFormatter,
            description="List the events, pages and Anthology texts that lack a language, with counts per language.\n"
            "Аударылмаған мәтіндер. Непереведённые тексты.",
        )
    )
    return main


def _folders(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--events",
        type=Path,
        metavar="FOLDER",
        help="the folder of event files (default: $EVENTS_DIR, or events/ in the project)",
    )


def _new_event_arguments(command: argparse.ArgumentParser) -> None:
    _folders(command)
    command.add_argument("--start", help="when it starts: 2025-05-01, 2025-05-01 18:00, 01.05.2025 or «май 2025»")
    command.add_argument("--end", help="optional: when it ends, in the same form")
    command.add_argument("--region", help="a region id (astana) or a name: «Алматы», «Карагандинская область»")
    command.add_argument("--category", help="a category id (culture-arts) or its name")
    command.add_argument("--organizer", help="a structure id (friendship-house), or the organizer's name in words")
    for lang, name in (("kk", "Kazakh"), ("ru", "Russian"), ("en", "English")):
        command.add_argument(f"--title-{lang}", metavar="TITLE", help=f"the title in {name}")
    command.add_argument("--venue", help="the name of the place, in the language of the first title given")
    command.add_argument("--status", choices=STATUSES, default="scheduled", help="default: scheduled")
    command.add_argument("--source", help="optional: the web address of the official announcement")
    command.add_argument("--name", help="the file name to use, instead of one made from the date and the title")
    command.add_argument("--no-drafts", action="store_true", help="write no draft files for missing languages")


def _page_folders(command: argparse.ArgumentParser) -> None:
    """The hand-written pages and the Anthology, which `check` and `translations` read besides the events."""
    command.add_argument("--docs", type=Path, metavar="FOLDER", help="the pages (default: docs/ in the project)")
    command.add_argument(
        "--anthology",
        type=Path,
        metavar="FOLDER",
        help="the Anthology (default: $ANTHOLOGY_DIR, or docs/anthology/ in the project)",
    )


def _check_arguments(command: argparse.ArgumentParser) -> None:
    _folders(command)
    _page_folders(command)
    command.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: print the problems as annotations for a pull request",
    )
    command.add_argument(
        "--fix-encoding",
        action="store_true",
        help="re-save as UTF-8 the event files, pages and Anthology files saved as Windows-1251,\n"
        "KZ-1048 or UTF-16, list them and exit with 1; with nothing to re-save, check as usual",
    )


def _import_arguments(command: argparse.ArgumentParser) -> None:
    _folders(command)
    command.add_argument("file", type=Path, help="the plan (.xlsx, .csv) or the calendar (.ics)")
    command.add_argument(
        "--update",
        action="store_true",
        help="replace the date, place, organizer and title of events that are already there",
    )
    command.add_argument(
        "--year", type=int, help="the year of dates that give none («апрель», «II квартал»); default: this year"
    )
    command.add_argument("--region", default="", help="the region of rows whose place names none")
    command.add_argument("--organizer", default="", help="the organizer of rows that name none")
    command.add_argument(
        "--category",
        default="",
        help="the category of every row (otherwise a column "
        "«Категория» / «Санат», or a guess from the title, marked for you to check)",
    )
    command.add_argument("--sheet", default="", help="the sheet of the workbook (default: the first one)")
    command.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="",
        help="the language of titles in Cyrillic without Kazakh letters (default: ru)",
    )


def _translations_arguments(command: argparse.ArgumentParser) -> None:
    _folders(command)
    _page_folders(command)
    command.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="markdown: the page the site shows, in the language given by --lang",
    )
    command.add_argument("--lang", choices=LANGUAGES, default="en", help="the language of the markdown page")


# ---- check ----


def run_check(args: argparse.Namespace, console: Console) -> int:
    from .check import check, fix_encodings, format_github, format_text

    folder = events_dir(args, console)
    docs = args.docs if args.docs is not None else console.root / "docs"
    anthology, anthology_given = anthology_dir(args, docs)
    folders = (folder.resolve(), docs.resolve(), anthology.resolve())
    if args.fix_encoding and (changed := fix_encodings(base(folder, console), *folders)):
        # As the project's other fix-or-report tools: a change is reported and fails, so that CI notices.
        files = "1 file" if len(changed) == 1 else f"{len(changed)} files"
        console.say(*changed, f"{files} re-saved as UTF-8: check the texts, then commit them")
        return 1
    events_given = args.events is not None or bool(os.environ.get("EVENTS_DIR"))
    result = check(
        base(folder, console),
        folder.resolve(),
        docs.resolve(),
        anthology.resolve(),
        anthology_given=anthology_given,
        link_events=events_given == anthology_given,
        events_given=events_given,
    )
    console.say(*(format_github(result) if args.format == "github" else format_text(result)))
    return 0 if result.ok else 1


# ---- translations ----


def run_translations(args: argparse.Namespace, console: Console) -> int:
    from .coverage import coverage_markdown, coverage_report, report_text

    folder = events_dir(args, console)
    docs = args.docs if args.docs is not None else console.root / "docs"
    anthology, _ = anthology_dir(args, docs)
    report = coverage_report(folder.resolve(), docs.resolve(), anthology.resolve(), base=base(folder, console))
    console.say(
        *(coverage_markdown(report, args.lang).splitlines() if args.format == "markdown" else report_text(report))
    )
    return 0


# ---- import ----


def run_import(args: argparse.Namespace, console: Console) -> int:
    from .ics_import import CalendarError, read_calendar
    from .importing import Options, import_rows
    from .plan_import import PlanError, read_plan

    source: Path = args.file
    if not source.is_file():
        console.say(f"{source}: no such file")
        return 1
    shown_source = source.name
    try:
        if source.suffix.lower() == ".ics":
            rows, skipped = read_calendar(source, shown_source)
        else:
            rows, skipped = read_plan(source, shown_source, sheet=args.sheet, lang=args.lang)
    except (PlanError, CalendarError) as error:
        console.say(str(error))
        return 1
    folder = events_dir(args, console)
    options = Options(
        year=args.year or console.today.year,
        region=args.region,
        organizer=args.organizer,
        category=args.category,
        update=args.update,
    )
    result = import_rows(rows, folder.resolve(), shown(folder, console), options)
    result.notes += [p for p in skipped if p.field == "row"]
    result.errors += [p for p in skipped if p.field != "row"]
    console.say(*result.lines())
    return 1 if result.errors else 0


def run_new_event(args: argparse.Namespace, console: Console) -> int:
    from . import new_event

    return new_event.run(args, console)


RUN = {"new-event": run_new_event, "check": run_check, "import": run_import, "translations": run_translations}


def main(
    argv: Sequence[str] | None = None,
    *,
    root: Path | None = None,
    out: TextIO | None = None,
    ask: Callable[[str], str] | None = None,
    today: dt.date | None = None,
) -> int:
    args = parser().parse_args(argv)
    interactive = ask if ask is not None else (input if sys.stdin.isatty() and out is None else None)
    console = Console(out or sys.stdout, interactive, today or dt.date.today(), root or Path.cwd())
    return RUN[args.tool](args, console)
