"""`translations`: what is missing in which language, as text for the terminal and as a page for the site."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from apk_site.tools.cli import main
from apk_site.tools.coverage import coverage_markdown, coverage_report

ROOT = Path(__file__).resolve().parents[2]
MAIN = (
    "---\nstart: 2025-05-01\nregion: astana\ncategory: youth\norganizer: apk\ntitle: {title}\n{more}venue: Зал\n"
    "---\n{body}"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    events, docs = tmp_path / "events", tmp_path / "docs"
    files = {
        events / "a-full.md": MAIN.format(title="Толық", more="", body="Мәтін.\n"),
        events / "a-full.ru.md": "---\ntitle: Полное\nvenue: Зал\n---\nТекст.\n",
        events / "a-full.en.md": "---\ntitle: Full\nvenue: Hall\n---\nText.\n",
        events / "b-partial.md": MAIN.format(title="Жартылай", more="summary: Қысқаша.\n", body="Мәтін.\n"),
        events / "b-partial.ru.md": "---\ntitle: Частично\n---\n",
        events / "c-kazakh-only.md": MAIN.format(title="Тек <қазақша> *мәтін*", more="", body=""),
        events / "_c-kazakh-only.en.md": "---\ntitle:\n---\n",
        events / "d-russian-main.md": MAIN.format(title="По-русски", more="lang: ru\n", body=""),
        events / "e-broken.md": "---\nstart: someday\n---\n",
        docs / "index.md": "---\ntitle: Басты бет\n---\n# Басты бет\n",
        docs / "index.ru.md": "# Главная\n",
        docs / "index.en.md": "# Home\n",
        docs / "about.md": "# Ассамблея туралы\n",
        docs / "about.ru.md": "# Об Ассамблее\n",
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_text_report_with_counts_per_language(project: Path) -> None:
    shutil.copytree(ROOT / "tests/fixtures/anthology_small", project / "docs" / "anthology")
    out = io.StringIO()
    assert main(["translations"], root=project, out=out) == 0
    assert out.getvalue().splitlines() == [
        "Translations: files missing / files with some text missing, per language",
        "",
        "                            kk          ru          en",
        "events (4)               1 / 0       1 / 1       3 / 0",
        "pages (2)                0 / 0       0 / 0       1 / 0",
        "anthology (6)            0 / 0       1 / 0       2 / 0",
        "",
        "Kazakh (kk): 1 to do",
        "  events/d-russian-main.md: no Kazakh text: create events/d-russian-main.kk.md",
        "",
        "Russian (ru): 3 to do",
        "  events/b-partial.md: the Russian text has no summary, venue, body",
        "  events/c-kazakh-only.md: no Russian text: create events/c-kazakh-only.ru.md",
        "  docs/anthology/documents/fx-statute.md: no Russian text: create docs/anthology/documents/fx-statute.ru.md",
        "",
        "English (en): 6 to do",
        "  events/b-partial.md: no English text: create events/b-partial.en.md",
        "  events/c-kazakh-only.md: no English text; the draft events/_c-kazakh-only.en.md is waiting",
        "  events/d-russian-main.md: no English text: create events/d-russian-main.en.md",
        "  docs/about.md: no English text: create docs/about.en.md",
        "  docs/anthology/documents/fx-statute.md: no English text: create docs/anthology/documents/fx-statute.en.md",
        "  docs/anthology/voices/fx-memoir.md: no English text: create docs/anthology/voices/fx-memoir.en.md",
        "",
        "Not counted, because they have problems (run the check): events/e-broken.md",
    ]


def test_report_and_page_in_three_languages(project: Path) -> None:
    report = coverage_report(project / "events", project / "docs", None, base=project)
    assert [(s.kind, s.total, s.note) for s in report.sections] == [
        ("events", 4, ""),
        ("pages", 2, ""),
        ("anthology", 0, "missing"),
    ]
    assert coverage_markdown(report, "ru").splitlines() == [
        "На этой странице — тексты, у которых нет перевода. Она обновляется при каждой сборке сайта.",
        "",
        "| Что | Казахский язык | Русский язык | Английский язык |",
        "|---|---|---|---|",
        "| Мероприятия (всего 4) | нет файла: 1; нет части текста: 0 | нет файла: 1; нет части текста: 1 "
        "| нет файла: 3; нет части текста: 0 |",
        "| Страницы (всего 2) | нет файла: 0; нет части текста: 0 | нет файла: 0; нет части текста: 0 "
        "| нет файла: 1; нет части текста: 0 |",
        "| Тексты Антологии | не найдено | не найдено | не найдено |",
        "",
        "## Казахский язык",
        "",
        "- Мероприятия: По-русски (`events/d-russian-main.md`): нет файла",
        "",
        "## Русский язык",
        "",
        "- Мероприятия: Жартылай (`events/b-partial.md`): нет: summary, venue, body",
        "- Мероприятия: Тек &lt;қазақша&gt; \\*мәтін\\* (`events/c-kazakh-only.md`): нет файла",
        "",
        "## Английский язык",
        "",
        "- Мероприятия: Жартылай (`events/b-partial.md`): нет файла",
        "- Мероприятия: Тек &lt;қазақша&gt; \\*мәтін\\* (`events/c-kazakh-only.md`): есть черновик: "
        "`events/_c-kazakh-only.en.md`",
        "- Мероприятия: По-русски (`events/d-russian-main.md`): нет файла",
        "- Страницы: Ассамблея туралы (`docs/about.md`): нет файла",
        "",
        "Файлы с ошибками не учтены: `events/e-broken.md`.",
    ]
    assert coverage_markdown(report, "kk").splitlines()[0] == (
        "Бұл бетте аудармасы жоқ мәтіндер көрсетілген. Ол сайт құрастырылған сайын жаңарады."
    )
    assert coverage_markdown(report, "en").splitlines()[8] == "## Kazakh"


def test_markdown_from_the_command_line(project: Path) -> None:
    out = io.StringIO()
    main(["translations", "--format", "markdown", "--lang", "kk"], root=project, out=out)
    assert out.getvalue().splitlines()[2] == "| Түрі | Қазақ тілі | Орыс тілі | Ағылшын тілі |"


def test_a_page_that_is_not_utf8_is_left_out_and_named_not_a_traceback(project: Path) -> None:
    (project / "docs" / "about.md").write_bytes("---\ntitle: Об\n---\n# Об Ассамблее\n".encode("cp1251"))
    out = io.StringIO()
    assert main(["translations"], root=project, out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[-1] == "Not counted, because they have problems (run the check): docs/about.md, events/e-broken.md"
    assert "pages (1)" in "\n".join(lines)
    assert "docs/about.md: no English text" not in out.getvalue()
