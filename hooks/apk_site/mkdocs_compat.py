"""Every use of private API of MkDocs (or ProperDocs), Material and mkdocs-static-i18n, in one place.

The site's fast paths (framed pages, `mkdocs_framing`; languages built side by side,
`mkdocs_parallel`) reach into the engine's internals. Those internals can change in any release, so
the versions they were tested with are checked once per process: on any other version the fast
paths are turned off, with one info line, and the site is built the stock way (the same bytes,
slower; tests/e2e/test_build_modes.py). An upgrade then costs speed, never correctness.

`APK_UNTESTED_VERSIONS=1` makes the check fail as if the versions were unknown (for the tests).

ProperDocs, a continuation of MkDocs 1.6, installs itself as the `mkdocs` module when it runs
(`properdocs.replacement`), so the same imports serve both engines; `engine()` tells them apart.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from importlib import metadata
from typing import Any

import markdown
import mkdocs
from mkdocs import utils
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

from . import mkdocs_settings as settings
from . import mkdocs_shell as shell
from . import mkdocs_state as state

log = logging.getLogger("mkdocs.plugins.apk_site")

# The distributions whose internals are used below, and the versions that was tested with (a
# version ending in "." is a prefix: Material's bug-fix releases keep its internals).
TESTED = {
    "mkdocs": ("1.6.1",),
    "properdocs": ("1.6.7",),
    "mkdocs-material": ("9.8.",),
    "mkdocs-static-i18n": ("1.3.1",),
}
UNTESTED_SWITCH = "APK_UNTESTED_VERSIONS"


def engine() -> str:
    """The distribution that runs the build: "mkdocs" or "properdocs" (imported as `mkdocs`)."""
    return "properdocs" if mkdocs.__name__ == "properdocs" else "mkdocs"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def untested_versions() -> list[str]:
    """`name version` of every distribution in use at a version not in TESTED."""
    names = [engine(), "mkdocs-material", "mkdocs-static-i18n"]
    found = [(name, _version(name)) for name in names]
    if os.environ.get(UNTESTED_SWITCH, "") not in ("", "0"):
        return [f"{name} {version} ({UNTESTED_SWITCH})" for name, version in found]
    return [f"{name} {version or '(not installed)'}" for name, version in found if not _tested(name, version)]


def _tested(name: str, version: str) -> bool:
    return any(version == known or (known.endswith(".") and version.startswith(known)) for known in TESTED[name])


def fast_paths() -> bool:
    """True when the fast paths may use the engine's internals; asked once per run (`mkdocs_state`),
    and said once when not."""
    run = state.run()
    if run.fast_paths is None:
        untested = untested_versions()
        if untested:
            log.info(
                f"engine: {', '.join(untested)} not tested with this site: framed pages and languages "
                "built side by side are off (same pages, slower build)"
            )
        run.fast_paths = not untested
    return run.fast_paths


def frames_wanted(config: Any) -> bool:
    """Framed pages (`mkdocs_shell`): asked for (extra.apk.frames, APK_FRAMES) and safe with these versions."""
    return shell.wanted(settings.environ(config)) and fast_paths()


def parallel_wanted(config: Any) -> bool:
    """Languages built side by side: asked for (extra.apk.parallel, APK_PARALLEL), possible, and safe."""
    return settings.environ(config).get("APK_PARALLEL", "1") != "0" and hasattr(os, "fork") and fast_paths()


# --- MkDocs: pages rendered outside MkDocs' own loop (mkdocs_framing) --------------------------


def set_current_page(config: Any, page: Page | None) -> None:
    """What `mkdocs.commands.build._populate_page` sets while a page's hooks run (plugins read it)."""
    config._current_page = page


def render_page(md: markdown.Markdown, page: Page, files: Files, config: Any) -> None:
    """`Page.render` of MkDocs 1.6 with a Markdown converter that the caller keeps from page to page:
    MkDocs' private tree processors, registered on it for this page."""
    md.reset()
    raw_html = _RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    links = _RelativePathTreeprocessor(page.file, files, config)
    links._register(md)
    title = _ExtractTitleTreeprocessor()
    title._register(md)
    page.content = md.convert(page.markdown or "")
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = links.links_to_anchors


def override_file_lookup(files: Files, fallback: Callable[[str], File | None]) -> None:
    """Links to `path` that MkDocs' own lookup does not find go to `fallback(path)`."""
    lookup = files.get_file_from_path

    def get_file_from_path(path: str) -> File | None:
        file = lookup(path)
        return fallback(path) if file is None else file

    files.get_file_from_path = get_file_from_path  # type: ignore[method-assign]


def lookup_file(files: Files, path: str) -> File | None:
    return files.get_file_from_path(path)


# --- MkDocs: the site folder emptied once for languages built side by side (mkdocs_parallel) -----


def clean_directory(folder: str) -> None:
    saved = state.run().saved_clean_directory
    (saved[0] if saved else utils.clean_directory)(folder)


def suspend_clean_directory() -> None:
    """Builds started from now on do not empty the site folder."""
    saved = state.run().saved_clean_directory
    if not saved:
        saved.append(utils.clean_directory)
    utils.clean_directory = lambda path: None


def restore_clean_directory() -> None:
    saved = state.run().saved_clean_directory
    if saved:
        utils.clean_directory = saved.pop()


def build(config: Any, dirty: bool) -> None:
    from mkdocs.commands.build import build as engine_build

    engine_build(config, dirty=dirty)


# --- mkdocs-static-i18n --------------------------------------------------------------------------


def set_i18n_language(i18n: Any, lang: str) -> None:
    """The language the plugin's next build is for (it sets this itself before each of its builds)."""
    i18n.current_language = lang


def leave_other_languages_to_us(i18n: Any) -> None:
    """The plugin's post-build then does not build the other languages: `mkdocs_parallel` does."""
    i18n.building = True


# --- MkDocs' plugin events and `mkdocs serve` ------------------------------------------------------


def wrap_post_build(config: Any, plugin: Any, wrapper: Callable[[Any], Callable[..., None]]) -> None:
    """Replace `plugin`'s post-build handler, in place, by `wrapper(handler)`."""
    handlers = config.plugins.events["post_build"]
    for number, handler in enumerate(handlers):
        if getattr(handler, "__self__", None) is plugin:
            handlers[number] = wrapper(handler)


def set_poll_interval(server: Any, seconds: float) -> None:
    """How often the watches scheduled from now on poll (watchdog's observer, 0.5 s in MkDocs)."""
    observer = getattr(server, "observer", None)
    if observer is not None and hasattr(observer, "_timeout"):
        observer._timeout = seconds


# --- Material's search plugin ---------------------------------------------------------------------


def search_plugin(config: Any) -> Any:
    return config.plugins.get("material/search") or config.plugins.get("search")


def search_index_json(plugin: Any) -> str:
    """The index the plugin made in this build, as it writes it."""
    return str(plugin.search_index.generate_search_index(plugin.search_index_prev))
