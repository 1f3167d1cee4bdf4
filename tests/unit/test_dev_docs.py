"""The README and the developers' documents in dev/: every relative link resolves (files and
#anchors, as GitHub renders them), the README stays short with its two commands on the first screen,
and dev/ is never published on the site.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import ROOT

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "dev").glob("*.md"))]
LINK = re.compile(r"(?<!`)\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.M)


def github_anchor(heading: str) -> str:
    """GitHub's id for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]", "", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(document: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", document.read_text(encoding="utf-8"), flags=re.S)
    return {github_anchor(h) for h in HEADING.findall(text)}


def links(document: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", document.read_text(encoding="utf-8"), flags=re.S)
    return LINK.findall(text)


def test_the_dev_documents_exist():
    names = {p.name for p in DOCUMENTS}
    assert {"ARCHITECTURE.md", "TESTING.md", "PERFORMANCE.md", "DEPLOY.md"} <= names


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves(document):
    broken = []
    for target in links(document):
        parts = urlsplit(target)
        if parts.scheme or target.startswith("//"):
            continue
        file = (document.parent / unquote(parts.path)).resolve() if parts.path else document
        if not file.exists():
            broken.append(f"{target}: no such file")
        elif parts.fragment and file.suffix == ".md" and parts.fragment not in anchors(file):
            broken.append(f"{target}: no heading with that anchor")
    assert broken == []


def test_the_link_checker_finds_a_broken_link(tmp_path):
    document = tmp_path / "X.md"
    document.write_text("# Top\n\n[a](missing.md) [b](X.md#nowhere) [c](X.md#top)\n", encoding="utf-8")
    assert links(document) == ["missing.md", "X.md#nowhere", "X.md#top"]
    assert anchors(document) == {"top"}


def test_the_readme_is_short_and_opens_with_the_two_commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 200
    first_screen = "\n".join(lines[:12])
    assert "make serve" in first_screen and "make test" in first_screen


def test_dev_documents_are_not_published(real_site):
    published = {p.name for p in real_site.site.rglob("*")}
    assert not {"ARCHITECTURE.md", "TESTING.md", "PERFORMANCE.md", "DEPLOY.md", "dev"} & published
    text = (real_site.site / "index.html").read_text(encoding="utf-8")
    assert "dev/ARCHITECTURE" not in text
