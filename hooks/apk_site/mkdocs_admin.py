"""Writes the editors' web form, `/admin/`, into the built site (MkDocs layer; see dev/CMS.md).

What goes there: `cms/admin/` (the page, with its own Content-Security-Policy, and apk-cms.js), Decap
CMS's script and its chunks from `cms/node_modules/decap-cms/dist/` (installed from the npm registry
with `cms/package-lock.json`), the `yaml` parser's browser build, and the configurations that
`cms_config` builds from the reference data, one per language. Nothing is loaded from another host.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from . import DEFAULT_LANGUAGE, LANGUAGES
from .cms_config import LOCAL_BACKEND_PORT, cms_config

log = logging.getLogger("mkdocs.plugins.apk_site")
# Below the project's `cms/` folder (beside mkdocs.yml): the page and script, and the npm packages.
SOURCE = Path("admin")
DECAP = Path("node_modules", "decap-cms", "dist")
YAML_BROWSER = Path("node_modules", "yaml", "browser", "dist")
# The form's own policy (dev/CMS.md, "Content-Security-Policy"): Decap CMS compiles its configuration
# schema with `new Function` (ajv), hence 'unsafe-eval', and styles its React components with inline
# <style> elements, hence 'unsafe-inline' for styles. It talks to the local backend on 127.0.0.1 and,
# in production, to the Git host's API; `blob:` in connect-src because Decap reads a picture picked in
# the media library by fetching a blob: address it made itself (decaporg/decap-cms#6829; without it
# the upload fails). The public pages' policy is not touched.
POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https://avatars.githubusercontent.com; font-src 'self' data:; "
    "connect-src 'self' blob: http://127.0.0.1:* http://localhost:* https://api.github.com; "
    "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def local_port() -> int:
    """The local backend's port: `make edit` uses 8081; the browser test picks a free one."""
    return int(os.environ.get("APK_CMS_PORT", LOCAL_BACKEND_PORT))


def config_name(lang: str) -> str:
    return "config.yml" if lang == DEFAULT_LANGUAGE else f"config.{lang}.yml"


def write_admin(config: MkDocsConfig) -> None:
    """Writes `admin/` into the site; without the npm packages, says how to install them.

    A project without a `cms/` folder (the engine installed on its own) has no form, and no warning."""
    cms = Path(config.config_file_path).parent / "cms"
    target = Path(config.site_dir) / "admin"
    if not (cms / SOURCE).is_dir():
        return
    if not (cms / DECAP / "decap-cms.js").is_file() or not (cms / YAML_BROWSER / "index.js").is_file():
        log.warning("the web form (/admin/) needs its npm packages: run `npm ci --prefix cms` (scripts/setup.sh does)")
        return
    target.mkdir(parents=True, exist_ok=True)
    _copy_sources(cms / SOURCE, target)
    _copy_decap(cms / DECAP, target)
    for source in sorted((cms / YAML_BROWSER).rglob("*.js")):
        _copy(source, target / "yaml" / source.relative_to(cms / YAML_BROWSER))
    for lang in LANGUAGES:
        # JSON is YAML too, and Python writes it about ten times faster than PyYAML's emitter.
        text = json.dumps(cms_config(lang, local_port=local_port()), ensure_ascii=False, indent=1) + "\n"
        (target / config_name(lang)).write_text(text, encoding="utf-8")


def _copy(source: Path, target: Path) -> None:
    """Copies unless a previous build left the same file there (`--dirty` builds keep the site folder)."""
    old, new = (target.stat() if target.is_file() else None), source.stat()
    if old is not None and old.st_size == new.st_size and old.st_mtime_ns >= new.st_mtime_ns:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _copy_sources(folder: Path, target: Path) -> None:
    for source in sorted(folder.iterdir()):
        text = source.read_text(encoding="utf-8")
        (target / source.name).write_text(text.replace("@POLICY@", POLICY), encoding="utf-8")


def _copy_decap(folder: Path, target: Path) -> None:
    # The bundle and the chunks it loads on demand (by name, next to itself); no source maps.
    for source in sorted(folder.iterdir()):
        if source.name.endswith(("decap-cms.js", ".wasm")) or source.name == "decap-cms.js.LICENSE.txt":
            _copy(source, target / source.name)
