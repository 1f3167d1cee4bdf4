"""The shipped Anthology (docs/anthology) on the real site: honest labels, correct names, real links."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
SAMPLES = ["documents/law-on-the-assembly", "heritage/abai-book-of-words", "voices/sample-poem", "voices/sample-memoir"]
SOURCE = "https://www.gov.kz/memleket/entities/akimvko/press/news/details/948497"


def article(build, url: str) -> BeautifulSoup:
    node = BeautifulSoup(build.page(url), "html.parser").select_one("article")
    assert node is not None, url
    return node


@pytest.mark.parametrize("lang", PREFIX)
def test_samples_and_placeholders_say_so_and_the_press_release_does_not(real_site, lang):
    notice = {
        "kk": "Үлгі мәтін, Антологияның бөлігі емес",
        "ru": "Образец текста, не входит в Антологию",
        "en": "Sample text, not part of the Anthology",
    }[lang]
    for path in SAMPLES:
        page = article(real_site, f"{PREFIX[lang]}anthology/{path}/")
        assert page.select_one(".apk-notice--sample").get_text().startswith(notice), path
        head = BeautifulSoup(real_site.page(f"{PREFIX[lang]}anthology/{path}/"), "html.parser").head
        assert head.select("meta[name^=citation_]") == [], path
    release = article(real_site, f"{PREFIX[lang]}anthology/documents/press-release-2024-results/")
    assert release.select_one(".apk-notice--sample") is None
    assert release.select_one(f"dl.apk-book-facts a[href='{SOURCE}']") is not None
    rendering = {
        "kk": "сайт редакциясы жазған баяндалуы",
        "ru": "изложение пресс-релиза",
        "en": "the site editors' rendering",
    }[lang]
    assert rendering in release.select_one(".apk-book-text").get_text()


@pytest.mark.parametrize("lang", PREFIX)
def test_the_assembly_is_never_called_anc_or_national_assembly(real_site, lang):
    root = real_site.site / PREFIX[lang] / "anthology"
    for path in sorted(root.glob("**/index.html")):
        text = " ".join(
            BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article").get_text(" ").split()
        )
        # The English rendering explains, once, what the machine translation got wrong.
        text = text.replace('calls the Assembly "ANC" and "National Assembly"', "")
        assert not re.search(r"\bANC\b|National Assembly", text), path


def test_abai_is_a_placeholder_that_quotes_nothing(real_site):
    page = article(real_site, "anthology/heritage/abai-book-of-words/")
    body = page.select_one(".apk-book-text").get_text()
    assert "Абайдың сөздері келтірілмеген" in body
    assert [a.get_text() for a in page.select("dl.apk-book-facts dd a[href$='/authors/abai-qunanbaiuly/']")] == [
        "Абай Құнанбайұлы"
    ]


def test_the_sample_poem_shows_its_german_original(real_site):
    page = article(real_site, "en/anthology/voices/sample-poem/")
    original = page.select_one("details.apk-book-original")
    assert original["lang"] == "de" and "Der Morgenwind geht durch das Gras" in original.get_text()


def test_the_press_release_links_its_events_in_the_calendar(real_site):
    page = article(real_site, "ru/anthology/documents/press-release-2024-results/")
    links = [a["href"] for a in page.select("dl.apk-book-facts a[href*='/events/']")]
    assert links == [
        "../../../events/2024-03-01-day-of-gratitude-teleconference/",
        "../../../events/2024-04-25-xxxiii-session/",
        "../../../events/2024-04-28-unity-run/",
        "../../../events/2025-04-24-xxxiv-session/",
    ]


@pytest.mark.parametrize("lang", PREFIX)
def test_each_language_has_its_pdf_and_fonts_are_served_with_their_licence(real_site, lang):
    assert (real_site.site / PREFIX[lang] / "anthology" / f"anthology-{lang}.pdf").stat().st_size > 50_000
    fonts = real_site.site / "assets" / "fonts"
    assert len(list(fonts.glob("pt-serif-*.woff2"))) == 16 and (fonts / "OFL.txt").is_file()
    css = (real_site.site / "assets" / "anthology.css").read_text(encoding="utf-8")
    assert "url(fonts/pt-serif-cyrillic-ext-400-normal.woff2)" in css and "//" not in re.sub(
        r"/\*.*?\*/", "", css, flags=re.S
    )
