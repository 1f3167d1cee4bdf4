"""An Anthology text's relative addresses, moved for the whole-book page one folder up
(`anthology.addresses.rebase`), and the original beside a translation as Markdown for its page
(`anthology.render.original`). The built pages are checked in tests/e2e/test_anthology_build.py."""

from __future__ import annotations

import markdown as python_markdown
import pytest
from apk_site.addresses import rebase
from apk_site.anthology.render import original


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


def test_only_the_addresses_change_in_a_mixed_text():
    text = "# Title\n\nSee [x](x.md), `[y](y.md)` and [z](https://z.kz).\n\n```\n[w](w.md)\n```\n[v](v.md)"
    assert rebase(text, "voices") == text.replace("(x.md)", "(voices/x.md)").replace("[v](v.md)", "[v](voices/v.md)")


def test_the_book_page_renders_a_moved_picture_where_the_text_page_does():
    # anthology/voices/text.md and anthology/book.md both resolve to assets/uploads/hall.jpg in docs/.
    html = python_markdown.markdown(rebase("![Hall](../../assets/uploads/hall.jpg)", "voices"))
    assert html == '<p><img alt="Hall" src="../assets/uploads/hall.jpg" /></p>'


def test_the_originals_headings_become_paragraphs_that_say_they_are_headings():
    text = "Intro.\n## The evening\nText.\n### Night ###\n#### Dawn {#dawn}\n```\n## fenced\n```\n#hashtag"
    assert original(text).split("\n") == [
        "Intro.",
        "",
        '<p class="apk-book-original__heading" role="heading" aria-level="2" markdown="span">The evening</p>',
        "",
        "Text.",
        "",
        '<p class="apk-book-original__heading" role="heading" aria-level="3" markdown="span">Night</p>',
        "",
        "",
        '<p class="apk-book-original__heading" role="heading" aria-level="4" markdown="span">Dawn</p>',
        "",
        "```",
        "## fenced",
        "```",
        "#hashtag",
    ]


def test_the_original_renders_with_no_heading_element():
    rendered = python_markdown.markdown(
        original("First *line*.\n\n## The **evening**\n\nLast."), extensions=["md_in_html"]
    )
    assert "<h" not in rendered.replace("<p", "")
    assert '<p aria-level="2" class="apk-book-original__heading" role="heading">The <strong>evening</strong></p>' in (
        rendered
    )
