"""End-to-end: the real mkdocs.yml builds the fixture Anthology (tests/fixtures/anthology_small) with
the fixture calendar, in three languages; a broken Anthology fails the build once, with every message."""

# ruff: noqa: E501  # the editors' exact messages and citations stay whole, one per line, to be found by search

from __future__ import annotations

import re
import struct
import subprocess

import pytest
from apk_site.anthology import citation
from bs4 import BeautifulSoup

from tests.conftest import FIXTURES, Build, build_site, needs

PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
LANGS = list(PREFIX)
# The fixture's reading order (see its README): front matter, parts by book.yml, back matter.
ORDER = [
    "front/fx-preface",
    "documents/fx-statute",
    "documents/fx-report",
    "voices/fx-poem",
    "voices/fx-memoir",
    "back/fx-edition",
]
TEXTS = ORDER[1:-1]
TITLES = {
    "kk": ["Алғы сөз", "Тест жарғысы", "Тест есебі", "Тест өлеңі", "Тест естеліктері", "Басылым туралы"],
    "ru": [
        "Предисловие",
        "Тест жарғысы",
        "Тестовый отчёт",
        "Тестовое стихотворение",
        "Тестовые воспоминания",
        "Об издании",
    ],
    "en": ["Preface", "Тест жарғысы", "Test report", "Test poem", "Тестовые воспоминания", "About the edition"],
}
SITE = "https://apk30.example.org/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    built = build_site(
        tmp_path_factory.mktemp("anthology-site"),
        FIXTURES / "events_small",
        ANTHOLOGY_DIR=str(FIXTURES / "anthology_small"),
        SOURCE_DATE_EPOCH="1746057600",  # 2025-05-01 00:00 UTC: citations say "accessed 1 May 2025"
    )
    assert built.returncode == 0, built.output
    return built


def soup(build: Build, url: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(url).replace("\xa0", " ").replace("\u202f", " "), "html.parser")


def article(build: Build, url: str) -> BeautifulSoup:
    node = soup(build, url).select_one("article")
    assert node is not None, url
    return node


def texts_in(node: BeautifulSoup) -> list[str]:
    return [li["data-text"] for li in node.select("li[data-text]")]


@pytest.mark.parametrize("lang", LANGS)
def test_every_anthology_page_exists_in_every_language(site, lang):
    root = site.site / PREFIX[lang] / "anthology"
    pages = sorted(str(p.parent.relative_to(root)) for p in root.glob("**/index.html"))
    expected = [
        ".",
        "authors",
        "authors/fx-essayist",
        "authors/fx-ministry",
        "authors/fx-poet",
        "book",
        "genres",
        "languages",
        "years",
    ]
    assert pages == sorted(expected + ORDER)
    assert (root / f"anthology-{lang}.pdf").is_file()
    # The sources are read by the loader, never published as they are.
    assert not list(root.glob("**/*.md")) and not list(root.glob("**/*.yml"))


@pytest.mark.parametrize("lang", LANGS)
def test_contents_hold_exactly_the_fixture_in_book_order(site, lang):
    page = article(site, PREFIX[lang] + "anthology/")
    assert texts_in(page.select_one("nav.apk-book-contents")) == [p.split("/")[1] for p in ORDER]
    links = [a.get_text() for a in page.select("nav.apk-book-contents li a")]
    assert links == TITLES[lang]
    parts = [(s.h3["id"], [h["id"] for h in s.select("h4")], texts_in(s)) for s in page.select("section.apk-book-part")]
    assert parts == [
        ("documents", ["documents-laws", "documents-reports"], ["fx-statute", "fx-report"]),
        ("voices", [], ["fx-poem", "fx-memoir"]),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_previous_and_next_follow_book_order(site, lang):
    hrefs = []
    for index, path in enumerate(ORDER):
        page = article(site, f"{PREFIX[lang]}anthology/{path}/")
        prev, nxt = page.select_one("a[rel=prev]"), page.select_one("a[rel=next]")
        assert (prev is None) == (index == 0) and (nxt is None) == (index == len(ORDER) - 1), path
        hrefs.append((prev["href"] if prev else None, nxt["href"] if nxt else None))
        assert page.select_one(".apk-book-pager__contents")["href"] == "../../../anthology/"
    for index, (prev, nxt) in enumerate(hrefs):
        if prev:
            assert prev == f"../../../anthology/{ORDER[index - 1]}/"
        if nxt:
            assert nxt == f"../../../anthology/{ORDER[index + 1]}/"


@pytest.mark.parametrize(
    ("lang", "authors"),
    [
        ("kk", [("fx-essayist", "Борис Примеров"), ("fx-ministry", "Тест министрлігі"), ("fx-poet", "Айгүл Тестова")]),
        (
            "ru",
            [
                ("fx-essayist", "Борис Примеров"),
                ("fx-poet", "Айгуль Тестова"),
                ("fx-ministry", "Тестовое министерство"),
            ],
        ),
        ("en", [("fx-essayist", "Boris Primerov"), ("fx-ministry", "Test Ministry"), ("fx-poet", "Aigul Testova")]),
    ],
)
def test_author_index_is_alphabetical_in_each_language(site, lang, authors):
    page = article(site, PREFIX[lang] + "anthology/authors/")
    found = [(li["data-author"], li.a.get_text()) for li in page.select("li[data-author]")]
    assert found == authors


@pytest.mark.parametrize("lang", LANGS)
def test_author_pages_list_exactly_their_works(site, lang):
    works = {
        "fx-ministry": ["fx-statute", "fx-report"],
        "fx-poet": ["fx-poem"],
        "fx-essayist": ["fx-poem", "fx-memoir"],
    }
    for author, expected in works.items():
        page = article(site, f"{PREFIX[lang]}anthology/authors/{author}/")
        assert texts_in(page) == expected, author
    poet = article(site, f"{PREFIX[lang]}anthology/authors/fx-poet/")
    assert poet.select_one(".apk-notice--sample") is not None
    assert poet.select_one(".apk-book-meta").get_text() == "1950–2010"
    essayist_bio = article(site, f"{PREFIX[lang]}anthology/authors/fx-essayist/").select_one(".apk-book-bio")
    assert essayist_bio.get_text() == "Тестовый эссеист."
    assert essayist_bio.get("lang") == (None if lang == "ru" else "ru")


@pytest.mark.parametrize(
    ("kind", "lang", "groups"),
    [
        (
            "genres",
            "en",
            [
                ("document", "Document", ["fx-statute"]),
                ("press-release", "Press release", ["fx-report"]),
                ("memoir", "Memoir", ["fx-memoir"]),
                ("poem", "Poem", ["fx-poem"]),
            ],
        ),
        (
            "genres",
            "kk",
            [
                ("document", "Құжат", ["fx-statute"]),
                ("press-release", "Баспасөз хабарламасы", ["fx-report"]),
                ("memoir", "Естелік", ["fx-memoir"]),
                ("poem", "Өлең", ["fx-poem"]),
            ],
        ),
        (
            "years",
            "ru",
            [
                ("1990", "1990-е годы", ["fx-memoir", "fx-poem"]),
                ("2000", "2000-е годы", ["fx-statute"]),
                ("2020", "2020-е годы", ["fx-report"]),
            ],
        ),
        (
            "years",
            "en",
            [
                ("1990", "1990s", ["fx-memoir", "fx-poem"]),
                ("2000", "2000s", ["fx-statute"]),
                ("2020", "2020s", ["fx-report"]),
            ],
        ),
        (
            "languages",
            "kk",
            [
                ("kk", "Қазақ тілі", ["fx-statute"]),
                ("ru", "Орыс тілі", ["fx-memoir", "fx-report"]),
                ("uk", "Украин тілі", ["fx-poem"]),
            ],
        ),
        (
            "languages",
            "en",
            [
                ("kk", "Kazakh", ["fx-statute"]),
                ("ru", "Russian", ["fx-memoir", "fx-report"]),
                ("uk", "Ukrainian", ["fx-poem"]),
            ],
        ),
    ],
)
def test_indexes_hold_exactly_the_fixture(site, kind, lang, groups):
    page = article(site, f"{PREFIX[lang]}anthology/{kind}/")
    found = [(s.h2["id"], s.h2.contents[0].strip(), texts_in(s)) for s in page.select("section.apk-book-group")]
    assert found == groups
    assert sorted(t for _, _, texts in found for t in texts) == sorted(p.split("/")[1] for p in TEXTS)


def facts(page: BeautifulSoup) -> dict[str, list[str]]:
    dl = page.select_one("dl.apk-book-facts")
    return {
        dt.get_text(): [node.get_text() for node in dd.find_all(["a", "span"], recursive=False)]
        for dt, dd in zip(dl.select("dt"), dl.select("dd"), strict=True)
    }


def test_text_page_shows_its_metadata(site):
    page = article(site, "en/anthology/documents/fx-report/")
    assert page.h1.get_text() == "Test report"
    assert facts(page) == {
        "Author": ["Test Ministry"],
        "Translators": ["Test Translator", "Second Translator"],
        "Original language": ["Russian"],
        "Year": ["2024"],
        "Part": ["Documents"],
        "Chapter": ["Reports"],
        "Genre": ["Press release"],
        "Source or first publication": ["Тест министрлігінің баспасөз қызметі"],
        "Licence": [
            'Official text: not an object of copyright under the Law of the Republic of Kazakhstan "On Copyright and Related Rights"'
        ],
        "Related events in the calendar": ["Research and practice conference"],
    }
    assert page.select_one("dl.apk-book-facts a[href='../../../events/fx-timed/']") is not None
    assert (
        page.select_one(".apk-book-meta__translated").get_text()
        == "Translated from Russian by Test Translator, Second Translator"
    )
    assert page.select_one(".apk-book-meta__time").get_text() == "Reading time: 1 minute"


def test_citation_blocks_match_the_metadata(site):
    ru = article(site, "ru/anthology/documents/fx-report/")
    assert ru.select_one("#cite-plain").get_text() == (
        "Тестовый отчёт / Тестовое министерство. – Текст : электронный // Тестовая антология : [сайт]. "
        "– Астана : Тестовое издательство, 2025. – URL: https://apk30.example.org/ru/anthology/documents/fx-report/ "
        "(дата обращения: 01.05.2025)."
    )
    kk = article(site, "anthology/voices/fx-poem/")
    assert kk.select_one("#cite-plain").get_text() == (
        "Тестова, А. Тест өлеңі / Айгүл Тестова, Борис Примеров ; украин тілінен аударған Айгүл Тестова. "
        "– Мәтін : электрондық // Тест антологиясы: ӘҒҚҢӨҰҮҺІ әғқңөұүһі : [сайт]. – Астана : Тест баспасы, 2025. "
        "– URL: https://apk30.example.org/anthology/voices/fx-poem/ (қаралған күні: 01.05.2025)."
    )
    en = article(site, "en/anthology/voices/fx-poem/")
    assert en.select_one("#cite-plain").get_text() == (
        "Testova, Aigul, and Boris Primerov. “Test poem.” Translated from Ukrainian by Boris Primerov. In Test anthology. "
        "Astana: Test Publisher, 2025. https://apk30.example.org/en/anthology/voices/fx-poem/ (accessed 1 May 2025)."
    )
    assert en.select_one("#cite-bibtex").get_text() == "\n".join(
        [
            "@incollection{fx-poem-en,",
            "  author = {Testova, Aigul and Primerov, Boris},",
            "  title = {Test poem},",
            "  booktitle = {Test anthology},",
            "  publisher = {Test Publisher},",
            "  address = {Astana},",
            "  year = {2025},",
            "  origdate = {1998},",
            "  langid = {english},",
            "  translator = {Boris Primerov},",
            "  origlanguage = {uk},",
            "  url = {https://apk30.example.org/en/anthology/voices/fx-poem/},",
            "  urldate = {2025-05-01}",
            "}",
        ]
    )


def test_scholar_tags_match_the_metadata_and_skip_samples(site):
    head = soup(site, "en/anthology/documents/fx-report/").head
    tags = [(m["name"], m["content"]) for m in head.select("meta[name^=citation_]")]
    assert tags == [
        ("citation_title", "Test report"),
        ("citation_author", "Test Ministry"),
        ("citation_publication_date", "2025"),
        ("citation_inbook_title", "Test anthology"),
        ("citation_publisher", "Test Publisher"),
        ("citation_language", "en"),
        ("citation_fulltext_html_url", "https://apk30.example.org/en/anthology/documents/fx-report/"),
    ]
    sample = soup(site, "en/anthology/voices/fx-poem/")
    assert sample.head.select("meta[name^=citation_]") == []
    assert (
        sample.select_one("article .apk-notice--sample").get_text().startswith("Sample text, not part of the Anthology")
    )


def test_missing_translation_falls_back_visibly_with_its_lang(site):
    page = article(site, "en/anthology/voices/fx-memoir/")
    assert page.h1.get_text() == "Тестовые воспоминания" and page.h1["lang"] == "ru"
    notice = page.select_one(".apk-notice--fallback").get_text()
    assert notice == "This text has not been translated into English yet, so it is shown in Russian."
    statute = article(site, "ru/anthology/documents/fx-statute/")
    assert (
        statute.select_one(".apk-notice--fallback").get_text()
        == "Этот текст ещё не переведён на русский язык, поэтому он показан на казахском языке."
    )
    assert statute.select_one(".apk-book-text")["lang"] == "kk" and statute.h1["lang"] == "kk"
    assert page.select_one(".apk-book-text")["lang"] == "ru"
    complete = article(site, "ru/anthology/voices/fx-poem/")
    assert (
        complete.select_one(".apk-notice--fallback") is None and complete.select_one(".apk-book-text")["lang"] == "ru"
    )


def test_original_opens_beside_the_translation(site):
    poem = article(site, "en/anthology/voices/fx-poem/")
    original = poem.select_one("details.apk-book-original")
    assert original["lang"] == "uk" and original.summary["lang"] == "en"
    assert original.select_one(".apk-book-original__title").get_text() == "Тестовий вірш"
    assert original.p.find_next("p").get_text() == "Степ широкий,\nнебо високе."
    assert [br.name for br in poem.select(".apk-book-text p br")] == ["br"]  # a poem keeps its lines
    report = article(site, "en/anthology/documents/fx-report/")
    link = report.select_one(".apk-book-original-link a")
    assert (link["href"], link["hreflang"]) == ("../../../../ru/anthology/documents/fx-report/", "ru")
    assert report.select_one("details.apk-book-original")["lang"] == "ru"
    assert article(site, "ru/anthology/documents/fx-report/").select_one("details.apk-book-original") is None


def test_text_table_of_contents_and_stable_anchors(site):
    page = article(site, "anthology/documents/fx-statute/")
    toc = [(a.get_text(), a["href"]) for a in page.select("nav.apk-book-toc a")]
    assert toc == [
        ("1-бап. Жалпы ережелер", "#1-бап-жалпы-ережелер"),
        ("2-бап. Қорытынды ережелер", "#2-бап-қорытынды-ережелер"),
        ("Мәтін туралы", "#about-this-text"),
        ("Қалай сілтеме жасауға болады", "#how-to-cite"),
    ]
    for _, href in toc:
        assert page.select_one(f"[id='{href[1:]}']") is not None, href
    # The original beside a translation keeps its headings out of the translation's contents.
    report = article(site, "anthology/documents/fx-report/")
    assert [a.get_text() for a in report.select("nav.apk-book-toc a")] == [
        "Қорытынды",
        "Мәтін туралы",
        "Қалай сілтеме жасауға болады",
    ]
    assert report.select_one("details.apk-book-original [role=heading]").get_text() == "Итоги"


def test_whole_book_page_holds_every_entry_in_order(site):
    for lang in LANGS:
        page = article(site, PREFIX[lang] + "anthology/book/")
        assert [s["id"] for s in page.select("section.apk-book-entry")] == [p.split("/")[1] for p in ORDER]
        assert [a["href"] for a in page.select("nav.apk-book-contents--whole ol a")] == [
            "#" + p.split("/")[1] for p in ORDER
        ]
        titles = [h.get_text().rstrip("¶") for h in page.select("section.apk-book-entry h3.apk-book-entry__title")]
        assert titles == TITLES[lang]
    statute = article(site, "anthology/book/").select_one("section#fx-statute")
    assert [h.name for h in statute.select(".apk-book-text h4")] == ["h4", "h4"]  # demoted below the text's title


# voices/fx-memoir shows a picture and links to voices/fx-poem by addresses relative to its folder
# (the fixture's README); the whole-book page, one folder up, holds the same text. The Kazakh text
# page also shows the Russian original beside the translation, with its own picture and link.
MEMOIR_PICTURE = {"kk": "cms-list-kk.png", "ru": "cms-list-ru.png", "en": "cms-list-ru.png"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("page", "text"), [("anthology/voices/fx-memoir/", "article"), ("anthology/book/", "#fx-memoir")]
)
def test_a_texts_picture_and_link_work_on_its_page_and_in_the_whole_book(site, lang, page, text):
    url = PREFIX[lang] + page
    node = soup(site, url).select_one(text)
    folder = (site.site / url).resolve()
    shown = [MEMOIR_PICTURE[lang]] + (["cms-list-ru.png"] if lang == "kk" and text == "article" else [])
    pictures = [(folder / img["src"]).resolve() for img in node.select("img")]
    assert pictures == [(site.site / "assets" / "screenshots" / name).resolve() for name in shown]
    links = [a["href"] for a in node.find_all("a", string=["тест өлеңін", "тестовое стихотворение"])]
    poem = site.site / PREFIX[lang] / "anthology" / "voices" / "fx-poem"
    assert [(folder / href).resolve() for href in links] == [poem.resolve()] * len(shown)
    assert (poem / "index.html").is_file()


def pdf_text(path) -> str:
    needs("pdftotext")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("kk", ["Тест антологиясы", "Тест өлеңі", "Дала кең"]),
        ("ru", ["Тестовая антология", "Степь широка"]),
        ("en", ["Test anthology", "The steppe is wide"]),
    ],
)
def test_pdf_per_language_has_the_book_with_embedded_fonts(site, lang, words):
    path = site.site / PREFIX[lang] / "anthology" / f"anthology-{lang}.pdf"
    text = pdf_text(path)
    for word in words:
        assert word in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(re.search(r"\+PTSerif-\w+ .* yes yes yes", line) for line in fonts), fonts
    assert b"(D:20250501000000+00'00')" in path.read_bytes()  # stamped with SOURCE_DATE_EPOCH, not the clock
    # The memoir's picture, by its address relative to the text's folder, is printed too.
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    png = (site.site / "assets" / "screenshots" / MEMOIR_PICTURE[lang]).read_bytes()
    width, height = struct.unpack(">II", png[16:24])  # from the PNG's IHDR chunk
    assert [line.split()[3:5] for line in images.splitlines()[2:] if line.split()[2] == "image"] == [
        [str(width), str(height)]
    ]


def test_pdf_links_are_on_the_contents_and_book_pages(site):
    assert (
        article(site, "ru/anthology/").select_one("a[type='application/pdf']")["href"]
        == "../anthology/anthology-ru.pdf"
    )
    assert (
        article(site, "en/anthology/book/").select_one("a[type='application/pdf']")["href"]
        == "../../anthology/anthology-en.pdf"
    )


def test_language_switcher_keeps_the_reader_on_the_text(site):
    page = soup(site, "anthology/voices/fx-poem/")
    targets = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link[hreflang]")}
    assert targets == {
        "kk": "./",
        "ru": "../../../ru/anthology/voices/fx-poem/",
        "en": "../../../en/anthology/voices/fx-poem/",
    }


def test_reading_time_counts_cyrillic_words(site):
    # 8 Kazakh words at 166 words a minute: one minute, not zero.
    page = article(site, "anthology/documents/fx-report/")
    assert page.select_one(".apk-book-meta__time").get_text() == "Оқу уақыты: 1 минут"
    assert citation.language_name("uk", "kk") == "украин тілі"


def test_broken_anthology_fails_the_build_once_with_every_message(tmp_path):
    built = build_site(tmp_path / "site", FIXTURES / "events_small", ANTHOLOGY_DIR=str(FIXTURES / "anthology_broken"))
    assert built.returncode == 1
    assert "Traceback" not in built.output
    errors = [line.split("-  ", 1)[1] for line in built.output.splitlines() if line.startswith("ERROR")]
    where = "tests/fixtures/anthology_broken"
    assert errors == [
        f"{where}/authors.yml:4: nameless.name: is missing: add a line 'name: ...' (see the editors' guide)",
        f"{where}/book.yml:3: publisher: the en text is missing: write it under 'en:'",
        f"{where}/front/preface.md:3: authors: unknown field (remove it, or see the editors' guide for the fields)",
        f"{where}/poems/bad-facts.md:3: authors: unknown author 'real-poett'; did you mean 'real-poet'? (authors are listed in authors.yml)",
        f"{where}/poems/bad-facts.md:4: original_language: 'kz' is not an ISO 639 code: write kk",
        f"{where}/poems/bad-facts.md:5: year: 95 is not a year or a span from an earlier to a later year: write a year such as 2008, or a span such as 1890–1898",
        f"{where}/poems/bad-facts.md:6: genre: unknown genre 'poetry'; did you mean 'poem'? (expected one of the 7 genre ids listed in the editors' guide)",
        f"{where}/poems/bad-facts.md:8: licence: unknown licence 'cc-by'; did you mean 'cc-by-4.0'? (expected one of the 6 licence ids listed in the editors' guide)",
        f"{where}/poems/bad-facts.md:9: events: unknown event 'no-such-event' (an event's id is its file name in the calendar's events folder)",
        f"{where}/poems/bad-facts.md:11: body: a '# ' heading repeats the title: start the text's sections with '## '",
        f"{where}/poems/bad-facts.ru.md:3: year: is shared by all languages: set it once in {where}/poems/bad-facts.md",
        f"{where}/poems/lonely.en.md:1: file name: a translation needs its main file {where}/poems/lonely.md: create it or fix this file's name",
        f"{where}/poems/misnamed.kz.md:1: file name: unknown language code 'kz': rename it to misnamed.kk.md",
        "13 problems in Anthology files: fix them and build again",
    ]
