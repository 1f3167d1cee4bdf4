"""The frozen model of the Anthology: a book of parts and chapters, its texts, authors and matter.

No I/O and no formatting. A `Text` holds the facts shared by its languages and one `Version` per
language it exists in; `shown(lang)` falls back in the same order as event pages do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import LANGUAGES
from ..model import FALLBACK_ORDER
from ..model import Text as Said

FRONT, BACK = "front", "back"


@dataclass(frozen=True)
class Localized:
    """A short text in some of the site's languages, e.g. a part's title or an author's name."""

    values: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, values: dict[str, str]) -> Localized:
        return cls(tuple((lang, values[lang]) for lang in LANGUAGES if values.get(lang)))

    def get(self, lang: str) -> Said:
        """The text in `lang`, or in the nearest language that has it (with that language)."""
        found = dict(self.values)
        for candidate in FALLBACK_ORDER[lang]:
            if candidate in found:
                return Said(found[candidate], candidate)
        return Said("", lang)


@dataclass(frozen=True)
class Author:
    id: str
    name: Localized
    cite: Localized  # "Surname, I." as a citation heading; the plain name when not given
    bio: Localized
    years: str = ""
    organisation: bool = False
    sample: bool = False


@dataclass(frozen=True)
class Chapter:
    id: str
    title: Localized


@dataclass(frozen=True)
class Part:
    id: str
    title: Localized
    chapters: tuple[Chapter, ...] = ()

    def chapter(self, key: str) -> Chapter | None:
        return next((c for c in self.chapters if c.id == key), None)


@dataclass(frozen=True)
class Years:
    start: int
    end: int | None = None

    def __str__(self) -> str:
        return f"{self.start}–{self.end}" if self.end else str(self.start)

    @property
    def decade(self) -> int:
        return self.start // 10 * 10


@dataclass(frozen=True)
class Version:
    """The text in one language: a site language, or the original in any ISO 639 language."""

    lang: str
    path: str
    title: str
    body: str
    translators: tuple[str, ...] = ()
    body_line: int = field(default=1, compare=False)  # the file's line where `body` starts


@dataclass(frozen=True)
class Edition:
    """What a citation of the online edition needs: its title, place, publisher and year."""

    title: Localized
    place: Localized
    publisher: Localized
    year: int


@dataclass(frozen=True)
class Entry:
    """One page of the book in reading order: front matter, a text, or back matter."""

    id: str
    path: str
    part: str
    order: int
    versions: tuple[Version, ...]

    @property
    def uri(self) -> str:
        return f"anthology/{self.part}/{self.id}.md"

    def version(self, lang: str) -> Version | None:
        return next((v for v in self.versions if v.lang == lang), None)

    def shown(self, lang: str) -> Version:
        """The version a page in `lang` shows: its own, or the nearest translation."""
        for candidate in FALLBACK_ORDER[lang]:
            if found := self.version(candidate):
                return found
        raise AssertionError("the loader guarantees one version in a site language")

    def missing_languages(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGUAGES if self.version(lang) is None)


@dataclass(frozen=True)
class Matter(Entry):
    """A preface or an 'about the edition' page: a title and a body, no bibliographic facts."""


@dataclass(frozen=True)
class Text(Entry):
    authors: tuple[str, ...] = ()
    original_language: str = "kk"
    years: Years = Years(2025)
    genre: str = ""
    source: str = ""
    source_url: str = ""
    licence: str = ""
    chapter: str = ""
    events: tuple[str, ...] = ()
    sample: bool = False
    original: Version | None = None  # the original, when it is in none of the site's languages

    def original_version(self) -> Version | None:
        return self.original or self.version(self.original_language)


@dataclass(frozen=True)
class Book:
    edition: Edition
    parts: tuple[Part, ...]
    authors: dict[str, Author] = field(hash=False, compare=False)
    front: tuple[Matter, ...] = ()
    texts: tuple[Text, ...] = ()
    back: tuple[Matter, ...] = ()

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every page in reading order: front matter, texts by part and chapter, back matter."""
        return (*self.front, *self.texts, *self.back)

    def part(self, key: str) -> Part:
        return next(p for p in self.parts if p.id == key)

    def works_of(self, author: str) -> tuple[Text, ...]:
        return tuple(t for t in self.texts if author in t.authors)


EMPTY = Book(Edition(Localized(()), Localized(()), Localized(()), 2025), (), {})
