"""Turn Anthology view models into the Markdown of its pages, with one Jinja environment.

Autoescaping is on and undefined names fail loudly, as in `apk_site.render`. Texts' bodies are the
editors' own Markdown; so is the original beside a translation, with its headings made paragraphs
that say they are headings, so that they stay out of the page's table of contents.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment

from .. import markup
from .. import render as shared_render


def environment() -> Environment:
    return shared_render.environment(Path(__file__).parent / "templates")


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)


# An ATX heading, `## Title` (with optional closing #s and an attribute list, which a paragraph
# does not take); setext headings (`Title` over `===`) are not used in the Anthology.
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?(?:[ \t]*\{[^{}]*\})?[ \t]*$")
_HEADING_PARAGRAPH = '\n<p class="apk-book-original__heading" role="heading" aria-level="{}" markdown="span">{}</p>\n'


def original(markdown: str) -> str:
    """The original of a translation, as Markdown for the page: read with the rest of the page, its
    pictures and links are written for the page as the translation's are. Its headings are
    paragraphs marked as headings (role and level), since the page's table of contents is the
    translation's."""
    lines = markdown.split("\n")
    for number, line in markup.outside_fences(lines):
        if heading := _HEADING.match(line):
            lines[number] = _HEADING_PARAGRAPH.format(len(heading[1]), heading[2] or "")
    return "\n".join(lines)
