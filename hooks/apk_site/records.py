"""Read one Markdown file with YAML front matter, keeping the line of every key.

python-frontmatter gives no line numbers, so the same YAML is composed a second time to map
each key (and nested key, as `links.registration`) to the line an editor sees in their editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import frontmatter
import yaml

from .problems import Problem

# The C parser, when PyYAML was built with it, reads front matter several times faster.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(stream: Any) -> Any:
    """The project's own data files (regions, categories, UI words), read at every build."""
    return yaml.load(stream, Loader=_BaseLoader)  # noqa: S506 - a safe loader, C or Python


class TextDatesLoader(_BaseLoader):  # type: ignore[misc,valid-type]  # the base is chosen at import time
    """SafeLoader that leaves dates as text, so that '2025-02-30' reaches the field's own check
    (with its line and a fix) instead of failing inside YAML."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

# The front matter starts after the opening `---`, so YAML line 0 is file line 2.
FRONT_MATTER_OFFSET = 2


@dataclass(frozen=True)
class Record:
    path: str
    meta: dict[str, Any]
    body: str
    lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 1  # the file's line where `body` (stripped) starts

    @property
    def empty(self) -> bool:
        """Nothing written: no key and no text. The web form saves such a file for every language
        nobody wrote in (decaporg/decap-cms#6932); a translation file like that is no translation yet."""
        return not self.meta and not self.body.strip()

    def body_lines(self, found: list[tuple[int, str]], name: str = "body") -> list[Problem]:
        """Problems at lines counted from the body's first line (as `markup.body_problems` gives them)."""
        return [Problem(self.path, self.body_line + line, name, message) for line, message in found]

    def line(self, key: str) -> int:
        while key and key not in self.lines:
            key = key.rpartition(".")[0]
        return self.lines.get(key, 1)


def _key_lines(node: yaml.Node, prefix: str = "") -> dict[str, int]:
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{prefix}{key_node.value}"
            lines[key] = key_node.start_mark.line + FRONT_MATTER_OFFSET
            lines.update(_key_lines(value_node, key + "."))
    elif isinstance(node, yaml.SequenceNode):  # `parts.0.title`: the line of the first part's title
        for index, item in enumerate(node.value):
            key = f"{prefix}{index}"
            lines[key] = item.start_mark.line + FRONT_MATTER_OFFSET
            lines.update(_key_lines(item, key + "."))
    return lines


FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*$", re.S | re.M)


def read_record(path: str, text: str) -> Record | Problem:
    """Parse `text` (the content of `path`) or describe why it cannot be parsed. Windows' CRLF and a
    BOM are read as they are meant, also where `text` comes from elsewhere than a file (git's history)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.lstrip("\ufeff").startswith("---"):
        return Problem(path, 1, "front matter", "the file must start with a line '---', then the fields, then '---'")
    text = text.lstrip("\ufeff")
    fence = FENCE.match(text)
    if fence is None:
        return Problem(path, 1, "front matter", "the closing '---' line is missing: add it after the last field")
    try:
        node, meta = _parse(fence.group(1))
        _, body = frontmatter.YAMLHandler().split(text)
    except (yaml.YAMLError, ValueError) as error:
        # The context mark points at the opening bracket or quote an editor forgot to close.
        index, message = yaml_problem(error, fence.group(1))
        return Problem(path, index + FRONT_MATTER_OFFSET if index >= 0 else 1, "front matter", message)
    if not isinstance(meta, dict):
        return Problem(path, 2, "front matter", "expected 'field: value' lines between the two '---' lines")
    body = body.strip()
    start = text.find(body, fence.end()) if body else -1
    body_line = text.count("\n", 0, start) + 1 if start >= 0 else 1
    return Record(path, meta, body, _key_lines(node) if node is not None else {}, body_line)


def yaml_problem(error: Exception, yaml_text: str) -> tuple[int, str]:
    """The line (from 0 in `yaml_text`, -1 if unknown) and the message for an error of YAML's,
    with the fix editors need. The context mark points at the bracket or quote an editor forgot
    to close; a tab is shown where it is."""
    reason = getattr(error, "problem", None) or "not valid YAML"
    marks = [m for m in (getattr(error, "context_mark", None), getattr(error, "problem_mark", None)) if m is not None]
    lines = yaml_text.split("\n")
    tabs = [m.line for m in marks if "\t" in (lines[m.line] if m.line < len(lines) else "")]
    if tabs or "tab character" in reason:
        line = tabs[0] if tabs else (marks[-1].line if marks else -1)
        return line, "a tab character: YAML indents with spaces only, so replace the tab with spaces"
    line = marks[0].line if marks else -1
    if reason == REPEATED:
        return line, f"{REPEATED}: write the values again instead of the alias"
    if "for the tag" in reason:
        return line, "a YAML tag ('!!...' or '!...') is not allowed here: write the plain value without it"
    return line, f"{reason}: check quotes, colons and indentation on this line"


REPEATED = "a list or a group of fields given a name (&name) is repeated (*name)"


def refuse_repeated_collections(node: yaml.Node | None) -> None:
    """Raise a YAML error when an alias repeats a list or mapping: it may contain itself (a loop
    no reader could print) or repeat one a billion times over; a repeated single value is harmless."""
    seen: set[int] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            continue
        if id(current) in seen:
            raise yaml.MarkedYAMLError(problem=REPEATED, problem_mark=current.start_mark)
        seen.add(id(current))
        stack += [child for pair in current.value for child in (pair if isinstance(pair, tuple) else (pair,))]


def _parse(text: str) -> tuple[yaml.Node | None, Any]:
    """The YAML node tree (for line numbers) and its value, from one parse."""
    loader = TextDatesLoader(text)
    try:
        node = loader.get_single_node()
        refuse_repeated_collections(node)
        return node, (loader.construct_document(node) if node is not None else {})
    finally:
        loader.dispose()
