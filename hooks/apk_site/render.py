"""Turn view models into the Markdown and HTML that MkDocs renders, with one Jinja environment.

Autoescaping is on and undefined names fail loudly: everything that comes from front matter is
text, never markup. Only the event body is Markdown, and it is the editor's own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from html import unescape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import l10n, views
from .home import SHOWN, HomeView
from .shell import PLACEHOLDERS
from .views import CalendarView, EventPage, EventRow

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment(folder: Path = TEMPLATES) -> Environment:
    """The one way templates are set up, for the calendar's templates and the Anthology's."""
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["row_html"] = row_html
    return env


@lru_cache(maxsize=65536)
def row_html(row: EventRow, lang: str, dated: bool = True) -> Markup:
    """One line of an event list, rendered once: the same row is on the calendar list and on its
    month, region, category and organizer pages, and beside related events (same page depth).
    Under a day's heading (`dated=False`) a row leaves out the day's date, unless it spans days."""
    html = environment().get_template("_event_row.html").render(row=row, lang=lang, dated=dated)
    return Markup(html.removesuffix("\n"))


def _front_matter(values: dict[str, object]) -> str:
    # JSON is YAML: every title survives as text, and json.dumps is far quicker than yaml.safe_dump
    # for the 1,000+ generated pages of a build.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}" for key, value in sorted(values.items())]
    return "---\n" + "\n".join(lines) + "\n---\n"


def labels(lang: str) -> dict[str, str]:
    """The UI words the calendar templates need, in one language."""
    keys = ("legend", "region", "category", "organizer", "month", "text", "any", "reset", "shown")
    keys += ("summary", "today_short", "active", "remove", "browse")
    found = {key: l10n.t(f"filter.{key}", lang) for key in keys}
    return {
        **found,
        "today": l10n.t("jump_today", lang),
        "grid": l10n.t("month_grid", lang),
        "list": l10n.t("back_to_list", lang),
        "year": l10n.t("year_overview", lang),
        "tba": l10n.t("date_tba_heading", lang),
    }


def calendar_html(view: CalendarView) -> str:
    return environment().get_template("calendar_list.html").render(view=view, labels=labels(view.lang))


@dataclass(frozen=True)
class Source:
    """A page's front matter and Markdown, plus the HTML to put in its slots once Markdown has been
    rendered: generated HTML never goes through Python-Markdown's (slow) raw-HTML parser."""

    meta: dict[str, object]
    body: str
    slots: dict[str, str] = field(default_factory=dict)

    @property
    def markdown(self) -> str:
        return _front_matter(self.meta) + self.body


def slot(name: str) -> str:
    return f"\n\n<!-- apk:slot:{name} -->\n\n"


def fill_slots(html: str, slots: dict[str, str]) -> str:
    for name, content in slots.items():
        html = html.replace(f"<!-- apk:slot:{name} -->", content, 1)
    return html


def _list_meta(title: str, description: str, calendar_script: bool) -> dict[str, object]:
    # Every generated list page is a calendar view: overrides/main.html links calendar.css for it.
    meta: dict[str, object] = {"title": title, "search": {"exclude": True}, "calendar_styles": True}
    if description:
        meta["description"] = description
    if calendar_script:
        meta["calendar_script"] = True  # overrides/main.html loads calendar.js for it
    return meta


def page_markdown(title: str, html: str, description: str = "", *, calendar_script: bool = False) -> Source:
    """A generated list page: escaped <h1> (so Material adds none of its own) and a block of HTML.
    List pages repeat what the event pages say, so they stay out of the search index."""
    meta = _list_meta(title, description, calendar_script)
    heading = f'<h1 id="page-title">{escape(title)}</h1>\n'
    return Source(meta, slot("page"), {"page": heading + html})


def markdown_page(title: str, markdown: str) -> str:
    """A generated page written in Markdown (tables, lists), kept out of search like the other lists."""
    return _front_matter({"title": title, "search": {"exclude": True}}) + f"# {markdown_heading(title)}\n\n" + markdown


def markdown_heading(text: str) -> str:
    return str(escape(text)).replace("#", "&#35;")


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)


def event_meta(title: str, description: str) -> dict[str, object]:
    """Every event page has the same front matter but for its title and description (see `shell`).
    Its table of contents is hidden: it only serves the "skip to content" link (see the adapter)."""
    return {"title": title, "description": description, "search": {"exclude": True}, "hide": ["toc"]}


def prototype(frame: str) -> Source:
    """The prototype page of a frame (see `shell`): placeholders where each page's values go."""
    title, description, content = (PLACEHOLDERS[name] for name in ("title", "description", "content"))
    meta = event_meta(title, description) if frame == "event" else _list_meta(title, description, True)
    return Source(meta, slot("page"), {"page": content})


def event_markdown(view: EventPage, json_ld: str) -> Source:
    """The editor's Markdown body between two slots of generated HTML. Search entries for events are
    written from the events themselves (`search_index.event_docs`), so the page is not parsed for them."""
    meta = event_meta(view.title.value, view.description)
    head = render("event_head.html", view=view)
    tail = render("event_tail.html", view=view, json_ld=json_ld)
    body = view.body.value if view.body else ""
    return Source(meta, slot("head") + body + slot("tail"), {"head": head, "tail": tail})


def home_html(view: HomeView, region_map: str) -> str:
    """The home page's generated part (see `home`)."""
    return render("home.html", view=view, region_map=Markup(region_map), shown=SHOWN)


# A link whose text is its own web address, as Python-Markdown writes "<https://...>" and bare links.
_BARE_LINK = re.compile(r'<a href="(https?://[^"]+)">\1</a>')


def host_link_texts(html: str) -> str:
    """Links that show their web address show the host name instead ("example.org"): an address is
    hard to read aloud and overflows a phone's screen (issue 13)."""
    return _BARE_LINK.sub(lambda m: f'<a href="{m[1]}">{escape(views.host_name(unescape(m[1])))}</a>', html)
