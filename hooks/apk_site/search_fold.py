"""Search that forgives the keyboard: the other forms under which a word of the site is indexed.

Each word is indexed as written and, at the same place, as its variants: Kazakh letters typed on a
Russian layout (ә→а, қ→к, ...), Latin letters without their diacritics, and the other names of
regions, their centres, structures and categories: the reference data's aliases, ISO 3166-2 names,
English names on the Kazakh site, and the 2021 Kazakh Latin spelling of the Kazakh names (with and
without diacritics). Only names get Latin forms: Latin for every Kazakh word would add a third
form to most words of the Kazakh index, which the browser builds on every visit.

The browser expands the words while it builds the index (the lunr "language" files that
`python -m apk_site.search_fold` writes from these tables, run by overrides/assets/javascripts/lunr/
apk-search.js), so the index files keep their size and a result still shows and highlights the
page's own words. Queries are not folded: a word typed with Kazakh letters matches only itself.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .records import load_yaml

DATA = Path(__file__).parent / "data"
SCRIPTS = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "javascripts" / "lunr" / "min"

# The letters a Russian keyboard lacks, as people type them on it (the list; ү and ұ both
# become у, һ becomes х).
FOLD = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}
# Material's word separator (en.html, "search.config.separator"), which all three languages use.
SEPARATOR = re.compile(r"[\s\-]+")
# The language whose stop words each index already drops (Material's "stopWordFilter").
STOP_WORDS = {"kk": "ru", "ru": "ru", "en": "en"}


@cache
def latin_2021() -> dict[str, str]:
    """Kazakh Cyrillic → the 2021 Latin alphabet, lower case (data/kk-latin-alphabet.yaml)."""
    with open(DATA / "kk-latin-alphabet.yaml", encoding="utf-8") as stream:
        rows = load_yaml(stream)["rows"]
    return {row["cyr"][1]: row["y2021"][1] for row in rows}


@cache
def plain_latin() -> dict[str, str]:
    """Latin letters with diacritics (both Kazakh alphabets) → the letter typed without them.
    Lower-case İ is i plus a combining dot in JavaScript and Python alike: the dot goes."""
    with open(DATA / "kk-latin-alphabet.yaml", encoding="utf-8") as stream:
        rows = load_yaml(stream)["rows"]
    table = {"ı": "i", "\u0307": ""}
    for row in rows:
        for letter in row["y2021"][1] + row["y2018"][1]:
            base = "".join(c for c in unicodedata.normalize("NFD", letter) if not unicodedata.combining(c))
            if base != letter and letter not in table:
                table[letter] = base.replace("ı", "i")
    return dict(sorted(table.items()))


def replace(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(letter, letter) for letter in word)


def fold(word: str) -> str:
    return replace(word, FOLD)


def latin(word: str) -> str:
    return replace(word, latin_2021())


def plain(word: str) -> str:
    return replace(word, plain_latin())


def trim(word: str) -> str:
    """The word without the quotes and punctuation Material's tokenizer leaves on it (`«Ақтөбе»,`)."""
    start, end = 0, len(word)
    while start < end and not word[start].isalnum():
        start += 1
    while end > start and not word[end - 1].isalnum():
        end -= 1
    return word[start:end]


def words(phrase: str) -> list[str]:
    """The words of a name as the index holds them: lower case, split like Material splits text."""
    return [w for part in SEPARATOR.split(phrase.lower()) if (w := trim(part))]


@dataclass(frozen=True)
class Tables:
    """What the browser needs to expand the words of one language's index."""

    fold: dict[str, str]
    plain: dict[str, str]
    aliases: dict[str, list[str]]
    stop_words: str

    def variants(self, word: str) -> list[str]:
        """The other forms of an indexed word (lower case, as Material's tokenizer gives it); the
        browser computes the same (tests/unit/test_search_fold.py runs both)."""
        exact = trim(word)
        found = [replace(exact, self.fold), replace(exact, self.plain), *self.aliases.get(exact, [])]
        return [w for w in dict.fromkeys(found) if w and w not in (word, exact)]


def _generic(lang: str) -> Tables:
    return Tables(
        fold=FOLD if lang in ("kk", "ru") else {},
        plain=plain_latin(),
        aliases={},
        stop_words=STOP_WORDS[lang],
    )


# --- aliases ---------------------------------------------------------------------------------

Entity = tuple[str, list[str]]  # (the name the site shows, its other names)


def _read(name: str) -> Any:
    with open(DATA / name, encoding="utf-8") as stream:
        return load_yaml(stream)


def _latin_names(text: str) -> list[str]:
    """A Kazakh name in the 2021 Latin alphabet, with its diacritics and without."""
    romanised = latin(text.lower())
    return [romanised, plain(romanised)]


def _region_entities(lang: str) -> Iterator[Entity]:
    for item in _read("regions.yaml")["regions"]:
        name = item["name"]
        others = {
            "kk": [name["en"], name["iso_latn"], *item.get("en_aliases", [])],
            "ru": item.get("ru_aliases", []),
            "en": [name["iso_latn"], *item.get("en_aliases", []), *_latin_names(name["kk"])],
        }[lang]
        yield name[lang], others
        centre = item.get("centre")
        if isinstance(centre, dict):
            aliases = item.get("centre_aliases", {})
            others = {
                "kk": [centre["en"], *aliases.get("en", [])],
                "ru": aliases.get("ru", []),
                "en": [*aliases.get("en", []), *_latin_names(centre["kk"])],
            }[lang]
            yield centre[lang], others


def _named_entities(lang: str) -> Iterator[Entity]:
    for item in _read("categories.yaml")["categories"]:
        yield item[lang], _latin_names(item["kk"]) if lang == "en" else []
    data = _read("structures.yaml")
    for item in data["bodies"] + data["structures"]:
        name = item["name"]
        others = list(item.get(f"{lang}_variants", []))
        if lang == "en":
            others += _latin_names(name["kk"]["text"])
        yield name[lang]["text"], others


def entities(lang: str) -> list[Entity]:
    return [*_region_entities(lang), *_named_entities(lang)]


def alias_table(found: Iterable[Entity], generic: Tables) -> dict[str, list[str]]:
    """Which words of the site's names carry which other words.

    An alias word is attached to the most specific words of the shown names that appear wherever
    it appears: «Улытауская» (only in Ulytau's aliases) to «ұлытау», not to «область», which every
    region has; "oblysy" (in every ISO name) to "region". Words the browser derives anyway (the
    folded form, Latin without diacritics) and words of the shown names themselves are left out."""
    shown: dict[str, set[int]] = defaultdict(set)
    other: dict[str, set[int]] = defaultdict(set)
    for number, (name, aliases) in enumerate(found):
        for word in words(name):
            shown[word].add(number)
        for word in (w for alias in aliases for w in words(alias)):
            other[word].add(number)
            other[plain(word)].add(number)
    table: dict[str, set[str]] = defaultdict(set)
    for word, holders in other.items():
        if word in shown:  # a word of the site's own names ("of", «совет»): not another name
            continue
        hosts = [host for host, where in shown.items() if holders <= where]
        fewest = min((len(shown[host]) for host in hosts), default=0)
        for host in hosts:
            if len(shown[host]) == fewest and word != host and word not in generic.variants(host):
                table[host].add(word)
    return {host: sorted(table[host]) for host in sorted(table)}


def latin_table(found: Iterable[Entity]) -> dict[str, list[str]]:
    """Each Kazakh word of the names in the 2021 Latin alphabet, with and without its diacritics."""
    return {word: _latin_names(word) for name, _ in found for word in words(name)}


@cache
def tables(lang: str) -> Tables:
    generic = _generic(lang)
    found = entities(lang)
    aliases = alias_table(found, generic)
    if lang == "kk":
        for word, forms in latin_table(found).items():
            merged = [w for w in dict.fromkeys([*forms, *aliases.get(word, [])]) if w != word]
            aliases[word] = [w for w in merged if w not in generic.variants(word)]
        aliases = {word: forms for word, forms in sorted(aliases.items()) if forms}
    return Tables(**{**generic.__dict__, "aliases": aliases})


# --- the browser's files -----------------------------------------------------------------------

HEADER = "/* Written by `python -m apk_site.search_fold` from hooks/apk_site/data: do not edit. */\n"


def script(lang: str) -> str:
    """lunr.apk-<lang>.min.js: Material's search worker loads it as the index's language (config
    "lang" in search_index.py); it loads the shared code and gives it this language's tables."""
    data = json.dumps(tables(lang).__dict__, ensure_ascii=False, sort_keys=True, indent=1)
    imports = ", ".join(json.dumps(f"../lunr/{name}") for name in _imports(lang))
    return f'{HEADER}importScripts({imports})\nlunr.apkSearch("apk-{lang}", {data})\n'


def _imports(lang: str) -> list[str]:
    stop = [] if STOP_WORDS[lang] == "en" else [f"min/lunr.{STOP_WORDS[lang]}.min.js"]
    return [*stop, "apk-search.js"]


def script_files() -> dict[Path, str]:
    return {SCRIPTS / f"lunr.apk-{lang}.min.js": script(lang) for lang in ("kk", "ru", "en")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write (or --check) the search worker's tables.")
    parser.add_argument("--check", action="store_true", help="exit 1 if a written file is out of date")
    stale = [path for path, text in script_files().items() if not path.is_file() or path.read_text("utf-8") != text]
    if parser.parse_args(argv).check:
        for path in stale:
            print(f"{path}: out of date: run python -m apk_site.search_fold", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(script_files()[path], encoding="utf-8")
    print(f"{len(stale)} written" if stale else "up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
