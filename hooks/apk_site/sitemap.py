"""sitemap.xml: every page in every language, each naming all its translations and x-default.

Every page exists in the three languages at the same path under each language's root (missing
translations fall back to Kazakh), so the sitemap is written from the Kazakh paths alone. It is
written once, after every language is built, instead of by the theme in each language's build:
that rendered 1,500 entries three times, and builds that run side by side would overwrite each other.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
from collections.abc import Iterable
from html import escape

from . import DEFAULT_LANGUAGE, LANGUAGES

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def sitemap(paths: Iterable[str], site_url: str, moment: dt.datetime) -> bytes:
    """`paths` are the Kazakh pages' URLs relative to the site root ('', 'about/', 'events/x/')."""
    day = moment.date().isoformat()
    ordered = sorted(set(paths))
    parts = [HEAD]
    for lang in LANGUAGES:
        for path in ordered:
            addresses = {other: escape(f"{site_url}{prefix(other)}{path}") for other in LANGUAGES}
            parts.append(f"    <url>\n        <loc>{addresses[lang]}</loc>\n")
            parts.append(f"        <lastmod>{day}</lastmod>\n        <changefreq>daily</changefreq>\n")
            for other, address in (*addresses.items(), ("x-default", addresses[DEFAULT_LANGUAGE])):
                parts.append(f'        <xhtml:link rel="alternate" hreflang="{other}" href="{address}"/>\n')
            parts.append("    </url>\n")
    parts.append("</urlset>\n")
    return "".join(parts).encode("utf-8")


def gzipped(data: bytes, moment: dt.datetime) -> bytes:
    """sitemap.xml.gz, stamped with the build moment rather than the clock."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename="sitemap.xml", mode="wb", mtime=int(moment.timestamp())) as stream:
        stream.write(data)
    return buffer.getvalue()
