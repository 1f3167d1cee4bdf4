"""One search index per language, holding only that language's pages.

Material's search plugin writes one index per build and mkdocs-static-i18n merges the three into
one mixed index at the site root. Each language gets its own instead: `/search/search_index.json`
(kk), `/ru/search/...` and `/en/search/...`, with locations relative to the language root, which is
what the pages' search `base` points to (overrides/main.html).
"""

from __future__ import annotations

import html
import json
from typing import Any

from . import DEFAULT_LANGUAGE, LANGUAGES, feed, l10n
from .model import Event
from .reference import reference

# Lunr has no Kazakh. Each index names the site's own lunr "language" (search_fold.py): the stop
# words it had before (Russian for kk and ru, English for en), and every word also indexed as typed
# on a Russian layout, in Latin letters and under its other names (tests/browser/test_search.py).
LUNR_LANGUAGES = {"kk": ["apk-kk"], "ru": ["apk-ru"], "en": ["apk-en"]}


def _language_of(location: str) -> str:
    head = location.split("/", 1)[0]
    return head if head in LANGUAGES and head != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def event_docs(events: tuple[Event, ...], lang: str) -> list[dict[str, str]]:
    """Search entries for event pages, written from the events themselves: what a reader searches
    for (title, place, region, category, dates, text) without parsing 1,000+ pages of HTML.
    Values are escaped because Material shows them as HTML."""
    docs = []
    ref = reference()
    for event in sorted(events, key=lambda e: e.sort_key):
        parts = [l10n.when_text(event.when, lang)]
        parts += [text.value for name in ("summary", "venue", "address") if (text := event.text(name, lang))]
        parts += [ref.regions[event.region].name(lang), ref.categories[event.category].name(lang)]
        body = event.text("body", lang)
        if body:
            parts.append(feed.plain_text(body.value, ""))
        docs.append(
            {
                "location": f"events/{event.id}/",
                "title": html.escape(event.title(lang).value, quote=False),
                "text": html.escape(" ".join(" ".join(parts).split()), quote=False),
            }
        )
    return docs


def split(index: dict[str, Any], lang: str) -> dict[str, Any]:
    """The entries of `lang` from an index of one or more languages, relative to its root."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    docs = [
        {**doc, "location": doc["location"][len(prefix) :]}
        for doc in index["docs"]
        if _language_of(doc["location"]) == lang
    ]
    config = {**index["config"], "lang": LUNR_LANGUAGES[lang]}
    return {"config": config, "docs": docs}


def dumps(index: dict[str, Any]) -> bytes:
    # Plain UTF-8, not \\u escapes: a Cyrillic index is about a third smaller that way.
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
