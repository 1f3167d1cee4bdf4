"""The Anthology's loader: good files become a `Book`, every mistake becomes `path:line: field: message`."""

# ruff: noqa: E501  # the editors' exact messages and citations stay whole, one per line, to be found by search

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from apk_site.anthology.loader import load_book, read_data
from apk_site.anthology.model import Years

ROOT = Path(__file__).resolve().parents[2]

BOOK = """\
title: {kk: Кітап, ru: Книга, en: Book}
place: {kk: Астана, ru: Астана, en: Astana}
publisher: {kk: Баспа, ru: Издательство, en: Publisher}
year: 2025
parts:
  - id: prose
    title: {kk: Проза, ru: Проза, en: Prose}
    chapters:
      - id: early
        title: {kk: Ерте, ru: Ранее, en: Early}
      - id: late
        title: {kk: Кейін, ru: Позже, en: Later}
  - id: poems
    title: {kk: Өлеңдер, ru: Стихи, en: Poems}
"""
AUTHORS = """\
writer:
  name: {kk: Жазушы, ru: Писатель, en: Writer}
  bio: {kk: Жазушы туралы.}
"""
TEXT = """\
---
title: Мәтін
authors: writer
original_language: kk
year: {year}
chapter: early
genre: essay
source: Журнал
licence: public-domain
---
Мәтін.
"""


def anthology(tmp_path: Path, files: dict[str, str], book: str = BOOK, authors: str = AUTHORS) -> Path:
    folder = tmp_path / "anthology"
    for name, text in {"book.yml": book, "authors.yml": authors, **files}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path, event_ids: frozenset[str] | None = None) -> list[str]:
    return [str(p) for p in load_book(folder, folder.parent, event_ids)[1]]


def test_a_good_text_loads_with_its_facts(tmp_path):
    files = {
        "prose/essay.md": TEXT.format(year="1995"),
        "prose/essay.ru.md": "---\ntitle: Текст\ntranslators: [Анна, Борис]\n---\nТекст.\n",
        "front/preface.md": "---\ntitle: Алғы сөз\n---\nСөз.\n",
    }
    book, found = load_book(anthology(tmp_path, files), tmp_path)
    assert found == ()
    [text] = book.texts
    assert (text.id, text.part, text.chapter, text.years, text.genre, text.authors) == (
        "essay",
        "prose",
        "early",
        Years(1995),
        "essay",
        ("writer",),
    )
    assert [(v.lang, v.title, v.translators) for v in text.versions] == [
        ("kk", "Мәтін", ()),
        ("ru", "Текст", ("Анна", "Борис")),
    ]
    assert text.shown("en").lang == "ru" and text.missing_languages() == ("en",)
    assert [m.id for m in book.front] == ["preface"] and book.authors["writer"].bio.get("en").lang == "kk"


@pytest.mark.parametrize(
    ("written", "years"), [("2008", Years(2008)), ("1890-1898", Years(1890, 1898)), ("1890–1898", Years(1890, 1898))]
)
def test_year_or_span(tmp_path, written, years):
    book, found = load_book(anthology(tmp_path, {"prose/essay.md": TEXT.format(year=written)}), tmp_path)
    assert found == () and book.texts[0].years == years and book.texts[0].years.decade == years.start // 10 * 10


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "year: 1898-1890",
            "year: '1898-1890' is not a year or a span from an earlier to a later year: write a year such as 2008, or a span such as 1890–1898",
        ),
        (
            "year: 25.04.1995",
            "year: expected a year, got '25.04.1995': write a year such as 2008, or a span such as 1890–1898",
        ),
        (
            "original_language: Kazakh",
            "original_language: expected an ISO 639 language code in lower case, such as kk, ru, uk or ug, got 'Kazakh'",
        ),
        ("chapter: middle", "chapter: unknown chapter 'middle' (expected early, late)"),
        ("order: -1", "order: expected a whole number from 0 to 9999 (the place in its part or chapter), got -1"),
        (
            "source_url: www.example.org",
            "source_url: expected a web address starting with https://, got 'www.example.org'",
        ),
        ("sample: yes please", "sample: expected true or false (without quotes), got 'yes please'"),
        ("titel: x", "titel: unknown field; did you mean 'title'?"),
    ],
)
def test_bad_value_names_file_line_field_and_fix(tmp_path, line, message):
    key = line.split(":")[0]
    lines = TEXT.format(year="1995").splitlines()
    replaced = [line if existing.startswith(key + ":") else existing for existing in lines]
    text = "\n".join(replaced if replaced != lines else [lines[0], line, *lines[1:]]) + "\n"
    number = next(i for i, existing in enumerate(text.splitlines(), start=1) if existing == line)
    assert problems(anthology(tmp_path, {"prose/essay.md": text})) == [f"anthology/prose/essay.md:{number}: {message}"]


def test_any_iso_639_original_language_is_accepted(tmp_path):
    text = (
        TEXT.format(year="1995")
        .replace("original_language: kk", "original_language: crh")
        .replace("---\nМәтін", "translators: Аудармашы\n---\nМәтін")
    )
    files = {"prose/essay.md": text, "prose/essay.original.md": "---\ntitle: Metin\n---\nMetin.\n"}
    book, found = load_book(anthology(tmp_path, files), tmp_path)
    assert found == ()
    assert book.texts[0].original_language == "crh" and book.texts[0].original_version().title == "Metin"


def test_a_translation_must_name_its_translators(tmp_path):
    files = {"prose/essay.md": TEXT.format(year="1995"), "prose/essay.en.md": "---\ntitle: Text\n---\nText.\n"}
    assert problems(anthology(tmp_path, files)) == [
        "anthology/prose/essay.en.md:1: translators: is missing: this en text is a translation from kk; write who translated it"
    ]


def test_an_original_in_a_site_language_belongs_in_its_language_file(tmp_path):
    files = {"prose/essay.md": TEXT.format(year="1995"), "prose/essay.original.md": "---\ntitle: Мәтін\n---\nМәтін.\n"}
    assert problems(anthology(tmp_path, files)) == [
        "anthology/prose/essay.original.md:1: file name: the original is in kk, a language of the site: put it in essay.kk.md (or the main file)"
    ]


def test_folders_names_and_links_are_checked(tmp_path):
    files = {
        "prose/essay.md": TEXT.format(year="1995").replace("licence:", "events: [2025-04-24-xxxiv-sesion]\nlicence:"),
        "verse/poem.md": TEXT.format(year="1995"),
        "loose.md": TEXT.format(year="1995"),
    }
    assert problems(anthology(tmp_path, files), frozenset({"2025-04-24-xxxiv-session"})) == [
        "anthology/loose.md:1: file name: put each text in the folder of its part: <part>/<name>.md",
        "anthology/prose/essay.md:9: events: unknown event '2025-04-24-xxxiv-sesion'; did you mean '2025-04-24-xxxiv-session'?"
        " (an event's id is its file name in the calendar's events folder)",
        "anthology/verse/poem.md:1: part: unknown part folder 'verse'; did you mean 'prose'? (parts are listed under 'parts:' in book.yml)",
    ]


def test_the_same_name_in_two_parts_is_reported(tmp_path):
    files = {
        "prose/essay.md": TEXT.format(year="1995"),
        "poems/essay.md": TEXT.format(year="1995").replace("chapter: early\n", ""),
    }
    assert problems(anthology(tmp_path, files)) == [
        "anthology/prose/essay.md:1: file name: 'essay' is already used by anthology/poems/essay.md: give each text its own file name"
    ]


def test_book_order_is_part_chapter_order_year_then_name(tmp_path):
    def text(chapter: str, year: int, order: str = "") -> str:
        return TEXT.format(year=year).replace("chapter: early", f"chapter: {chapter}{order}")

    files = {
        "prose/b-late.md": text("late", 1990),
        "prose/a-late-first.md": text("late", 2000, "\norder: 0"),
        "prose/c-early-new.md": text("early", 2020),
        "prose/d-early-old.md": text("early", 1990),
        "prose/e-early-placed.md": text("early", 2024, "\norder: 1"),
        "poems/a-poem.md": TEXT.format(year="1900").replace("chapter: early\n", ""),
        "back/notes.md": "---\ntitle: Ескертпе\n---\n.\n",
        "front/z-first.md": "---\ntitle: Бірінші\norder: 1\n---\n.\n",
        "front/a-second.md": "---\ntitle: Екінші\norder: 2\n---\n.\n",
    }
    book, found = load_book(anthology(tmp_path, files), tmp_path)
    assert found == ()
    assert [e.id for e in book.entries] == [
        "z-first",
        "a-second",
        "d-early-old",
        "c-early-new",
        "e-early-placed",
        "b-late",
        "a-late-first",
        "a-poem",
        "notes",
    ]


def test_data_files_report_the_line_of_nested_keys_and_list_items(tmp_path):
    book = BOOK.replace("      - id: late\n", "      - id: Late\n").replace(
        "publisher: {kk: Баспа, ru: Издательство, en: Publisher}", "publisher: Баспа"
    )
    authors = AUTHORS + "poet:\n  name: {kk: Ақын, ru: Поэт, en: Poet}\n  bio: {kk: Ақын.}\n  years: 1850s\n"
    assert problems(anthology(tmp_path, {}, book=book, authors=authors)) == [
        "anthology/authors.yml:7: poet.years: expected a year, got '1850s': write a year such as 2008, or a span such as 1890–1898",
        "anthology/book.yml:3: publisher: expected lines 'kk: ...', 'ru: ...' and 'en: ...' under it, got 'Баспа'",
        "anthology/book.yml:11: parts.chapters: expected lower-case Latin letters, digits and hyphens, like 2025-04-24-xxxiv-session, got 'Late'",
    ]


def test_yaml_errors_point_at_the_line(tmp_path):
    record = read_data("anthology/authors.yml", "writer:\n  name: {kk: Жазушы\n  bio: x\n")
    assert (
        str(record)
        == "anthology/authors.yml:2: YAML: did not find expected ',' or '}': check quotes, colons and indentation on this line"
    )


def test_missing_data_files_are_reported(tmp_path):
    folder = tmp_path / "anthology"
    folder.mkdir()
    assert problems(folder) == [
        "anthology/authors.yml:1: file name: authors.yml is missing: the Anthology needs it (see the editors' guide)",
        "anthology/book.yml:1: file name: book.yml is missing: the Anthology needs it (see the editors' guide)",
    ]


def test_the_shipped_anthology_loads_without_problems():
    events = frozenset(
        p.name[: -len(".md")]
        for p in (ROOT / "events").glob("*.md")
        if p.name.count(".") == 1 and p.name != "README.md"
    )
    book, found = load_book(ROOT / "docs" / "anthology", ROOT, events)
    assert found == ()
    assert [e.id for e in book.entries] == [
        "preface",
        "law-on-the-assembly",
        "press-release-2024-results",
        "abai-book-of-words",
        "sample-poem",
        "sample-memoir",
        "about-this-edition",
    ]
    # Only the press release is not marked as sample: everything else is a placeholder or a sample.
    assert [t.id for t in book.texts if not t.sample] == ["press-release-2024-results"]
    assert all(book.authors[a].sample for t in book.texts if t.id.startswith("sample-") for a in t.authors)


def test_the_domain_package_imports_no_mkdocs():
    for path in sorted((ROOT / "hooks" / "apk_site" / "anthology").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [n for n in names if n.split(".")[0] in ("mkdocs", "mkdocs_static_i18n", "material")], path


# ---- Issue 15: the same rules as the events' for encodings (item 1), bodies (item 5) and links (item 7) ----


def test_active_html_in_a_text_or_its_translation_is_refused_at_its_line(tmp_path):
    """Before issue 15 these bodies were published as they were."""
    files = {
        "prose/essay.md": TEXT.format(year="1995").replace("Мәтін.\n", "Мәтін.\n\n<script>alert(1)</script>\n"),
        "prose/essay.ru.md": "---\ntitle: Текст\ntranslators: Анна\n---\nТекст <img src=x alt=x onerror=alert(2)>.\n",
    }
    assert problems(anthology(tmp_path, files)) == [
        "anthology/prose/essay.md:13: body: <script> runs code in readers' browsers: remove it (to show code as text, put it between ``` lines)",
        "anthology/prose/essay.ru.md:5: body: the attribute onerror= runs code when readers click, hover or load the page: remove the attribute",
    ]


def test_an_original_beside_a_translation_is_checked_as_it_is_rendered(tmp_path):
    files = {
        "prose/essay.md": TEXT.format(year="1995")
        .replace("original_language: kk", "original_language: uk")
        .replace("title: Мәтін", "title: Мәтін\ntranslators: Анна"),
        "prose/essay.original.md": "---\ntitle: Текст\n---\nFine.\n\n[x](javascript:alert(3))\n",
    }
    assert problems(anthology(tmp_path, files)) == [
        "anthology/prose/essay.original.md:6: body: a javascript: address runs code when a reader follows it: write a link instead, [text](https://...)",
    ]


def test_code_that_shows_html_stays_allowed_in_a_text(tmp_path):
    body = "Мәтін `<script>` ішінде.\n\n```html\n<iframe src=x></iframe>\n```\n"
    book, found = load_book(
        anthology(tmp_path, {"prose/essay.md": TEXT.format(year="1995").replace("Мәтін.\n", body)}), tmp_path
    )
    assert found == () and "<iframe" in book.texts[0].versions[0].body


def test_legacy_encodings_bom_crlf_and_links_out_of_the_folder(tmp_path):
    import os

    folder = anthology(tmp_path, {"prose/essay.md": TEXT.format(year="1995")})
    (folder / "prose" / "essay.ru.md").write_bytes(
        "---\ntitle: Текст\ntranslators: Анна\n---\nТекст.\n".encode("cp1251")
    )
    (folder / "authors.yml").write_bytes(b"\xef\xbb\xbf" + AUTHORS.replace("\n", "\r\n").encode())
    (folder / "prose" / "poem.md").write_bytes(
        b"\xef\xbb\xbf" + TEXT.format(year="2001").replace("\n", "\r\n").encode()
    )
    (tmp_path / "secret.md").write_text(TEXT.format(year="2002"), encoding="utf-8")
    os.symlink(tmp_path / "secret.md", folder / "prose" / "leak.md")
    book, found = load_book(folder, tmp_path)
    assert [str(p) for p in found] == [
        "anthology/prose/essay.ru.md:2: encoding: the file is saved as Windows-1251, not UTF-8: run `python scripts/apk.py check --fix-encoding`, or open it in a text editor and save it as UTF-8 (Notepad: File > Save as > Encoding: UTF-8)",
        "anthology/prose/leak.md:1: file name: is a link to a file outside its folder: copy the text into a file here instead",
    ]
    assert (
        sorted(t.id for t in book.texts) == ["essay", "poem"]
        and book.authors["writer"].name.get("kk").value == "Жазушы"
    )


def test_a_data_file_in_windows_1251_is_one_problem(tmp_path):
    folder = anthology(tmp_path, {})
    (folder / "authors.yml").write_bytes(AUTHORS.replace("Писатель", "Писатель и поэт").encode("cp1251"))
    assert [p.split(": encoding: ")[0] for p in problems(folder)] == ["anthology/authors.yml:2"]


def test_a_text_saved_as_md_txt_is_named_not_skipped(tmp_path):
    folder = anthology(tmp_path, {"prose/essay.md": TEXT.format(year="1995")})
    (folder / "prose" / "poem.md.txt").write_text(TEXT.format(year="2001"), encoding="utf-8")
    assert problems(folder) == [
        "anthology/prose/poem.md.txt:1: file name: only files ending in .md are read: rename it to poem.md (notes for "
        "editors go under a _ folder)"
    ]


def test_an_empty_translation_file_from_the_web_form_is_no_translation_yet(tmp_path):
    files = {"prose/essay.md": TEXT.format(year="1995"), "prose/essay.ru.md": "---\n\n---\n"}
    book, found = load_book(anthology(tmp_path, files), tmp_path)
    assert found == ()
    [text] = book.texts
    assert [v.lang for v in text.versions] == ["kk"]
