"""Turn Anthology view models into the Markdown that MkDocs renders, with one Jinja environment.

Autoescaping is on and undefined names fail loudly, as in `apk_site.render`. Texts' bodies are the
editors' own Markdown; the original beside a translation is rendered to HTML here, so that its
headings stay out of the page's table of contents.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import markdown as python_markdown
import yaml
from jinja2 import Environment

from .. import render as shared_render


def environment() -> Environment:
    return shared_render.environment(Path(__file__).parent / "templates")


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)


def front_matter(values: dict[str, Any]) -> str:
    # safe_dump quotes whatever YAML would misread, so any title survives as text.
    return "---\n" + yaml.safe_dump(values, allow_unicode=True, sort_keys=True, width=1000) + "---\n"


def heading(title: str, lang: str = "", page_lang: str = "") -> str:
    """An escaped <h1> (so that Material adds none of its own), in the book's typeface."""
    attribute = ' lang="{{ lang }}"' if lang and lang != page_lang else ""
    template = f'<div class="apk-book apk-book--head">\n<h1 id="page-title"{attribute}>{{{{ title }}}}</h1>\n</div>\n\n'
    return environment().from_string(template).render(title=title, lang=lang)


def page(meta: dict[str, Any], body: str) -> str:
    return front_matter(meta) + body + ("" if body.endswith("\n") else "\n")


def html(markdown: str) -> str:
    """The original of a translation, as HTML whose headings are not <h2>...<h6> elements: the
    page's Markdown would otherwise list them in the translation's own table of contents."""
    rendered = python_markdown.markdown(markdown, extensions=["attr_list", "sane_lists"], output_format="html")
    rendered = re.sub(r"<h([1-6])>", r'<p class="apk-book-original__heading" role="heading" aria-level="\1">', rendered)
    return re.sub(r"</h[1-6]>", "</p>", rendered)
