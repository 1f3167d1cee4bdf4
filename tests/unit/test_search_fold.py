"""The folding and transliteration tables, the aliases, and the browser's copy of them.

The browser expands the words (overrides/assets/javascripts/lunr/apk-search.js) from the tables that
apk_site.search_fold writes; node runs that script here on the same words as Python.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from apk_site import search_fold
from apk_site.search_fold import fold, latin, plain, tables, trim

SCRIPT = search_fold.SCRIPTS.parent / "apk-search.js"


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("қазақстан", "казакстан"),
        ("ақтөбе", "актобе"),
        ("ұлытау", "улытау"),
        ("өскемен", "оскемен"),
        ("шығыс", "шыгыс"),
        ("маңғыстау", "мангыстау"),
        ("түркістан", "туркистан"),
        ("әл-фараби", "ал-фараби"),
        ("һикая", "хикая"),
        ("алматы", "алматы"),  # no Kazakh letter: unchanged
        ("aqtöbe", "aqtöbe"),  # Latin: not this table's business
    ],
)
def test_kazakh_letters_fold_to_the_russian_layout(word, folded):
    assert fold(word) == folded


def test_the_fold_covers_exactly_the_nine_letters_a_russian_layout_lacks():
    assert sorted(search_fold.FOLD) == sorted("әғқңөұүһі")
    assert all(len(v) == 1 and "а" <= v <= "я" for v in search_fold.FOLD.values())


@pytest.mark.parametrize(
    ("word", "romanised", "typed"),
    [
        # the 2021 alphabet (data/kk-latin-alphabet.yaml), as in its en.wikipedia validation example
        ("қазақстан", "qazaqstan", "qazaqstan"),
        ("ақтөбе", "aqtöbe", "aqtobe"),
        ("ұлытау", "ūlytau", "ulytau"),
        ("шымкент", "şymkent", "symkent"),
        ("маңғыстау", "mañğystau", "mangystau"),
        ("жезқазған", "jezqazğan", "jezqazgan"),
        ("түркістан", "türkıstan", "turkistan"),
        ("қонаев", "qonaev", "qonaev"),
        ("ассамблеясы", "assambleiasy", "assambleiasy"),
        ("һәм", "häm", "ham"),
        ("2025", "2025", "2025"),
    ],
)
def test_kazakh_cyrillic_to_2021_latin_with_and_without_diacritics(word, romanised, typed):
    assert latin(word) == romanised
    assert plain(romanised) == typed


def test_every_kazakh_cyrillic_letter_has_a_latin_form_without_cyrillic():
    table = search_fold.latin_2021()
    assert len(table) == 42
    for cyrillic, latin_form in table.items():
        assert not any("\u0400" <= c <= "\u04ff" for c in latin_form), cyrillic
    assert all(plain(v).isascii() for v in table.values())


def test_dotted_capital_i_lowered_loses_its_dot():
    # "İ".lower() is "i" + U+0307 in Python and in JavaScript alike
    assert plain("İstanbul".lower()) == "istanbul"
    assert plain("Aqtöbe oblysy".lower()) == "aqtobe oblysy"


def test_trim_drops_the_punctuation_the_tokenizer_leaves():
    assert trim("«ақтөбе»,") == "ақтөбе"
    assert trim("(2025)") == "2025"
    assert trim("—") == ""


@pytest.mark.parametrize(
    ("lang", "word", "expected"),
    [
        ("kk", "ақтөбе", {"актобе", "aqtöbe", "aqtobe", "aktobe"}),
        ("kk", "қарағанды", {"караганды", "qarağandy", "qaragandy", "karaganda", "qaraghandy"}),
        ("kk", "«ұлытау»", {"ұлытау", "улытау", "ūlytau", "ulytau", "ulytaū"}),
        ("ru", "ұлытау", {"улытау", "улытауская"}),
        ("ru", "жетісу", {"жетису", "жетысу", "жетысуская"}),
        ("ru", "абай", {"абайская"}),
        ("en", "zhambyl", {"jambyl"}),
        ("en", "aktobe", {"aqtöbe", "aqtobe"}),
        ("en", "karaganda", {"karagandy", "qaragandy", "qaraghandy", "qarağandy"}),
        ("en", "culture", {"mädeniet", "madeniet", "öner", "oner"}),
        ("en", "east", {"shyghys", "şyğys", "sygys"}),
    ],
)
def test_variants_include_folded_latin_and_other_names(lang, word, expected):
    assert expected <= set(tables(lang).variants(word)) | {trim(word)}


def test_aliases_attach_to_the_distinctive_word_not_to_the_common_one():
    ru = tables("ru").aliases
    assert "улытауская" in ru["ұлытау"]
    assert "область" not in ru  # every region has it: «Улытауская» must not find all of them
    en = tables("en").aliases
    assert "jambyl" not in en.get("region", [])
    assert "of" not in {w for aliases in en.values() for w in aliases}  # a word of the site's own names


def test_latin_forms_are_for_names_only_and_the_english_site_has_no_cyrillic_fold():
    assert tables("en").fold == {}
    assert tables("kk").variants("алматы") == ["almaty"]  # a name: its Latin form
    assert tables("kk").variants("кездесу") == []  # an ordinary word: Latin for it would cost more than it finds
    assert tables("kk").variants("өлкетанушылар") == ["олкетанушылар"]
    assert all(not any("a" <= c <= "z" for w in forms for c in w) for forms in tables("ru").aliases.values())


def test_the_browser_files_are_up_to_date():
    assert search_fold.main(["--check"]) == 0, "run: python -m apk_site.search_fold"


WORDS = {
    "kk": ["қазақстан", "«ақтөбе»,", "ұлытау", "өскемен", "облысы", "алматы", "шымкент", "2025", "—", "жетісу"],
    "ru": ["ұлытау", "жетісу", "абай", "область", "қонаев", "актобе", "(улытау)"],
    "en": ["zhambyl", "aktobe", "karaganda", "culture", "region", "east", "atyraū", "semey"],
}

NODE = """
const fs = require("fs"), vm = require("vm")
const [script, tablesFile, words] = process.argv.slice(1)  // node -e: no script path
const lunr = { Index: { prototype: { query() {} } }, Pipeline: { registerFunction() {} },
               ru: { stopWordFilter() {} }, stopWordFilter() {} }
const context = vm.createContext({ lunr, Map, importScripts() {} })
vm.runInContext(fs.readFileSync(script, "utf8"), context)
vm.runInContext(fs.readFileSync(tablesFile, "utf8"), context)
const name = Object.keys(lunr).find(k => k.startsWith("apk-"))
console.log(JSON.stringify(JSON.parse(words).map(w => lunr[name].variants(w))))
"""


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_browser_expands_words_as_python_does(lang):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing (Node.js is needed for the browser tests' axe-core too)")
    tables_file = search_fold.SCRIPTS / f"lunr.apk-{lang}.min.js"
    out = subprocess.run(
        [node, "-e", NODE, str(SCRIPT), str(tables_file), json.dumps(WORDS[lang])],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [tables(lang).variants(w) for w in WORDS[lang]]


def test_the_calendar_filter_folds_with_the_same_table():
    calendar = (search_fold.SCRIPTS.parents[3].parent / "docs" / "assets" / "calendar.js").read_text("utf-8")
    match = re.search(r"var FOLD = (\{[^}]*\});", calendar)
    assert match, "calendar.js has no FOLD table"
    assert json.loads(match.group(1)) == search_fold.FOLD
    letters = re.search(r"text\.replace\(/\[([^\]]+)\]/g", calendar)
    assert letters and sorted(letters.group(1)) == sorted(search_fold.FOLD)
