"""Write the files of one event from a `Draft`: every field, a note on each, placeholders per language.

The main file carries the shared facts and the text in its own language; each other language gets a
translation file, or a draft `_<name>.<lang>.md` that the site ignores until an editor fills it in
and renames it. Everything written is first read back by the site's own loader.
"""

from __future__ import annotations

import json
import re
import tempfile
import textwrap
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import DEFAULT_LANGUAGE, LANGUAGES
from ..fields import ID_PATTERN
from ..loader import LANGUAGE_SUFFIX, load_events
from ..problems import Problem
from ..records import TextDatesLoader
from ..reference import reference

TRANSLIT = str.maketrans(
    {
        "ә": "a",
        "ғ": "g",
        "қ": "q",
        "ң": "n",
        "ө": "o",
        "ұ": "u",
        "ү": "u",
        "һ": "h",
        "і": "i",
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ё": "e",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "i",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "y",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
    }
)
SLUG_WORDS = 6
SLUG_LENGTH = 50
TEXT_KEYS = ("title", "summary", "venue", "address")
_ID_LINE = re.compile(r"^id:\s*['\"]?([a-z0-9-]+)", re.M)


@dataclass(frozen=True)
class Texts:
    """The text of an event in one language."""

    title: str = ""
    summary: str = ""
    venue: str = ""
    address: str = ""
    body: str = ""


@dataclass(frozen=True)
class Draft:
    """An event as it will be written: values in the form the files take (`start: 2025-05`)."""

    start: str
    region: str
    category: str
    organizer: str | Mapping[str, str]
    texts: Mapping[str, Texts]
    lang: str = DEFAULT_LANGUAGE
    end: str = ""
    status: str = "scheduled"
    geo: Any = None
    links: Mapping[str, str] = field(default_factory=dict)
    source: str = ""
    sample: bool = False
    id: str = ""
    notes: tuple[str, ...] = ()  # lines for the editor at the top, already in the main file's language
    field_notes: Mapping[str, str] = field(default_factory=dict)  # a line above one field


# What each field means, in the language of the file it is written in.
NOTES: dict[str, dict[str, str]] = {
    "kk": {
        "main": "Іс-шара файлы: барлық тілге ортақ деректер және қазақша мәтін.",
        "translation": "{main} іс-шарасының қазақша мәтіні. Мұнда тек title, summary, venue, address және "
        "сипаттама жазылады: күні, өңірі және басқа деректер негізгі файлда.",
        "draft": "ЖОБА: файл атауы _ белгісінен басталғанда сайт оны оқымайды. Атауы мен мәтінін жазып, "
        "файлды {final} деп қайта атаңыз.",
        "comments": "Басында # тұрған жолдар — редакторға арналған ескертпе, сайт оларды көрсетпейді. "
        "Міндетті емес өрісті толтыру үшін оның жолының басындағы # белгісін өшіріңіз. "
        "Өрістер туралы: docs/editors.md (сайтта «Редакторларға»).",
        "start": "Басталуы (Астана уақыты): 2025-05-01 (күні бойы), 2025-05-01 18:00 (уақытымен) немесе "
        "2025-05 (күні әлі белгісіз).",
        "end": "Міндетті емес: аяқталуы, start-пен бірдей түрде.",
        "region": "Өтетін өңірі: нұсқаулықтағы өңір коды (бүкіл ел немесе онлайн болса — nationwide).",
        "category": "Негізгі тақырыбы: нұсқаулықтағы санат коды.",
        "organizer": "Ұйымдастырушы: нұсқаулықтағы құрылым коды немесе атауы сөзбен.",
        "status": "scheduled (жоспар бойынша), postponed (кейінге қалдырылды) немесе cancelled (өтпейді).",
        "lang": "Бұл файлдағы мәтіннің тілі.",
        "geo": "Міндетті емес: өтетін орнының ендігі мен бойлығы.",
        "links": "Міндетті емес: тіркелу (registration) және тікелей трансляция (livestream) беттері; "
        "әр жол екі бос орыннан басталады.",
        "source": "Ұсынылады: ресми хабарламаның веб-мекенжайы.",
        "title": "Іс-шараның қазақша атауы (міндетті, 200 таңбаға дейін).",
        "summary": "Міндетті емес: бір-екі сөйлеммен қазақша қысқаша сипаттама (600 таңбаға дейін).",
        "venue": "Өтетін орнының қазақша атауы (негізгі файлда міндетті).",
        "address": "Міндетті емес: көше мен үй нөмірі.",
        "body": "Іс-шараның толық сипаттамасы төмендегі --- жолынан кейін жазылады.",
    },
    "ru": {
        "main": "Файл мероприятия: общие для всех языков сведения и текст на русском языке.",
        "translation": "Русский текст мероприятия {main}. Здесь только title, summary, venue, address и "
        "описание: дата, регион и другие сведения — в основном файле.",
        "draft": "ЧЕРНОВИК: пока имя файла начинается с _, сайт его не читает. Впишите название и текст, "
        "затем переименуйте файл в {final}.",
        "comments": "Строки, начинающиеся с #, — заметки для редакторов, на сайте их не видно. "
        "Чтобы заполнить необязательное поле, удалите # в начале его строки. "
        "О полях: docs/editors.ru.md (на сайте — «Редакторам»).",
        "start": "Начало (время Астаны): 2025-05-01 (весь день), 2025-05-01 18:00 (со временем) или "
        "2025-05 (день пока неизвестен).",
        "end": "Необязательно: окончание, в том же виде, что и start.",
        "region": "Где: код региона из руководства (nationwide — по всей стране или онлайн).",
        "category": "Основная тема: код категории из руководства.",
        "organizer": "Организатор: код структуры из руководства или название словами.",
        "status": "scheduled (по плану), postponed (перенесено) или cancelled (отменено).",
        "lang": "Язык текста в этом файле.",
        "geo": "Необязательно: широта и долгота места проведения.",
        "links": "Необязательно: страницы регистрации (registration) и трансляции (livestream); "
        "каждая строка начинается с двух пробелов.",
        "source": "Рекомендуется: веб-адрес официального сообщения.",
        "title": "Название мероприятия на русском языке (обязательно, до 200 знаков).",
        "summary": "Необязательно: одно-два предложения на русском языке (до 600 знаков).",
        "venue": "Место проведения на русском языке (в основном файле обязательно).",
        "address": "Необязательно: улица и номер дома.",
        "body": "Описание мероприятия пишется ниже строки ---.",
    },
    "en": {
        "main": "Event file: the facts shared by all languages and the English text.",
        "translation": "English text of the event {main}. Only title, summary, venue, address and the "
        "description go here: the date, region and other facts are in the main file.",
        "draft": "DRAFT: the site ignores this file while its name starts with _. Write the title and the "
        "text, then rename the file to {final}.",
        "comments": "Lines that start with # are notes for editors; the site does not show them. "
        "To use an optional field, delete the # at the start of its line. "
        "The fields: docs/editors.en.md (on the site: For editors).",
        "start": "When it starts, Astana time: 2025-05-01 (all day), 2025-05-01 18:00 (with time) or "
        "2025-05 (day not known yet).",
        "end": "Optional: when it ends, in the same form as start.",
        "region": "Where: a region id from the guide (nationwide for the whole country or online).",
        "category": "The main theme: a category id from the guide.",
        "organizer": "Who organizes it: a structure id from the guide, or the name in words.",
        "status": "scheduled, postponed or cancelled.",
        "lang": "The language of the text in this file.",
        "geo": "Optional: latitude and longitude of the venue.",
        "links": "Optional: the registration and livestream pages; each line starts with two spaces.",
        "source": "Recommended: the web address of the official announcement.",
        "title": "The name of the event in English (required, up to 200 characters).",
        "summary": "Optional: one or two sentences in English (up to 600 characters).",
        "venue": "The name of the place in English (required in the main file).",
        "address": "Optional: street and number.",
        "body": "The description of the event goes below the closing --- line.",
    },
}


def scalar(value: str) -> str:
    """`value` as YAML that reads back as exactly this text: plain when safe, else double-quoted."""
    try:
        plain_ok = yaml.load(f"k: {value}", TextDatesLoader) == {"k": value}  # noqa: S506  # a safe loader
    except yaml.YAMLError:
        plain_ok = False
    return value if plain_ok and value == value.strip() else json.dumps(value, ensure_ascii=False)


def slug(text: str) -> str:
    """A few Latin words for a file name: «Ұлттық ойындар фестивалі» -> ulttyq-oiyndar-festivali."""
    latin = unicodedata.normalize("NFKD", text.casefold().translate(TRANSLIT))
    words = re.findall(r"[a-z0-9]+", latin.encode("ascii", "ignore").decode())
    result = ""
    for word in words[:SLUG_WORDS]:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > SLUG_LENGTH:
            break
        result = candidate
    return result or "event"


def used_names(folder: Path) -> set[str]:
    """Every name taken in `folder`: file names (drafts and translations too) and `id:` values."""
    names = set()
    for path in folder.rglob("*.md") if folder.is_dir() else ():
        stem = path.name[: -len(".md")].lstrip("_")
        match = LANGUAGE_SUFFIX.match(stem)
        names.add(match["name"] if match and match["lang"] in LANGUAGES else stem)
        if match is None:
            names.update(_ID_LINE.findall(path.read_text(encoding="utf-8", errors="replace")))
    return names


def free_name(start: str, title: str, taken: set[str]) -> str:
    """`<date>-<words>`, with -2, -3 ... when that name is taken."""
    base = f"{start[:10].rstrip()}-{slug(title)}"[:76].rstrip("-")
    name, number = base, 2
    while name in taken or not ID_PATTERN.match(name):
        name, number = f"{base}-{number}", number + 1
    return name


def slug_title(draft: Draft) -> str:
    """The title the file name is made from: English if there is one, then Russian, then Kazakh."""
    for lang in ("en", "ru", "kk"):
        if lang in draft.texts and draft.texts[lang].title:
            return draft.texts[lang].title
    return ""


def render(name: str, draft: Draft, *, drafts: bool = True) -> dict[str, str]:
    """The files of the event `name`: {file name: text}."""
    files = {f"{name}.md": _main(name, draft)}
    for lang in LANGUAGES:
        if lang == draft.lang:
            continue
        texts = draft.texts.get(lang)
        if texts is not None and texts.title:
            files[f"{name}.{lang}.md"] = _translation(name, lang, texts)
        elif drafts:
            files[f"_{name}.{lang}.md"] = _translation(name, lang, Texts(), draft=True)
    return files


def comment(text: str) -> list[str]:
    """`text` as comment lines of at most 100 characters (paths and addresses are never split)."""
    return ["# " + line for line in textwrap.wrap(text, 98, break_long_words=False, break_on_hyphens=False)]


def _note(lang: str, key: str, **values: str) -> list[str]:
    return comment(NOTES[lang][key].format(**values))


def _main(name: str, draft: Draft) -> str:
    lang, ref = draft.lang, reference()
    lines = [
        "---",
        *_note(lang, "main"),
        *_note(lang, "comments"),
        *(line for note in draft.notes for line in comment(note)),
    ]
    lines += _field(draft, "start", draft.start)
    lines += _field(draft, "end", draft.end, example="" if len(draft.start) == 7 else draft.start)
    lines += _field(draft, "region", draft.region, hint=ref.regions[draft.region].name(lang))
    lines += _field(draft, "category", draft.category, hint=ref.categories[draft.category].name(lang))
    lines += _organizer(draft)
    lines += _field(draft, "status", draft.status)
    if draft.lang != DEFAULT_LANGUAGE:
        lines += _field(draft, "lang", draft.lang)
    if draft.id:
        lines += [f"id: {draft.id}"]
    lines += _geo(draft) + _links(draft)
    lines += _field(draft, "source", draft.source, example="https://")
    if draft.sample:
        lines += ["sample: true"]
    lines += _texts(lang, draft.texts.get(lang, Texts()), draft.field_notes, main=True)
    return _with_body(lines, draft.texts.get(lang, Texts()).body)


def _translation(name: str, lang: str, texts: Texts, *, draft: bool = False) -> str:
    lines = ["---", *_note(lang, "translation", main=f"events/{name}.md")]
    if draft:
        lines += _note(lang, "draft", final=f"{name}.{lang}.md")
    lines += _note(lang, "comments")
    lines += _texts(lang, texts, {}, main=False, empty_title=draft)
    return _with_body(lines, texts.body)


def _texts(lang: str, texts: Texts, notes: Mapping[str, str], *, main: bool, empty_title: bool = False) -> list[str]:
    lines = []
    for key in TEXT_KEYS:
        value = getattr(texts, key)
        if key == "title" and empty_title:
            lines += _note(lang, "title") + ["title:"]
            continue
        lines += comment(notes[key]) if key in notes else []
        lines += _note(lang, key) + ([f"{key}: {scalar(value)}"] if value else [f"# {key}:"])
    return lines + _note(lang, "body")


def _with_body(lines: list[str], body: str) -> str:
    text = "\n".join([*lines, "---"]) + "\n"
    return text + (body.strip() + "\n" if body.strip() else "")


def _field(draft: Draft, key: str, value: str, *, example: str = "", hint: str = "") -> list[str]:
    lines = comment(draft.field_notes[key]) if key in draft.field_notes else []
    lines += _note(draft.lang, key)
    if value:
        return lines + [f"{key}: {scalar(value)}" + (f"  # {hint}" if hint else "")]
    return lines + [f"# {key}: {example}".rstrip()]


def _organizer(draft: Draft) -> list[str]:
    lines = comment(draft.field_notes["organizer"]) if "organizer" in draft.field_notes else []
    lines += _note(draft.lang, "organizer")
    if isinstance(draft.organizer, str):
        hint = reference().organizers[draft.organizer].name(draft.lang)
        return lines + [f"organizer: {draft.organizer}  # {hint}"]
    names = [f"  {lang}: {scalar(draft.organizer[lang])}" for lang in LANGUAGES if lang in draft.organizer]
    return lines + ["organizer:", *names]


def _geo(draft: Draft) -> list[str]:
    lines = _note(draft.lang, "geo")
    if draft.geo:
        return lines + [f"geo: [{draft.geo[0]}, {draft.geo[1]}]"]
    return lines + ["# geo: [51.1283, 71.4305]"]


def _links(draft: Draft) -> list[str]:
    lines = _note(draft.lang, "links")
    if draft.links:
        return lines + ["links:", *(f"  {kind}: {scalar(url)}" for kind, url in sorted(draft.links.items()))]
    return lines + ["# links:", "#   registration: https://", "#   livestream: https://"]


def check_files(files: Mapping[str, str], shown_folder: str) -> list[Problem]:
    """What the site's loader says about these files alone, with paths as in `shown_folder`."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "events"
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        _, problems = load_events(folder, folder)
    prefix = shown_folder.rstrip("/") + "/" if shown_folder else ""
    return [Problem(prefix + p.path, p.line, p.field, p.message) for p in problems]


def write(folder: Path, files: Mapping[str, str], *, replace: bool = False) -> list[Path]:
    """Write the files; without `replace`, refuse (before writing anything) if one exists."""
    paths = [folder / name for name in files]
    existing = [path for path in paths if path.exists()]
    if existing and not replace:
        raise FileExistsError(", ".join(path.as_posix() for path in existing))
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in zip(paths, files.values(), strict=True):
        path.write_text(text, encoding="utf-8", newline="\n")
    return paths
