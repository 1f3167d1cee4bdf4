"""The adapter between the site and MkDocs/mkdocs-static-i18n: it feeds them generated pages.

Only the `mkdocs_*` modules know MkDocs and mkdocs-static-i18n: this one (the catalog of each build,
generated files and slots, search index, feeds, sitemap), `mkdocs_material` (how a page source is
told to Material), `mkdocs_shell` and `mkdocs_framing` (framed pages), `mkdocs_parallel` (languages
built side by side), `mkdocs_pdfs` (the Anthology's PDFs) and `mkdocs_not_found` (404 pages).

mkdocs-static-i18n builds the whole site once per language and runs every hook each time, so
events are loaded once per set of files on disk and problems are reported once. Generated pages are
added as ordinary suffix files (`regions/<id>.ru.md`) *before* the i18n plugin sorts files by
language, so that the language switcher and alternates treat them like hand-written pages; their
Markdown is supplied when MkDocs reads the page.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import write_file

from . import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    feed_files,
    home,
    l10n,
    opendata,
    pages,
    render,
    search_index,
    sitemap,
    views,
)
from . import mkdocs_compat as compat
from . import mkdocs_material as material
from . import mkdocs_settings as settings
from . import mkdocs_shell as shell
from . import mkdocs_state as state
from .anthology import pdf as anthology_pdf
from .catalog import Folders, Loaded, failure_summary, fingerprint, load
from .page_source import Generated, PageSource, Site
from .pages import Catalog, make_catalog
from .revisions import event_revisions, fallback_time

# `mkdocs build --strict` only counts warnings logged under "mkdocs.".
log = logging.getLogger("mkdocs.plugins.apk_site")
CALENDAR_MARKER = "<!-- apk:calendar -->"


def project_dir(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml, absolute: MkDocs keeps `-f mkdocs.yml` as given and ProperDocs
    makes it absolute, and paths shown in the pages (the translation report) are relative to it."""
    return Path(config.config_file_path).resolve().parent


def events_dir(config: MkDocsConfig) -> Path:
    folder = settings.environ(config).get("EVENTS_DIR")
    return Path(folder) if folder else project_dir(config) / "events"


def folders(config: MkDocsConfig) -> Folders:
    """The catalog's folders, as `apk check` is given them: the Anthology's links to events are
    checked when both come from the same place (both the project's, or both set for a test)."""
    given = settings.environ(config)
    return Folders(
        project_dir(config),
        events_dir(config),
        Path(config.docs_dir),
        anthology_dir(config),
        anthology_given="ANTHOLOGY_DIR" in given,
        link_events=("EVENTS_DIR" in given) == ("ANTHOLOGY_DIR" in given),
        events_given="EVENTS_DIR" in given,
    )


def _site(config: MkDocsConfig) -> Site:
    today = build_moment().astimezone(ZoneInfo("Asia/Almaty")).date()
    return Site(config.site_url or "/", today, anthology_pdf.wanted(settings.environ(config)))


def _load(config: MkDocsConfig) -> Catalog | Loaded:
    """The catalog, read again only when a file changed: mkdocs-static-i18n runs every hook once
    per language, and `mkdocs serve` once per save. A `Loaded` with problems when it has them."""
    read_from, site = folders(config), _site(config)
    key = (fingerprint(read_from), site)
    cache: dict[tuple[Any, ...], Catalog | Loaded] = state.run().catalogs
    if key not in cache:
        loaded = load(read_from)  # its notes are `apk check`'s: the build says nothing of a missing folder
        cache.clear()
        cache[key] = _catalog(loaded, read_from, site) if loaded.ok else loaded
    return cache[key]


def _catalog(loaded: Loaded, read_from: Folders, site: Site) -> Catalog:
    history = event_revisions(read_from.events)
    for note in history.notes:
        log.info(note)
    if history.error:
        raise PluginError(history.error)
    return make_catalog(loaded, read_from, history, site)


def refresh(config: MkDocsConfig) -> Catalog:
    """Load the events for a new build (once per language build; cheap when nothing changed),
    or fail it, listing every problem once."""
    loaded = _load(config)
    if isinstance(loaded, Loaded):
        for problem in loaded.problems:
            log.error(str(problem))
        raise PluginError(failure_summary(loaded, folders(config)))
    state.run().catalog = loaded
    state.run().prototypes = {page.uri: page for page in shell.prototypes(loaded.pages.values())}
    return loaded


def catalog(config: MkDocsConfig) -> Catalog:
    """The catalog of the build in progress; page hooks call this once per page, so it must not
    touch the disk."""
    found: Catalog | None = state.run().catalog
    return found if found is not None else refresh(config)


def pin_build_date(config: MkDocsConfig) -> None:
    """MkDocs stamps the sitemap with the build date; use the last commit's instead, so that the
    same commit always builds the same bytes (an explicit SOURCE_DATE_EPOCH still wins)."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    folder = project_dir(config)
    try:
        found = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True, check=False
        )
        stamp = found.stdout.strip()
    except OSError:
        stamp = ""
    os.environ["SOURCE_DATE_EPOCH"] = stamp if stamp.isdigit() else str(int(fallback_time(os.environ).timestamp()))


# The language of each build in progress: mkdocs-static-i18n starts the other languages' builds
# from inside the default language's post-build, so builds nest, and its `current_language` still
# names the last nested one when the outer build finishes.
def begin_build(config: MkDocsConfig) -> None:
    state.run().building.append(current_language(config))


def end_build() -> str:
    return state.run().building.pop()


def outermost_build() -> bool:
    """True when the build that just ended is the one that started the others (all languages done)."""
    return not state.run().building


def abandon_builds() -> None:
    state.run().building.clear()


def translate_permalinks(config: MkDocsConfig) -> None:
    """The toc extension titles every heading's "¶" link "Permanent link", in English on every
    page; each language's build gets its own title (the extension is set up again for each page,
    and `mkdocs_framing` reads the same settings)."""
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = l10n.t("toc.permalink", current_language(config))


def count_warnings_when_quiet(config: MkDocsConfig) -> None:
    """`mkdocs build --strict -q`: `-q` raises the "mkdocs" logger to ERROR, so warnings were dropped
    before `--strict` could count them and a broken site built without a complaint. Under
    `--strict` a warning fails the build, so it is let through (and shown) even with `-q`."""
    logger = logging.getLogger("mkdocs")
    if config.strict and logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)


def current_language(config: MkDocsConfig) -> str:
    # config.theme.language can be stale: the i18n plugin is the source of truth.
    i18n = config.plugins.get("i18n")
    return str(getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE)


def language_uri(uri: str, lang: str) -> str:
    return uri if lang == DEFAULT_LANGUAGE else f"{uri[: -len('.md')]}.{lang}.md"


def default_uri(uri: str) -> str:
    for lang in LANGUAGES:
        if uri.endswith(f".{lang}.md"):
            return uri[: -len(f".{lang}.md")] + ".md"
    return uri


def add_generated_files(files: Files, config: MkDocsConfig) -> Files:
    _drop_anthology_sources(files)
    for uri in _page_uris(catalog(config), config):
        for lang in LANGUAGES:
            files.append(File(language_uri(uri, lang), config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def _page_uris(found: Catalog, config: MkDocsConfig) -> list[str]:
    """The generated pages MkDocs builds itself: with frames (see `mkdocs_shell`), their prototypes
    stand for the framed pages, which `mkdocs_framing` writes."""
    if not compat.frames_wanted(config):
        return list(found.pages)
    return [*(uri for uri, page in found.pages.items() if page.kind not in shell.FRAMES), *state.run().prototypes]


def generated_source(page: Page, config: MkDocsConfig) -> str | None:
    """The page file of a generated page, in the language being built; None for hand-written pages."""
    generated = _generated(page.file.src_uri, config)
    if generated is None:
        return None
    text, slots = material.markdown(page_source(generated, config))
    state.run().slots[page.file.src_uri] = slots
    return text


def _generated(src_uri: str, config: MkDocsConfig) -> Generated | None:
    uri = default_uri(src_uri)
    return catalog(config).pages.get(uri) or state.run().prototypes.get(uri)


def page_source(generated: Generated, config: MkDocsConfig) -> PageSource:
    """A generated page's source in the language being built, for MkDocs or for `mkdocs_framing`."""
    if generated.kind == shell.PROTOTYPE:
        return shell.prototype_source(generated)
    return pages.page_source(generated, catalog(config), current_language(config))


def fill_markers(markdown: str, page: Page, config: MkDocsConfig) -> str:
    if HOME_MARKER in markdown:
        markdown = _fill_home(markdown, page, config)
    if CALENDAR_MARKER not in markdown:
        return markdown
    found = catalog(config)
    view = views.calendar(found.events, current_language(config), "../", found.site.url)
    state.run().slots[page.file.src_uri] = {"calendar": render.calendar_html(view)}
    page.meta["calendar_script"] = True  # overrides/main.html loads calendar.js for it
    return markdown.replace(CALENDAR_MARKER, render.slot("calendar"))


HOME_MARKER = "<!-- apk:home -->"


def _fill_home(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """The home page's events counted from the build date in Astana (`home.js` drops what has
    passed since, when the page is read), its numbers, region map, feeds and Anthology."""
    found, lang = catalog(config), current_language(config)
    events = found.events
    view = home.home(events, found.site.today, lang, found.site.url)
    state.run().slots[page.file.src_uri] = {"home": render.home_html(view, pages.region_map(events, lang, ""))}
    page.meta["home_script"] = True  # overrides/main.html loads home.js for it
    return markdown.replace(HOME_MARKER, render.slot("home"))


def fill_slots(html: str, page: Page, config: MkDocsConfig) -> str:
    """Put the generated HTML into the rendered page (see `page_source.PageSource`)."""
    slots = state.run().slots.pop(page.file.src_uri, {})
    generated = _generated(page.file.src_uri, config)
    if generated is not None and shell.frame_of(generated) == "event":
        # The title is all an event page's (hidden) contents list: Material's "skip to content"
        # link goes to the first entry, the heading in the editor's text would be too far down.
        page.toc = TableOfContents([AnchorLink(escape(page.meta["title"]), "event-title", 1)])
        html = render.host_link_texts(html)  # the editor's text: "<https://...>" says its host
    return render.fill_slots(html, slots)


# The Kazakh build's page addresses, for the sitemap (see `sitemap`).
def remember_pages(files: Files, config: MkDocsConfig) -> None:
    if current_language(config) == DEFAULT_LANGUAGE:
        found = [f.url for f in files.documentation_pages() if not shell.is_prototype(f.src_uri)]
        state.run().default_paths = ["" if url == "./" else url for url in found]


def no_theme_sitemap(config: MkDocsConfig) -> None:
    """The sitemap is written once, by `write_sitemap`, not by the theme in every language's build."""
    config.theme.static_templates.discard("sitemap.xml")


def write_sitemap(config: MkDocsConfig) -> None:
    framed = [
        page.uri.removesuffix(".md") + "/" for page in catalog(config).pages.values() if page.kind in shell.FRAMES
    ]
    data = sitemap.sitemap([*state.run().default_paths, *framed], config.site_url or "/", build_moment())
    root = Path(config.site_dir)
    write_file(data, str(root / "sitemap.xml"))
    write_file(sitemap.gzipped(data, build_moment()), str(root / "sitemap.xml.gz"))


class _Compiled(FileSystemBytecodeCache):
    """Compiled theme templates, kept in memory and in `.cache/jinja`: MkDocs makes a new Jinja
    environment for every build of every language (and every process compiles its own), and
    compiling Material's templates costs about 0.3 s each time. Jinja checks every entry against
    its template's source, so a changed template is compiled again."""

    def __init__(self, directory: Path) -> None:
        super().__init__(str(directory))
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.codes:
            bucket.bytecode_from_string(self.codes[bucket.key])
        else:
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()
        with contextlib.suppress(OSError):  # a read-only checkout still builds, compiling each time
            super().dump_bytecode(bucket)


def share_compiled_templates(env: Environment, config: MkDocsConfig) -> Environment:
    folder = project_dir(config) / ".cache" / "jinja"
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = state.run().compiled.setdefault(str(folder), _Compiled(folder))
    return env


def keep_root_search_index(config: MkDocsConfig) -> None:
    """Material's search plugin writes its index to the site root in every language's build; the
    root holds the Kazakh index (`write_search_index`), and builds running side by side must not
    overwrite it, so the plugin writes only in the Kazakh build. (Built in turn, the Kazakh build's
    post-build runs last and writes the root index over the others: the same bytes without this
    rewrite of MkDocs' event handlers, which untested versions are then spared.)"""
    if compat.parallel_wanted(config):
        compat.wrap_post_build(config, compat.search_plugin(config), _DefaultLanguageOnly)


@dataclass(frozen=True)
class _DefaultLanguageOnly:
    handler: Any

    def __call__(self, *, config: MkDocsConfig) -> None:
        if current_language(config) == DEFAULT_LANGUAGE:
            self.handler(config=config)


def edited_language(config: MkDocsConfig) -> str:
    """When serving: the language of the page file saved last since the previous build, '' if none."""
    since, state.run().last_build = state.run().last_build, time.time()
    newest, name = since, ""
    for folder in (events_dir(config), Path(config.docs_dir), anthology_dir(config)):
        for path in folder.rglob("*.md") if folder.is_dir() else ():
            if (moment := path.lstat().st_mtime) > newest:
                newest, name = moment, path.name
    parts = name.split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in LANGUAGES else (DEFAULT_LANGUAGE if name else "")


def write_search_index(config: MkDocsConfig, lang: str) -> None:
    """Keep only this language's pages in its own index (see `search_index`). Runs after Material's
    search plugin wrote the index of this build and, for the default language, after
    mkdocs-static-i18n merged all three into the root index."""
    plugin = compat.search_plugin(config)
    if plugin is None or not plugin.config.enabled:
        return
    # Taken from the plugin rather than from the file it wrote: builds of the other languages,
    # running side by side, write that same file.
    written = compat.search_index_json(plugin)
    target = Path(config.site_dir) / ("" if lang == DEFAULT_LANGUAGE else lang) / "search" / "search_index.json"
    index = search_index.split(json.loads(written), lang)
    index["docs"] += search_index.event_docs(catalog(config).events, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(search_index.dumps(index))


def write_feeds(config: MkDocsConfig, lang: str) -> None:
    """The .ics files of the language just built, beside its pages."""
    found = catalog(config)
    site_url, today = found.site.url, found.site.today  # the coming-up feed counts from the build's date
    root = Path(config.site_dir) / ("" if lang == DEFAULT_LANGUAGE else lang)
    files = feed_files.feed_files(found.events, lang, site_url, found.revisions, today)
    if lang == DEFAULT_LANGUAGE:
        # Open data holds all three languages, so it is written once, at the site root.
        files.update(opendata.opendata_files(found.events, site_url, found.revisions))
    for path, data in sorted(files.items()):
        target = root / path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        except OSError as error:
            # The pages link to every feed: a feed not written is a broken site, not a warning.
            raise PluginError(f"feeds: {target} could not be written ({error.strerror or error})") from None


# How often `mkdocs serve` looks for saved event files: MkDocs polls every 0.5 s, which alone is a
# fifth of the 2-3 s an editor waits to see a change; a poll of 1,300 files costs about 3 ms.
EVENTS_POLL_SECONDS = 0.1


def watch_events(server: Any, config: MkDocsConfig) -> None:
    compat.set_poll_interval(server, EVENTS_POLL_SECONDS)
    server.watch(str(events_dir(config)))


def escape_page_text(page: Page) -> None:
    """Material prints the page title and description unescaped (header, <title>, meta tags);
    titles come from editors' front matter, so they are handed to the templates as escaped markup."""
    if page.title is not None and not isinstance(page.title, Markup):
        page.title = escape(page.title)
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)


# The Anthology: its sources in docs/anthology/ (or ANTHOLOGY_DIR) are read by `anthology.loader`,
# never published as they are; its pages are generated like event pages, and its PDFs are printed
# from the built whole-book page of each language.


def anthology_dir(config: MkDocsConfig) -> Path:
    folder = settings.environ(config).get("ANTHOLOGY_DIR")
    return Path(folder) if folder else Path(config.docs_dir) / "anthology"


def watch_anthology(server: Any, config: MkDocsConfig) -> None:
    """`mkdocs serve` watches docs/ already; an ANTHOLOGY_DIR elsewhere is watched too."""
    folder = anthology_dir(config)
    if folder.is_dir() and Path(config.docs_dir).resolve() not in folder.resolve().parents:
        server.watch(str(folder))


def _drop_anthology_sources(files: Files) -> None:
    for file in [f for f in files if f.src_uri.startswith("anthology/") and f.src_uri.endswith((".md", ".yml"))]:
        files.remove(file)


def build_moment() -> dt.datetime:
    return dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), tz=dt.UTC)
