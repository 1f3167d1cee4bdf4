"""Framed pages (apk_site.mkdocs_shell): a prototype page cut at its placeholders and filled per page."""

from __future__ import annotations

import pytest
from apk_site import mkdocs_shell as shell
from apk_site.mkdocs_shell import PAGE, PLACEHOLDERS, Shell, ShellError

PROTOTYPE = (
    f'<title>{PLACEHOLDERS["title"]} - Site</title><meta content="{PLACEHOLDERS["description"]}">'
    f'<a href="../../ru/events/{PAGE}/">ru</a><link rel="canonical" href="https://x.org/events/{PAGE}/">'
    f"<span>{PLACEHOLDERS['title']}</span><article>{PLACEHOLDERS['content']}</article>"
)


def test_every_placeholder_is_replaced_where_it_stood():
    page = Shell.parse(PROTOTYPE).fill(
        {"page": "x-1", "title": "A &amp; B", "description": "D", "content": '<h1 id="event-title">A &amp; B</h1>'}
    )
    assert page == (
        '<title>A &amp; B - Site</title><meta content="D"><a href="../../ru/events/x-1/">ru</a>'
        '<link rel="canonical" href="https://x.org/events/x-1/"><span>A &amp; B</span>'
        '<article><h1 id="event-title">A &amp; B</h1></article>'
    )


def test_values_are_put_in_as_given_and_never_searched_for_placeholders():
    frame = Shell.parse(PROTOTYPE)
    page = frame.fill({"page": "p", "title": PLACEHOLDERS["content"], "description": PAGE, "content": "c"})
    assert page.count(PLACEHOLDERS["content"]) == 2  # the title's two places, as given
    assert "<article>c</article>" in page


@pytest.mark.parametrize("times", [0, 2])
def test_a_prototype_without_exactly_one_content_is_refused(times):
    html = PROTOTYPE.replace(PLACEHOLDERS["content"], "") + PLACEHOLDERS["content"] * times
    with pytest.raises(ShellError, match=f"{times} times"):
        Shell.parse(html)


def test_frames_are_switched_off_by_apk_frames_0_only():
    assert shell.wanted({}) and shell.wanted({"APK_FRAMES": "1"})
    assert not shell.wanted({"APK_FRAMES": "0"})
    assert shell.is_prototype(f"events/{PAGE}.ru.md") and not shell.is_prototype("events/xapk.md")
