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
