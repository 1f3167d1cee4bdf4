"""The three languages built side by side, one process each (the adapter's other half).

mkdocs-static-i18n builds the whole site once per language, one language after another: the default
language's build starts the others from its post-build. Here, as soon as the default language's
configuration is read, one process is forked per other language; each runs that language's build
exactly as the plugin would, then exits. The default language's build goes on in the first process
and, once its pages are written, waits for the others before it writes what needs every language
(its search index over the others' shared file, the sitemap, the 404 pages, the PDFs).

APK_PARALLEL=0 builds one language after another, as the plugin does; tests/e2e/test_build_modes.py
checks that both give the same bytes.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.apk_site")

_workers: dict[str, int] = {}  # language -> process id, in the first process
_worker_language: list[str] = []  # the language of this process, in a forked one
_cleaner: list[Callable[[str], None]] = []


def wanted() -> bool:
    return os.environ.get("APK_PARALLEL", "1") != "0" and hasattr(os, "fork")


def _dirty() -> bool:
    # What mkdocs-static-i18n looks at for its own builds of the other languages.
    return "--dirty" in sys.argv or "--dirtyreload" in sys.argv


def start_other_languages(config: MkDocsConfig) -> None:
    """From the default language's on_config: fork a build for each other language."""
    i18n: Any = config.plugins.get("i18n")
    if not wanted() or i18n is None or i18n.current_language is not None or _worker_language or _workers:
        return
    # The site folder is emptied once, now, and not again by any build (as the plugin does).
    if not _dirty():
        utils.clean_directory(config.site_dir)
    _cleaner[:] = [utils.clean_directory]
    utils.clean_directory = lambda path: None
    # The plugin's post-build then leaves the other languages alone: they are being built here.
    i18n.building = True
    for lang in [lang for lang in i18n.build_languages if lang != i18n.default_language]:
        _flush()
        pid = os.fork()
        if pid == 0:
            _build_language(config, i18n, lang)  # never returns
        _workers[lang] = pid


def _build_language(config: MkDocsConfig, i18n: Any, lang: str) -> None:
    """In a forked process: build one language, as mkdocs-static-i18n would, and exit."""
    _workers.clear()
    _worker_language[:] = [lang]
    status = 1
    try:
        i18n.current_language = lang
        build(config, dirty=_dirty())
        status = 0
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 1
    except BaseException as error:  # noqa: BLE001 - reported here, then this process ends
        message = getattr(error, "message", None) or str(error) or type(error).__name__
        log.error(f"the '{lang}' build stopped: {message}")
    finally:
        _flush()
        os._exit(status)


def worker_language() -> str:
    """The language this process builds alone, or '' in the first process."""
    return _worker_language[0] if _worker_language else ""


def wait_for_other_languages() -> None:
    """In the first process: wait until every other language is built; fail if one failed."""
    failed = []
    for lang, pid in sorted(_workers.items()):
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            failed.append(lang)
    _finish()
    if failed:
        raise PluginError(f"the build of {', '.join(failed)} failed: see the messages above")


def stop_other_languages() -> None:
    """The build failed: stop the other languages' processes rather than leave them writing."""
    for pid in _workers.values():
        try:
            os.kill(pid, 15)
            os.waitpid(pid, 0)
        except OSError:
            pass
    _finish()


def _finish() -> None:
    _workers.clear()
    if _cleaner:
        utils.clean_directory = _cleaner.pop()


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
