"""Files from editors' machines (issue 15, items 1 and 7): UTF-8 with a BOM and CRLF read as they
are; Windows-1251, KZ-1048 and UTF-16 are named in one problem and re-saved by `fix`; links out of
the folder are never read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from apk_site.problems import Problem
from apk_site.text_files import FIX_COMMAND, decode, fix, guess, outside_link

RUSSIAN = "---\ntitle: Собрание Ассамблеи народа Казахстана\nvenue: Дом дружбы\n---\nТекст.\n"
KAZAKH = "---\ntitle: Қазақстан халқы Ассамблеясының жиыны\nvenue: Достық үйі\n---\nМәтін.\n"


def test_utf8_with_bom_and_crlf_reads_as_plain_utf8() -> None:
    raw = "\ufeff".encode() + RUSSIAN.replace("\n", "\r\n").encode("utf-8")
    assert decode(raw, "x.md") == RUSSIAN
    assert decode(RUSSIAN.replace("\n", "\r").encode(), "x.md") == RUSSIAN  # old Mac line endings


@pytest.mark.parametrize(
    ("text", "codec", "name"),
    [(RUSSIAN, "cp1251", "Windows-1251"), (KAZAKH, "kz1048", "KZ-1048 (Kazakh Windows)"), (KAZAKH, "utf-16", "UTF-16")],
)
def test_a_legacy_encoding_is_one_problem_that_names_it_and_the_fix(text: str, codec: str, name: str) -> None:
    problem = decode(text.encode(codec), "events/x.md")
    assert isinstance(problem, Problem)
    assert (problem.path, problem.field) == ("events/x.md", "encoding")
    assert problem.message.startswith(f"the file is saved as {name}")
    assert FIX_COMMAND in problem.message and "save it as UTF-8" in problem.message


def test_the_problem_is_on_the_line_of_the_first_byte_that_is_not_utf8() -> None:
    raw = ("---\nstart: 2025-04-24\n" + "title: Собрание\n").encode("cp1251")
    problem = decode(raw, "x.md")
    assert isinstance(problem, Problem) and problem.line == 3


def test_bytes_in_no_known_encoding_are_still_one_problem() -> None:
    problem = decode(b"---\ntitle: \xff\xfe\x00\x81\x98 x\n---\n", "x.md")
    assert isinstance(problem, Problem) and problem.line == 2
    assert problem.message.startswith("the file is not UTF-8 text (byte 0xff cannot be read): save it as UTF-8")
    assert guess(b"\x98\x98\x98") is None


def test_fix_resaves_as_utf8_once_and_then_changes_nothing(tmp_path: Path) -> None:
    russian, kazakh, good = tmp_path / "ru.md", tmp_path / "kk.md", tmp_path / "good.md"
    russian.write_bytes(RUSSIAN.replace("\n", "\r\n").encode("cp1251"))
    kazakh.write_bytes(KAZAKH.encode("utf-16"))
    good.write_bytes(b"\xef\xbb\xbf" + KAZAKH.encode())
    found = [(fix(p), fix(p)) for p in (russian, kazakh)]  # re-saved, then nothing left to do
    assert [(first and first.name, second) for first, second in found] == [
        ("Windows-1251", None),
        ("UTF-16 (Notepad's 'Unicode')", None),
    ]
    assert russian.read_bytes() == RUSSIAN.replace("\n", "\r\n").encode("utf-8")  # line endings kept
    assert kazakh.read_text(encoding="utf-8") == KAZAKH
    before = good.read_bytes()
    assert fix(good) is None and good.read_bytes() == before


def test_links_out_of_the_folder_or_to_nothing_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    (tmp_path / "secret.md").write_text("secret", encoding="utf-8")
    (folder / "inside.md").write_text("inside", encoding="utf-8")
    os.symlink(tmp_path / "secret.md", folder / "out.md")
    os.symlink("../events/../secret.md", folder / "relative.md")
    os.symlink(tmp_path / "nowhere.md", folder / "broken.md")
    os.symlink("inside.md", folder / "alias.md")
    found = {name: outside_link(folder / name, folder, name) for name in ("out.md", "relative.md", "broken.md")}
    assert {name: p.message if p else None for name, p in found.items()} == {
        "out.md": "is a link to a file outside its folder: copy the text into a file here instead",
        "relative.md": "is a link to a file outside its folder: copy the text into a file here instead",
        "broken.md": "is a link to a file that does not exist: remove the link",
    }
    assert outside_link(folder / "alias.md", folder, "alias.md") is None
    assert outside_link(folder / "inside.md", folder, "inside.md") is None


def test_latin_1_is_not_taken_for_windows_1251() -> None:
    """In Windows-1251 'é' is 'й': the letters alone would pass for Russian, the words do not."""
    french = "---\ntitle: Café de la Paix, résumé général\nvenue: Théâtre\n---\nÀ bientôt.\n".encode("latin-1")
    assert guess(french) is None
    problem = decode(french, "x.md")
    assert isinstance(problem, Problem) and problem.message.startswith("the file is not UTF-8 text")
