"""How to cite one text of the Anthology: plain text, BibTeX and Google Scholar's `citation_*` tags.

Kazakh and Russian readers get a GOST R 7.0.100-2018 style reference for a part of an online
resource ("... – Текст : электронный // ... : [сайт]. – URL: ... (дата обращения: ...)"); English
readers get a Chicago-style one. All three forms are built from one `Reference`, so they cannot
disagree with each other or with the facts shown on the page. Pure functions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel import Locale

from ..l10n import CLDR_LOCALES, format_day


@dataclass(frozen=True)
class Person:
    name: str  # as it reads in the text: "Абай Кунанбаев"
    cite: str  # as a citation heading: "Кунанбаев, А."
    organisation: bool = False


@dataclass(frozen=True)
class Reference:
    """One text as the reader's language cites it."""

    key: str
    lang: str
    title: str
    authors: tuple[Person, ...]
    translators: tuple[str, ...]
    translated_from: str  # ISO 639 code of the language translated from, "" for an original
    year: str  # the text's own year or span: 1890–1898
    book: str
    place: str
    publisher: str
    edition_year: int
    url: str
    accessed: dt.date


def language_name(code: str, lang: str) -> str:
    """CLDR's name of language `code` in `lang`: 'қазақ тілі', 'казахский', 'Kazakh'."""
    for locale in (CLDR_LOCALES[lang], "en"):
        name = Locale.parse(locale).languages.get(code)
        if name:
            return str(name)
    return code


def from_language(code: str, lang: str) -> str:
    """'қазақ тілінен', 'с казахского', 'from Kazakh': the language a translation was made from."""
    name = language_name(code, lang)
    if lang == "kk":
        return f"{name}нен" if name.endswith("тілі") else f"{name} тілінен"
    if lang == "ru":
        # Russian language adjectives take the genitive after «с»: казахский -> с казахского.
        return "с " + re.sub(r"(ий|ый|ой)$", "ого", name)
    return f"from {name}"


def _heading(ref: Reference) -> str:
    first = ref.authors[0] if ref.authors else None
    return f"{first.cite} " if first and not first.organisation else ""


def _translation(ref: Reference) -> str:
    if not ref.translators:
        return ""
    names = ", ".join(ref.translators)
    words = {
        "kk": f"{from_language(ref.translated_from, 'kk')} аударған",
        "ru": f"перевод {from_language(ref.translated_from, 'ru')}:",
    }
    return f" ; {words[ref.lang]} {names}"


def gost(ref: Reference) -> str:
    """GOST R 7.0.100-2018 style, in Kazakh or Russian."""
    text_kind, site, seen = {
        "kk": ("Мәтін : электрондық", "сайт", "қаралған күні"),
        "ru": ("Текст : электронный", "сайт", "дата обращения"),
    }[ref.lang]
    responsibility = ", ".join(a.name for a in ref.authors)
    return (
        f"{_heading(ref)}{ref.title} / {responsibility}{_translation(ref)}. – {text_kind} // {ref.book} : [{site}]. "
        f"– {ref.place} : {ref.publisher}, {ref.edition_year}. – URL: {ref.url} ({seen}: {ref.accessed:%d.%m.%Y})."
    )


def chicago(ref: Reference) -> str:
    """Chicago notes-bibliography style, in English."""
    people = [ref.authors[0].cite if not ref.authors[0].organisation else ref.authors[0].name] if ref.authors else []
    people += [a.name for a in ref.authors[1:]]
    authors = people[0] if len(people) == 1 else ", ".join(people[:-1]) + ", and " + people[-1] if people else ""
    translated = (
        f" Translated {from_language(ref.translated_from, 'en')} by {_and(ref.translators)}." if ref.translators else ""
    )
    accessed = format_day(ref.accessed, "d MMMM y", "en")
    imprint = f"{ref.place}: {ref.publisher}, {ref.edition_year}"
    title = f"“{ref.title}.”"
    return f"{authors.rstrip('.')}. {title}{translated} In {ref.book}. {imprint}. {ref.url} (accessed {accessed})."


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def plain(ref: Reference) -> str:
    return chicago(ref) if ref.lang == "en" else gost(ref)


_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_~^])")
BIBTEX_LANGUAGES = {"kk": "kazakh", "ru": "russian", "en": "english"}


def _tex(value: str) -> str:
    escaped = _BIBTEX_SPECIAL.sub(
        lambda m: {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}.get(
            m[1], "\\" + m[1]
        ),
        value,
    )
    return escaped


def _bib_person(person: Person) -> str:
    """'Surname, I.' as BibTeX reads it; an organisation, or a name without a comma, in braces
    so that BibTeX does not split it into first and last names."""
    if person.organisation or "," not in person.cite:
        return "{" + _tex(person.name) + "}"
    return _tex(person.cite)


def bibtex(ref: Reference) -> str:
    """A biblatex @incollection entry; `year` is the edition's, `origdate` the text's own."""
    entries = [
        ("author", " and ".join(_bib_person(a) for a in ref.authors)),
        ("title", _tex(ref.title)),
        ("booktitle", _tex(ref.book)),
        ("publisher", _tex(ref.publisher)),
        ("address", _tex(ref.place)),
        ("year", str(ref.edition_year)),
        ("origdate", ref.year.replace("–", "/")),
        ("langid", BIBTEX_LANGUAGES[ref.lang]),
    ]
    if ref.translators:
        entries += [
            ("translator", " and ".join(_tex(t) for t in ref.translators)),
            ("origlanguage", ref.translated_from),
        ]
    entries += [("url", ref.url), ("urldate", ref.accessed.isoformat())]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in entries)
    return f"@incollection{{{ref.key},\n{body}\n}}"


def meta_tags(ref: Reference) -> tuple[tuple[str, str], ...]:
    """Google Scholar's tags for a chapter of a book: one citation_author per author."""
    tags = [("citation_title", ref.title)]
    tags += [("citation_author", a.name) for a in ref.authors]
    tags += [
        ("citation_publication_date", str(ref.edition_year)),
        ("citation_inbook_title", ref.book),
        ("citation_publisher", ref.publisher),
        ("citation_language", ref.lang),
        ("citation_fulltext_html_url", ref.url),
    ]
    return tuple(tags)
