"""Read an editor's file as text, or say in one problem why it cannot be read.

Editors' machines save UTF-8 with a BOM and CRLF line endings (Notepad), Windows-1251 or KZ-1048
(Russian and Kazakh Windows), UTF-16 ("Unicode" in Notepad), and links to files elsewhere. The
first two are read as they are; the legacy encodings are named, with the command that re-saves
them (`apk check --fix-encoding`, see `fix`); a link out of its folder is never read.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem

FIX_COMMAND = "python scripts/apk.py check --fix-encoding"
RESAVE = "or open it in a text editor and save it as UTF-8 (Notepad: File > Save as > Encoding: UTF-8)"
_RUSSIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІіє«»—–…№“”„’‘•·°\u00a0")
_KAZAKH = _RUSSIAN | set("әғқңөұүһӘҒҚҢӨҰҮҺ")
# Enough of a file's non-ASCII characters must be letters of the language for a guess to be trusted.
_TRUST = 0.9


@dataclass(frozen=True)
class Encoding:
    """A legacy encoding a file was recognised in: Python's codec and the name editors know."""

    codec: str
    name: str


LEGACY = (Encoding("cp1251", "Windows-1251"), Encoding("kz1048", "KZ-1048 (Kazakh Windows)"))
UTF16 = Encoding("utf-16", "UTF-16 (Notepad's 'Unicode')")
_ALPHABETS = {"cp1251": _RUSSIAN, "kz1048": _KAZAKH}


def decode(raw: bytes, shown: str) -> str | Problem:
    """The text of a UTF-8 file (BOM removed, line endings made `\\n`, as Python's text mode does)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _not_utf8(raw, shown, error.start)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, shown: str) -> str | Problem:
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        return Problem(shown, 1, "file name", "is a folder: names ending in .md are for text files, rename the folder")
    except OSError as error:  # a link to nowhere, a file without read permission
        reason = error.strerror or type(error).__name__
        return Problem(shown, 1, "file", f"cannot be read ({reason}): if it is a link, point it at a file or delete it")
    return decode(raw, shown)


def _not_utf8(raw: bytes, shown: str, position: int) -> Problem:
    line = raw.count(b"\n", 0, position) + 1
    found = guess(raw)
    if found is None:
        message = f"the file is not UTF-8 text (byte {raw[position]:#04x} cannot be read): save it as UTF-8"
        return Problem(
            shown, line, "encoding", message + " in a text editor (Notepad: File > Save as > Encoding: UTF-8)"
        )
    return Problem(
        shown, line, "encoding", f"the file is saved as {found.name}, not UTF-8: run `{FIX_COMMAND}`, {RESAVE}"
    )


def guess(raw: bytes) -> Encoding | None:
    """The legacy encoding that reads `raw` as Russian or Kazakh text, if one clearly does."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            raw.decode(UTF16.codec)
        except UnicodeDecodeError:
            return None
        return UTF16
    scores = []
    for encoding in LEGACY:
        try:
            text = raw.decode(encoding.codec)
        except UnicodeDecodeError:
            continue
        scores.append((_share(text, _ALPHABETS[encoding.codec]), -LEGACY.index(encoding), encoding, text))
    best = max(scores, default=None, key=lambda s: s[:2])
    return best[2] if best is not None and best[0] >= _TRUST and not _mixed(best[3]) else None


def _share(text: str, letters: set[str]) -> float:
    """The share of non-ASCII characters that belong to `letters` (KZ-1048 read as Windows-1251
    gives Serbian letters such as Ђ and Ћ where Kazakh ones stood)."""
    wide = [c for c in text if ord(c) > 127]
    return sum(c in letters for c in wide) / len(wide) if wide else 0.0


_WORD = re.compile(r"[^\W\d_]+")


def _mixed(text: str) -> bool:
    """Whether many words mix Latin and other letters: Latin-1 French or German read as Windows-1251
    gives 'cafй' and 'GrьЯe', where Russian gives whole Cyrillic words."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    mixed = [w for w in words if any(c.isascii() for c in w)]
    return len(mixed) > len(words) / 10


def fix(path: Path) -> Encoding | None:
    """Re-save `path` as UTF-8 when it is in a recognised legacy encoding; None: left as it was
    (already UTF-8, or not recognised). Line endings and the text itself are kept."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        found = guess(raw)
        if found is not None:
            path.write_bytes(raw.decode(found.codec).lstrip("\ufeff").encode("utf-8"))
        return found
    return None


def outside_link(path: Path, folder: Path, shown: str) -> Problem | None:
    """A symbolic link that leads out of `folder` (or nowhere): the site would publish a file that
    is not the project's, so it is never read."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if not target.is_file():
        return Problem(shown, 1, "file name", "is a link to a file that does not exist: remove the link")
    if folder.resolve() not in target.parents:
        return Problem(
            shown, 1, "file name", "is a link to a file outside its folder: copy the text into a file here instead"
        )
    return None


def linked_folders(folder: Path, base: Path, display: Callable[[Path, Path], str]) -> list[Problem]:
    """Links to folders inside `folder`: their files are never read (pathlib does not follow them),
    so say so rather than drop them without a word."""
    found = []
    for directory, subdirectories, _ in sorted(os.walk(folder)):
        for name in sorted(subdirectories):
            if os.path.islink(os.path.join(directory, name)):
                shown = display(Path(directory, name), base)
                found.append(
                    Problem(
                        shown, 1, "file name", "is a link to a folder, whose files are not read: copy them here instead"
                    )
                )
    return found
