"""A picture uploaded through the editors' web form (/admin/, dev/CMS.md "Pictures"), in chromium against
the real local backend: decap-server over a copy of the project in a temporary folder (the fixtures of
tests/browser/test_cms.py; the real repository is never written).

Decap reads the picked file by fetching a `blob:` address it made itself, so the form's policy needs
`blob:` in `connect-src` (decaporg/decap-cms#6829); without it the upload fails with a console error
naming the Content Security Policy and nothing reaches the disk.
"""

from __future__ import annotations

import struct
import time
import zlib
from pathlib import Path

import pytest

# The project copy, its decap-server and the built site with /admin/ pointing at it; importing the
# fixtures gives this module its own copy, so the files here are not mixed with test_cms.py's.
from tests.browser.test_cms import admin_url, backend, open_form, project, snapshot  # noqa: F401

pytestmark = pytest.mark.browser

NAME = "upload-test-dot.png"
UPLOADS = "docs/assets/uploads"


def tiny_png() -> bytes:
    """A valid 1×1 red PNG, written here so the test needs no picture file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # width, height, 8 bits, RGB
    pixels = zlib.compress(b"\x00\xff\x00\x00")  # one row: filter byte, then R G B
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def wait_for_file(path: Path, seconds: float = 15) -> bool:
    """decap-server writes the upload a moment after the media library shows it; a failed upload never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.is_file():
            return True
        time.sleep(0.2)
    return False


def test_picture_uploaded_through_the_media_library_lands_in_uploads(browser, admin_url, project, tmp_path):  # noqa: F811
    picture = tmp_path / NAME
    picture.write_bytes(tiny_png())
    before = snapshot(project)
    page, _ = open_form(browser, admin_url)
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    page.get_by_role("button", name="Media").click()
    page.locator("input[type=file]").set_input_files(str(picture))
    uploaded = project / UPLOADS / NAME
    landed = wait_for_file(uploaded)
    page.close()

    csp_errors = [e for e in errors if "content security policy" in e.lower()]
    assert csp_errors == [], csp_errors
    assert landed, f"{UPLOADS}/{NAME} was not written; console errors: {errors}"
    assert uploaded.read_bytes() == picture.read_bytes()
    after = snapshot(project)
    assert sorted(set(after) - set(before)) == ["docs/assets/", f"{UPLOADS}/", f"{UPLOADS}/{NAME}"]
    assert {k: v for k, v in after.items() if k in before} == before  # nothing else touched
