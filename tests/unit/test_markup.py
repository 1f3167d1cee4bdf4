"""Bodies carry no active HTML (issue 15, item 5): what is refused, where, and what stays allowed.

Each refused body is published as it is by the code before the rule; `test_loader.py` and
`test_anthology_loader.py` check that the loaders report it, `tests/e2e/test_hostile_input.py` that the build stops.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from apk_site.markup import SITE_EXTENSIONS, active_html, body_problems, render

ROOT = Path(__file__).resolve().parents[2]

REFUSED = [
    ("Text.\n\n<script>alert(1)</script>\n", 2, "<script> runs code in readers' browsers"),
    ("<SCRIPT src=https://evil.example/x.js></SCRIPT>\n", 0, "<script> runs code"),
    ('Text <img src="x.png" onerror="alert(1)"> more.\n', 0, "the attribute onerror= runs code"),
    ("Line.\n\n<p onmouseover=alert(1)>hover</p>\n", 2, "the attribute onmouseover= runs code"),
    ('<iframe src="https://example.org"></iframe>\n', 0, "<iframe> embeds another page or program"),
    ('<object data="x.swf"></object>\n', 0, "<object> embeds another page or program"),
    ('<embed src="x.swf">\n', 0, "<embed> embeds another page or program"),
    ('<form action="https://evil.example"><input name="p"></form>\n', 0, "<form> asks readers to type"),
    ("<style>body { display: none }</style>\n", 0, "<style> changes the whole page"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">\n', 0, "<meta> changes the whole page"),
    ('Text <span style="color: red">red</span>\n', 0, "the attribute style= is blocked"),
    ("See [the page](javascript:alert(1)).\n", 0, "a javascript: address runs code"),
    ("See [the page](JaVaScRiPt:alert(1)).\n", 0, "a javascript: address runs code"),
    ("See [the page](&#106;avascript:alert(1)).\n", 0, "a javascript: address runs code"),
    ('<a href=" java\tscript:alert(1)">x</a>\n', 0, "a javascript: address runs code"),
    ("![pic](javascript:alert(1))\n", 0, "a javascript: address runs code"),
    ("[x][ref]\n\n[ref]: vbscript:msgbox(1)\n", 2, "a vbscript: address runs code"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)\n", 0, "a data: address can hide a whole page"),
    ('A [link](https://example.org){: onclick="alert(1)" }\n', 0, "the attribute onclick= runs code"),
    ("## Heading {: onfocus=alert(1) }\n", 0, "the attribute onfocus= runs code"),
    ("<svg/onload=alert(1)>\n", 0, "<svg> can carry scripts"),
    ('<div markdown="1">\n\n<script>alert(1)</script>\n\n</div>\n', 2, "<script> runs code"),
    # Backticks inside a raw HTML block are not code: the script runs.
    ("<div>`<script>alert(1)</script>`</div>\n", 0, "<script> runs code"),
]


@pytest.mark.parametrize(("body", "line", "start"), REFUSED)
def test_active_html_is_refused_at_its_line(body: str, line: int, start: str) -> None:
    found = active_html(body)
    assert any(number == line and message.startswith(start) for number, message in found), found


def test_each_message_says_what_to_write_instead() -> None:
    for body, _, _ in REFUSED:
        for _, message in active_html(body):
            assert ": " in message and any(word in message for word in ("remove", "write", "link", "put")), message


ALLOWED = [
    "Plain **bold** and _emphasis_, a [link](https://example.org) and [another](../about/).\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "![A picture](picture.png) and ![inline](data:image/png;base64,iVBORw0KGgo=)\n",
    "Code shows `<script>alert(1)</script>` and `onclick=` as text.\n",
    "```html\n<script>alert(1)</script>\n<iframe src=x onload=alert(1)></iframe>\n```\n",
    "~~~\n<form><input></form>\n~~~\n",
    "    <script>indented code</script>\n",
    'Line one<br>\nH<sub>2</sub>O, x<sup>2</sup>, <abbr title="Assembly">APK</abbr>, <kbd>Ctrl</kbd>.\n',
    "<details><summary>More</summary>\n\nHidden text.\n\n</details>\n",
    "Escaped &lt;script&gt;alert(1)&lt;/script&gt; is text, and so is 1 < 2 & 3 > 2.\n",
    "Talk about JavaScript: a language; and data: the numbers.\n",
    "## Heading {: #anchor .class }\n",
    "!!! note\n    An admonition.\n",
]


@pytest.mark.parametrize("body", ALLOWED)
def test_ordinary_markdown_and_harmless_html_stay_allowed(body: str) -> None:
    assert active_html(body) == []


def test_the_code_shown_is_escaped_in_what_the_site_renders() -> None:
    html = render(ALLOWED[4])
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_control_and_bidirectional_characters_are_refused_at_their_line() -> None:
    assert body_problems("Fine.\nBad \u202e here.\nAlso \x1b[31m.\n") == [
        (
            1,
            "contains a bidirectional control character (U+202E) at character 5: delete it (retype the text around it if unsure)",
        ),
        (2, "contains a control character (U+001B) at character 6: delete it (retype the text around it if unsure)"),
    ]
    assert body_problems("Tabs\tand\nnew lines are fine, and so is a right-to-left mark \u200f.\n") == []


def test_the_extensions_are_those_mkdocs_renders_pages_with() -> None:
    """The rule renders bodies as the site does: MkDocs' own three and mkdocs.yml's list (toc adds anchors only)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506 - a safe loader
    names = {next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]}
    assert set(SITE_EXTENSIONS) == (names | {"fenced_code", "tables", "toc"}) - {"toc"}


@pytest.mark.parametrize(
    "body",
    [
        "- More: <https://example.org/sample/x/live>\n",
        "Write to <press@example.org>.\n",
        "Plain text, no markup at all.\n",
    ],
)
def test_bodies_skipped_unrendered_render_to_nothing_active(body: str) -> None:
    """Only bodies that could render to active HTML are rendered (4,200 events: 0.15 s instead of
    several seconds); an autolink is Markdown's own link, so a body of them is skipped."""
    from html.parser import HTMLParser

    from apk_site import markup

    assert markup._SUSPECT.search(body) is None
    tags: list[tuple[str, list[tuple[str, str | None]]]] = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: tags.append((tag, attrs))  # type: ignore[method-assign]
    parser.feed(render(body))
    assert {tag for tag, _ in tags} <= {"p", "ul", "li", "a"}
    assert all(
        name == "href" and (value or "").startswith(("https:", "&#", "mailto:"))
        for _, attrs in tags
        for name, value in attrs
    )


def test_an_autolink_with_quotes_or_spaces_is_rendered_and_checked() -> None:
    """Such a body is rendered: Markdown escapes the quote, and a handler's name inside an address is
    refused all the same by the second look (cautious, and easy to fix)."""
    from apk_site import markup

    quoted, spaced = '<https://x/"onmouseover=alert(1)>\n', "<https://x onmouseover=alert(1)>\n"
    assert markup._SUSPECT.search(quoted) and markup._SUSPECT.search(spaced)
    assert 'href="https://x/&quot;onmouseover' in render(quoted) and active_html(quoted) == []
    assert [message.split(" runs")[0] for _, message in active_html(spaced)] == ["the attribute onmouseover="]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("x" * 100_001, [(0, "is 100001 characters long; keep it to at most 100000 (link to a document for more)")]),
        ("Intro.\n\n" + "[a " * 101, [(2, "this paragraph has 101 '[' (at most 100): split it into paragraphs")]),
        ("<a " * 101, [(0, "this paragraph has 101 '<' (at most 100): split it into paragraphs")]),
        (
            "".join(" " * (4 * i) + "- x\n" for i in range(30)),
            [(11, "is nested 11 levels deep: keep lists and quotes to at most 10 levels")],
        ),
        (">" * 5000 + " x", [(0, "is nested 5000 levels deep: keep lists and quotes to at most 10 levels")]),
    ],
)
def test_bodies_that_would_stall_or_crash_markdown_are_refused_unrendered(body, expected) -> None:
    """Each of these took Python-Markdown (MkDocs too) minutes, or crashed it with RecursionError."""
    import time

    started = time.perf_counter()
    assert body_problems(body) == expected
    assert time.perf_counter() - started < 10  # nothing was rendered: a stall would take minutes


def test_ordinary_long_texts_stay_within_the_limits() -> None:
    from apk_site.markup import limits

    paragraph = "Мәтін [сілтеме](https://example.org) <br> " * 50
    nested = "".join("    " * i + "- пункт\n" for i in range(10))
    assert limits("\n\n".join([paragraph] * 40) + "\n\n" + nested) == []
