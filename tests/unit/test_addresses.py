"""A text's relative addresses (`apk_site.addresses`): moved for the whole-book page one folder up
(`rebase`), and written for the page that shows the original beside a translation as raw HTML
(`for_page`, with `anthology.render.html`). The built pages are checked in
tests/e2e/test_anthology_build.py."""

from __future__ import annotations

import markdown as python_markdown
import pytest
from apk_site.addresses import for_page, rebase, relative
from apk_site.anthology.render import html


@pytest.mark.parametrize(
    ("written", "in_book"),
    [
        ("![Hall](../../assets/uploads/hall.jpg)", "![Hall](../assets/uploads/hall.jpg)"),
        ('![Hall](../../assets/uploads/hall.jpg "The hall")', '![Hall](../assets/uploads/hall.jpg "The hall")'),
        ("[the poem](sample-poem.md)", "[the poem](voices/sample-poem.md)"),
        ("[a stanza](sample-poem.md#stanza-2)", "[a stanza](voices/sample-poem.md#stanza-2)"),
        ("[the law](../documents/law.md)", "[the law](documents/law.md)"),
        ("[the part](../heritage/)", "[the part](heritage/)"),
        ("[a file](<../../assets/uploads/a b.pdf>)", "[a file](<../assets/uploads/a b.pdf>)"),
        ("[![Hall](../../assets/h.png)](../../assets/h-big.png)", "[![Hall](../assets/h.png)](../assets/h-big.png)"),
        ("[a](x.md) and [b](./y.md)", "[a](voices/x.md) and [b](voices/y.md)"),
        ("[c](scan(1).png)", "[c](voices/scan(1).png)"),
        ('[ref]: ../../assets/a.pdf "Scan"', '[ref]: ../assets/a.pdf "Scan"'),
        ("   [ref]: <../../assets/a b.pdf>", "   [ref]: <../assets/a b.pdf>"),
    ],
)
def test_relative_addresses_move_with_the_text(written, in_book):
    assert rebase(written, "voices") == in_book


@pytest.mark.parametrize(
    "kept",
    [
        "[site](https://example.org/a.md)",
        "[mail](mailto:office@example.org)",
        "[top](#the-evening)",
        "[query](?page=2)",
        "[root](/assets/a.png)",
        "`[code](../x.md)` stays code",
        "``a `](../x)` b``",
        "<img src=\"../../assets/a.png\" alt='raw HTML is not rewritten by any page'>",
        "a sentence with ](brackets) but no link",
        "a list (1, 2](3) with no [",
        "```\n![in a fence](../../x.png)\n```",
        "~~~~\n```\n[still fenced](../x.md)\n~~~~",
    ],
)
def test_everything_else_stays_as_written(kept):
    assert rebase(kept, "voices") == kept


@pytest.mark.parametrize(
    ("written", "in_book", "found"),
    [
        # A link's text over two lines of a paragraph: still a picture, found at its address's line.
        ("![the choir\non the stage](../../assets/x.jpg)", "![the choir\non the stage](../assets/x.jpg)", [(1, True)]),
        ('[ok]: ../../a.pdf "Scan"', '[ok]: ../a.pdf "Scan"', [(0, False)]),
        ("[1]: Abai, Poems, 1909.", "[1]: Abai, Poems, 1909.", []),  # prose, not a definition
        ("[note]: poem.txt was lost", "[note]: poem.txt was lost", []),
        ("\\[not a link](x.pdf)", "\\[not a link](x.pdf)", []),  # an escaped bracket is text
        ("[a\\]b](x.pdf)", "[a\\]b](voices/x.pdf)", [(0, False)]),
        ("`code over\n[two](lines.pdf)`", "`code over\n[two](lines.pdf)`", []),
        ("[a\n\n](x.pdf)", "[a\n\n](x.pdf)", []),  # a blank line ends the paragraph and the link
    ],
)
def test_what_markdown_reads_as_a_link_is_what_moves(written, in_book, found):
    assert rebase(written, "voices") == in_book
    assert [(a.line, a.picture) for a in relative(written)] == found


def test_only_the_addresses_change_in_a_mixed_text():
    text = "# Title\n\nSee [x](x.md), `[y](y.md)` and [z](https://z.kz).\n\n```\n[w](w.md)\n```\n[v](v.md)"
    assert rebase(text, "voices") == text.replace("(x.md)", "(voices/x.md)").replace("[v](v.md)", "[v](voices/v.md)")


def test_the_book_page_renders_a_moved_picture_where_the_text_page_does():
    # anthology/voices/text.md and anthology/book.md both resolve to assets/uploads/hall.jpg in docs/.
    html = python_markdown.markdown(rebase("![Hall](../../assets/uploads/hall.jpg)", "voices"))
    assert html == '<p><img alt="Hall" src="../assets/uploads/hall.jpg" /></p>'


@pytest.mark.parametrize(
    ("written", "on_the_page"),
    [
        ("![Hall](../../assets/uploads/hall.jpg)", "![Hall](../../../../assets/uploads/hall.jpg)"),
        ("[the poem](sample-poem.md#s2)", "[the poem](../../../anthology/voices/sample-poem/#s2)"),
        ("[the part](../heritage/index.md)", "[the part](../../../anthology/heritage/)"),
        ("[the calendar](../../calendar.md)", "[the calendar](../../../calendar/)"),
        ("[home](../../index.md)", "[home](../../../)"),
        ("[regions](../../regions/)", "[regions](../../../regions/)"),
        ("[a scan](<../../assets/uploads/a b.pdf>)", "[a scan](<../../../../assets/uploads/a b.pdf>)"),
        ("[out](../../../x.jpg)", "[out](../../../x.jpg)"),  # out of docs/: reported by local_files
        ("[site](https://example.org/a.md)", "[site](https://example.org/a.md)"),
    ],
)
def test_an_original_shown_as_raw_html_gets_addresses_for_its_page(written, on_the_page):
    # The Russian page of a text in anthology/voices/: its language root is ../../../, the site's ../../../../
    assert for_page(written, "anthology/voices", "../../../../", "../../../") == on_the_page


def test_the_originals_headings_of_every_form_become_paragraphs_that_say_they_are_headings():
    text = "Intro.\n\n## The evening {#evening}\n\nSetext\n===\n\n> ## Quoted\n\n- ## Listed\n\n```\n## fenced\n```"
    rendered = html(text)
    assert "<h1" not in rendered and "<h2" not in rendered and "</h" not in rendered
    heading = '<p class="apk-book-original__heading" role="heading" aria-level="{}"{}>{}</p>'
    for level, attributes, title in [(2, ' id="evening"', "The evening"), (1, "", "Setext"), (2, "", "Quoted")]:
        assert heading.format(level, attributes, title) in rendered
    assert heading.format(2, "", "Listed") in rendered and "## fenced" in rendered
