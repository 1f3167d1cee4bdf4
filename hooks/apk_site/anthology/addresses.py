"""Relative addresses of a text's Markdown, moved to another folder.

An Anthology text is written in `docs/anthology/<part>/`, and its addresses (a picture in
`../../assets/uploads/`, a link to the next text) are relative to that folder. The whole-book page,
`anthology/book.md`, holds every text one folder up, so each text's relative addresses are written
again from there before MkDocs reads them: `../../assets/uploads/a.jpg` in `voices/` becomes
`../assets/uploads/a.jpg`. Absolute addresses, anchors and anything in code stay as they are; so does
raw HTML, whose addresses no page rewrites (the checks refuse it for pictures).
"""

from __future__ import annotations

import posixpath
import re

from .. import markup

# `](address` of an inline link or picture: an address in <angle brackets>, or one without spaces
# whose parentheses are balanced one level deep, as Python-Markdown reads it.
_INLINE = re.compile(r"(\]\(\s*)(<[^<>\n]*>|(?:[^\s()<>]|\([^\s()]*\))+)")
# `[label]: address` of a reference definition: a line of its own.
_DEFINITION = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^<>\n]*>|\S+)")
_CODE_SPAN = re.compile(r"(`+).+?(?<!`)\1(?!`)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def rebase(markdown: str, folder: str) -> str:
    """`markdown` written in `folder` (relative to where it is shown), its relative addresses adjusted."""
    lines = markdown.split("\n")
    for number, line in markup.outside_fences(lines):
        lines[number] = _outside_code(line, folder)
    return "\n".join(lines)


def _outside_code(line: str, folder: str) -> str:
    if definition := _DEFINITION.match(line):
        return definition[1] + _moved(definition[2], folder) + line[definition.end() :]
    pieces, at = [], 0
    for span in _CODE_SPAN.finditer(line):
        pieces += [_addresses(line[at : span.start()], folder), span[0]]
        at = span.end()
    pieces.append(_addresses(line[at:], folder))
    return "".join(pieces)


def _addresses(text: str, folder: str) -> str:
    def moved(match: re.Match[str]) -> str:
        is_link = _opened(text[: match.start()])
        return match[1] + _moved(match[2], folder) if is_link else match[0]

    return _INLINE.sub(moved, text)


def _opened(before: str) -> bool:
    """Whether a `]` at the end of `before` closes a `[`: a link's text, not a bracket in prose."""
    depth = 0
    for character in reversed(before):
        if character == "]":
            depth += 1
        elif character == "[":
            if depth == 0:
                return True
            depth -= 1
    return False


def _moved(address: str, folder: str) -> str:
    bracketed = address.startswith("<")
    inner = address[1:-1] if bracketed else address
    if not inner or inner.startswith(("/", "#", "?")) or _SCHEME.match(inner):
        return address
    split = min((inner.find(mark) for mark in "#?" if mark in inner), default=len(inner))
    path, rest = inner[:split], inner[split:]
    joined = posixpath.normpath(posixpath.join(folder, path))
    if path.endswith("/") and not joined.endswith("/"):
        joined += "/"
    return f"<{joined}{rest}>" if bracketed else joined + rest
