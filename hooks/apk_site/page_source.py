"""The one type every generated page comes as, whatever engine renders it (see `pages`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Site:
    """What pages need to know about the build: the site's address, the build's date in Astana
    (the home page counts from it, citations are "accessed" on it) and whether PDFs are printed."""

    url: str
    today: dt.date
    pdf: bool


@dataclass(frozen=True)
class Generated:
    """A page to generate: its source name, its kind and what it shows (an event id, a region...)."""

    uri: str
    kind: str
    key: str = ""


# Where a template puts the page's heading when something comes before it or around it (a cover,
# a byline): the engine layer writes the heading there, as its theme expects it.
HEADING_SLOT = "<!-- apk:slot:heading -->"


@dataclass(frozen=True)
class Heading:
    """The page's title shown as its heading: where the body holds `HEADING_SLOT`, else above
    everything else. `lang` when the title is in another language than the page; `style` the site's
    classes of a block around it."""

    text: str
    lang: str = ""
    style: str = ""


@dataclass(frozen=True)
class PageSource:
    """One generated page in one language.

    `body` is Markdown; a line `<!-- apk:slot:NAME -->` (`render.slot`) stands for `slots[NAME]`,
    HTML put in once the Markdown is rendered: generated HTML never goes through a Markdown parser.
    """

    uri: str
    kind: str
    title: str
    body: str
    slots: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    heading: Heading | None = None  # None: the body holds the page's heading (an event's, with its facts)
    searchable: bool = True  # in the site's search (list pages repeat the events: they are not)
    toc: bool = True  # the page lists its headings beside it
    assets: tuple[str, ...] = ()  # the calendar's own CSS and script, which other pages do without
    citation: tuple[tuple[str, str], ...] = ()  # citation_* meta tags (the Anthology's texts)


def base_of(uri: str) -> str:
    """The relative way from the page's URL back to the language root (directory URLs)."""
    depth = uri.count("/") + (0 if uri.endswith("index.md") else 1)
    return "../" * depth
