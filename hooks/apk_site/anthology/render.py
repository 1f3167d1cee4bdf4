"""Turn Anthology view models into the Markdown of its pages, with one Jinja environment.

Autoescaping is on and undefined names fail loudly, as in `apk_site.render`. Texts' bodies are the
editors' own Markdown; the original beside a translation is rendered to HTML here, so that its
headings stay out of the page's table of contents.
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


# A heading of the original (`## Title`, `Title` over `===`, in a quote or a list) as Python-Markdown
# writes it, with the id an attribute list may give it (`## Title {#id}`), which a link may use.
_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>")
_ID = re.compile(r'\sid="[^"]*"')


def html(markdown: str) -> str:
    """The original of a translation, rendered as the site renders the texts (so the body check holds
    for it too), as HTML whose headings are not <h1>...<h6> elements: the page's Markdown would
    otherwise list them in the translation's own table of contents. Its relative addresses must
    already be written for the page (`addresses.for_page`): MkDocs does not rewrite raw HTML."""
    rendered = _HEADING.sub(_paragraph, markup.render(markdown))
    return re.sub(r"</h[1-6]>", "</p>", rendered)


def _paragraph(heading: re.Match[str]) -> str:
    found = _ID.search(heading[2] or "")
    kept = found[0] if found else ""
    return f'<p class="apk-book-original__heading" role="heading" aria-level="{heading[1]}"{kept}>'
