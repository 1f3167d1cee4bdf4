"""The pictures and files a body shows from the site must be in docs/: checked at the editor's line.

MkDocs finds a missing one too, but only while building, and it names the page it generated
(`anthology/book.md`, `events/<id>.md`), not the editor's file, while `apk check` would pass. Links
to pages (`.md`, or a folder) are MkDocs' to check; nobody checks them yet in an original written in
a language the site does not have (`*.original.md`), which is shown only as raw HTML beside its
translations. Each address is relative to the page's source
in docs/ (see `addresses`): an event's page is read as `docs/events/<id>.md`, whatever its folder in
events/, and an Anthology text as `docs/anthology/<part>/<id>.md`.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from . import addresses
from .problems import Problem

EVENTS_FOLDER = "events"
UPLOADS = "assets/uploads"  # where the web form saves pictures (cms_config.py)


def missing(path: str, body: str, body_line: int, folder: str, docs: Path, docs_shown: str) -> list[Problem]:
    """A problem for each file that the body at `path` (its text starting at the file's line
    `body_line`, its page read from `docs/<folder>/`) shows or links to and docs/ does not hold."""
    found = []
    for address in addresses.relative(body):
        name = posixpath.basename(address.path)
        if not posixpath.splitext(name)[1] or name.endswith(".md"):
            continue  # a page or a folder (`..` too): MkDocs resolves those
        if message := _problem(address, name, folder, docs, docs_shown):
            found.append(Problem(path, body_line + address.line, "body", message))
    return found


def _problem(address: addresses.Address, name: str, folder: str, docs: Path, docs_shown: str) -> str:
    target = posixpath.normpath(posixpath.join(folder, address.path))
    what = f"the picture {address.written}" if address.picture else f"the file {address.written}"
    uploaded = f"{UPLOADS}/{name}"
    if target == ".." or target.startswith("../"):
        inside = target.lstrip("./")
        wanted = inside if (docs / inside).is_file() else uploaded
        save = "" if (docs / wanted).is_file() else ", and save it there"
        return (
            f"{what} leads out of {docs_shown}/ (this page is read from {docs_shown}/{folder}/): "
            f"write {posixpath.relpath(wanted, folder)} for {docs_shown}/{wanted}{save}"
        )
    if (docs / target).is_file():
        return ""
    fix = (
        f"it is in {docs_shown}/{UPLOADS}/, so write {posixpath.relpath(uploaded, folder)}"
        if (docs / uploaded).is_file()
        else "save it there, or correct the address (capital and small letters count)"
    )
    return f"{what} is not in the site, there is no {docs_shown}/{target}: {fix}"
