"""The editors' guide covers every Anthology field, genre and licence in each language, and its
example error messages are the ones the build really prints."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from apk_site.anthology.loader import TEXT_FIELDS, genres, licences, load_book

ROOT = Path(__file__).resolve().parents[2]
GUIDES = ["editors.md", "editors.ru.md", "editors.en.md"]


def section(name: str) -> str:
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    start = max(
        text.find("## Adding an Anthology text"),
        text.find("## Как добавить текст в Антологию"),
        text.find("## Антологияға мәтін қосу"),
    )
    assert start > 0, name
    return text[start:]


@pytest.mark.parametrize("name", GUIDES)
def test_the_guide_names_every_field_genre_and_licence(name):
    text = section(name)
    for key in [*TEXT_FIELDS, *genres(), *licences(), "book.yml", "authors.yml", "ANTHOLOGY_PDF=0"]:
        assert f"`{key}" in text, (name, key)


@pytest.mark.parametrize("name", GUIDES)
def test_the_guides_example_errors_are_real(name, tmp_path):
    shown = re.findall(r"^docs/anthology/\S+:\d+: .*$", section(name), re.M)
    assert len(shown) == 2
    folder = tmp_path / "docs" / "anthology"
    shutil.copytree(ROOT / "docs" / "anthology", folder)
    poem = folder / "voices" / "sample-poem.md"
    poem.write_text(poem.read_text(encoding="utf-8").replace("genre: poem", "genre: poetry"), encoding="utf-8")
    english = folder / "voices" / "sample-poem.en.md"
    english.write_text(
        re.sub(r"^translators: .*\n", "", english.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8"
    )
    _, problems = load_book(folder, tmp_path)
    assert [str(p) for p in problems] == shown
