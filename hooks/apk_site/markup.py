"""The rule for editors' Markdown bodies (events and Anthology texts): no active HTML.

A body is published as the editor wrote it, and GitHub Pages sends no Content-Security-Policy, so
a `<script>`, an `on…=` attribute, an `<iframe>`, a form or a `javascript:` link would run or show
on readers' machines, and a picture or video on another host (`![photo](https://...)`, `<img src>`,
`srcset`, `<video poster>` ...) would make their browsers contact that host, which the site
promises they never do. The body is rendered with the Markdown extensions the site renders it with,
and the *result* is scanned: code blocks and inline code that show such HTML are escaped by
Markdown and stay allowed, and no guess about Markdown's syntax can be fooled. The source is then
searched only to point at the line. Ordinary Markdown, tables, pictures saved in the site, links
to any host and harmless inline HTML (`<br>`, `<sup>`, `<abbr>`, `<details>` ...) stay allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from html import unescape
from html.parser import HTMLParser

import markdown as python_markdown

from .fields import INVISIBLE, invisible

# What MkDocs renders pages with: its defaults (toc, tables, fenced_code) and mkdocs.yml's list;
# tests/unit/test_markup.py keeps the two in step. toc only adds anchors, so it is left out.
SITE_EXTENSIONS = ("fenced_code", "tables", "attr_list", "md_in_html", "admonition")
# mkdocs.yml's settings for them: a column's alignment as align="left", not the style="" refused here.
SITE_EXTENSION_CONFIGS = {"tables": {"use_align_attribute": True}}
# A body without any of these renders to no active tag, attribute or address (pictures aside: see
# below), and is not rendered here (rendering every body would double the time of loading 4,200
# events). An autolink, <https://...> or <name@example.org>, is Markdown's own link, written as
# escaped text.
_SUSPECT = re.compile(
    r"<(?!https?://[^<>\s\"'`=]+>|[^<>\s\"'`=@]+@[^<>\s\"'`=]+>)|[&{]|(?:s\s*c\s*r\s*i\s*p\s*t|d\s*a\s*t\s*a)\s*:",
    re.I,
)
# Without those, a body fetches something only through a Markdown picture, `![...]`, and from
# another host only if its address is absolute: http:, https:, ftp: or two slashes (a backslash
# counts as one, and Markdown's escapes never add one). Blanks and quote marks may come in between:
# browsers drop line breaks, and a quote's next line starts with ">". The address is either in a
# reference definition, `[name]: address`, anywhere, or in the paragraph of its `![` (inline text
# never spans a blank line), right after `](` (`(` must follow `]` at once) - unless Markdown
# splices text into it: a code span's (`ht`tps:) or a link's ([ht](x)tps:, [ht][name]tps:), which
# it reads before pictures. So a paragraph is rendered from its first `![` on if it has a backtick,
# a second `](` or a `][`, or an absolute address after `](`; only rendering tells whether it is
# the picture's or a link's. A body with links alone, `[text](https://...)`, or with a picture on
# its own and links to the organizers' pages in another paragraph (the usual event) is not
# rendered: rendering it would double the time of loading 4,200 events.
_GAP = r"[\s>\x00-\x1f]*"
_ABSOLUTE = rf"{_GAP}(?:(?:h{_GAP}t{_GAP}t{_GAP}p|f{_GAP}t{_GAP}p){_GAP}(?:s{_GAP})?:|[/\\]{_GAP}[/\\])"
_DEFINED_ADDRESS = re.compile(rf"\]:{_ABSOLUTE}", re.I)
_PICTURE_AT_RISK = re.compile(rf"`|\]\s*\[|\]\({_ABSOLUTE}|\]\([\s\S]*\]\(", re.I)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")  # where Python-Markdown's blocks end


def _could_be_active(body: str) -> bool:
    body = body.replace("\x02", "").replace("\x03", "")  # as Python-Markdown reads it
    if _SUSPECT.search(body) or _EMPTY_PICTURE.search(body):
        return True
    return "![" in body and _picture_could_be_elsewhere(body)


def _picture_could_be_elsewhere(body: str) -> bool:
    if _DEFINED_ADDRESS.search(body):
        return True
    paragraphs = (paragraph for paragraph in _BLANK_LINE.split(body) if "![" in paragraph)
    return any(_PICTURE_AT_RISK.search(paragraph, paragraph.index("![")) for paragraph in paragraphs)


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
# WCAG 2.1, 1.1.1: a picture says in words what it shows, for screen readers and when it does not load.
_NO_DESCRIPTION = (
    "a picture has no description: readers who cannot see it (a screen reader, a picture that does not "
    'load) get nothing: write what it shows between the brackets, ![the choir on the stage](...), or alt="..."'
)
_EMPTY_PICTURE = re.compile(r"!\[\s*\]")
_STYLE = "is blocked by the site's Content-Security-Policy: remove it (use Markdown for emphasis, lists and tables)"
_SCRIPT_ADDRESS = f"runs code when a reader follows it: {INSTEAD_LINK}"
_DATA_ADDRESS = (
    "can hide a whole page or a script: link to a web address, or put the picture in a file and write "
    "![description](picture.png)"
)
# Pictures written into the page itself are harmless, and the policy allows them (img-src data:).
_DATA_PICTURE = re.compile(r"data:image/(?:png|gif|jpeg|webp)[;,]")

# Attributes whose address a browser fetches as soon as the page opens, on whatever element (an
# unknown element's are refused too: nothing is lost, and no list of elements can go stale). An
# element refused as a whole (`<iframe src>`, `<input type=image src>` ...) gets that message only.
FETCHED = ("src", "srcset", "poster", "background", "lowsrc", "dynsrc")
# http:, https: or ftp:, and "//host/..." (browsers read "\\" as "//" too): another host. A browser
# drops tabs and line breaks anywhere in an address, and blanks and controls around it.
_ANOTHER_HOST = re.compile(r"(?:https?|ftps?):|[/\\]{2}", re.I)
_DROPPED = re.compile(r"[\t\n\r]")
_WHAT_IS_FETCHED = {
    "img": "the picture",
    "image": "the picture",  # browsers read <image> as <img>
    "video": "the video",
    "audio": "the sound",
    "track": "the subtitles",
}
_PICTURE_ATTRIBUTES = ("srcset", "poster", "background")
SHOWN_ADDRESS = 80  # characters of an address a message repeats
_ANOTHER_HOST_WHY = (
    "is on another host: readers' browsers would contact that host as soon as they open the page, "
    "and the site promises they never do (its Content-Security-Policy blocks it, so it would not show anyway)"
)
# docs/assets/uploads/ is where the web form saves pictures (cms_config.py). A Markdown address is
# relative to the text's file in docs/, and MkDocs writes it for each language's page: an event is
# read as docs/events/<id>.md, whatever its folder in events/ (so "../../assets/..." leaves docs/
# and fails the build). An <img src> in HTML is not rewritten, and would miss on the /ru/ and /en/
# pages. An Anthology text sits one folder deeper, in docs/anthology/<part>/ (the whole-book page
# moves its addresses, addresses.py).
_PICTURE_FIX = (
    "save the picture in the site, as docs/assets/uploads/<name>.jpg, and write "
    "![description](../assets/uploads/<name>.jpg) in an event's text, "
    "![description](../../assets/uploads/<name>.jpg) in an Anthology text; "
    "or link to it instead, [photo](https://...) (for a Markdown picture, delete the ! before [)"
)
_FILE_FIX = (
    "link to it instead, [video](https://...); or save it in the site, as docs/assets/uploads/<name>.mp4, "
    "and link to that: [video](../assets/uploads/<name>.mp4) from an event's text, "
    "[video](../../assets/uploads/<name>.mp4) from an Anthology text"
)


@cache
def _renderer(extensions: tuple[str, ...]) -> python_markdown.Markdown:
    configs = {name: config for name, config in SITE_EXTENSION_CONFIGS.items() if name in extensions}
    return python_markdown.Markdown(extensions=list(extensions), extension_configs=configs, output_format="html")


def render(body: str, extensions: tuple[str, ...] = SITE_EXTENSIONS) -> str:
    renderer = _renderer(extensions)
    try:
        return renderer.reset().convert(body)
    finally:
        renderer.reset()


class _Finder(HTMLParser):
    """The active parts of rendered HTML, each as (what the source shows, first found first; message)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, tuple[tuple[str, ...], str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ELEMENTS:
            self._add(rf"<\s*{tag}\b", f"<{tag}> {ELEMENTS[tag]}")
        if tag in ("img", "image") and not (dict(attrs).get("alt") or "").strip():
            self._add(r"!\[\s*\]", _NO_DESCRIPTION, r"<\s*img\b", r"<\s*image\b")
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
        self._fetched(tag, name, value)

    def _fetched(self, tag: str, name: str, value: str) -> None:
        """An address the browser fetches when the page opens, if it is on another host."""
        if name not in FETCHED or tag in ELEMENTS:
            return
        # srcset lists addresses, each with its width or density: "a.jpg 1x, https://x/b.jpg 2x".
        addresses = re.split(r"[\s,]+", value) if name == "srcset" else [value]
        for address in addresses:
            if remote := _another_host(address):
                self._add_remote(tag, name, remote)

    def _add_remote(self, tag: str, name: str, address: str) -> None:
        what = "the picture" if name in _PICTURE_ATTRIBUTES else _WHAT_IS_FETCHED.get(tag, "the file")
        fix = _PICTURE_FIX if what == "the picture" else _FILE_FIX
        shown = address if len(address) <= SHOWN_ADDRESS else address[: SHOWN_ADDRESS - 1] + "…"
        # Its line: where the source shows the address; failing that (written with entities, say), its host.
        host = re.split(r"[/\\?#]", re.sub(r"^(?:[a-z]+:)?[/\\]*", "", address, flags=re.I))[0]
        fallback = (re.escape(host),) if host else ()
        self._add(re.escape(address[:SHOWN_ADDRESS]), f"{what} {shown} {_ANOTHER_HOST_WHY}: {fix}", *fallback)

    def _add(self, needle: str, message: str, *fallbacks: str) -> None:
        self.found.setdefault(message, ((needle, *fallbacks), message))


def _another_host(value: str) -> str | None:
    """The address in an attribute's value, as a browser reads it, if it names another host."""
    address = _DROPPED.sub("", value).strip("".join(map(chr, range(33))))
    return address if _ANOTHER_HOST.match(address) else None


# Tags and handler attributes the parser above might read differently from a browser: a second look.
_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)([^<>]*)>")
_HANDLER_ATTRIBUTE = re.compile(r"[\s/\"']on([a-z]+)\s*=", re.I)
_FETCHED_ATTRIBUTE = re.compile(rf"[\s/\"']({'|'.join(FETCHED)})\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]*)", re.I)


def _second_look(html: str, finder: _Finder) -> None:
    for tag in _TAG.finditer(html):
        name = tag[1].lower()
        if name in ELEMENTS:
            finder._add(rf"<\s*{name}\b", f"<{name}> {ELEMENTS[name]}")
        for handler in _HANDLER_ATTRIBUTE.finditer(tag[0]):
            attribute = "on" + handler[1].lower()
            finder._add(rf"\b{attribute}\s*=", f"the attribute {attribute}= {_HANDLER}")
        for fetched in _FETCHED_ATTRIBUTE.finditer(tag[0]):
            finder._fetched(name, fetched[1].lower(), unescape(fetched[2].strip("\"'")))


def active_html(body: str, extensions: tuple[str, ...] = SITE_EXTENSIONS) -> list[tuple[int, str]]:
    """(line within `body`, counted from 0; message) for each kind of active HTML it renders to, on
    its own or in the block a page puts it in."""
    if not _could_be_active(body):
        return []
    return _rendered_active_html(body, extensions) or _frame_escapes(body, extensions)


# The Anthology's pages set a body inside `<div markdown="1">` (and `<section>`, `<details>`).
# Python-Markdown finds where such a block ends before it reads code spans, so a `</div>` between `
# marks still closes it, and what follows is raw HTML on the page, although the body on its own
# renders it as code. Fenced blocks are read first, so they keep an example safe.
FRAMES = ("div", "section", "details")
_FRAME_FIX = (
    "ends the block the page puts around the text, even between ` marks, and what follows it would run "
    "in readers' browsers: show such HTML as an example between ``` lines instead"
)


def _frame_escapes(body: str, extensions: tuple[str, ...]) -> list[tuple[int, str]]:
    lines = body.split("\n")
    for tag in FRAMES:
        closing = rf"</{tag}\b"
        if re.search(closing, body, re.I) and _rendered_active_html(
            f'<{tag} markdown="1">\n\n{body}\n\n</{tag}>', extensions
        ):
            return [(_line_of(lines, (closing,)), f"</{tag}> {_FRAME_FIX}")]
    return []


def _rendered_active_html(body: str, extensions: tuple[str, ...]) -> list[tuple[int, str]]:
    html = render(body, extensions)
    finder = _Finder()
    finder.feed(html)
    finder.close()
    _second_look(html, finder)
    lines = body.split("\n")
    return sorted((_line_of(lines, needles), message) for needles, message in finder.found.values())


def _line_of(lines: list[str], needles: tuple[str, ...]) -> int:
    """The first line outside code blocks that shows the first needle found outside inline code;
    failing that, any line outside code blocks that shows it; failing that, the first line."""
    for needle in needles:
        pattern = re.compile(needle, re.I)
        candidates = [number for number, line in outside_fences(lines) if pattern.search(line)]
        plain = [n for n in candidates if pattern.search(re.sub(r"(`+).*?\1", "", lines[n]))]
        if plain or candidates:
            return (plain or candidates)[0]
    return 0


def outside_fences(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index, line) of each line of Markdown that is not in a fenced code block, nor its fence."""
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
