"""One theme-rendered page per language, reused as the frame of every event page; another for the
month, region, category and organizer pages.

Material spends about 3 ms rendering a page, nearly all of it on the header, navigation, search box
and footer, which are the same on every event page (none of them is in the navigation, and all
stand at the same depth). So each language build renders one prototype page per folder through MkDocs
and Material, with placeholder values, and every page of that folder is that output with its own
values put in. The placeholders are plain letters: they pass through Jinja filters, HTML escaping
and URL quoting unchanged. Building with APK_FRAMES=0 renders every page through Material instead;
tests/e2e/test_build_modes.py checks that both give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import indexes
from .page_source import Generated, PageSource
from .pages import CALENDAR_SCRIPT, CALENDAR_STYLES
from .render import slot

# What changes from one page of a frame to the next, and what stands for it in the prototype.
PLACEHOLDERS = {
    "title": "XAPKSHELLTITLEX",
    "description": "XAPKSHELLDESCRIPTIONX",
    # Material adds an <h1> of its own to content without one: the prototype's content has one too.
    "content": "<h1>XAPKSHELLCONTENTX</h1>",
}
# The prototype's file name, in the folder of the pages it frames (links in the navigation are
# relative, so they depend on the folder); each page's own name replaces it.
PAGE = "xapkshellpagex"


def wanted(environ: Mapping[str, str]) -> bool:
    return environ.get("APK_FRAMES", "1") != "0"


def is_prototype(src_uri: str) -> bool:
    return src_uri.rsplit("/", 1)[-1].split(".")[0] == PAGE


class ShellError(ValueError):
    """The prototype page did not come out as expected (a theme or template change)."""


@dataclass(frozen=True)
class Shell:
    """The prototype page cut at its placeholders: text, name, text, name, ..., text."""

    texts: tuple[str, ...]
    names: tuple[str, ...]

    @classmethod
    def parse(cls, html: str) -> Shell:
        names = {text: name for name, text in PLACEHOLDERS.items()} | {PAGE: "page"}
        find = re.compile("|".join(re.escape(text) for text in names))
        found = tuple(names[text] for text in find.findall(html))
        if found.count("content") != 1:
            raise ShellError(f"the prototype page holds its content {found.count('content')} times, not once")
        return cls(tuple(find.split(html)), found)

    def fill(self, values: dict[str, str]) -> str:
        """The page with these values ('page', 'title', ...), each already in its final, escaped form."""
        out = [self.texts[0]]
        for name, text in zip(self.names, self.texts[1:], strict=True):
            out += (values[name], text)
        return "".join(out)


# The pages made from a frame, by kind, and their frame: none of them is in the navigation, and all
# stand two folders deep.
FRAMES = {"event": "event", "month": "list", **{kind: "list" for kind in indexes.KINDS}}
PROTOTYPE = "prototype"


def prototypes(pages: Iterable[Generated]) -> tuple[Generated, ...]:
    """One prototype per folder of framed pages; never published itself."""
    folders = sorted({(folder_of(p), FRAMES[p.kind]) for p in pages if p.kind in FRAMES})
    return tuple(Generated(f"{folder}/{PAGE}.md", PROTOTYPE, frame) for folder, frame in folders)


def frame_of(page: Generated) -> str:
    """'event' or 'list' for a framed page or a prototype, '' for others."""
    return page.key if page.kind == PROTOTYPE else FRAMES.get(page.kind, "")


def folder_of(page: Generated) -> str:
    return page.uri.rsplit("/", 1)[0]


def prototype_source(page: Generated) -> PageSource:
    """The prototype of a frame: placeholders where each page's values go, and what every page of
    the frame asks of the theme (an event page's, or a calendar list's with its script)."""
    title, description, content = (PLACEHOLDERS[name] for name in ("title", "description", "content"))
    slots = {"page": content}
    if page.key == "event":
        return PageSource(page.uri, PROTOTYPE, title, slot("page"), slots, description, searchable=False, toc=False)
    assets = (CALENDAR_STYLES, CALENDAR_SCRIPT)
    return PageSource(page.uri, PROTOTYPE, title, slot("page"), slots, description, searchable=False, assets=assets)
