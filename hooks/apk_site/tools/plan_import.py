"""Read a plan of events from a spreadsheet (`.xlsx`, `.csv`) into `Row`s.

Plans put a title, a subtitle and blank rows above the table, header cells merged across two rows,
Kazakh and Russian (and English) column names side by side, a row of column numbers under the header,
and section headings between the events. The table is found by its column names.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..problems import Problem
from . import names
from .importing import Row

HEADER_ROWS = 20  # the table's header is looked for in the first rows only
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "number": {"": ("№", "№ п/п", "п/п", "№п/п", "р/с", "р/с №", "№ р/с", "n", "no", "#", "number", "nr")},
    "title": {
        "ru": (
            "наименование мероприятия",
            "наименование мероприятий",
            "наименование",
            "название мероприятия",
            "название",
            "мероприятие",
            "мероприятия",
        ),
        "kk": ("іс-шараның атауы", "іс-шаралардың атауы", "іс-шара атауы", "іс-шара", "іс-шаралар", "атауы"),
        "en": ("event", "events", "title", "name of the event", "event name", "event title", "activity", "name"),
    },
    "date": {
        "ru": (
            "сроки проведения",
            "срок проведения",
            "сроки исполнения",
            "срок исполнения",
            "сроки",
            "срок",
            "дата проведения",
            "дата",
            "период проведения",
            "время проведения",
        ),
        "kk": (
            "өткізу мерзімі",
            "өткізілу мерзімі",
            "өткізу уақыты",
            "орындау мерзімі",
            "мерзімі",
            "өткізу күні",
            "өтетін уақыты",
            "күні",
        ),
        "en": ("date", "dates", "when", "timing", "deadline", "period"),
    },
    "place": {
        "ru": ("место проведения", "место", "площадка"),
        "kk": ("өткізу орны", "өткізілетін орны", "өтетін орны", "орны"),
        "en": ("venue", "place", "location", "where"),
    },
    "organizer": {
        "ru": (
            "ответственные",
            "ответственный",
            "ответственные исполнители",
            "ответственный исполнитель",
            "ответственные за исполнение",
            "исполнители",
            "исполнитель",
            "организатор",
            "организаторы",
        ),
        "kk": (
            "жауаптылар",
            "жауапты",
            "жауапты орындаушылар",
            "жауапты орындаушы",
            "орындаушылар",
            "ұйымдастырушы",
            "ұйымдастырушылар",
        ),
        "en": ("responsible", "responsible bodies", "organizer", "organiser", "organizers", "organisers", "in charge"),
    },
    "region": {"ru": ("регион",), "kk": ("өңір", "аймақ"), "en": ("region",)},
    "category": {"ru": ("категория", "направление"), "kk": ("санат", "бағыт"), "en": ("category",)},
}
# «Наименование мероприятия (на казахском языке)»: the words in brackets say the column's language.
LANGUAGE_HINTS = (
    ("каз", "kk"),
    ("қаз", "kk"),
    ("kaz", "kk"),
    ("рус", "ru"),
    ("орыс", "ru"),
    ("rus", "ru"),
    ("англ", "en"),
    ("ағыл", "en"),
    ("eng", "en"),
)


class PlanError(ValueError):
    """The file cannot be read as a plan at all (the message names the file)."""


@dataclass(frozen=True)
class Column:
    index: int
    kind: str
    lang: str  # "" when the header does not say
    header: str


@dataclass(frozen=True)
class Sheet:
    """The cells of a spreadsheet by row number, and where merged cells get their text from."""

    rows: dict[int, list[Any]]
    merged: dict[tuple[int, int], tuple[int, int]]  # (row, column) -> the merged range's first cell

    def value(self, row: int, column: int, *, fill: bool = True) -> Any:
        if fill:
            row, column = self.merged.get((row, column), (row, column))
        cells = self.rows.get(row, [])
        return cells[column] if column < len(cells) else None


def read_sheet(path: Path, sheet: str = "") -> Sheet:
    if path.suffix.lower() == ".xlsx":
        return _xlsx(path, sheet)
    if path.suffix.lower() in (".csv", ".txt"):
        return _csv(path)
    raise PlanError(f"{path.name}: expected a .xlsx or .csv spreadsheet (or an .ics calendar)")


def _xlsx(path: Path, sheet: str) -> Sheet:
    import openpyxl  # only the importer needs it
    from openpyxl.utils.exceptions import InvalidFileException

    with warnings.catch_warnings():
        # Files from other programs make openpyxl warn about styles it does not need to read cells.
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(path, data_only=True)
        except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile, InvalidFileException):
            raise PlanError(
                f"{path.name}: cannot be opened as an .xlsx workbook: save it again from the spreadsheet "
                "program as «Excel Workbook (.xlsx)», or as .csv"
            ) from None
    if sheet and sheet not in book.sheetnames:
        raise PlanError(f"{path.name}: no sheet '{sheet}' (the sheets are {', '.join(book.sheetnames)})")
    table = book[sheet] if sheet else book.worksheets[0]
    rows = {number: list(values) for number, values in enumerate(table.iter_rows(values_only=True), start=1)}
    merged = {}
    for cells in table.merged_cells.ranges:
        for row in range(cells.min_row, cells.max_row + 1):
            for column in range(cells.min_col, cells.max_col + 1):
                merged[(row, column - 1)] = (cells.min_row, cells.min_col - 1)
    return Sheet(rows, merged)


def _csv(path: Path) -> Sheet:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1251")  # Excel in Russian and Kazakh Windows saves CSV this way
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows, line = {}, 1
    for cells in reader:
        rows[line] = [cell.strip() or None for cell in cells]
        line = reader.line_num + 1
    return Sheet(rows, {})


def _parts(header: Any) -> list[str]:
    """A header cell's names: «Іс-шараның атауы /\nНаименование мероприятия» has two; «№ п/п» one."""
    text = str(header or "")
    pieces = [text, *re.split(r"\s+/\s*|\s*/\s+|\n|;", text)]
    return [names.normal(part) for part in pieces if names.normal(part)]


def _kind(header: Any) -> tuple[str, str] | None:
    """The kind of column a header names, and its language when it names one language only."""
    for part in _parts(header):
        for kind, languages in HEADERS.items():
            for synonyms in languages.values():
                if part in synonyms or any(len(s) >= 6 and part.startswith(s + " ") for s in synonyms):
                    return kind, _hinted_language(str(header)) or _only_language(header, kind)
    return None


def _hinted_language(header: str) -> str:
    brackets = " ".join(re.findall(r"\(([^)]*)\)", header.casefold()))
    return next((lang for hint, lang in LANGUAGE_HINTS if hint in brackets), "")


def _only_language(header: Any, kind: str) -> str:
    """The language of a header written in one language only («Іс-шараның атауы»); "" when mixed."""
    found = {lang for part in _parts(header) for lang, synonyms in HEADERS[kind].items() if part in synonyms}
    return found.pop() if len(found) == 1 else ""


def _columns(sheet: Sheet, row: int) -> list[Column]:
    width = max((len(cells) for cells in sheet.rows.values()), default=0)
    columns: dict[tuple[str, str], Column] = {}
    for index in range(width):
        for text in (sheet.value(row, index), sheet.value(row - 1, index)):
            found = _kind(text)
            if found is not None:
                header = " ".join(str(text).split())
                columns.setdefault(found, Column(index, found[0], found[1], header))
                break
    return sorted(columns.values(), key=lambda c: c.index)


def find_header(sheet: Sheet) -> tuple[int, list[Column]] | None:
    """The header row (the lower one when it spans two) and its columns; it must name the titles."""
    best: tuple[int, int, list[Column]] | None = None
    for row in sorted(sheet.rows)[:HEADER_ROWS]:
        columns = _columns(sheet, row)
        kinds = {c.kind for c in columns}
        if "title" in kinds and (best is None or len(kinds) > best[0]):
            best = (len(kinds), row, columns)
    return (best[1], best[2]) if best else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _is_column_numbers(cells: Sequence[Any]) -> bool:
    """The row «1 | 2 | 3 | 4 | 5» that many plans put under the header."""
    numbers = [_text(cell) for cell in cells if _text(cell)]
    return len(numbers) >= 3 and numbers == [str(n) for n in range(1, len(numbers) + 1)]


def read_plan(path: Path, shown: str, *, sheet: str = "", lang: str = "") -> tuple[list[Row], list[Problem]]:
    """The rows of the plan that look like events; headings and other skipped rows as notes."""
    table = read_sheet(path, sheet)
    header = find_header(table)
    if header is None:
        raise PlanError(
            f"{path.name}: no column with the names of the events: the table needs a header such as "
            "«Наименование мероприятия», «Іс-шараның атауы» or «Event» in its first rows"
        )
    header_row, columns = header
    rows: list[Row] = []
    skipped: list[Problem] = []
    for number in sorted(n for n in table.rows if n > header_row):
        cells = table.rows[number]
        if not any(_text(cell) for cell in cells) or _is_column_numbers(cells):
            continue
        if _is_heading(table, number, columns):
            heading = next(_text(c) for c in cells if _text(c))
            skipped.append(Problem(shown, number, "row", f"skipped: a heading, not an event ('{heading}')"))
            continue
        rows.append(_row(table, number, columns, shown, lang))
    return rows, skipped


def _is_heading(table: Sheet, number: int, columns: list[Column]) -> bool:
    """A section heading: one text across the row (merged), or a text with no date, place and organizer."""
    filled = [c for c in columns if _text(table.value(number, c.index, fill=False))]
    spans = any((number, c.index) in table.merged and table.merged[(number, c.index)][1] != c.index for c in columns)
    needed = {"date", "place", "organizer"} & {c.kind for c in columns}
    return len(filled) <= 1 and (spans or not any(c.kind in needed for c in filled))


def _row(table: Sheet, number: int, columns: list[Column], shown: str, lang: str) -> Row:
    values: dict[str, Any] = {}
    titles: dict[str, str] = {}
    headers: dict[str, str] = {}
    title_columns = [c for c in columns if c.kind == "title"]
    for column in columns:
        value = table.value(number, column.index, fill=False)
        headers.setdefault(column.kind, column.header)
        if column.kind == "title":
            text = _text(value)
            if text:
                default = column.lang or lang or "ru"
                code = column.lang if len(title_columns) > 1 and column.lang else names.language_of(text, default)
                titles.setdefault(code, text)
        elif column.kind == "date":
            values["date"] = value
        else:
            values[column.kind] = _text(value)
    label = f", № {values['number']}" if values.get("number") else ""
    where = {"kk": f"{number}-жол{label}", "ru": f"строка {number}{label}", "en": f"row {number}{label}"}
    return Row(
        path=shown,
        line=number,
        where=where,
        titles=titles,
        when=values.get("date"),
        place=values.get("place", ""),
        region=values.get("region", ""),
        organizer=values.get("organizer", ""),
        category=values.get("category", ""),
        columns=headers,
    )
