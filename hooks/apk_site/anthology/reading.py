"""Reading time of a text, counting words the way a reader sees them, in any script.

A word is a run of letters (any alphabet, with combining accents such as the Russian stress mark)
joined by hyphens or apostrophes, so `іс-шара` and `Қазақстан` are one word each; Markdown links,
HTML tags and heading marks are not words. An ASCII-only `\\w`, as in many JavaScript counters, finds
no word at all in Kazakh or Russian text.
"""

from __future__ import annotations

import math
import re

# Words per minute for silent reading: English 228 and Russian 184 are the IReST norms
# (Trauzettel-Klosinski et al., IOVS 2012); Kazakh has no norm there, so it takes Turkish's 166,
# the nearest measured language of the same (Turkic, agglutinative) family.
WORDS_PER_MINUTE = {"en": 228, "ru": 184, "kk": 166}
_LETTER = r"(?:[^\W\d_][\u0300-\u036f\u00ad]*)"
WORD = re.compile(rf"{_LETTER}+(?:[-‐'’]{_LETTER}+)*|\d+(?:[.,]\d+)*")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_ATTRS = re.compile(r"\{[:#.][^}]*\}")


def plain_text(markdown: str) -> str:
    """The words of a Markdown body: link targets, tags and attribute lists removed."""
    text = _LINK.sub(r"\1", markdown)
    text = _TAG.sub(" ", text)
    return _ATTRS.sub(" ", text)


def word_count(markdown: str) -> int:
    return len(WORD.findall(plain_text(markdown)))


def minutes(markdown: str, lang: str) -> int:
    """Whole minutes, at least one."""
    return max(1, math.ceil(word_count(markdown) / WORDS_PER_MINUTE.get(lang, 184)))
