"""The three languages built side by side, in processes of their own (the adapter's other half).

mkdocs-static-i18n builds the whole site once per language, one language after another: the default
language's build starts the others from its post-build. Here, as soon as the first build's
configuration is read, processes are forked to build the other languages exactly as the plugin
would, each then exits.

- `mkdocs build`: one process per other language. The first process builds Kazakh and, once its
  pages are written, waits for the others before it writes what needs every language (the sitemap,
  the 404 pages, the PDFs).
- `mkdocs serve`: the first process builds the language of the file just saved, so that the browser
  reloads as soon as that language is written; one process builds the other two after it, on the
  other core. A new build stops whatever the last one left running.

APK_PARALLEL=0 builds one language after another, as the plugin does; tests/e2e/test_build_modes.py
checks that both give the same bytes.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import shutil
import signal
import sys
import tempfile
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from . import mkdocs_compat as compat
from . import mkdocs_state as state

log = logging.getLogger("mkdocs.plugins.apk_site")


def serving() -> bool:
    return state.run().serving


def _dirty() -> bool:
    # What mkdocs-static-i18n looks at for its own builds of the other languages.
    return "--dirty" in sys.argv or "--dirtyreload" in sys.argv


def first_build(config: MkDocsConfig) -> bool:
    """True in the on_config of the build that starts the others (if they are to run side by side)."""
    i18n: Any = config.plugins.get("i18n")
    return (
        compat.parallel_wanted(config)
        and i18n is not None
        and i18n.current_language is None
        and not state.run().worker_languages
    )


def start_other_languages(config: MkDocsConfig, edited: str) -> None:
    """From the first build's on_config: fork the builds of the other languages. When serving, this
    process builds the `edited` language instead of the default one."""
    i18n: Any = config.plugins.get("i18n")
    stop_other_languages()  # serving: what the last build left running is out of date
    first = edited if serving() and edited in i18n.build_languages else i18n.default_language
    # Kazakh last: its search index is the one at the site root (see `search_index`).
    others = sorted(
        (lang for lang in i18n.build_languages if lang != first), key=lambda lang: lang == i18n.default_language
    )
    # The site folder is emptied once, now, and not again by any build (as the plugin does).
    if not _dirty():
        _empty_folder(config.site_dir)
    compat.suspend_clean_directory()
    # The plugin's post-build then leaves the other languages alone: they are being built here.
    compat.leave_other_languages_to_us(i18n)
    state.run().first_language = first
    groups = [others] if serving() else [[lang] for lang in others]
    parent = os.getpid()
    for languages in groups:
        _flush()
        pid = os.fork()
        if pid == 0:
            _build_languages(config, i18n, languages, parent)  # never returns
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)  # as the process does itself: whichever comes first
        state.run().workers[",".join(languages)] = pid
    compat.set_i18n_language(i18n, first)


def _empty_folder(folder: str) -> None:
    """What `mkdocs.utils.clean_directory` does, without the wait: the old contents are moved aside
    (a few renames) and deleted by a forked process while the build goes on (1 s at 4,200 events)."""
    names = [name for name in os.listdir(folder) if not name.startswith(".")] if os.path.isdir(folder) else []
    if not names:
        return
    trash = ""
    try:
        trash = tempfile.mkdtemp(prefix=".apk-old-site-", dir=os.path.dirname(os.path.abspath(folder)))
        for name in names:
            os.rename(os.path.join(folder, name), os.path.join(trash, name))
    except OSError:  # another file system, no right to write beside the folder: delete in place
        if trash:
            shutil.rmtree(trash, ignore_errors=True)
        compat.clean_directory(folder)
        return
    _flush()
    pid = os.fork()
    if pid == 0:
        shutil.rmtree(trash, ignore_errors=True)
        os._exit(0)
    state.run().cleaners.append(pid)


def _build_languages(config: MkDocsConfig, i18n: Any, languages: list[str], parent: int) -> None:
    """In a forked process: build these languages, as mkdocs-static-i18n would, and exit."""
    run = state.run()
    run.workers.clear()
    run.cleaners.clear()
    run.worker_languages = list(languages)
    signal.signal(signal.SIGTERM, _stop_group)
    os.setpgid(0, 0)  # its own group, so that stopping it stops the Chromium it may have started
    _end_with(parent)
    if serving():
        os.nice(5)  # the reader is waiting for the first process's language, not for these
    status = 0
    for lang in languages:
        try:
            compat.set_i18n_language(i18n, lang)
            compat.build(config, dirty=_dirty())
        except SystemExit as stop:
            status = stop.code if isinstance(stop.code, int) and stop.code else 1
        except BaseException as error:  # noqa: BLE001 - reported here, then this process ends
            message = getattr(error, "message", None) or f"{type(error).__name__}: {error}"
            log.error(f"the '{lang}' build stopped: {message}")
            status = 1
        if status:
            break
    _flush()
    os._exit(status)


def _stop_group(signum: int, frame: object) -> None:
    """A SIGTERM to this process alone (`_end_with`) ends its group, with the Chromium it may have started."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.killpg(0, signal.SIGTERM)


def _end_with(parent: int) -> None:
    """Linux: when the process that forked this one ends (a SIGTERM to `mkdocs serve`), this one is
    sent SIGTERM too, instead of building on into a folder that is gone. Elsewhere: nothing."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it ended before the request was made
        os._exit(1)


def worker_languages() -> list[str]:
    """The languages this process builds alone, or [] in the first process."""
    return list(state.run().worker_languages)


def feed_languages(lang: str) -> list[str]:
    """The languages whose feeds this process writes once `lang` is built. A reader does not need
    them to see a page: when serving, the first process leaves its language's to the other one."""
    if not serving():
        return [lang]
    run = state.run()
    if run.workers:
        return []
    return [lang, run.first_language] if run.worker_languages[-1:] == [lang] else [lang]


def wait_for_other_languages() -> bool:
    """In the first process, once its own language is built: wait until every other language is
    built and fail if one failed; True when they are all built. When serving, do not wait: the
    reader's page is ready, the other languages follow."""
    _reap_cleaners(block=not serving())
    if serving():
        compat.restore_clean_directory()
        return not state.run().workers
    failed = []
    workers = state.run().workers
    for languages, pid in sorted(workers.items()):
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code < 0:
            failed.append(f"{languages} (stopped by signal {signal.Signals(-code).name})")
        elif code:
            failed.append(languages)
    workers.clear()
    compat.restore_clean_directory()
    if failed:
        raise PluginError(f"the build of {', '.join(failed)} failed: see the messages above")
    return True


def stop_other_languages() -> None:
    """Stop the other languages' processes (a build failed, or a new one replaces it)."""
    workers = state.run().workers
    for pid in workers.values():
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGTERM)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)
    workers.clear()
    _reap_cleaners(block=False)
    compat.restore_clean_directory()


def _reap_cleaners(block: bool) -> None:
    cleaners = state.run().cleaners
    for pid in list(cleaners):
        try:
            done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            cleaners.remove(pid)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
