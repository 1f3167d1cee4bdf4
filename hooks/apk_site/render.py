"""Turn view models into the Markdown and HTML of generated pages, with one Jinja environment.

Autoescaping is on and undefined names fail loudly: everything that comes from front matter is
text, never markup. Only the event body is Markdown, and it is the editor's own.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from html import unescape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import l10n, views
from .home import SHOWN, HomeView
from .views import CalendarView, EventRow

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


SLOT_OPENING = "<!-- apk:slot:"


def slot(name: str) -> str:
    """Where generated HTML goes in a page's Markdown (see `page_source.PageSource`)."""
    return f"\n\n{SLOT_OPENING}{name} -->\n\n"


def fill_slots(html: str, slots: dict[str, str]) -> str:
    for name, content in slots.items():
        html = html.replace(f"<!-- apk:slot:{name} -->", content, 1)
    return html


def markdown_heading(text: str) -> str:
    return str(escape(text)).replace("#", "&#35;")


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)


def home_html(view: HomeView, region_map: str) -> str:
    """The home page's generated part (see `home`)."""
    return render("home.html", view=view, region_map=Markup(region_map), shown=SHOWN)


# A link whose text is its own web address, as Python-Markdown writes "<https://...>" and bare links.
_BARE_LINK = re.compile(r'<a href="(https?://[^"]+)">\1</a>')


def host_link_texts(html: str) -> str:
    """Links that show their web address show the host name instead ("example.org"): an address is
    hard to read aloud and overflows a phone's screen (issue 13)."""
    return _BARE_LINK.sub(lambda m: f'<a href="{m[1]}">{escape(views.host_name(unescape(m[1])))}</a>', html)
