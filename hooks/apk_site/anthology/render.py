"""Turn Anthology view models into the Markdown of its pages, with one Jinja environment.

Autoescaping is on and undefined names fail loudly, as in `apk_site.render`. Texts' bodies are the
editors' own Markdown; the original beside a translation is rendered to HTML here, so that its
headings stay out of the page's table of contents.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown as python_markdown
from jinja2 import Environment

from .. import render as shared_render


def environment() -> Environment:
    return shared_render.environment(Path(__file__).parent / "templates")


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)


def html(markdown: str) -> str:
    """The original of a translation, as HTML whose headings are not <h2>...<h6> elements: the
    page's Markdown would otherwise list them in the translation's own table of contents."""
    rendered = python_markdown.markdown(markdown, extensions=["attr_list", "sane_lists"], output_format="html")
    rendered = re.sub(r"<h([1-6])>", r'<p class="apk-book-original__heading" role="heading" aria-level="\1">', rendered)
    return re.sub(r"</h[1-6]>", "</p>", rendered)
