"""One theme-rendered event page per language, reused as the frame of every event page.

Material spends about 3 ms rendering a page, nearly all of it on the header, navigation, search box
and footer, which are the same on every event page. So each language build renders one prototype
event page through MkDocs and Material, with placeholder values, and every event page is that
output with the event's own values put in. The placeholders are plain letters: they pass through
Jinja filters, HTML escaping and URL quoting unchanged. Building with `APK_EVENT_PAGES=mkdocs`
renders every event page through Material instead; the tests check both give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

# What changes from one event page to the next, and what stands for it in the prototype.
PLACEHOLDERS = {
    "id": "xapkshellidx",
    "title": "XAPKSHELLTITLEX",
    "description": "XAPKSHELLDESCRIPTIONX",
    # Material adds an <h1> of its own to content without one: the prototype's content has one too.
    "content": "<h1>XAPKSHELLCONTENTX</h1>",
}
_NAMES = {text: name for name, text in PLACEHOLDERS.items()}
_FIND = re.compile("|".join(re.escape(text) for text in PLACEHOLDERS.values()))


def wanted(environ: Mapping[str, str]) -> bool:
    return environ.get("APK_EVENT_PAGES", "framed") != "mkdocs"


class ShellError(ValueError):
    """The prototype page did not come out as expected (a theme or template change)."""


@dataclass(frozen=True)
class Shell:
    """The prototype page cut at its placeholders: text, name, text, name, ..., text."""

    texts: tuple[str, ...]
    names: tuple[str, ...]

    @classmethod
    def parse(cls, html: str) -> Shell:
        pieces = _FIND.split(html)
        names = tuple(_NAMES[found] for found in _FIND.findall(html))
        if names.count("content") != 1:
            raise ShellError(f"the prototype event page holds its content {names.count('content')} times, not once")
        return cls(tuple(pieces), names)

    def fill(self, values: dict[str, str]) -> str:
        """The page of one event; every value must already be in its final, escaped form."""
        out = [self.texts[0]]
        for name, text in zip(self.names, self.texts[1:], strict=True):
            out += (values[name], text)
        return "".join(out)
