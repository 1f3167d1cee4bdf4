"""How a `PageSource` (see `pages`) is handed to MkDocs and Material: Material's conventions live here.

- Front matter: `search: {exclude: true}` keeps a page out of Material's search index, `hide: [toc]`
  hides its contents list, `description` feeds the meta tags; `calendar_styles`, `calendar_script`
  and `citation` are read by the site's own `overrides/main.html`.
- The heading: Material writes the page title as an `<h1>` of its own over content that has none,
  so the page's heading is given as `<h1 id="page-title">`, escaped, in front of the content.
"""

from __future__ import annotations

import json

from markupsafe import escape

from .page_source import HEADING_SLOT, Heading, PageSource
from .pages import CALENDAR_SCRIPT, CALENDAR_STYLES
from .render import SLOT_OPENING

ASSET_KEYS = {CALENDAR_STYLES: "calendar_styles", CALENDAR_SCRIPT: "calendar_script"}
HEADING_NAME = HEADING_SLOT.removeprefix(SLOT_OPENING).removesuffix(" -->")


def front_matter(source: PageSource) -> dict[str, object]:
    meta: dict[str, object] = {"title": source.title}
    if source.description:
        meta["description"] = source.description
    if not source.searchable:
        meta["search"] = {"exclude": True}
    if not source.toc:
        meta["hide"] = ["toc"]
    meta.update({ASSET_KEYS[asset]: True for asset in source.assets})
    if source.citation:
        meta["citation"] = [list(tag) for tag in source.citation]
    return meta


def body_and_slots(source: PageSource) -> tuple[str, dict[str, str]]:
    """The Markdown and its slots, with the heading: where the body keeps a place for it, else in
    front, in the first slot when the body opens with one (HTML stays out of the Markdown parser),
    else at the top of the Markdown."""
    slots = dict(source.slots)
    if source.heading is None:
        return source.body, slots
    html = heading_html(source.heading)
    if HEADING_SLOT in source.body:
        slots[HEADING_NAME] = html.removesuffix("\n")
        return source.body, slots
    first = source.body.lstrip("\n")
    if first.startswith(SLOT_OPENING):
        name = first[len(SLOT_OPENING) : first.index(" -->")]
        slots[name] = html + slots[name]
        return source.body, slots
    return html + source.body, slots


def heading_html(heading: Heading) -> str:
    lang = f' lang="{escape(heading.lang)}"' if heading.lang else ""
    h1 = f'<h1 id="page-title"{lang}>{escape(heading.text)}</h1>\n'
    return f'<div class="{escape(heading.style)}">\n{h1}</div>\n\n' if heading.style else h1


def markdown(source: PageSource) -> tuple[str, dict[str, str]]:
    """The page file MkDocs reads (front matter, then Markdown), and the slots for `render.fill_slots`."""
    body, slots = body_and_slots(source)
    return _front_matter(front_matter(source)) + body, slots


def _front_matter(values: dict[str, object]) -> str:
    # JSON is YAML: every title survives as text, and json.dumps is far quicker than yaml.safe_dump
    # for the 1,000+ generated pages of a build.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}" for key, value in sorted(values.items())]
    return "---\n" + "\n".join(lines) + "\n---\n"
