"""Write a deterministic calendar of made-up events (marked `sample: true`) for demos and load tests.

The same --count and --seed always give byte-identical files. Running again into the same folder
replaces the files written before; a folder holding any other event file is refused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from apk_site.reference import DATA, Reference, reference

YEAR = 2025
DEFAULT_COUNT = 420
DEFAULT_SEED = 2025
MARKER = "# Sample data written by scripts/sample_events.py: replaced on every run, do not edit."
SAMPLE_NAME = re.compile(r"^sample-\d{4,}-[a-z0-9-]+[a-z0-9](\.(ru|en))?\.md$")
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
FREE = "free-text"  # an organizer written in words rather than a structure id

# Approximate coordinates of each region's administrative centre; `nationwide` has none.
CENTRES: dict[str, tuple[float, float]] = {
    "abai": (50.411, 80.227),
    "akmola": (53.284, 69.396),
    "aktobe": (50.283, 57.167),
    "almaty-region": (43.877, 77.069),
    "atyrau": (47.117, 51.883),
    "west-kazakhstan": (51.233, 51.367),
    "zhambyl": (42.900, 71.367),
    "zhetisu": (45.017, 78.373),
    "karaganda": (49.806, 73.085),
    "kostanay": (53.214, 63.624),
    "kyzylorda": (44.853, 65.509),
    "mangystau": (43.650, 51.160),
    "pavlodar": (52.287, 76.967),
    "north-kazakhstan": (54.867, 69.150),
    "turkistan": (43.297, 68.252),
    "ulytau": (47.783, 67.767),
    "east-kazakhstan": (49.948, 82.628),
    "astana": (51.128, 71.430),
    "almaty-city": (43.238, 76.946),
    "shymkent": (42.317, 69.596),
}

# Decks: each block of a deck is shuffled, so every item shows up once per block.
STATUSES = ("scheduled",) * 16 + ("postponed",) * 2 + ("cancelled",) * 2
DATE_FORMS = ("timed",) * 4 + ("all-day",) * 3 + ("multi-day",) * 2 + ("month",)
TITLE_STYLES = ("plain",) * 11 + (
    "guillemets",
    "double",
    "curly",
    "single",
    "backslash",
    "punctuation",
    "punctuation",
    "yaml",
    "long",
)
BODY_STYLES = ("paragraph",) * 5 + ("list",) * 2 + ("empty",)
LANGUAGE_SETS = (("kk", "ru", "en"),) * 17 + (("kk", "ru"),) * 2 + (("kk", "en"),)
LINK_SETS = ((),) * 4 + (("registration",),) * 2 + (("livestream",), ("livestream", "registration"))
FREE_ORGANIZERS = 5  # free-text organizers per block of structure ids

TEXT: dict[str, dict[str, Any]] = {
    "kk": {
        "title": "{category} — {region} — үлгі іс-шара №{n}",
        "styles": {
            "guillemets": "«Үлгі апталық» — {t}",
            "double": '"Демо" {t}',
            "curly": "“Демо” {t}",
            "single": "{t} ('жоба' нұсқасы)",
            "backslash": "{t}, 1\\2 бөлім",
            "punctuation": "{t}; кездесу, пікірталас; қорытынды",
            "yaml": "[үлгі] {t} #демо: 1",
        },
        "filler": "әр өңірдің ұлттық мәдениеті, ғылымы мен қоғамдық өмірі туралы жаңа буын шаһар тұрғындарына"
        " арналған ұзын үлгі атау",
        "summary": "Үлгі деректер: «{category}» санатындағы ойдан шығарылған іс-шара, {region}.",
        "paragraph": "Бұл іс-шара ойдан шығарылған: мәтін сайтты көрсету және сынау үшін автоматты түрде"
        " жасалды. Өңір: {region}; санат: {category}.",
        "list": "Үлгі бағдарлама:\n\n1. Тіркеу және танысу;\n2. «Үлгі» баяндама, кейін пікірталас;\n"
        "3. Қорытынды, 1\\2 бөлім.\n\n- [Тіркеу беті]({url}/registration)\n- Толығырақ: <{url}>",
        "venues": (
            "«Гауһар» үлгі залы",
            "Үлгі мәдениет орталығы",
            "Үлгі жастар алаңы",
            "Үлгі кітапханасы",
            "Үлгі университетінің мәжіліс залы",
        ),
        "online": "Онлайн (үлгі тікелей эфир)",
        "address": "{centre} қ., Үлгі көшесі, {house}",
        "organizer": "«Үлгі бірлестік» №{k} қоғамдық ұйымы",
    },
    "ru": {
        "title": "{category} — {region} — образец события № {n}",
        "styles": {
            "guillemets": "«Неделя-образец» — {t}",
            "double": '"Демо" {t}',
            "curly": "„Демо“ {t}",
            "single": "{t} ('черновой' вариант)",
            "backslash": "{t}, часть 1\\2",
            "punctuation": "{t}; встреча, дискуссия; итоги",
            "yaml": "[образец] {t} #демо: 1",
        },
        "filler": "очень длинное условное название, которое перечисляет тему, регион, формат, участников и"
        " ожидаемые итоги встречи",
        "summary": "Образец данных: вымышленное мероприятие в категории «{category}», {region}.",
        "paragraph": "Это вымышленное мероприятие: текст создан автоматически, чтобы показать и проверить"
        " сайт. Регион: {region}; категория: {category}.",
        "list": "Программа-образец:\n\n1. Регистрация и знакомство;\n2. Доклад «Образец», затем обсуждение;\n"
        "3. Итоги, часть 1\\2.\n\n- [Страница регистрации]({url}/registration)\n- Подробнее: <{url}>",
        "venues": (
            "Условный зал «Гауһар»",
            "Условный культурный центр",
            "Условная молодёжная площадка",
            "Условная библиотека",
            "Актовый зал условного университета",
        ),
        "online": "Онлайн (условная трансляция)",
        "address": "г. {centre}, ул. Условная, {house}",
        "organizer": "Общественное объединение «Условное» № {k}",
    },
    "en": {
        "title": "{category} — {region} — sample event No. {n}",
        "styles": {
            "guillemets": "«Sample week» — {t}",
            "double": '"Demo" {t}',
            "curly": "“Demo” {t}",
            "single": "{t} ('draft' version)",
            "backslash": "{t}, part 1\\2",
            "punctuation": "{t}; meeting, discussion; results",
            "yaml": "[sample] {t} #demo: 1 & more",
        },
        "filler": "a deliberately long generated title that lists the theme, the region, the format, the"
        " participants and the expected results of the meeting",
        "summary": "Sample data: a made-up event in the category “{category}”, {region}.",
        "paragraph": "This event is made up: the text was generated automatically to show and test the site."
        " Region: {region}; category: {category}.",
        "list": "Sample programme:\n\n1. Registration and welcome;\n2. “Sample” talk, then discussion;\n"
        "3. Closing remarks, part 1\\2.\n\n- [Registration page]({url}/registration)\n- More: <{url}>",
        "venues": (
            "Sample hall “Gauhar”",
            "Sample culture centre",
            "Sample youth venue",
            "Sample library",
            "Assembly hall of a sample university",
        ),
        "online": "Online (sample livestream)",
        "address": "{house} Sample Street, {centre}",
        "organizer": "“Sample Union” No. {k}, a public association",
    },
}


class RefusedFolder(Exception):
    """The output folder holds files this script did not write."""


@dataclass(frozen=True)
class Plan:
    """Every random choice for one event, drawn up front so that rendering is a pure function."""

    number: int
    id: str
    region: str
    category: str
    organizer: str
    free_organizer: int
    status: str
    when: dict[str, Any]
    title_style: str
    body_style: str
    languages: tuple[str, ...]
    venue: int
    house: int | None
    summary: bool
    geo: tuple[float, float] | None
    links: tuple[str, ...]


def deck(rng: random.Random, items: Sequence[Any], count: int) -> list[Any]:
    """`count` items from shuffled copies of `items`: each item appears once per block."""
    drawn: list[Any] = []
    while len(drawn) < count:
        block = list(items)
        rng.shuffle(block)
        drawn.extend(block)
    return drawn[:count]


def draw_when(rng: random.Random, form: str, month: int) -> dict[str, Any]:
    """`start` (and `end`) in the form YAML reads back as intended: see fields.moment."""
    if form == "month":
        return {"start": f"{YEAR}-{month:02d}"}
    day = dt.date(YEAR, month, rng.randint(1, 28))
    if form == "all-day":
        return {"start": day}
    if form == "multi-day":
        return {"start": day, "end": day + dt.timedelta(days=rng.randint(1, 3))}
    start = dt.datetime.combine(day, dt.time(rng.randint(9, 18), rng.choice((0, 15, 30, 45))))
    end = start + dt.timedelta(minutes=rng.choice((60, 90, 120, 180, 240)))
    return {"start": f"{start:%Y-%m-%d %H:%M}", "end": f"{end:%Y-%m-%d %H:%M}"}


def draw_geo(rng: random.Random, region: str, wanted: bool) -> tuple[float, float] | None:
    if not wanted or region not in CENTRES:
        return None
    lat, lon = CENTRES[region]
    return round(lat + rng.uniform(-0.05, 0.05), 4), round(lon + rng.uniform(-0.05, 0.05), 4)


def draw_columns(rng: random.Random, count: int, ref: Reference) -> dict[str, list[Any]]:
    """The choices that must cover every value: one deck per field."""
    organizers = sorted(ref.organizers) + [FREE] * FREE_ORGANIZERS
    return {
        "region": deck(rng, sorted(ref.regions), count),
        "category": deck(rng, sorted(ref.categories), count),
        "organizer": deck(rng, organizers, count),
        "status": deck(rng, STATUSES, count),
        "form": deck(rng, DATE_FORMS, count),
        "month": deck(rng, range(1, 13), count),
        "title_style": deck(rng, TITLE_STYLES, count),
        "body_style": deck(rng, BODY_STYLES, count),
        "languages": deck(rng, LANGUAGE_SETS, count),
        "venue": deck(rng, range(len(TEXT["kk"]["venues"])), count),
        "geo": deck(rng, (True, False), count),
        "links": deck(rng, LINK_SETS, count),
    }


def draw_plans(count: int, seed: int, ref: Reference) -> list[Plan]:
    rng = random.Random(seed)
    width = max(4, len(str(count)))
    columns = draw_columns(rng, count, ref)
    plans = []
    for i in range(count):
        row = {name: values[i] for name, values in columns.items()}
        number = i + 1
        plans.append(
            Plan(
                number=number,
                id=f"sample-{number:0{width}d}-{row['category']}-{row['region']}",
                region=row["region"],
                category=row["category"],
                organizer=row["organizer"],
                free_organizer=rng.randint(1, 9),
                status=row["status"],
                when=draw_when(rng, row["form"], row["month"]),
                title_style=row["title_style"],
                body_style=row["body_style"],
                languages=row["languages"],
                venue=row["venue"],
                house=rng.randint(1, 120) if rng.random() < 0.7 else None,
                summary=rng.random() < 0.85,
                geo=draw_geo(rng, row["region"], row["geo"]),
                links=row["links"],
            )
        )
    return plans


def long_title(base: str, filler: str, low: int = 185, high: int = 199) -> str:
    """`base` padded with filler words to between `low` and `high` characters."""
    words = filler.split()
    title = base + " —"
    i = 0
    while len(title) + 1 + len(words[i % len(words)]) <= high:
        title += " " + words[i % len(words)]
        i += 1
    assert low <= len(title) <= high, title
    return title


def title(plan: Plan, lang: str, ref: Reference) -> str:
    words = TEXT[lang]
    base = words["title"].format(
        category=ref.categories[plan.category].name(lang), region=ref.regions[plan.region].name(lang), n=plan.number
    )
    if plan.title_style == "plain":
        return base
    if plan.title_style == "long":
        return long_title(base, words["filler"])
    return str(words["styles"][plan.title_style].format(t=base))


def url(plan: Plan) -> str:
    return f"https://example.org/sample/{plan.id}"


def texts(plan: Plan, lang: str, ref: Reference, centres: dict[str, dict[str, str]]) -> dict[str, str]:
    """The four text fields of one language, in file order."""
    words = TEXT[lang]
    names = {"category": ref.categories[plan.category].name(lang), "region": ref.regions[plan.region].name(lang)}
    values = {"title": title(plan, lang, ref)}
    if plan.summary:
        values["summary"] = words["summary"].format(**names)
    if plan.region == "nationwide":
        values["venue"] = words["online"]
    else:
        values["venue"] = words["venues"][plan.venue]
        if plan.house is not None:
            values["address"] = words["address"].format(centre=centres[plan.region][lang], house=plan.house)
    return values


def body(plan: Plan, lang: str, ref: Reference) -> str:
    if plan.body_style == "empty":
        return ""
    names = {"category": ref.categories[plan.category].name(lang), "region": ref.regions[plan.region].name(lang)}
    return str(TEXT[lang][plan.body_style].format(url=url(plan), **names))


def organizer(plan: Plan) -> str | dict[str, str]:
    if plan.organizer != FREE:
        return plan.organizer
    return {lang: TEXT[lang]["organizer"].format(k=plan.free_organizer) for lang in ("kk", "ru", "en")}


def links(plan: Plan) -> dict[str, str]:
    addresses = {"registration": f"{url(plan)}/registration", "livestream": f"{url(plan)}/live?lang=kk&quality=hd"}
    return {kind: addresses[kind] for kind in plan.links}


def dump(values: dict[str, Any], flow: bool = False) -> str:
    """yaml.safe_dump, with libyaml's emitter when present: the same text (a test checks), 6x faster."""
    style = None if flow else False
    text = yaml.dump(values, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=style)
    return str(text)


def document(front_matter: str, text: str) -> str:
    return f"---\n{MARKER}\n{front_matter}---\n" + (f"{text}\n" if text else "")


def main_file(plan: Plan, ref: Reference, centres: dict[str, dict[str, str]]) -> str:
    facts: dict[str, Any] = {
        "sample": True,
        **plan.when,
        "region": plan.region,
        "category": plan.category,
        "organizer": organizer(plan),
        "status": plan.status,
    }
    if plan.links:
        facts["links"] = links(plan)
    facts["source"] = url(plan)
    front = dump({**facts, **texts(plan, "kk", ref, centres)})
    if plan.geo is not None:
        front += dump({"geo": list(plan.geo)}, flow=True)  # written as geo: [lat, lon]
    return document(front, body(plan, "kk", ref))


def event_files(plan: Plan, ref: Reference, centres: dict[str, dict[str, str]]) -> dict[str, str]:
    """File name -> content for one event: the Kazakh main file and its translations."""
    files = {f"{plan.id}.md": main_file(plan, ref, centres)}
    for lang in plan.languages[1:]:
        files[f"{plan.id}.{lang}.md"] = document(dump(texts(plan, lang, ref, centres)), body(plan, lang, ref))
    return files


def region_centres() -> dict[str, dict[str, str]]:
    """Name of each region's centre per language; a city is its own centre."""
    with open(DATA / "regions.yaml", encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    return {
        item["slug"]: {lang: (item["centre"] or item["name"])[lang] for lang in ("kk", "ru", "en")}
        for item in data["regions"]
    }


def is_sample_file(path: Path, folder: Path) -> bool:
    if path.parent != folder or not SAMPLE_NAME.match(path.name):
        return False
    with open(path, encoding="utf-8") as stream:
        return stream.readline() == "---\n" and stream.readline() == MARKER + "\n"


def previous_samples(folder: Path) -> list[Path]:
    """The sample files already in `folder`; refuses if it holds any other event file."""
    found = sorted(folder.rglob("*.md"))
    foreign = [p for p in found if not is_sample_file(p, folder)]
    if foreign:
        shown = ", ".join(p.relative_to(folder).as_posix() for p in foreign[:3])
        more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
        raise RefusedFolder(
            f"{folder} holds event files that are not sample data ({shown}{more}); "
            "nothing was written: choose an empty folder or one this script wrote before"
        )
    return found


def write_sample(folder: Path, count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> list[Path]:
    """Replace the sample files in `folder` with `count` new events; returns the files written."""
    if folder.exists() and not folder.is_dir():
        raise RefusedFolder(f"{folder} is not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    old = previous_samples(folder)
    ref, centres = reference(), region_centres()
    files: dict[str, str] = {}
    for plan in draw_plans(count, seed, ref):
        files.update(event_files(plan, ref, centres))
    for path in old:
        path.unlink()
    written = []
    for name in sorted(files):
        path = folder / name
        path.write_text(files[name], encoding="utf-8", newline="\n")
        written.append(path)
    return written


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Write a calendar of made-up events for demos and load tests. Every event is marked as "
        "sample data, and the same count and seed always give exactly the same files.",
    )
    parser.add_argument(
        "--count",
        type=positive,
        default=DEFAULT_COUNT,
        metavar="N",
        help=f"how many events to write (default {DEFAULT_COUNT})",
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="folder to write into, created if missing; sample files written there before are "
        "replaced, and a folder holding real event files is refused",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help=f"any whole number; another seed gives another calendar (default {DEFAULT_SEED})",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        written = write_sample(args.out, args.count, args.seed)
    except RefusedFolder as error:
        print(f"sample_events.py: error: {error}", file=sys.stderr)
        return 2
    print(f"wrote {args.count} sample events ({len(written)} files) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
