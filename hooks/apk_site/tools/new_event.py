"""`new-event`: the facts from options or questions -> a `Draft` -> checked files under a free name.

Questions are asked only in a terminal; a wrong answer is explained and asked again. Values the
site's loader would refuse are reported against the option that gave them, and nothing is written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import LANGUAGES
from ..fields import ID_PATTERN
from ..loader import LANGUAGE_SUFFIX
from ..problems import Problem
from ..reference import reference
from . import names, scaffold
from .console import Console, events_dir, shown
from .dates import NotUnderstood, plan_date
from .importing import FILE_NOTES

CHECK_COMMAND = "python scripts/apk.py check"


QUESTIONS = {
    "start": "Date / Күні / Дата (2025-05-01, 2025-05-01 18:00, 01.05.2025 or «май 2025»)",
    "region": "Region / Өңір / Регион (astana, «Алматы», «Карагандинская область», nationwide ...)",
    "category": "Category / Санат / Категория (an id such as culture-arts, or its name)",
    "organizer": "Organizer / Ұйымдастырушы / Организатор (an id such as friendship-house, or the name in words)",
    "title_kk": "Title in Kazakh / Қазақша атауы / Название на казахском (Enter: none yet)",
    "title_ru": "Title in Russian / Орысша атауы / Название на русском (Enter: none yet)",
    "title_en": "Title in English / Ағылшынша атауы / Название на английском (Enter: none yet)",
    "venue": "Venue / Өтетін орны / Место проведения",
}


class Refused(ValueError):
    """An answer or an option that cannot be used; the message says what to write."""


def _parse_start(text: str, year: int) -> Any:
    try:
        return plan_date(text, year)
    except NotUnderstood as error:
        raise Refused(str(error)) from None


def _parse_region(text: str) -> str:
    found = names.region_id(text)
    if found is None:
        raise Refused(
            f"unknown region '{text}': write a region id from the guide (astana, almaty-city, ...) "
            "or the name of the region or the city"
        )
    return found


def _parse_category(text: str) -> str:
    found = names.category_id(text)
    if found is None:
        raise Refused(f"unknown category '{text}': write one of {', '.join(sorted(reference().categories))}")
    return found


def _parse_text(text: str) -> str:
    clean = " ".join(text.split())
    if not clean:
        raise Refused("is empty: write it")
    return clean


def _answers(args: argparse.Namespace, console: Console) -> dict[str, Any] | list[str]:
    """Every value, from the options or from questions; or the options still missing."""
    parsers: dict[str, Callable[[str], Any]] = {
        "start": lambda t: _parse_start(t, console.today.year),
        "region": _parse_region,
        "category": _parse_category,
        "organizer": _parse_text,
        "venue": _parse_text,
    }
    values: dict[str, Any] = {}
    missing, refused = [], []
    for key in ("start", "region", "category", "organizer", "title_kk", "title_ru", "title_en", "venue"):
        given = getattr(args, key)
        optional = key.startswith("title_")
        if given is not None:
            try:
                values[key] = parsers[key](given) if key in parsers else " ".join(given.split())
            except Refused as error:
                refused.append(f"--{key.replace('_', '-')}: {error}")
        elif optional and any(getattr(args, k) for k in ("title_kk", "title_ru", "title_en")):
            values[key] = ""
        elif console.ask is not None:
            values[key] = _ask(console, key, parsers.get(key, lambda t: " ".join(t.split())), optional)
        elif not optional:
            missing.append(f"--{key}")
    if refused:
        raise Refused("\n".join([*refused, "nothing was written"]))
    if not any(values.get(k) for k in ("title_kk", "title_ru", "title_en")) and console.ask is None:
        missing.append("--title-kk, --title-ru or --title-en")
    return missing or values


def _ask(console: Console, key: str, parse: Callable[[str], Any], optional: bool) -> Any:
    assert console.ask is not None
    while True:
        try:
            answer = console.ask(f"{QUESTIONS[key]}: ")
        except EOFError:
            raise Refused("stopped: nothing was written") from None
        if optional and not answer.strip():
            return ""
        try:
            return parse(answer)
        except Refused as error:
            console.say(f"  {error}")


def run(args: argparse.Namespace, console: Console) -> int:
    try:
        values = _answers(args, console)
    except Refused as error:
        console.say(*str(error).splitlines())
        return 1
    if isinstance(values, list):
        console.say(f"missing: {', '.join(values)} (or run new-event in a terminal to answer questions)")
        return 2
    titles = {lang: values[f"title_{lang}"] for lang in LANGUAGES if values.get(f"title_{lang}")}
    if not titles:
        console.say("no title in any language: nothing was written")
        return 1
    draft = _draft(args, values, titles, console)
    if isinstance(draft, str):
        console.say(draft)
        return 1
    return _write_event(args, draft, console)


def _draft(
    args: argparse.Namespace, values: dict[str, Any], titles: dict[str, str], console: Console
) -> scaffold.Draft | str:
    lang = next(code for code in LANGUAGES if code in titles)
    start = values["start"]
    end = ""
    if args.end:
        try:
            end = _parse_start(args.end, console.today.year).start
        except Refused as error:
            return f"--end: {error}"
    organizer = names.organizer_id(values["organizer"]) or {
        names.language_of(values["organizer"], lang): values["organizer"]
    }
    field_notes = {}
    if start.vague:
        field_notes["start"] = FILE_NOTES[lang]["vague"].format(said=start.vague)
    texts = {
        code: scaffold.Texts(title=title, venue=values["venue"] if code == lang else "")
        for code, title in titles.items()
    }
    return scaffold.Draft(
        start=start.start,
        end=end or start.end,
        region=values["region"],
        category=values["category"],
        organizer=organizer,
        texts=texts,
        lang=lang,
        status=args.status,
        source=args.source or "",
        field_notes=field_notes,
    )


def _write_event(args: argparse.Namespace, draft: scaffold.Draft, console: Console) -> int:
    folder = events_dir(args, console)
    taken = scaffold.used_names(folder)
    if args.name and (not ID_PATTERN.match(args.name) or args.name in taken):
        reason = "is already used" if args.name in taken else "must be lower-case Latin letters, digits and hyphens"
        console.say(f"--name: '{args.name}' {reason}: nothing was written")
        return 1
    name = args.name or scaffold.free_name(draft.start, scaffold.slug_title(draft), taken)
    files = scaffold.render(name, draft, drafts=not args.no_drafts)
    where = shown(folder, console)
    problems = scaffold.check_files(files, where)
    if problems:
        console.say(*(f"{_option(p, draft)}: {p.message}" for p in problems), "nothing was written")
        return 1
    scaffold.write(folder, files)
    for file in files:
        if file.startswith("_"):
            final = file[1:]
            console.say(f"created {where}/{file} (a draft: write the text, then rename it to {final})")
        else:
            console.say(f"created {where}/{file}")
    console.say(f"next: write the description below the second --- line, then run: {CHECK_COMMAND}")
    return 0


def _option(problem: Problem, draft: scaffold.Draft) -> str:
    """The option that gave the value the loader refused (the files were never written)."""
    if problem.field in ("title", "venue", "summary", "address"):
        match = LANGUAGE_SUFFIX.match(Path(problem.path).name[: -len(".md")])
        lang = match["lang"] if match and match["lang"] in LANGUAGES else draft.lang
        return f"--title-{lang}" if problem.field == "title" else f"--{problem.field}"
    return f"--{problem.field}"
