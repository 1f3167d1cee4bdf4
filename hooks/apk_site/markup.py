"""The rule for editors' Markdown bodies (events and Anthology texts): no active HTML.

A body is published as the editor wrote it, and GitHub Pages sends no Content-Security-Policy, so
a `<script>`, an `on…=` attribute, an `<iframe>`, a form or a `javascript:` link would run or show
on readers' machines. The body is rendered with the Markdown extensions the site renders it with,
and the *result* is scanned: code blocks and inline code that show such HTML are escaped by
Markdown and stay allowed, and no guess about Markdown's syntax can be fooled. The source is then
searched only to point at the line. Ordinary Markdown, tables, images and harmless inline HTML
(`<br>`, `<sup>`, `<abbr>`, `<details>` ...) stay allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser

import markdown as python_markdown

from .fields import INVISIBLE, invisible

# What MkDocs renders pages with: its defaults (toc, tables, fenced_code) and mkdocs.yml's list;
# tests/unit/test_markup.py keeps the two in step. toc only adds anchors, so it is left out.
SITE_EXTENSIONS = ("fenced_code", "tables", "attr_list", "md_in_html", "admonition")
# A body without any of these renders to no tag, attribute or address that could be active, and
# is not rendered here (rendering every body would double the time of loading 4,200 events). An
# autolink, <https://...> or <name@example.org>, is Markdown's own link, written as escaped text.
_SUSPECT = re.compile(
    r"<(?!https?://[^<>\s\"'`=]+>|[^<>\s\"'`=@]+@[^<>\s\"'`=]+>)|[&{]|(?:s\s*c\s*r\s*i\s*p\s*t|d\s*a\s*t\s*a)\s*:",
    re.I,
)

LINK = "[text](https://...)"
INSTEAD_LINK = f"write a link instead, {LINK}"
ELEMENTS = {
    **dict.fromkeys(
        ("script",), "runs code in readers' browsers: remove it (to show code as text, put it between ``` lines)"
    ),
    **dict.fromkeys(
        ("iframe", "frame", "frameset", "object", "embed", "applet", "portal"),
        f"embeds another page or program: remove it and {INSTEAD_LINK}",
    ),
    **dict.fromkeys(
        ("form", "input", "button", "textarea", "select", "keygen"),
        f"asks readers to type or send something: remove it and link to the form, {LINK}",
    ),
    **dict.fromkeys(
        ("style", "link", "meta", "base"),
        "changes the whole page (its styles, addresses or a redirect): remove it; the site's own styles apply",
    ),
    **dict.fromkeys(
        ("svg", "math"),
        "can carry scripts inside the page: save the picture as a file and write ![description](picture.svg)",
    ),
}
_HANDLER = "runs code when readers click, hover or load the page: remove the attribute"
_STYLE = "is blocked by the site's Content-Security-Policy: remove it (use Markdown for emphasis, lists and tables)"
_SCRIPT_ADDRESS = f"runs code when a reader follows it: {INSTEAD_LINK}"
_DATA_ADDRESS = (
    "can hide a whole page or a script: link to a web address, or put the picture in a file and write "
    "![description](picture.png)"
)
# Pictures written into the page itself are harmless, and the policy allows them (img-src data:).
_DATA_PICTURE = re.compile(r"data:image/(?:png|gif|jpeg|webp)[;,]")


@cache
def _renderer(extensions: tuple[str, ...]) -> python_markdown.Markdown:
    return python_markdown.Markdown(extensions=list(extensions), output_format="html")


def render(body: str, extensions: tuple[str, ...] = SITE_EXTENSIONS) -> str:
    renderer = _renderer(extensions)
    try:
        return renderer.reset().convert(body)
    finally:
        renderer.reset()


class _Finder(HTMLParser):
    """The active parts of rendered HTML, each as (what the source shows, message)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, tuple[str, str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ELEMENTS:
            self._add(rf"<\s*{tag}\b", f"<{tag}> {ELEMENTS[tag]}")
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    handle_startendtag = handle_starttag

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self._add(rf"\b{name}\s*=", f"the attribute {name}= {_HANDLER}")
        elif name == "style":
            self._add(r"\bstyle\s*=", f"the attribute style= {_STYLE}")
        address = "".join(c for c in value if c > " ").lower()  # browsers skip spaces and controls
        for scheme in ("javascript:", "vbscript:"):
            if address.startswith(scheme):
                self._add(scheme[:-1], f"a {scheme} address {_SCRIPT_ADDRESS}")
        if address.startswith("data:") and not (tag == "img" and name == "src" and _DATA_PICTURE.match(address)):
            self._add(r"data\s*:(?!image/(?:png|gif|jpeg|webp)[;,])", f"a data: address {_DATA_ADDRESS}")

    def _add(self, needle: str, message: str) -> None:
        self.found.setdefault(message, (needle, message))


# Tags and handler attributes the parser above might read differently from a browser: a second look.
_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)([^<>]*)>")
_HANDLER_ATTRIBUTE = re.compile(r"[\s/\"']on([a-z]+)\s*=", re.I)


def _second_look(html: str, finder: _Finder) -> None:
    for tag in _TAG.finditer(html):
        name = tag[1].lower()
        if name in ELEMENTS:
            finder._add(rf"<\s*{name}\b", f"<{name}> {ELEMENTS[name]}")
        for handler in _HANDLER_ATTRIBUTE.finditer(tag[0]):
            attribute = "on" + handler[1].lower()
            finder._add(rf"\b{attribute}\s*=", f"the attribute {attribute}= {_HANDLER}")


def active_html(body: str, extensions: tuple[str, ...] = SITE_EXTENSIONS) -> list[tuple[int, str]]:
    """(line within `body`, counted from 0; message) for each kind of active HTML it renders to."""
    if not _SUSPECT.search(body):
        return []
    html = render(body, extensions)
    finder = _Finder()
    finder.feed(html)
    finder.close()
    _second_look(html, finder)
    lines = body.split("\n")
    return sorted((_line_of(lines, needle), message) for needle, message in finder.found.values())


def _line_of(lines: list[str], needle: str) -> int:
    """The first line outside code blocks that shows `needle` outside inline code; failing that,
    any line outside code blocks that shows it; failing that, the first line."""
    pattern = re.compile(needle, re.I)
    candidates = [number for number, line in _outside_fences(lines) if pattern.search(line)]
    plain = [n for n in candidates if pattern.search(re.sub(r"(`+).*?\1", "", lines[n]))]
    return (plain or candidates or [0])[0]


def _outside_fences(lines: list[str]) -> Iterator[tuple[int, str]]:
    fence = ""
    for number, line in enumerate(lines):
        marker = re.match(r"\s*(`{3,}|~{3,})", line)
        if fence and marker and marker[1].startswith(fence):
            fence = ""
        elif not fence and marker:
            fence = marker[1]
        elif not fence:
            yield number, line


def invisible_characters(body: str) -> list[tuple[int, str]]:
    """(line within `body`, message) for each line with a control or bidirectional character."""
    if not INVISIBLE.search(body):
        return []
    return [(number, f"contains {invisible(line)}") for number, line in enumerate(body.split("\n")) if invisible(line)]


# Python-Markdown (and so MkDocs) needs time that grows with the square of the '[' or '<' in one
# paragraph (2,000 take 3 to 7 s, 20,000 three minutes; 100 at most 0.1 s) and a recursion for each
# level of nesting (a list nested a thousand deep crashes it): one hostile text could stop every
# build. Real texts stay far below these limits.
EVENT_BODY_LIMIT = 100_000
BOOK_BODY_LIMIT = 500_000  # an Anthology text: a long story, not a novel
PER_PARAGRAPH = 100
NESTING = 10


def limits(body: str, length: int = EVENT_BODY_LIMIT) -> list[tuple[int, str]]:
    """(line within `body`, message) for each limit it exceeds."""
    if len(body) > length:
        return [(0, f"is {len(body)} characters long; keep it to at most {length} (link to a document for more)")]
    found = []
    start = 0
    for paragraph in body.split("\n\n"):
        for mark in ("[", "<"):
            if (count := paragraph.count(mark)) > PER_PARAGRAPH:
                found.append(
                    (start, f"this paragraph has {count} '{mark}' (at most {PER_PARAGRAPH}): split it into paragraphs")
                )
        start += paragraph.count("\n") + 2
    for candidate in _DEEP.finditer(body):  # only lines that start with enough blanks or '>' are measured
        line = body[candidate.start() : body.find("\n", candidate.start()) % (len(body) + 1)]
        if (depth := _depth(line)) > NESTING:
            number = body.count("\n", 0, candidate.start())
            found.append((number, f"is nested {depth} levels deep: keep lists and quotes to at most {NESTING} levels"))
            break
    return found


_DEEP = re.compile(rf"^[ \t>]{{{NESTING + 1},}}", re.M)


def _depth(line: str) -> int:
    """Levels of list indentation (4 columns each) or of quoting ('>') a line starts with."""
    spaces = line.expandtabs(4)
    return max((len(spaces) - len(spaces.lstrip(" "))) // 4, re.match(r"[> \t]*", line)[0].count(">"))


def body_problems(
    body: str, extensions: tuple[str, ...] = SITE_EXTENSIONS, length: int = EVENT_BODY_LIMIT
) -> list[tuple[int, str]]:
    """Everything the site refuses in a body, as (line within it, message). A body beyond the limits
    is not rendered here either."""
    too_much = limits(body, length)
    return sorted(invisible_characters(body) + (too_much or active_html(body, extensions)))
