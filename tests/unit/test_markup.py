"""Bodies carry no active HTML (issue 15, item 5): what is refused, where, and what stays allowed.

Each refused body is published as it is by the code before the rule; `test_loader.py` and
`test_anthology_loader.py` check that the loaders report it, `tests/e2e/test_hostile_input.py` that the build stops.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from apk_site.markup import SITE_EXTENSION_CONFIGS, SITE_EXTENSIONS, active_html, body_problems, render
from hypothesis import given, settings
from hypothesis import strategies as st

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
    configs = {name: value for e in config["markdown_extensions"] if isinstance(e, dict) for name, value in e.items()}
    assert {name: configs[name] for name in SITE_EXTENSIONS if name in configs} == SITE_EXTENSION_CONFIGS


def test_an_aligned_table_is_rendered_as_the_site_renders_it() -> None:
    """With `use_align_attribute`, as mkdocs.yml has it: a table with an aligned column and an `&`
    (which makes the body rendered here) was refused for a style= the site never writes."""
    body = "| Left | Right |\n|:-----|------:|\n| a | b |\n\nTom & Jerry.\n"
    assert 'align="left"' in render(body) and active_html(body) == []


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


# ---- Pictures and media on another host: readers' browsers would contact it when the page opens ----

ANOTHER_HOST = [
    ("Text.\n\n![photo](https://other.example/x.jpg)\n", 2, "the picture https://other.example/x.jpg"),
    ('Text.\n![photo](http://other.example/x.jpg "A title")\n', 1, "the picture http://other.example/x.jpg"),
    ("![photo][p]\n\nMore text.\n\n[p]: https://other.example/ref.jpg\n", 4, "the picture https://other.example/ref"),
    ("Text.\n\n![photo](//cdn.example/x.png)\n", 2, "the picture //cdn.example/x.png"),
    ("![photo](HTTPS://OTHER.EXAMPLE/UP.JPG)\n", 0, "the picture HTTPS://OTHER.EXAMPLE/UP.JPG"),
    ('Line.\n\n<img src="https://other.example/x.jpg" alt="x">\n', 2, "the picture https://other.example/x.jpg"),
    ("<img src=//cdn.example/y.png>\n", 0, "the picture //cdn.example/y.png"),
    ('<img src="\\\\evil.example/z.png">\n', 0, "the picture \\\\evil.example/z.png"),
    ('<img src="  https://other.example/spaced.jpg ">\n', 0, "the picture https://other.example/spaced.jpg"),
    ('<IMG SRC="https://other.example/upper.jpg">\n', 0, "the picture https://other.example/upper.jpg"),
    ('<image src="https://other.example/i.jpg">\n', 0, "the picture https://other.example/i.jpg"),
    ('<img src="a.jpg" srcset="a.jpg 1x, https://other.example/b.jpg 2x">\n', 0, "the picture https://other.example/b"),
    (
        '<picture>\n<source srcset="https://other.example/wide.webp" media="(min-width: 800px)">\n'
        '<img src="narrow.jpg" alt="x">\n</picture>\n',
        1,
        "the picture https://other.example/wide.webp",
    ),
    ('<video poster="https://other.example/poster.jpg" src="clip.mp4"></video>\n', 0, "the picture https://other"),
    ('<video src="https://other.example/clip.mp4"></video>\n', 0, "the video https://other.example/clip.mp4"),
    ('<audio src="https://other.example/song.mp3"></audio>\n', 0, "the sound https://other.example/song.mp3"),
    (
        '<video>\n<source src="https://other.example/clip.webm">\n<track src="//other.example/subs.vtt">\n</video>\n',
        1,
        "the file https://other.example/clip.webm",
    ),
    (
        '<video>\n<source src="https://other.example/clip.webm">\n<track src="//other.example/subs.vtt">\n</video>\n',
        2,
        "the subtitles //other.example/subs.vtt",
    ),
    ('<table background="https://other.example/bg.png"><tr><td>x</td></tr></table>\n', 0, "the picture https://"),
    ('![photo](local.jpg){: srcset="https://other.example/2x.jpg 2x" }\n', 0, "the picture https://other.example/2x"),
    ('<div markdown="1">\n\nText.\n\n![photo](https://other.example/in.jpg)\n\n</div>\n', 4, "the picture https://"),
    # Markdown keeps "\/" (no escape), and browsers read it as "/"; they drop the line break in "https:".
    ("![photo](\\/\\/cdn.example/x.jpg)\n", 0, "the picture \\/\\/cdn.example/x.jpg"),
    ("Text.\n\n![photo](ht\ntps://other.example/x.jpg)\n", 3, "the picture https://other.example/x.jpg"),
    # Written with an entity, the address is not in the source as such: its host still finds the line.
    ('Text.\n<img src="https&#58;//other.example/e.jpg">\n', 1, "the picture https://other.example/e.jpg"),
]


@pytest.mark.parametrize(("body", "line", "start"), ANOTHER_HOST)
def test_a_picture_or_media_on_another_host_is_refused_at_its_line(body: str, line: int, start: str) -> None:
    found = active_html(body)
    assert any(number == line and message.startswith(start) for number, message in found), found


def test_the_message_says_why_and_how_to_put_the_picture_in_the_site() -> None:
    [(_, message)] = active_html("![photo](https://other.example/x.jpg)\n")
    assert message.startswith("the picture https://other.example/x.jpg is on another host: ")
    why, _, fix = message.partition("anyway): ")
    for reason in ("readers' browsers would contact that host", "the site promises", "Content-Security-Policy"):
        assert reason in why
    assert "docs/assets/uploads/<name>.jpg" in fix and "![description](../assets/uploads/<name>.jpg)" in fix
    assert "[photo](https://...)" in fix and "delete the !" in fix


def test_the_picture_addresses_the_message_suggests_reach_docs_assets() -> None:
    """MkDocs resolves a Markdown address against the page's source in docs/: events/<id>.md for an
    event (a build with ../../assets/... from an event fails: outside docs/), anthology/<part>/<id>.md
    for an Anthology text (the whole book, one folder up, moves the address: addresses.py)."""
    import posixpath
    import re

    [(_, message)] = active_html("![photo](https://other.example/x.jpg)\n")
    event_address = re.search(r"\]\(([./]*assets/uploads/<name>\.jpg)\) in an event's text", message)[1]
    assert posixpath.normpath(posixpath.join("events", event_address)) == "assets/uploads/<name>.jpg"
    text_address = re.search(r"\]\(([./]*assets/uploads/<name>\.jpg)\) in an Anthology text", message)[1]
    assert posixpath.normpath(posixpath.join("anthology/voices", text_address)) == "assets/uploads/<name>.jpg"


def test_a_video_on_another_host_is_to_be_linked_not_shown_as_a_picture() -> None:
    [(_, message)] = active_html('<video src="https://other.example/clip.mp4"></video>\n')
    assert message.endswith(
        "link to it instead, [video](https://...); or save it in the site, as docs/assets/uploads/<name>.mp4, "
        "and link to that: [video](../assets/uploads/<name>.mp4) from an event's text, "
        "[video](../../assets/uploads/<name>.mp4) from an Anthology text"
    )


def test_an_element_refused_as_a_whole_gets_one_message() -> None:
    """<input type=image src> and <iframe src> already say: remove it; a second message would not help."""
    for body, start in [
        ('<input type="image" src="https://other.example/go.png">\n', "<input> asks readers"),
        ('<iframe src="https://other.example/"></iframe>\n', "<iframe> embeds"),
    ]:
        assert [message.split(":")[0][: len(start)] for _, message in active_html(body)] == [start]


STAYS_ALLOWED = [
    "A [link](https://other.example/x.jpg), another to [a page](//other.example/page) and <https://other.example>.\n",
    "![Saved in the site](../assets/uploads/photo.jpg) and ![beside the page](photo.png)\n",
    "![Saved in the site](../assets/uploads/photo.jpg) beside a [link](https://other.example/page)\n",
    "![from the site's root](/assets/uploads/photo.jpg)\n",
    "![inline](data:image/png;base64,iVBORw0KGgo=)\n",
    'Show it as code: `![photo](https://other.example/x.jpg)` and `<img src="https://other.example/x.jpg">`.\n',
    '```html\n<img src="https://other.example/x.jpg">\n<video poster="//other.example/p.jpg"></video>\n```\n',
    '<img src="../assets/uploads/a.jpg" srcset="../assets/uploads/a.jpg 1x, ../assets/uploads/a@2x.jpg 2x" alt="a">\n',
    '<a href="https://other.example/"><img src="../assets/uploads/logo.png" alt="logo"></a>\n',
    '<video src="../assets/uploads/clip.mp4" poster="../assets/uploads/poster.jpg"></video>\n',
    "An address as text: https://other.example/x.jpg, and one that says so: https-style.\n",
    '<img alt="https://other.example/x.jpg" title="//other.example" src="photo.jpg">\n',
]


@pytest.mark.parametrize("body", STAYS_ALLOWED)
def test_links_and_pictures_in_the_site_stay_allowed(body: str) -> None:
    assert active_html(body) == []


def test_a_body_with_many_problems_reports_each_at_its_line() -> None:
    body = (
        "Intro with a [link](https://other.example/page).\n"  # 0: allowed
        "![one](https://a.example/1.jpg)\n"  # 1
        "\n"
        "<script>alert(1)</script>\n"  # 3
        "\n"
        "```\n![shown as code](https://b.example/code.jpg)\n```\n"  # 5-7: allowed
        "\n"
        '<img src="//c.example/2.png" alt="two"> and <video poster="https://d.example/3.jpg"></video>\n'  # 9
        "\n"
        "![again](https://a.example/1.jpg) ![four](https://e.example/4.jpg)\n"  # 11: the first is said once
        "\n"
        "![five][r]\n"  # 13
        "\n"
        "[r]: https://f.example/5.jpg\n"  # 15
    )
    found = [(line, message.split(" is on another host")[0].split(" runs")[0]) for line, message in active_html(body)]
    assert found == [
        (1, "the picture https://a.example/1.jpg"),
        (3, "<script>"),
        (9, "the picture //c.example/2.png"),
        (9, "the picture https://d.example/3.jpg"),
        (11, "the picture https://e.example/4.jpg"),
        (15, "the picture https://f.example/5.jpg"),
    ]


def test_a_long_address_is_shortened_in_the_message_and_still_found() -> None:
    address = "https://other.example/" + "a" * 300 + ".jpg"
    [(line, message)] = active_html(f"Text.\n\n![photo]({address})\n")
    assert line == 2 and len(message) < 1000 and f"{address[:79]}… is on another host" in message


@pytest.mark.parametrize(
    "body",
    [
        "![photo](https://other.example/x.jpg)\n",
        "Text ![photo][p] more.\n\n- A list.\n\n[p]: //cdn.example/x.jpg\n",
        "![photo][p]\n\n> [p]:\n>   https://other.example/x.jpg\n",
        "![photo](\\/\\/cdn.example/x.jpg)\n",
        "![photo](ht\ntps://other.example/x.jpg)\n",
        "> ![photo](ht\n> tps://other.example/x.jpg)\n",
        "![photo](\u00a0https://other.example/x.jpg)\n",
        "![a [nested](local.jpg) alt\ntext](https://other.example/x.jpg)\n",
        "[![a picture in a link](https://other.example/x.jpg)](https://other.example/page)\n",
        # Markdown reads code spans and links first, and puts their text into the picture's address.
        "![photo](`ht`tps://other.example/x.jpg)\n",
        "![photo]([ht](x)tps://other.example/x.jpg)\n",
        "![photo]([ht][r]tps://other.example/x.jpg)\n\n[r]: x\n",
        "![local](a.jpg) and a [link](https://other.example/page) in one paragraph\n",
    ],
)
def test_a_body_whose_picture_may_be_on_another_host_is_rendered(body: str) -> None:
    """Only rendering tells which address is a picture's (inline, by reference, in a link)."""
    from apk_site import markup

    assert markup._could_be_active(body)


@pytest.mark.parametrize(
    "body",
    [
        "[A link](https://other.example/x.jpg), another to [a page](../about/) and <https://other.example>\n",
        "![Saved in the site](../assets/uploads/photo.jpg)\n\n![by name]\n\n[by name]: ../assets/uploads/b.jpg\n",
        "![Saved in the site](../assets/uploads/photo.jpg)\n\n- [Registration](https://other.example/r)\n"
        "- More: <https://other.example/more>\n",
        "[A link first](https://other.example/page), then ![a picture](photo.jpg)\n",
    ],
)
def test_a_body_of_links_or_of_pictures_in_the_site_is_not_rendered(body: str) -> None:
    """Most events link to the organizers' pages, and a picture beside such links (in another
    paragraph) must not make every body rendered: that would double the time of loading 4,200 events.
    What the skipped body renders to fetches nothing from another host."""
    from apk_site import markup

    assert not markup._could_be_active(body)
    assert markup._rendered_active_html(body, SITE_EXTENSIONS) == []


# Pieces of Markdown that move a picture's address around: brackets, references, quotes, lists,
# code, blank lines, escapes, and addresses on other hosts written in several ways.
PIECES = [
    *("![", "![alt](", "![alt][r]", "[", "]", "(", ")", "](", "]:", "][", "\n[r]: ", "r", "local.jpg", '"title"'),
    *("!", "\\", "`", "*", " ", "\n", "\n\n", "\n \t\n", "> ", ">\n", "- ", "1. ", "    ", "```\n", "!!! note\n"),
    *("| a |\n|---|\n| ", "https://o.example/x.jpg", "//o.example/y.png", "\\/\\/o.example/z", "ht\ntps://o.example/w"),
    *("HTTP:o.example", "[ht](x)", "[ht][r]", "`ht`", "tps://o.example/s", "\u00a0", "\x02", "\r"),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_fast_path_skips_no_body_that_shows_a_picture_from_another_host(body: str) -> None:
    """Whatever Markdown the pieces make, a body skipped unrendered renders to no address on another host."""
    from apk_site import markup

    if not markup._could_be_active(body):
        assert markup._rendered_active_html(body, SITE_EXTENSIONS) == []


def test_the_loader_reports_a_picture_on_another_host_at_its_line_in_the_file(tmp_path: Path) -> None:
    from apk_site.loader import load_events

    front = "---\nstart: 2025-04-24 10:00\nregion: astana\ncategory: session-forum\norganizer: session\n"
    front += "status: scheduled\ntitle: Сессия\nvenue: Тәуелсіздік сарайы\n---\n"
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "x.md").write_text(front + "Мәтін.\n\n![Сурет](https://other.example/x.jpg)\n", "utf-8")
    events, problems = load_events(tmp_path / "events", tmp_path)
    assert events == ()
    assert [str(p).split(" is on another host")[0] for p in problems] == [
        "events/x.md:12: body: the picture https://other.example/x.jpg"
    ]


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("Text.\n\n![](../assets/uploads/a.jpg)\n", 2),  # lines within a body count from 0
        ("Text.\n\n![ ](../assets/uploads/a.jpg)\n", 2),
        ('Intro.\n<img src="../assets/uploads/a.jpg">\n', 1),
        ('Intro.\n<img src="../assets/uploads/a.jpg" alt="">\n', 1),
    ],
)
def test_a_picture_without_a_description_is_refused_at_its_line(body: str, line: int) -> None:
    """WCAG 2.1, 1.1.1: a screen reader, or a reader whose picture did not load, gets the words."""
    found = body_problems(body)
    assert [where for where, _ in found] == [line]
    assert "a picture has no description" in found[0][1] and "between the brackets" in found[0][1]


def test_a_described_picture_and_code_that_shows_an_empty_one_stay_allowed() -> None:
    assert body_problems("![The choir on the stage](../assets/uploads/a.jpg)\n") == []
    assert body_problems('<img src="../assets/uploads/a.jpg" alt="The choir">\n') == []
    assert body_problems("Write it as `![](x.jpg)` and add words:\n\n```\n![](x.jpg)\n```\n") == []


@pytest.mark.parametrize("tag", ["div", "section", "details", "DIV"])
def test_a_closing_tag_between_backticks_cannot_end_the_pages_block(tag: str) -> None:
    """The Anthology's pages set a body inside <div markdown="1"> (and <section>, <details>): there a
    `</div>` in a code span still ends the block, and the <img onerror> after it would be live HTML,
    although the body on its own renders it as code (found by a review, 2026-12-05)."""
    body = f"First line.\n\nUse `</{tag}><img src=x onerror=alert(1)>` now.\n"
    assert render(body).count("<img") == 0  # on its own: code
    [(line, message)] = active_html(body)
    assert line == 2 and message.startswith(f"</{tag.lower()}> ends the block the page puts around the text")
    assert "between ``` lines" in message


@pytest.mark.parametrize(
    "body",
    [
        "Use `</div>` to close a block.\n",  # nothing active follows it
        "<details><summary>More</summary>\n\nThe rest.\n\n</details>\n",  # balanced, as the guide allows
        "```\n</div><img src=x onerror=alert(1)>\n```\n",  # a fenced example is read before the blocks
    ],
)
def test_closing_tags_that_keep_the_block_whole_are_allowed(body: str) -> None:
    assert active_html(body) == []
