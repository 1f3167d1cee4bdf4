"""In a real browser and on paper: the Anthology's PDF shows Kazakh letters in its own font, and the
reader layout works on a 375 px phone and side by side on a desktop."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import served
from tests.conftest import FIXTURES, Build, build_site, needs

pytestmark = pytest.mark.browser
KAZAKH_LETTERS = "ӘҒҚҢӨҰҮҺІ әғқңөұүһі"
PHONE = {"width": 375, "height": 812}


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Build:
    built = build_site(
        tmp_path_factory.mktemp("anthology-browser"),
        FIXTURES / "events_small",
        ANTHOLOGY_DIR=str(FIXTURES / "anthology_small"),
    )
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="module")
def book_url(book: Build) -> Iterator[str]:
    with served(book.site) as url:
        yield url


def run(*command: str) -> str:
    needs(command[0])
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def dark_share(pgm: Path) -> float:
    """The share of pixels darker than mid-grey in a binary PGM (P5) image."""
    data = pgm.read_bytes()
    header = data.split(maxsplit=4)
    assert header[0] == b"P5", header[:4]
    width, height, pixels = int(header[1]), int(header[2]), header[4]
    return sum(1 for value in pixels[: width * height] if value < 128) / (width * height)


def test_pdf_first_page_shows_the_kazakh_title_in_the_sites_own_font(book, tmp_path):
    pdf = book.site / "anthology" / "anthology-kk.pdf"
    run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page"))
    [png] = sorted(tmp_path.glob("page*.png"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5_000
    first_page = run("pdftotext", "-f", "1", "-l", "1", str(pdf), "-")
    assert "Тест антологиясы" in first_page and KAZAKH_LETTERS in first_page.replace("\n", " ")
    # Every font in the PDF is the embedded PT Serif: no Kazakh letter fell back to another font.
    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts and all("+PTSerif-" in line and line.split()[-5:-2] == ["yes", "yes", "yes"] for line in fonts), fonts
    # The page is not blank: the title is drawn (a few per cent of the A5 page is ink).
    run("pdftoppm", "-gray", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "gray"))
    [pgm] = sorted(tmp_path.glob("gray*.pgm"))
    assert 0.002 < dark_share(pgm) < 0.2


def no_horizontal_scroll(page) -> bool:
    return bool(page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize(
    "path",
    [
        "/anthology/",
        "/anthology/voices/fx-poem/",
        "/ru/anthology/documents/fx-report/",
        "/en/anthology/book/",
        "/anthology/authors/fx-poet/",
        "/en/anthology/years/",
    ],
)
def test_reader_layout_fits_a_375px_phone(browser, book_url, path):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(book_url + path)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    assert no_horizontal_scroll(page), path
    family = page.locator(".apk-book").first.evaluate("node => getComputedStyle(node).fontFamily")
    assert family.startswith('"PT Serif"')
    assert page.evaluate("document.fonts.check('16px \"PT Serif\"', 'әғқңөұүһі')")
    size = float(page.locator(".apk-book").first.evaluate("node => parseFloat(getComputedStyle(node).fontSize)"))
    assert size >= 15.5, size  # readable without zooming
    hosts = {urlsplit(url).netloc for url in requested if not url.startswith("data:")}
    assert hosts == {urlsplit(book_url).netloc}
    context.close()


def test_text_page_on_a_phone_stacks_the_original_and_the_pager(browser, book_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(book_url + "/en/anthology/voices/fx-poem/")
    page.locator("details.apk-book-original > summary").click()
    text, original = (
        page.locator(".apk-book-text").bounding_box(),
        page.locator("details.apk-book-original").bounding_box(),
    )
    assert original["y"] >= text["y"] + text["height"] - 1  # below the translation, not squeezed beside it
    assert original["x"] + original["width"] <= 375 and no_horizontal_scroll(page)
    prev, nxt = page.locator("a[rel=prev]").bounding_box(), page.locator("a[rel=next]").bounding_box()
    assert nxt["y"] > prev["y"]  # one link a line
    assert page.locator("#cite-bibtex").bounding_box()["width"] <= 375
    context.close()


def test_desktop_opens_the_original_beside_the_translation_at_a_comfortable_measure(browser, book_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(book_url + "/en/anthology/voices/fx-poem/")
    page.evaluate("document.fonts.ready")
    text = page.locator(".apk-book-text")
    size = float(text.evaluate("node => parseFloat(getComputedStyle(node).fontSize)"))
    assert text.bounding_box()["width"] / size <= 37  # at most about 75 characters a line
    page.locator("details.apk-book-original > summary").click()
    left, right = text.bounding_box(), page.locator("details.apk-book-original").bounding_box()
    assert right["x"] >= left["x"] + left["width"] and abs(right["y"] - left["y"]) < 80
    assert page.locator("details.apk-book-original").get_attribute("lang") == "uk"
    assert "Степ широкий" in page.locator("details.apk-book-original").inner_text()
    context.close()


def test_printing_a_text_page_hides_the_site_around_it(browser, book_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(book_url + "/anthology/documents/fx-statute/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".apk-book-pager", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("#cite-plain").is_visible()
    context.close()
