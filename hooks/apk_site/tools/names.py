"""Region, organizer and category names as people write them (kk, ru, en, old and short forms) -> ids.

Plans and calendars say «г. Караганда», «Актюбинской области», "Akmola Region" or «Секретариат АНК»;
event files need `karaganda`, `aktobe`, `akmola`, `secretariat`. The names come from the same
reference data as the site's, plus the variants listed here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from ..reference import DATA, reference

# Region names still in use, short forms from plans, and words meaning "the whole country".
REGION_VARIANTS: dict[str, tuple[str, ...]] = {
    "astana": ("Нур-Султан", "Нұр-Сұлтан", "Nur-Sultan", "Акмола город", "Целиноград"),
    "almaty-city": ("Алма-Ата", "Alma-Ata"),
    "west-kazakhstan": ("ЗКО", "БҚО", "WKR"),
    "north-kazakhstan": ("СКО", "СҚО", "NKR"),
    "east-kazakhstan": ("ВКО", "ШҚО", "EKR"),
    "turkistan": ("ЮКО", "Южно-Казахстанская область", "Оңтүстік Қазақстан облысы", "South Kazakhstan Region"),
    "abai": ("Семипалатинск",),
    "nationwide": (
        "Республика Казахстан",
        "Қазақстан Республикасы",
        "Republic of Kazakhstan",
        "Казахстан",
        "Қазақстан",
        "Kazakhstan",
        "РК",
        "ҚР",
        "республика",
        "республиканский уровень",
        "республиканский",
        "республикалық",
        "вся страна",
        "по всей стране",
        "все регионы",
        "все области",
        "регионы",
        "барлық өңірлер",
        "барлық облыстар",
        "өңірлер",
        "all regions",
        "nationwide",
        "онлайн",
        "online",
        "онлайн-формат",
        "онлайн формат",
    ),
}
_OBLAST = {"обл", "область", "области", "облысы", "облысының", "облысында", "region", "oblast", "province", "oblysy"}
_CITY = {"г", "гор", "город", "города", "қ", "қаласы", "қаласының", "қаласында", "city", "of"}
# Russian adjectives change their ending with the case: «Актюбинская область», «в Актюбинской области».
_ADJECTIVE = re.compile(r"(ская|ской|скую|ское|ские|ских|ском)$")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_ASSEMBLY = re.compile(
    r"(?:при |жанындағы |of the |of |at the |under the |under )?"
    r"(?:ассамбле\w* народа казахстана|қазақстан халқы ассамблея\w*|"
    r"assembly of (?:the )?peoples? of kazakhstan|анк|қха|apk|anc)"
    r"(?: жанындағы)?(?=\s|$)"
)
_BRACKETS = re.compile(r"\([^)]*\)")
_QUOTES = str.maketrans("", "", "«»“”„\"'’`")

# A word in a title that tells the theme well enough to propose a category (the editor checks it).
CATEGORY_WORDS: tuple[tuple[str, str], ...] = (
    ("этномедиац", "ethnomediation"),
    ("медиатор", "ethnomediation"),
    ("антолог", "anthology-publications"),
    ("книг", "anthology-publications"),
    ("кітап", "anthology-publications"),
    ("сессия", "session-forum"),
    ("сессиясы", "session-forum"),
    ("форум", "session-forum"),
    ("съезд", "session-forum"),
    ("заседани", "session-forum"),
    ("отырыс", "session-forum"),
    ("слет", "session-forum"),
    ("слёт", "session-forum"),
    ("конференц", "conference"),
    ("круглый стол", "conference"),
    ("дөңгелек үстел", "conference"),
    ("семинар", "education"),
    ("тренинг", "education"),
    ("мастер-класс", "education"),
    ("курс", "education"),
    ("лекци", "education"),
    ("дәріс", "education"),
    ("концерт", "culture-arts"),
    ("фестивал", "culture-arts"),
    ("выставк", "culture-arts"),
    ("көрме", "culture-arts"),
    ("спектакл", "culture-arts"),
    ("festival", "culture-arts"),
    ("concert", "culture-arts"),
    ("exhibition", "culture-arts"),
    ("спартакиад", "sport"),
    ("турнир", "sport"),
    ("забег", "sport"),
    ("жүгіру", "sport"),
    ("марафон", "sport"),
    ("спорт", "sport"),
    ("run", "sport"),
    ("благотвор", "charity"),
    ("қайырымдылық", "charity"),
    ("мектепке жол", "charity"),
    ("жомарт", "charity"),
    ("волонт", "volunteering"),
    ("ерікті", "volunteering"),
    ("субботник", "volunteering"),
    ("молодеж", "youth"),
    ("молодёж", "youth"),
    ("жастар", "youth"),
    ("студент", "youth"),
    ("youth", "youth"),
    ("семь", "family"),
    ("семей", "family"),
    ("отбасы", "family"),
    ("матерей", "family"),
    ("аналар", "family"),
    ("журналист", "media"),
    ("медиа", "media"),
    ("язык", "state-language"),
    ("мемлекеттік тіл", "state-language"),
    ("тілдер", "state-language"),
    ("этнокультур", "ethnocultural"),
    ("этномәдени", "ethnocultural"),
    ("день благодарности", "commemorative"),
    ("алғыс айту", "commemorative"),
    ("день единства", "commemorative"),
    ("бірлігі күні", "commemorative"),
    ("юбилей", "commemorative"),
    ("мерейтой", "commemorative"),
    ("международн", "international"),
    ("халықаралық", "international"),
    ("international", "international"),
    ("научн", "science-expertise"),
    ("ғылыми", "science-expertise"),
    ("эксперт", "science-expertise"),
)


@dataclass(frozen=True)
class Found:
    """An id and the words of the text that named it."""

    id: str
    words: str


def normal(text: str) -> str:
    """Lower case, ё as е, no quotes, brackets or doubled spaces: the form names are compared in."""
    text = _BRACKETS.sub(" ", str(text).casefold().replace("ё", "е").translate(_QUOTES))
    text = re.sub(r"[–—]", "-", text)
    return " ".join(text.replace(".", ". ").split()).strip(" .,;:")


def _region_words(text: str) -> list[str]:
    words = []
    for word in _WORD.findall(normal(text)):
        if word in _OBLAST:
            words.append("<oblast>")
        elif word not in _CITY:
            words.append(_ADJECTIVE.sub("ск", word))
    return words


def _key(words: Iterable[str]) -> tuple[str, ...]:
    # Word order differs between languages and official forms («область Абай», «Абайская область»).
    return tuple(sorted(words))


def _region_names(item: dict[str, Any]) -> Iterator[str]:
    yield item["slug"]
    yield from (str(v) for v in item["name"].values())
    yield from item.get("ru_aliases", []) + item.get("en_aliases", [])
    if item.get("type") == "region" and item.get("centre"):
        yield from item["centre"].values()
        for names in item.get("centre_aliases", {}).values():
            yield from names


@cache
def _regions() -> dict[tuple[str, ...], str]:
    with open(DATA / "regions.yaml", encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    table: dict[tuple[str, ...], str] = {}
    for item in data["regions"] + [data["nationwide"]]:
        for name in _region_names(item):
            table.setdefault(_key(_region_words(name)), item["slug"])
    for slug, names in REGION_VARIANTS.items():
        for name in names:
            table.setdefault(_key(_region_words(name)), slug)
    return table


def find_regions(text: str) -> list[Found]:
    """Every region named in `text`, in order: longest names first, each word used once."""
    words = _region_words(text)
    table, used, found = _regions(), [False] * len(words), []
    for size in range(min(5, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            if any(used[start : start + size]):
                continue
            slug = table.get(_key(words[start : start + size]))
            if slug is not None:
                used[start : start + size] = [True] * size
                found.append((start, Found(slug, " ".join(words[start : start + size]))))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def region_id(text: str) -> str | None:
    """The one region a text names (`nationwide` when it names several), or None."""
    slugs = sorted({found.id for found in find_regions(text)})
    if not slugs:
        return None
    specific = [slug for slug in slugs if slug != "nationwide"]
    return specific[0] if len(specific) == 1 else "nationwide"


def _without_assembly(text: str) -> str:
    return " ".join(_ASSEMBLY.sub(" ", text).split())


def _structure_names() -> Iterator[tuple[str, str]]:
    with open(DATA / "structures.yaml", encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    assembly = data["assembly"]
    for lang in ("kk", "ru", "en"):
        yield "apk", assembly["name"][lang]["full"]
        yield "apk", assembly["name"][lang]["abbr"]
    for variant in assembly.get("en_variants_seen", []):
        yield "apk", variant.split(" (")[0]
    for item in data["bodies"] + data["structures"]:
        yield item["id"], item["id"]
        for lang in ("kk", "ru", "en"):
            yield item["id"], item["name"][lang]["text"]
        for key in ("short", "plural", "full_form_example"):
            for name in item.get(key, {}).values():
                yield item["id"], name
        for name in item.get("ru_variants", []) + item.get("en_variants", []):
            yield item["id"], name


@cache
def _organizers() -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    loose: dict[str, str] = {}
    for ident, name in _structure_names():
        exact.setdefault(normal(name), ident)
        stripped = _without_assembly(normal(name))
        if stripped:
            loose.setdefault(stripped, ident)
    return exact, loose


def organizer_id(text: str) -> str | None:
    """The structure a name stands for («Секретариат АНК», "ҚХА Хатшылығы" -> secretariat), or None."""
    exact, loose = _organizers()
    name = normal(text)
    if name in exact:
        return exact[name]
    stripped = _without_assembly(name)
    if not stripped:
        return None
    if stripped in loose:
        return loose[stripped]
    # «АНК Акмолинской области», «Қарағанды облысының ҚХА»: the Assembly of a region.
    return "regional-assembly" if stripped != name and region_id(stripped) not in (None, "nationwide") else None


def category_id(text: str) -> str | None:
    """A category named in words (kk, ru, en) or by its id."""
    ref = reference()
    name = normal(text)
    for slug, entry in sorted(ref.categories.items()):
        if name == slug or name in (normal(value) for value in entry.names.values()):
            return slug
    return None


def guess_category(title: str) -> Found | None:
    """A category proposed from a word of the title («концерт» -> culture-arts), for the editor to check."""
    words = normal(title)
    for stem, slug in CATEGORY_WORDS:
        if re.search(rf"(?<![^\W\d_]){re.escape(stem)}", words):
            return Found(slug, stem)
    return None


KAZAKH_LETTERS = set("әғқңөұүһі")
# Without its own letters, Kazakh still shows in its endings (жастар, форумы, үйінің) and Russian in
# its own (круглый, единства, конференция): enough to tell a title's language in most plans.
KAZAKH_ENDINGS = (
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "лар",
    "лер",
    "дар",
    "дер",
    "тар",
    "тер",
    "лары",
    "лері",
    "дары",
    "дері",
    "тары",
    "тері",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "сы",
    "сі",
    "ға",
    "ге",
)
RUSSIAN_ENDINGS = (
    "ый",
    "ий",
    "ой",
    "ая",
    "ое",
    "ие",
    "ия",
    "ии",
    "ого",
    "его",
    "ому",
    "ему",
    "ами",
    "ями",
    "ах",
    "ях",
    "ов",
    "ев",
    "ей",
    "ть",
    "ство",
    "ства",
    "ции",
    "ция",
    "ние",
    "ния",
)


def language_of(text: str, default: str = "ru") -> str:
    """kk or ru for Cyrillic text (by letters, then by word endings), en for Latin; `default` when unsure."""
    lower = str(text).casefold()
    if KAZAKH_LETTERS & set(lower):
        return "kk"
    if not re.search("[а-яё]", lower):
        return "en"
    if re.search("[ёщъьэ]", lower):
        return "ru"
    words = re.findall("[а-я]+", lower)
    kazakh = sum(1 for word in words if len(word) > 3 and word.endswith(KAZAKH_ENDINGS))
    russian = sum(1 for word in words if len(word) > 3 and word.endswith(RUSSIAN_ENDINGS))
    return "kk" if kazakh > russian else "ru" if russian > kazakh else default
