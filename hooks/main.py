"""MkDocs hook entry points: each hands over to the adapter in `apk_site.mkdocs_adapter`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apk_site import DEFAULT_LANGUAGE
from apk_site import mkdocs_adapter as site
from apk_site import mkdocs_admin as admin
from apk_site import mkdocs_compat as compat
from apk_site import mkdocs_framing as framing
from apk_site import mkdocs_not_found as not_found
from apk_site import mkdocs_parallel as parallel
from apk_site import mkdocs_pdfs as pdfs
from apk_site import mkdocs_settings as settings
from apk_site import mkdocs_state as state
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    settings.check(config)  # extra.apk in mkdocs.yml (and the environment variables it reads)
    compat.fast_paths()  # checks the engine's versions, and says so once if the fast paths are off
    site.count_warnings_when_quiet(config)
    site.pin_build_date(config)
    if not parallel.worker_languages():  # a forked language build keeps the events it was given
        site.refresh(config)  # fail early, once, with every problem in the event files
        pdfs.check_printer(config, parallel.serving())  # and before any page links to a PDF
    site.no_theme_sitemap(config)
    site.keep_root_search_index(config)
    if parallel.first_build(config):
        parallel.start_other_languages(config, site.edited_language(config) if parallel.serving() else "")
    site.begin_build(config)
    site.translate_permalinks(config)  # in the language this build is for, known only now
    return config


def on_startup(command: str, dirty: bool) -> None:
    state.start(command)  # what the hooks keep until on_shutdown, in one object


def on_shutdown() -> None:
    parallel.stop_other_languages()
    state.end()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return site.add_generated_files(files, config)


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    framing.find_framed_pages(files, config)
    return nav


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return site.generated_source(page, config)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return site.fill_markers(markdown, page, config)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return site.fill_slots(html, page, config)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    site.remember_pages(files, config)
    framing.remember_files(files)
    return site.share_compiled_templates(env, config)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return framing.frame_pages(output, page, config)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    site.escape_page_text(page)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    lang = site.current_language(config)
    not_found.keep(template_name, output, lang)
    # Every language's build renders the theme's 404.html into the site root; only Kazakh's stays
    # there (builds run side by side, in any order): the others are written by `not_found`.
    return "" if template_name == not_found.TEMPLATE and lang != DEFAULT_LANGUAGE else output


# After mkdocs-static-i18n (-100), which builds the other languages from the default one's post-build.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    lang = site.end_build()
    # The first process's own build ends last in it (mkdocs-static-i18n nests the others inside it).
    first_process_done = site.outermost_build() and not parallel.worker_languages()
    for language in parallel.feed_languages(lang):
        site.write_feeds(config, language)  # while the other languages may still be building
    all_languages_done = parallel.wait_for_other_languages() if first_process_done else False
    site.write_search_index(config, lang)
    if first_process_done or parallel.worker_languages():
        not_found.write_pages(Path(config.site_dir))  # the languages this process built
    if lang == DEFAULT_LANGUAGE:
        site.write_sitemap(config)  # from the Kazakh pages, which this build just listed
        admin.write_admin(config)  # the editors' web form, /admin/ (once: it has no languages)
    last_of_serving_worker = parallel.serving() and parallel.worker_languages()[-1:] == [lang]
    if all_languages_done or last_of_serving_worker:
        pdfs.write_anthology_pdfs(config, parallel.serving())


def on_build_error(error: Exception) -> None:
    site.abandon_builds()
    parallel.stop_other_languages()


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    site.watch_events(server, config)
    site.watch_anthology(server, config)
    return server
