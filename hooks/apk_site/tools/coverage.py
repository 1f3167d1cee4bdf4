"""`translations`: the translation report (`apk_site.translations`) for the command line.

`coverage_report` reads the folders through the catalog step, as the build does, into a `Report`;
`report_text` prints it, in English like the tool's other output; `coverage_markdown` is the page
the site shows, for `--format markdown`.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import LANGUAGES
from ..catalog import Folders, load
from ..translations import Gap, Report, report_of
from ..translations import markdown as coverage_markdown

__all__ = ["coverage_markdown", "coverage_report", "report_text"]


def coverage_report(
    events_dir: Path, docs_dir: Path | None, anthology_dir: Path | None = None, *, base: Path
) -> Report:
    """The report of the folders; files with problems are left out of the counts and named."""
    folders = Folders(base, events_dir, docs_dir, anthology_dir, link_events=False)
    return report_of(load(folders), folders)


LANGUAGE_NAMES = {"kk": "Kazakh", "ru": "Russian", "en": "English"}


def report_text(report: Report) -> list[str]:
    lines = ["Translations: files missing / files with some text missing, per language", ""]
    lines.append(f"{'':<18}" + "".join(f"{lang:>12}" for lang in LANGUAGES))
    for section in report.sections:
        label = f"{section.kind} ({section.total})"
        if section.note:
            lines.append(f"{label:<18}  not found")
            continue
        cells = (f"{section.count(lang, whole=True)} / {section.count(lang, whole=False)}" for lang in LANGUAGES)
        lines.append(f"{label:<18}" + "".join(f"{cell:>12}" for cell in cells))
    for lang in LANGUAGES:
        lines += _language_lines(report, lang)
    if report.broken:
        lines += ["", f"Not counted, because they have problems (run the check): {', '.join(report.broken)}"]
    return lines


def _language_lines(report: Report, lang: str) -> list[str]:
    gaps = [(section.kind, gap) for section in report.sections for gap in section.gaps if gap.lang == lang]
    if not gaps:
        return []
    lines = ["", f"{LANGUAGE_NAMES[lang]} ({lang}): {len(gaps)} to do"]
    for kind, gap in gaps:
        lines.append(f"  {gap.path}: {_what(kind, gap)}")
    return lines


def _what(kind: str, gap: Gap) -> str:
    language = LANGUAGE_NAMES[gap.lang]
    if not gap.whole:
        return f"the {language} text has no {', '.join(gap.missing)}"
    target = re.sub(r"\.md$", f".{gap.lang}.md", gap.path)
    if kind == "events" and gap.draft:
        return f"no {language} text; the draft {gap.draft} is waiting"
    return f"no {language} text: create {target}"
