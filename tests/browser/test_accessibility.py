"""axe-core in Debian chromium: no serious or critical WCAG 2.1 A/AA violation on the pages readers use
most, in kk, ru and en, at desktop and phone widths, nor in the open search dialog.

axe-core is pinned in tests/browser/package.json and package-lock.json and installed with `npm ci` the
first time it is needed; the pages get it as an inline script from Playwright, never from the network.
"""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.browser.conftest import PREFIX, first_page, open_search

pytestmark = pytest.mark.browser

TOOLS = Path(__file__).resolve().parent
AXE = TOOLS / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 800}}
# WCAG 2.0 and 2.1, levels A and AA; the dialog's name is a best-practice rule, so it is asked for by name.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "rules": {"aria-dialog-name": {"enabled": True}},
}
BLOCKING = ("serious", "critical")
# A word found in each language's search index (see tests/browser/test_search.py).
SEARCH_WORDS = {"kk": "Тәуелсіздік", "ru": "телемост", "en": "half-marathon"}


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe.min.js, installed from the lock file on first use (one installer at a time under xdist)."""
    with open(Path(tempfile.gettempdir()) / "apk30-axe-core.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not AXE.is_file():
            if shutil.which("npm") is None:
                pytest.fail("npm is missing: install Debian's nodejs and npm packages (.ci/run does)")
            command = ["npm", "ci", "--prefix", str(TOOLS), "--no-audit", "--no-fund"]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            assert done.returncode == 0, done.stdout + done.stderr
    return AXE.read_text(encoding="utf-8")


def anthology_text(site: Path) -> str:
    """An Anthology text: a page that carries Google Scholar's citation tags."""
    for page in sorted(site.glob("anthology/*/*/index.html")):
        if 'name="citation_title"' in page.read_text(encoding="utf-8"):
            return page.parent.relative_to(site).as_posix() + "/"
    raise AssertionError(f"no Anthology text in {site}")


# Colours are measured as painted: a fade still running (Material's search output fades in over
# 0.4 s) would make text paler than it ends up, so axe waits until no CSS transition runs.
TRANSITIONS_DONE = "() => !document.getAnimations().some(a => a instanceof CSSTransition && a.playState === 'running')"


def run_axe(page, axe_source: str) -> dict:
    page.wait_for_function(TRANSITIONS_DONE, timeout=10000)
    page.add_script_tag(content=axe_source)
    return page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)


def blocking(results: dict) -> list[str]:
    """One line per serious or critical violation, naming the rule and the first elements."""
    return [
        f"{v['impact']} {v['id']}: {v['help']} -> " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        for v in results["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("lang", sorted(PREFIX))
@pytest.mark.parametrize("kind", ["home", "event", "anthology text"])
def test_real_site_pages_have_no_serious_violations(page, real_site, real_url, axe_source, kind, lang, viewport):
    site = real_site.site
    paths = {"home": "", "event": first_page(site, "events/*"), "anthology text": anthology_text(site)}
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(f"{real_url}/{PREFIX[lang]}{paths[kind]}")
    assert page.locator("html").get_attribute("lang") == lang
    assert blocking(run_axe(page, axe_source)) == []


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("lang", sorted(PREFIX))
@pytest.mark.parametrize("kind", ["calendar list", "month grid", "region overview", "home", "event"])
def test_calendar_pages_have_no_serious_violations(page, sample_build, sample_url, axe_source, kind, lang, viewport):
    site = sample_build[1].site
    month = first_page(site, "calendar/[0-9][0-9][0-9][0-9]-[0-9][0-9]")
    paths = {"calendar list": "calendar/", "month grid": month, "region overview": "regions/"}
    # The home page's cards, chips and badges, and an event's summary and buttons (issue 13).
    paths |= {"home": "", "event": first_page(site, "events/*")}
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(f"{sample_url}/{PREFIX[lang]}{paths[kind]}")
    assert page.locator("html").get_attribute("lang") == lang
    assert blocking(run_axe(page, axe_source)) == []


def search_with_results(page, url: str, lang: str) -> None:
    """Open the search dialog like a reader, on a desktop, and wait for results (Material searches on key-up)."""
    page.set_viewport_size(VIEWPORTS["desktop"])
    open_search(page, url, lang, SEARCH_WORDS[lang])
    page.locator(".md-search-result__list li").first.wait_for(timeout=10000)


@pytest.mark.parametrize("lang", sorted(PREFIX))
def test_open_search_dialog_has_a_name_and_no_serious_violations(page, real_url, axe_source, lang):
    search_with_results(page, f"{real_url}/{PREFIX[lang]}", lang)
    results = run_axe(page, axe_source)
    assert blocking(results) == []
    assert "aria-dialog-name" in {rule["id"] for rule in results["passes"]}
    label = page.locator(".md-search[role=dialog]").get_attribute("aria-label")
    assert label == {"kk": "Іздеу", "ru": "Поиск", "en": "Search"}[lang]


def test_axe_reports_what_these_tests_guard_against(page, real_url, axe_source):
    """The harness can fail: a nameless dialog, an image without text and pale text are reported."""
    search_with_results(page, f"{real_url}/en/", "en")
    page.evaluate(
        """() => {
            document.querySelector('.md-search[role=dialog]').removeAttribute('aria-label');
            const article = document.querySelector('article');
            article.insertAdjacentHTML('afterbegin',
                '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">' +
                '<p style="color:#bbb;background:#fff">pale text</p>');
        }"""
    )
    found = {line.split(":")[0].split()[1] for line in blocking(run_axe(page, axe_source))}
    assert {"aria-dialog-name", "image-alt", "color-contrast"} <= found
