"""Hand-written pages named with `kz` (which mkdocs-static-i18n silently drops) are reported."""

from pathlib import Path

from apk_site.catalog import page_problems


def _docs_problems(docs: Path) -> list:
    """The catalog step's check of hand-written pages, paths shown from the project folder."""
    return page_problems(docs, docs.parent)


def test_kz_page_in_docs_is_an_error_saying_kk(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("about.md", "about.ru.md", "about.kz.md"):
        (docs / name).write_text("# x\n", encoding="utf-8")
    assert [str(p) for p in _docs_problems(docs)] == [
        "docs/about.kz.md:1: file name: unknown language code 'kz': rename it to about.kk.md"
    ]


def test_real_docs_have_no_misnamed_pages() -> None:
    assert _docs_problems(Path(__file__).resolve().parents[2] / "docs") == []


def test_a_page_that_cannot_be_read_is_a_problem_and_hidden_files_are_skipped(tmp_path: Path) -> None:
    """An editor's lock file (`.#about.md`, a link to nowhere) is not a page, as MkDocs sees it; a
    broken link with a page's name is named, not a traceback."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("# x\n", encoding="utf-8")
    (docs / ".#about.md").symlink_to(tmp_path / "nowhere")
    (docs / "gone.md").symlink_to(tmp_path / "nowhere")
    assert [str(p) for p in _docs_problems(docs)] == [
        "docs/gone.md:1: file: cannot be read (No such file or directory): if it is a link, point it at a file "
        "or delete it"
    ]
