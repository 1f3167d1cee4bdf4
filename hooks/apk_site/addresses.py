"""Relative addresses in an editor's Markdown: found (to check that their files exist) and moved
(for a page that shows a text from another folder).

An address in a body is relative to the page's source in docs/: `docs/events/<id>.md` for an event,
`docs/anthology/<part>/<id>.md` for an Anthology text. The whole-book page, `anthology/book.md`,
holds every text one folder up, so each text's addresses are written again from there before
MkDocs reads them: `../../assets/uploads/a.jpg` in `voices/` becomes `../assets/uploads/a.jpg`.
Absolute addresses, anchors and anything in code stay as they are; so does raw HTML, whose
addresses no page rewrites (the checks refuse it for pictures).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from . import markup

# `](address` of an inline link or picture: an address in <angle brackets>, or one without spaces
# whose parentheses are balanced one level deep, as Python-Markdown reads it.
_INLINE = re.compile(r"(\]\(\s*)(<[^<>\n]*>|(?:[^\s()<>]|\([^\s()]*\))+)")
# `[label]: address` of a reference definition: a line of its own.
_DEFINITION = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^<>\n]*>|\S+)")
_CODE_SPAN = re.compile(r"(`+).+?(?<!`)\1(?!`)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")

# (line within the text, counted from 0; the address as written; whether it is a picture's) -> new address
Change = Callable[[int, str, bool], str]


@dataclass(frozen=True)
class Address:
    """A relative address in a text: its line (from 0), its path part (percent-decoded, without
    #anchor or ?query), and whether a picture shows it (`![...](...)`) or a link leads to it."""

    line: int
    path: str
    picture: bool


def relative(markdown: str) -> list[Address]:
    """Every relative address of the text's links and pictures, in order."""
    found: list[Address] = []
    if "](" not in markdown and "]:" not in markdown:  # most texts: no line needs a look
        return found

    def keep(line: int, written: str, picture: bool) -> str:
        inner = written[1:-1] if written.startswith("<") else written
        if _is_relative(inner):
            found.append(Address(line, unquote(_path_and_rest(inner)[0]), picture))
        return written

    _rewrite(markdown, keep)
    return found


def rebase(markdown: str, folder: str) -> str:
    """`markdown` written in `folder` (relative to where it is shown), its relative addresses adjusted."""
    return _rewrite(markdown, lambda _line, written, _picture: _moved(written, folder))


def _rewrite(markdown: str, change: Change) -> str:
    lines = markdown.split("\n")
    for number, line in markup.outside_fences(lines):
        lines[number] = _line(line, lambda written, picture, at=number: change(at, written, picture))
    return "\n".join(lines)


def _line(line: str, change: Callable[[str, bool], str]) -> str:
    if "](" not in line and "]:" not in line:
        return line
    if definition := _DEFINITION.match(line):
        return definition[1] + change(definition[2], False) + line[definition.end() :]
    pieces, at = [], 0
    for span in _CODE_SPAN.finditer(line):
        pieces += [_inline(line[at : span.start()], change), span[0]]
        at = span.end()
    pieces.append(_inline(line[at:], change))
    return "".join(pieces)


def _inline(text: str, change: Callable[[str, bool], str]) -> str:
    def one(match: re.Match[str]) -> str:
        opener = _opener(text[: match.start()])
        if opener < 0:  # a `](` in prose, not the end of a link's text
            return match[0]
        return match[1] + change(match[2], text[opener - 1 : opener] == "!")

    return _INLINE.sub(one, text)


def _opener(before: str) -> int:
    """Where the `[` is that a `]` at the end of `before` closes, or -1."""
    depth = 0
    for at in range(len(before) - 1, -1, -1):
        if before[at] == "]":
            depth += 1
        elif before[at] == "[":
            if depth == 0:
                return at
            depth -= 1
    return -1


def _is_relative(address: str) -> bool:
    return bool(address) and not address.startswith(("/", "#", "?")) and not _SCHEME.match(address)


def _path_and_rest(address: str) -> tuple[str, str]:
    split = min((address.find(mark) for mark in "#?" if mark in address), default=len(address))
    return address[:split], address[split:]


def _moved(address: str, folder: str) -> str:
    bracketed = address.startswith("<")
    inner = address[1:-1] if bracketed else address
    if not _is_relative(inner):
        return address
    path, rest = _path_and_rest(inner)
    joined = posixpath.normpath(posixpath.join(folder, path))
    if path.endswith("/") and not joined.endswith("/"):
        joined += "/"
    return f"<{joined}{rest}>" if bracketed else joined + rest
