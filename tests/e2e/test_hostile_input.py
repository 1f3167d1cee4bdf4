"""Front-matter values full of markup render as text: nothing executes, nothing breaks the page.

Files as editors' machines save them and as hostile pull requests bring them (issue 15) end in a
correct build or in `path:line: field: message`: never a traceback, a hang, or a file from outside.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import FIXTURES, ROOT, build_site


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    built = build_site(tmp_path_factory.mktemp("hostile"), FIXTURES / "events_hostile")
    assert built.returncode == 0, built.output
    return built


@pytest.mark.parametrize("url", ["events/hostile/", "ru/events/hostile/", "calendar/", "en/calendar/"])
def test_no_injected_element_or_script(hostile_site, url):
    html = hostile_site.page(url)
    page = BeautifulSoup(html, "html.parser")
    code = [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]
    assert "alert(" not in " ".join(script.get_text() for script in code)
    assert page.find("img", src="x") is None
    assert page.find("b", string="bold") is None
    assert not any("javascript:" in (a.get("href") or "") for a in page.find_all("a"))


def test_values_are_shown_as_the_editor_typed_them(hostile_site):
    page = BeautifulSoup(hostile_site.page("events/hostile/"), "html.parser")
    title = "</script><script>alert('title')</script> \"quotes\" & <b>bold</b>"
    assert page.select_one("article h1").get_text() == title
    assert page.title.get_text().startswith(title)
    assert page.find("meta", attrs={"name": "description"})["content"] == "\"><script>alert('summary')</script>"
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in page.select("dl.apk-event-facts dt")}
    assert facts["Өтетін орны"] == '<a href="javascript:alert(1)">venue</a>'
    assert facts["Мекенжайы"] == "&lt;script&gt;alert('entity')&lt;/script&gt;"
    assert facts["Ұйымдастырушы"] == "<img src=x onerror=alert(1)>"


def test_json_ld_keeps_the_title_as_data(hostile_site):
    import json

    html = hostile_site.page("events/hostile/")
    page = BeautifulSoup(html, "html.parser")
    (block,) = page.find_all("script", type="application/ld+json")
    data = json.loads(block.get_text())
    assert data["name"] == "</script><script>alert('title')</script> \"quotes\" & <b>bold</b>"
    assert data["startDate"] == "2025-05-14T10:00:00+05:00"


def test_search_index_holds_the_title_as_escaped_text(hostile_site):
    import json

    index = json.loads((hostile_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    (doc,) = [d for d in index["docs"] if d["location"] == "events/hostile/"]
    assert "<script>" not in doc["title"] and "&lt;/script&gt;&lt;script&gt;" in doc["title"]


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory):
    """The Anthology fixture with markup in a text's title, source and translator and an author's name."""
    import shutil

    folder = tmp_path_factory.mktemp("hostile-book") / "anthology"
    shutil.copytree(FIXTURES / "anthology_small", folder)
    poem = folder / "voices" / "fx-poem.md"
    text = poem.read_text(encoding="utf-8")
    text = text.replace("title: Тест өлеңі", "title: \"</h1><script>alert('title')</script> & <b>bold</b>\"")
    text = text.replace("translators: Айгүл Тестова", "translators: '<img src=x onerror=alert(1)>'")
    text = text.replace("source: Тест журналы, 1998", "source: '\"><script>alert(2)</script>'")
    poem.write_text(text, encoding="utf-8")
    authors = folder / "authors.yml"
    authors.write_text(
        authors.read_text(encoding="utf-8").replace("kk: Айгүл Тестова", "kk: '<script>alert(3)</script>'"),
        encoding="utf-8",
    )
    built = build_site(
        tmp_path_factory.mktemp("hostile-book-site"),
        FIXTURES / "events_small",
        ANTHOLOGY_DIR=str(folder),
        ANTHOLOGY_PDF="0",
    )
    assert built.returncode == 0, built.output
    return built


def test_anthology_fields_render_as_text(hostile_book):
    pages = sorted((hostile_book.site).glob("**/anthology/**/index.html"))
    assert len(pages) > 10
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        code = [s for s in page.find_all("script") if s.get("type") not in ("application/ld+json", "application/json")]
        assert "alert(" not in " ".join(s.get_text() for s in code), path
        assert page.find("img", src="x") is None, path
        assert page.find("b", string="bold") is None, path
    poem = BeautifulSoup(
        (hostile_book.site / "anthology" / "voices" / "fx-poem" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert poem.select_one("article h1").get_text().rstrip("¶") == "</h1><script>alert('title')</script> & <b>bold</b>"


# ---- Issue 15: files as editors' machines save them, and files a hostile pull request brings ----

# A build that hangs fails the test instead of the run (a quiet machine builds the fixture in ~15 s).
BUILD_TIMEOUT = 900
MAIN = """\
---
start: 2025-06-10 10:00
region: astana
category: youth
organizer: apk
sample: true
title: Блокнот іс-шарасы
venue: Достық үйі
---
Мәтін, Windows блокнотында сақталған.

| Күні | Орны |
|------|------|
| 10.06 | Астана |

Бет кодты мәтін ретінде көрсетеді: `<iframe>` және

```html
<script>alert('shown as code')</script>
```

<abbr title="Қазақстан халқы Ассамблеясы">ҚХА</abbr>
"""
RUSSIAN = "---\ntitle: Событие из Блокнота\nvenue: Дом дружбы\n---\nТекст, сохранённый в Блокноте Windows.\n"


def _build(dest: Path, events: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the real mkdocs.yml, as `tests.conftest.build_site`, with a timeout."""
    environ = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    environ.update(NO_MKDOCS_2_WARNING="1", EVENTS_DIR=str(events), ANTHOLOGY_PDF="0", **env)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(dest)]
    return subprocess.run(
        command, cwd=ROOT, env=environ, capture_output=True, text=True, check=False, timeout=BUILD_TIMEOUT
    )


def test_utf8_with_bom_and_crlf_builds_like_any_file(tmp_path):
    """Notepad's UTF-8: a BOM and CRLF line endings, in the main file and a translation."""
    events = tmp_path / "events"
    events.mkdir()
    (events / "fx-notepad.md").write_bytes(b"\xef\xbb\xbf" + MAIN.replace("\n", "\r\n").encode("utf-8"))
    (events / "fx-notepad.ru.md").write_bytes(b"\xef\xbb\xbf" + RUSSIAN.replace("\n", "\r\n").encode("utf-8"))
    built = _build(tmp_path / "site", events)
    assert built.returncode == 0, built.stdout + built.stderr
    page = BeautifulSoup((tmp_path / "site" / "events" / "fx-notepad" / "index.html").read_text("utf-8"), "html.parser")
    assert page.select_one("article h1").get_text() == "Блокнот іс-шарасы"
    assert "\r" not in str(page.select_one("article")) and "\ufeff" not in str(page)
    assert [td.get_text() for td in page.select("article table td")] == ["10.06", "Астана"]
    # Code that shows HTML stays allowed, and is shown, not run.
    assert page.select_one("article pre code").get_text().strip() == "<script>alert('shown as code')</script>"
    assert "shown as code" not in " ".join(s.get_text() for s in page.find_all("script"))
    assert page.find("iframe") is None and page.find("abbr")["title"] == "Қазақстан халқы Ассамблеясы"
    russian = BeautifulSoup(
        (tmp_path / "site" / "ru" / "events" / "fx-notepad" / "index.html").read_text("utf-8"), "html.parser"
    )
    assert russian.select_one("article h1").get_text() == "Событие из Блокнота"


SECRET = "Құпия-мәтін-жобадан-тыс"


def _hostile_events(folder: Path, outside: Path) -> dict[str, str]:
    """Every kind of file a careless editor's machine or a hostile pull request brings, and the
    problem each must give, `path:line: field: message` (path from `folder`'s parent)."""
    folder.mkdir()
    good = MAIN.replace("\n\n| Күні", "\n\nX\n\n| Күні")
    files = {
        "a-good.md": good,
        "b-cp1251.md": RUSSIAN.replace(
            "---\ntitle", "---\nstart: 2025-06-10\nregion: astana\ncategory: youth\norganizer: apk\ntitle"
        ),
        "c-script.md": good.replace("Мәтін, Windows", "<script>alert(1)</script>\n\nМәтін, Windows"),
        "d-handler.md": good + "\n<img src=x alt=x onerror=alert(1)>\n",
        "e-iframe.md": good + "\n<iframe src=https://example.org></iframe>\n",
        "f-form.md": good + "\n<form action=https://example.org>Атыңыз?</form>\n",
        "g-javascript.md": good + "\n[Тіркелу](javascript:alert(1))\n",
        "h-empty.md": "",
        "i-no-front-matter.md": "Мәтін ғана.\n",
        "j-tag.md": good.replace("region: astana", "region: !!python/object/apply:os.system [echo pwned]"),
        "k-tab.md": good.replace("region: astana", "\tregion: astana"),
        "l-alias.md": good.replace("venue: Достық үйі", "venue: &v [a, *v]"),
        "m-orphan.ru.md": RUSSIAN,
        "a-good.de.md": RUSSIAN,
        "n-past.md": good.replace("2025-06-10 10:00", "0001-01-01 10:00"),
        "o-impossible.md": good.replace("2025-06-10 10:00", "2025-02-30 10:00"),
        "p-bidi.md": good.replace("title: Блокнот іс-шарасы", "title: Блокнот \u202eгнп.exe"),
        "q-control.md": good.replace("Мәтін, Windows", "Мәтін\x1b[31m, Windows"),
        "r-long.md": good.replace("title: Блокнот іс-шарасы", "title: " + "Ұ" * 100_000),
        "u-brackets.md": good + "\n" + "[" * 20_000 + "\n",  # Python-Markdown: three minutes
        "v-nested.md": good + "\n" + ">" * 5_000 + " x\n",  # Python-Markdown: RecursionError
    }
    expected = {
        "b-cp1251.md": ":6: encoding: the file is saved as Windows-1251",
        "c-script.md": ":10: body: <script> runs code",
        "d-handler.md": ":26: body: the attribute onerror= runs code",
        "e-iframe.md": ":26: body: <iframe> embeds another page",
        "f-form.md": ":26: body: <form> asks readers",
        "g-javascript.md": ":26: body: a javascript: address runs code",
        "h-empty.md": ":1: front matter: the file must start",
        "i-no-front-matter.md": ":1: front matter: the file must start",
        "j-tag.md": ":3: front matter: a YAML tag",
        "k-tab.md": ":3: front matter: a tab character",
        "l-alias.md": ":8: front matter: a list or a group of fields given a name (&name) is repeated",
        "m-orphan.ru.md": ":1: file name: a translation needs its main file",
        "a-good.de.md": ":1: file name: unknown language code 'de'",
        "n-past.md": ":2: start: the year 1 is outside",
        "o-impossible.md": ":2: start: day is out of range for month",
        "p-bidi.md": ":7: title: contains a bidirectional control character (U+202E)",
        "q-control.md": ":10: body: contains a control character (U+001B)",
        "r-long.md": ":7: title: is 100000 characters long",
        "u-brackets.md": ":26: body: this paragraph has 20000 '['",
        "v-nested.md": ":26: body: is nested 5000 levels deep",
        "s-link-out.md": ":1: file name: is a link to a file outside its folder",
        "t-link-nowhere.md": ":1: file name: is a link to a file that does not exist",
    }
    expected = {f"events/{name}": problem for name, problem in expected.items()}
    for name, text in files.items():
        (folder / name).write_bytes(text.encode("cp1251" if name == "b-cp1251.md" else "utf-8"))
    outside.write_text(good.replace("Блокнот іс-шарасы", SECRET), encoding="utf-8")  # a valid event
    os.symlink(outside, folder / "s-link-out.md")
    os.symlink(folder.parent / "nowhere.md", folder / "t-link-nowhere.md")
    return expected


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("hostile-files")
    expected = _hostile_events(scratch / "events", scratch / "outside.md")
    book = scratch / "anthology"
    shutil.copytree(FIXTURES / "anthology_small", book)
    poem = book / "voices" / "fx-poem.md"
    poem.write_text(poem.read_text(encoding="utf-8") + "\n<iframe src=https://example.org></iframe>\n", "utf-8")
    expected["anthology/voices/fx-poem.md"] = ":16: body: <iframe> embeds another page"
    return scratch, expected


def _problems(output: str, prefix: str) -> list[str]:
    return [line.split(prefix, 1)[1] for line in output.splitlines() if prefix in line]


def test_the_build_stops_with_every_problem_and_publishes_nothing(hostile_files):
    """Before issue 15: a UnicodeDecodeError traceback, or (without that file) the scripts published."""
    scratch, expected = hostile_files
    built = _build(scratch / "site", scratch / "events", ANTHOLOGY_DIR=str(scratch / "anthology"))
    output = built.stdout + built.stderr
    assert built.returncode == 1 and "Traceback" not in output, output
    found = _problems(output, f"{scratch}/")
    for name, problem in expected.items():
        assert any(line.startswith(name + problem) for line in found), (name, problem, found)
    assert len(found) == len(expected), found  # one problem each, nothing else
    published = [p for p in (scratch / "site").rglob("*") if p.is_file()] if (scratch / "site").exists() else []
    assert not any(SECRET in p.read_text("utf-8", errors="replace") for p in published)


def test_check_reports_the_same_problems_without_a_traceback(hostile_files):
    scratch, expected = hostile_files
    done = subprocess.run(
        [
            sys.executable,
            "scripts/apk.py",
            "check",
            "--events",
            str(scratch / "events"),
            "--anthology",
            str(scratch / "anthology"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert (done.returncode, done.stderr) == (1, "")
    found = [line for line in done.stdout.splitlines() if line.startswith(("events/", "anthology/"))]
    for name, problem in expected.items():
        assert any(line.startswith(name + problem) for line in found), (name, problem, found)
    assert done.stdout.splitlines()[-1] == f"{len(expected)} problems: fix them and run the check again"
