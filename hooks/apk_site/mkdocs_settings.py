"""The site's switches: settings under `extra: apk:` in mkdocs.yml, each read from the environment
variable of its name through `!ENV`, so that `EVENTS_DIR=... mkdocs build` works as it always did.

They are checked when the configuration is read (every problem at once, one line each, the build
stops); the rest of the site reads them as a mapping of the environment variables' names to their
values (`environ`), the form that `mkdocs_shell`, `anthology.pdf` and the adapter's folders take. A
mkdocs.yml without `extra.apk` (or without one of its keys) falls back to the environment.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .anthology import pdf as anthology_pdf

# Each setting, the environment variable that sets it, and its kind: a folder or program path
# ("" = the default place), on/off, or a number of seconds ("" = the default).
SETTINGS = {
    "events_dir": ("EVENTS_DIR", "path"),
    "anthology_dir": ("ANTHOLOGY_DIR", "path"),
    "frames": ("APK_FRAMES", "switch"),
    "parallel": ("APK_PARALLEL", "switch"),
    "anthology_pdf": ("ANTHOLOGY_PDF", "switch"),
    "anthology_pdf_timeout": ("ANTHOLOGY_PDF_TIMEOUT", "seconds"),
    "chromium": ("CHROMIUM", "path"),
}
SWITCH_WORDS = {"1": True, "yes": True, "true": True, "on": True, "0": False, "no": False, "false": False, "off": False}
log = logging.getLogger("mkdocs.plugins.apk_site")


def _given(config: MkDocsConfig) -> Mapping[str, Any]:
    extra = config.extra.get("apk") if hasattr(config.extra, "get") else None
    return extra if isinstance(extra, Mapping) else {}


def problems(config: MkDocsConfig) -> list[str]:
    """Every setting that is not of its kind, one line each, with the expected form."""
    given, found = _given(config), []
    where = _where(config)
    for key in sorted(set(given) - set(SETTINGS)):
        found.append(f"{where(key)}: unknown setting: expected one of {', '.join(SETTINGS)}")
    for key, (name, kind) in SETTINGS.items():
        if key not in given:
            continue
        value = given[key]
        if kind == "switch" and _switch(value) is None:
            found.append(f"{where(key)}: expected true or false ({name}=1 or {name}=0), got {value!r}")
        elif kind == "path" and (isinstance(value, bool) or not isinstance(value, (str, int, float, type(None)))):
            # (`!ENV` reads EVENTS_DIR=2025 as a number: still a folder's name)
            found.append(f"{where(key)}: expected a path ({name}=/some/path), got {value!r}")
        elif kind == "seconds":
            try:
                anthology_pdf.timeout({name: _text(value)})
            except ValueError as error:  # the message the PDF step gave before it was a setting
                found.append(f"{where(key)}: anthology: {error}")
    return found


def _where(config: MkDocsConfig) -> Callable[[str], str]:
    """`mkdocs.yml:32: extra.apk.frames` for a setting: its line under `apk:` in the file."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    start = next((n for n, line in enumerate(lines) if line.strip() == "apk:"), len(lines))

    def where(key: str) -> str:
        number = next((n for n in range(start, len(lines)) if lines[n].strip().startswith(f"{key}:")), None)
        return f"{path.name}{'' if number is None else f':{number + 1}'}: extra.apk.{key}"

    return where


def check(config: MkDocsConfig) -> None:
    found = problems(config)
    for problem in found[:-1]:
        log.error(problem)
    if found:
        raise PluginError(found[-1])


def environ(config: MkDocsConfig) -> dict[str, str]:
    """The settings by their environment variables' names, as strings ("1"/"0" for switches); a
    path or number left empty is absent, as an unset variable is."""
    given, values = _given(config), {}
    for key, (name, kind) in SETTINGS.items():
        value = given[key] if key in given else os.environ.get(name)
        if kind == "switch" and value is not None:
            values[name] = "0" if _switch(value) is False else "1"
        elif value not in (None, ""):
            values[name] = _text(value)
    return values


def turn_off(config: MkDocsConfig, key: str) -> None:
    """Turn a switch off for this build (and for builds configured after it, through its variable)."""
    name, _ = SETTINGS[key]
    os.environ[name] = "0"
    if isinstance(config.extra.get("apk"), dict):
        config.extra["apk"][key] = False


def _switch(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    return SWITCH_WORDS.get(str(value).strip().lower()) if value is not None else True


def _text(value: Any) -> str:
    return "" if value is None else str(value)
