"""sitemap.xml (apk_site.sitemap): every page in every language, with its translations and x-default."""

from __future__ import annotations

import datetime as dt
import gzip
import xml.etree.ElementTree as ET

from apk_site import sitemap


def test_the_sitemap_names_every_language_and_x_default_for_each_path():
    moment = dt.datetime(2025, 4, 24, 5, 0, tzinfo=dt.UTC)
    data = sitemap.sitemap(["events/b/", "", "events/b/", "about/"], "https://x.org/", moment)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.fromstring(data).findall("s:url", ns)
    assert [u.find("s:loc", ns).text for u in urls][:3] == [
        "https://x.org/",
        "https://x.org/about/",
        "https://x.org/events/b/",
    ]
    assert len(urls) == 9
    links = {link.get("hreflang"): link.get("href") for link in urls[4].findall("x:link", ns)}
    assert links == {
        "kk": "https://x.org/about/",
        "ru": "https://x.org/ru/about/",
        "en": "https://x.org/en/about/",
        "x-default": "https://x.org/about/",
    }
    assert {u.find("s:lastmod", ns).text for u in urls} == {"2025-04-24"}
    assert gzip.decompress(sitemap.gzipped(data, moment)) == data
    assert sitemap.gzipped(data, moment) == sitemap.gzipped(data, moment)
