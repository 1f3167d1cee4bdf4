"""Citations (GOST, Chicago, BibTeX, Scholar tags), reading time, and the PDF helpers: pure functions."""

# ruff: noqa: E501  # the editors' exact messages and citations stay whole, one per line, to be found by search

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from apk_site.anthology import citation, pdf, reading
from apk_site.anthology.citation import Person, Reference

ABAI = {
    "kk": Person("Абай Құнанбайұлы", "Құнанбайұлы, А."),
    "ru": Person("Абай Кунанбаев", "Кунанбаев, А."),
    "en": Person("Abai Qunanbaiuly", "Qunanbaiuly, Abai"),
}
MINISTRY = Person(
    "Министерство культуры и информации Республики Казахстан",
    "Министерство культуры и информации Республики Казахстан",
    organisation=True,
)


def reference(lang: str, **changes: object) -> Reference:
    values: dict[str, object] = {
        "key": f"words-{lang}",
        "lang": lang,
        "title": {"kk": "Қара сөздер", "ru": "Слова назидания", "en": "The Book of Words"}[lang],
        "authors": (ABAI[lang],),
        "translators": () if lang == "kk" else ("Translator One",),
        "translated_from": "" if lang == "kk" else "kk",
        "year": "1890–1898",
        "book": {"kk": "Антология", "ru": "Антология", "en": "An Anthology"}[lang],
        "place": {"kk": "Астана", "ru": "Астана", "en": "Astana"}[lang],
        "publisher": {"kk": "Баспа", "ru": "Издательство", "en": "Publisher"}[lang],
        "edition_year": 2025,
        "url": f"https://example.org/{lang}/words/",
        "accessed": dt.date(2025, 5, 1),
    }
    return Reference(**{**values, **changes})  # type: ignore[arg-type]


def test_gost_in_russian_with_a_translator():
    assert citation.plain(reference("ru")) == (
        "Кунанбаев, А. Слова назидания / Абай Кунанбаев ; перевод с казахского: Translator One. – Текст : электронный "
        "// Антология : [сайт]. – Астана : Издательство, 2025. – URL: https://example.org/ru/words/ (дата обращения: 01.05.2025)."
    )


def test_gost_in_kazakh_for_an_original():
    assert citation.plain(reference("kk")) == (
        "Құнанбайұлы, А. Қара сөздер / Абай Құнанбайұлы. – Мәтін : электрондық // Антология : [сайт]. – Астана : Баспа, 2025. "
        "– URL: https://example.org/kk/words/ (қаралған күні: 01.05.2025)."
    )


def test_gost_puts_no_heading_before_an_organisation():
    ref = reference("ru", authors=(MINISTRY,), translators=(), translated_from="", title="Итоги года")
    assert citation.plain(ref).startswith(
        "Итоги года / Министерство культуры и информации Республики Казахстан. – Текст : электронный"
    )


def test_chicago_in_english():
    two = reference("en", authors=(ABAI["en"], Person("Jane Doe", "Doe, Jane")), translators=("A", "B"))
    assert citation.plain(two) == (
        "Qunanbaiuly, Abai, and Jane Doe. “The Book of Words.” Translated from Kazakh by A and B. In An Anthology. "
        "Astana: Publisher, 2025. https://example.org/en/words/ (accessed 1 May 2025)."
    )


@pytest.mark.parametrize(
    ("code", "lang", "expected"),
    [
        ("kk", "ru", "с казахского"),
        ("de", "ru", "с немецкого"),
        ("crh", "ru", "с крымско-татарского"),
        ("ru", "kk", "орыс тілінен"),
        ("ug", "kk", "ұйғыр тілінен"),
        ("ug", "en", "from Uyghur"),
        ("crh", "kk", "Crimean Tatar тілінен"),
    ],
)
def test_the_language_a_translation_was_made_from(code, lang, expected):
    assert citation.from_language(code, lang) == expected


def test_bibtex_escapes_text_and_keeps_organisations_whole():
    ref = reference(
        "en", title="50% & more_{x}", authors=(Person("Ministry & Co", "Ministry & Co", organisation=True), ABAI["en"])
    )
    entry = citation.bibtex(ref)
    assert "  author = {{Ministry \\& Co} and Qunanbaiuly, Abai}," in entry
    assert "  title = {50\\% \\& more\\_\\{x\\}}," in entry
    assert (
        "  origdate = {1890/1898}," in entry and entry.startswith("@incollection{words-en,\n") and entry.endswith("\n}")
    )


def test_a_name_without_a_comma_stays_whole_in_bibtex():
    assert "author = {{Абай}}" in citation.bibtex(reference("kk", authors=(Person("Абай", "Абай"),)))


def test_scholar_tags_list_every_author():
    tags = citation.meta_tags(reference("en", authors=(ABAI["en"], Person("Jane Doe", "Doe, Jane"))))
    assert [value for name, value in tags if name == "citation_author"] == ["Abai Qunanbaiuly", "Jane Doe"]
    assert ("citation_publication_date", "2025") in tags and ("citation_language", "en") in tags


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Қазақстан халқы Ассамблеясы", 3),
        ("іс-шара, ҚХА — 2025 жыл.", 4),
        ("Молоко́ и хлеб", 3),  # a stress mark does not split a word
        ("[Абай](https://example.org/very-long-address) <b>жолы</b> {: .class }", 2),
        ("Don't stop", 2),
        ("— … ¶", 0),
    ],
)
def test_words_are_counted_in_any_script(text, count):
    assert reading.word_count(text) == count


def test_minutes_follow_each_languages_reading_speed():
    words = " ".join(["сөз"] * 400)
    assert (reading.minutes(words, "kk"), reading.minutes(words, "ru"), reading.minutes(words, "en")) == (3, 3, 2)
    assert reading.minutes("", "kk") == 1


def test_pdf_dates_are_pinned_without_moving_any_byte():
    data = (
        b"<< /Producer (Skia/PDF m156)\n/CreationDate (D:20261126110535+00'00')\n/ModDate (D:20261126110535+00'00')>>"
    )
    pinned = pdf.pin_dates(data, dt.datetime(2025, 5, 1, tzinfo=dt.UTC))
    assert pinned == data.replace(b"20261126110535", b"20250501000000") and len(pinned) == len(data)


def test_pdf_command_and_switches(tmp_path):
    command = pdf.command(
        "/usr/bin/chromium", tmp_path / "book" / "index.html", tmp_path / "a.pdf", tmp_path / "profile"
    )
    assert command[0] == "/usr/bin/chromium" and "--headless" in command and "--no-pdf-header-footer" in command
    assert (
        command[-1] == (tmp_path / "book" / "index.html").as_uri() and f"--print-to-pdf={tmp_path / 'a.pdf'}" in command
    )
    assert pdf.wanted({}) and not pdf.wanted({"ANTHOLOGY_PDF": "0"})
    assert pdf.chromium({"CHROMIUM": str(tmp_path / "none"), "PATH": ""}) in (None, pdf.DEFAULT_CHROMIUM)


def test_a_missing_page_is_reported_not_raised(tmp_path):
    message = pdf.print_book(
        tmp_path / "missing.html", tmp_path / "a.pdf", "/bin/false", dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    )
    assert message == f"anthology: {tmp_path / 'missing.html'} was not built, so its PDF cannot be printed"
    page = tmp_path / "page.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    failed = pdf.print_book(page, tmp_path / "a.pdf", "/bin/false", dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    assert (
        failed.startswith(f"anthology: Chromium could not print {page} (exit 1)")
        and not Path(tmp_path / "a.pdf").exists()
    )


def test_the_pdf_cache_key_follows_the_pictures_the_book_shows(tmp_path):
    """A picture replaced under the same name must print the book again, not hand out the cached PDF."""
    site, moment = tmp_path / "site", dt.datetime(2025, 5, 1, tzinfo=dt.UTC)
    page = site / "anthology" / "book" / "index.html"
    picture = site / "assets" / "uploads" / "hall 1.png"
    assets = tmp_path / "docs" / "assets"
    for path, data in [(page, b""), (picture, b"first"), (assets / "site.css", b"p {}")]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    page.write_text('<p><img alt="Hall" src="../../assets/uploads/hall%201.png" /></p>', encoding="utf-8")

    def key() -> str:
        return pdf.print_key(page, assets, moment, "/usr/bin/chromium")

    first = key()
    assert key() == first
    picture.write_bytes(b"second")
    assert key() != first
    picture.write_bytes(b"first")
    assert key() == first
    (assets / "site.css").write_bytes(b"p { margin: 0 }")
    assert key() != first
