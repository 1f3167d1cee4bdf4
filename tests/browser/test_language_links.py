"""A link in the text into another language lands on that exact page, not on that language's home page.

Material's script takes over clicks on links into an "alternate" site when the page has
<link rel="alternate" hreflang> tags: it looks the page up in the alternate's sitemap.xml and, failing
that, goes to the alternate's home page. This site lists hreflang in its sitemap only
(overrides/main.html), so the links work as written; the last test shows what the tags would do.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PREFIX = {"kk": "/", "ru": "/ru/", "en": "/en/"}


def click_language_link(page, url: str, source: str, target: str) -> list[str]:
    """Open the About page in `source`, click its link to the About page in `target`; the requests made."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{url}{PREFIX[source]}about/")
    page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.locator(f'article a[hreflang="{target}"]').click()
    page.wait_for_load_state("networkidle")
    return requested


@pytest.mark.parametrize(
    ("source", "target"), [("kk", "ru"), ("kk", "en"), ("ru", "kk"), ("ru", "en"), ("en", "kk"), ("en", "ru")]
)
def test_link_into_another_language_lands_on_that_page(page, real_url, source, target):
    requested = click_language_link(page, real_url, source, target)
    assert page.url == f"{real_url}{PREFIX[target]}about/"
    assert page.locator("html").get_attribute("lang") == target
    assert page.locator('link[rel="alternate"][hreflang]').count() == 0
    assert not [url for url in requested if url.endswith("sitemap.xml")]


def test_with_alternate_links_material_would_send_the_reader_home(page, real_url):
    """The control: the same click, with the <link rel="alternate"> tags Material emits by default."""

    def with_alternates(route):
        # Only the other languages': an alternate at the site root would match every link of the site first.
        html = route.fetch().text()
        tags = "".join(
            f'<link rel="alternate" href="{real_url}{PREFIX[code]}" hreflang="{code}">' for code in ("ru", "en")
        )
        route.fulfill(body=html.replace("</head>", tags + "</head>", 1), content_type="text/html; charset=utf-8")

    page.route(f"{real_url}/about/", with_alternates)
    requested = click_language_link(page, real_url, "kk", "ru")
    assert [url for url in requested if url.endswith("sitemap.xml")]
    assert page.url != f"{real_url}/ru/about/"
    assert page.url.rstrip("/") == f"{real_url}/ru"
