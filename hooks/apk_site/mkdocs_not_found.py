"""The 404 page of each language: /404.html (kk), /ru/404.html, /en/404.html.

MkDocs renders the theme's 404.html into the site root in every language build, so the language built
last would win. Each language's page is kept as it is rendered and all are written once every language
is built. They wait in the run's state (`mkdocs_state`).
"""

from __future__ import annotations

from pathlib import Path

from . import DEFAULT_LANGUAGE
from . import mkdocs_state as state

TEMPLATE = "404.html"


def keep(template_name: str, output: str, lang: str) -> None:
    if template_name == TEMPLATE:
        state.run().not_found[lang] = output


def write_pages(site_dir: Path) -> None:
    """Write the kept pages, each under its language's root, and forget them."""
    rendered = state.run().not_found
    for lang, output in sorted(rendered.items()):
        target = site_dir / ("" if lang == DEFAULT_LANGUAGE else lang) / TEMPLATE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(output.encode("utf-8"))
    rendered.clear()
