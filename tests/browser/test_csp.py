"""The site works under the Content-Security-Policy that dev/DEPLOY.md documents (section
"Content-Security-Policy"): the policy is read from there and sent as a header, by Python's local server
and by nginx with the shipped deploy/nginx.conf, and the pages are opened in chromium. Nothing may be blocked, and search and the calendar filters work.

Every page is also read as text: no inline script that runs, no inline style, no event-handler
attribute, so the policy holds for the pages the browser does not open here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.browser.conftest import PREFIX, first_page, open_search, served
from tests.conftest import documented_policy
from tests.nginx_server import nginx_served

pytestmark = pytest.mark.browser

DATA_SCRIPTS = {"application/json", "application/ld+json"}  # data, which CSP neither runs nor blocks
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile}:${e.lineNumber}`);
});
"""


POLICY = documented_policy()


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


@pytest.fixture(scope="module", params=["http.server", "nginx"])
def csp_url(request, real_site) -> Iterator[str]:
    """The real site, each response with the documented policy as its Content-Security-Policy header:
    added by Python's server, or sent by nginx from deploy/nginx.conf."""
    if request.param == "nginx":
        with nginx_served(real_site.site) as url:
            yield url
    else:
        with served(real_site.site, headers={"Content-Security-Policy": POLICY}) as url:
            yield url


@pytest.fixture
def guarded(browser) -> Iterator[tuple[object, list[str]]]:
    """A page that records CSP violations (in window.__violations) and console errors."""
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, errors
    context.close()


def violations(page) -> list[str]:
    return page.evaluate("() => window.__violations")


def test_documented_policy_allows_no_inline_script_or_style_and_no_other_host():
    policy = directives(POLICY)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    for sources in policy.values():
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:"} & set(sources), sources


def _inline_problems(path: Path, site: Path) -> list[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    where = path.relative_to(site).as_posix()
    problems = [
        f"{where}: inline script"
        for s in soup.find_all("script")
        if not s.get("src") and s.get("type") not in DATA_SCRIPTS
    ]
    problems += [f"{where}: <style> element" for _ in soup.find_all("style")]
    for element in soup.find_all(True):
        problems += [
            f"{where}: {element.name}[{name}]" for name in element.attrs if name == "style" or name.startswith("on")
        ]
        problems += [
            f"{where}: javascript: URL"
            for name in ("href", "src")
            if str(element.get(name, "")).startswith("javascript:")
        ]
    return problems


@pytest.mark.parametrize("build", ["fixture_site", "real_site"])
def test_no_page_has_inline_script_style_or_handlers(request, build):
    site = request.getfixturevalue(build).site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    problems = [problem for page in pages for problem in _inline_problems(page, site)]
    # Markdown tables write column alignment as style="text-align: ..." unless mkdocs.yml sets
    # `tables: {use_align_attribute: true}`, which writes align="..." instead.
    assert problems == [], problems[:20]


@pytest.mark.parametrize("lang", sorted(PREFIX))
def test_pages_run_under_the_policy(guarded, real_site, csp_url, lang):
    page, errors = guarded
    site = real_site.site
    addresses = [
        "",
        "calendar/",
        first_page(site, "calendar/[0-9][0-9][0-9][0-9]-[0-9][0-9]"),
        "calendar/year/",
        "regions/",
        first_page(site, "events/*"),
        first_page(site, "anthology/heritage/*"),
        "anthology/book/",
        "about/",
        "translations/",
        "404.html",
    ]
    for address in addresses:
        response = page.goto(f"{csp_url}/{PREFIX[lang]}{address}")
        assert response.headers["content-security-policy"] == POLICY
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], address
    assert errors == []
    # Material's bundle ran: it marks the page and fills the search dialog's status line.
    assert "js" in (page.locator("html").get_attribute("class") or "").split()


def test_calendar_filters_work_under_the_policy(guarded, csp_url):
    page, errors = guarded
    page.goto(f"{csp_url}/en/calendar/")
    rows = page.locator(".apk-event")
    regions = [rows.nth(i).get_attribute("data-region") for i in range(rows.count())]
    wanted = sorted(set(regions))[0]
    page.locator("details.apk-filters > summary").click()  # the filters fold into one "Filter" disclosure
    assert page.locator("form[data-apk-filter]").is_visible()  # the script un-hid the filters
    page.locator("select[name=region]").select_option(wanted)
    shown = [rows.nth(i).get_attribute("data-region") for i in range(rows.count()) if rows.nth(i).is_visible()]
    assert shown == [region for region in regions if region == wanted]
    assert parse_qs(urlsplit(page.url).query) == {"region": [wanted]}
    assert violations(page) == [] and errors == []


@pytest.mark.parametrize(
    ("lang", "words", "expected"), [("kk", "Тәуелсіздік", "xxxiv-session"), ("en", "half-marathon", "unity-run")]
)
def test_search_works_under_the_policy(guarded, csp_url, lang, words, expected):
    page, errors = guarded
    open_search(page, f"{csp_url}/{PREFIX[lang]}", lang, words)
    page.locator(f'.md-search-result__list a[href*="{expected}"]').first.wait_for(timeout=10000)
    assert violations(page) == [] and errors == []


def test_an_inline_script_would_be_blocked_and_reported(guarded, csp_url):
    """The check can fail: Material's stock inline head script, put back, is blocked and recorded."""
    page, errors = guarded
    stock = '<script>__md_scope=new URL(".",location)</script>'

    def with_inline_script(route):
        html = route.fetch().text()
        route.fulfill(response=route.fetch(), body=html.replace("</head>", stock + "</head>", 1))

    page.route(f"{csp_url}/", with_inline_script)
    page.goto(f"{csp_url}/")
    page.wait_for_load_state("networkidle")
    assert any(v.startswith("script-src-elem blocked inline") for v in violations(page)), violations(page)
    assert any("Content Security Policy" in error for error in errors)
