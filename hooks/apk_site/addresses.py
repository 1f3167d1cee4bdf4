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
# `[label]: address "title"` of a reference definition: a line of its own, and nothing else on it.
_DEFINITION = re.compile(
    r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^<>\n]*>|\S+)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$"
)
_CODE_SPAN = re.compile(r"(`+).+?(?<!`)\1(?!`)", re.DOTALL)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")

# (line within the text, counted from 0; the address as written; whether it is a picture's) -> new address
Change = Callable[[int, str, bool], str]


@dataclass(frozen=True)
class Address:
    """A relative address in a text: its line (from 0), its path part (percent-decoded, without
    #anchor or ?query), whether a picture shows it (`![...](...)`) or a link leads to it, and the
    address as written."""

    line: int
    path: str
    picture: bool
    written: str  # as the editor wrote it, for messages


def relative(markdown: str) -> list[Address]:
    """Every relative address of the text's links and pictures, in order."""
    found: list[Address] = []
    if "](" not in markdown and "]:" not in markdown:  # most texts: no line needs a look
        return found

    def keep(line: int, written: str, picture: bool) -> str:
        inner = written[1:-1] if written.startswith("<") else written
        if _is_relative(inner):
            found.append(Address(line, unquote(_path_and_rest(inner)[0]), picture, inner))
        return written

    _rewrite(markdown, keep)
    return found


def rebase(markdown: str, folder: str) -> str:
    """`markdown` written in `folder` (relative to where it is shown), its relative addresses adjusted."""
    return _rewrite(markdown, lambda _line, written, _picture: _with_path(written, lambda p: _joined(folder, p)))


def for_page(markdown: str, folder: str, site_root: str, language_root: str) -> str:
    """`markdown` written in docs/<folder>/, its relative addresses written for a page that shows it
    as raw HTML, which no engine rewrites (the original beside a translation): a file as
    `<site_root><its path in docs>`, a page as its folder under `<language_root>` (`x.md` is `x/`,
    `index.md` its folder), as the site's URLs are. An address out of docs/ stays as written:
    `local_files` reports it."""

    def on_the_page(path: str) -> str:
        target = posixpath.normpath(posixpath.join(folder, path))
        name = posixpath.basename(target)
        if target == ".." or target.startswith("../"):
            return path
        if name.endswith(".md"):
            page = posixpath.dirname(target) if name == "index.md" else target[: -len(".md")]
            return language_root + (f"{page}/" if page else "")
        if "." not in name or target == ".":  # a folder: a page's address
            return language_root + ("" if target == "." else f"{target}/")
        return site_root + target

    return _rewrite(markdown, lambda _line, written, _picture: _with_path(written, on_the_page))


def _rewrite(markdown: str, change: Change) -> str:
    """Each address passed through `change`, block by block: a link's text may run over lines of a
    paragraph, never past a blank line or into a fenced block."""
    lines = markdown.split("\n")
    block: list[int] = []
    for number, line in [*markup.outside_fences(lines), (len(lines), "")]:
        if block and (not line.strip() or number != block[-1] + 1):
            _block(lines, block, change)
            block = []
        if line.strip():
            block.append(number)
    return "\n".join(lines)


def _block(lines: list[str], numbers: list[int], change: Change) -> None:
    for number in numbers:
        if definition := _DEFINITION.match(lines[number]):
            line = lines[number]
            lines[number] = definition[1] + change(number, definition[2], False) + line[definition.end(2) :]
    text = "\n".join(lines[number] for number in numbers)
    if "](" not in text:
        return
    code = [span.span() for span in _CODE_SPAN.finditer(text)]

    def one(match: re.Match[str]) -> str:
        at = match.start()
        opener = _opener(text[:at])
        if opener < 0 or text[at - 1 : at] == "\\" or any(start <= at < end for start, end in code):
            return match[0]  # a `](` in prose, escaped, or in code
        picture = text[opener - 1 : opener] == "!"
        return match[1] + change(numbers[0] + text.count("\n", 0, at), match[2], picture)

    for number, line in zip(numbers, _INLINE.sub(one, text).split("\n"), strict=True):
        lines[number] = line


def _opener(before: str) -> int:
    """Where the `[` is that a `]` at the end of `before` closes, or -1; escaped brackets do not count."""
    depth = 0
    for at in range(len(before) - 1, -1, -1):
        if before[at] not in "[]" or before[at - 1 : at] == "\\":
            continue
        if before[at] == "]":
            depth += 1
        elif depth == 0:
            return at
        else:
            depth -= 1
    return -1


def _is_relative(address: str) -> bool:
    return bool(address) and not address.startswith(("/", "#", "?")) and not _SCHEME.match(address)


def _path_and_rest(address: str) -> tuple[str, str]:
    split = min((address.find(mark) for mark in "#?" if mark in address), default=len(address))
    return address[:split], address[split:]


def _with_path(written: str, move: Callable[[str], str]) -> str:
    """`written` with its path replaced by `move(path)`, keeping its <angle brackets>, #anchor and
    ?query; an address that is not relative as it is."""
    bracketed = written.startswith("<")
    inner = written[1:-1] if bracketed else written
    if not _is_relative(inner):
        return written
    path, rest = _path_and_rest(inner)
    moved = move(path) + rest
    return f"<{moved}>" if bracketed else moved


def _joined(folder: str, path: str) -> str:
    joined = posixpath.normpath(posixpath.join(folder, path))
    return joined + "/" if path.endswith("/") and not joined.endswith("/") else joined
