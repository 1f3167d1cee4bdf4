"""MkDocs hook entry points: each hands over to the adapter in `apk_site.mkdocs_adapter`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apk_site import mkdocs_adapter as site
from apk_site import mkdocs_framing as framing
from apk_site import mkdocs_parallel as parallel
from apk_site import mkdocs_pdfs as pdfs
from apk_site import not_found
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site.pin_build_date(config)
    site.refresh(config)  # fail early, once, with every problem in the event files
    site.no_theme_sitemap(config)
    site.keep_root_search_index(config)
    parallel.start_other_languages(
        config, site.edited_language(config) if parallel.serving() and not parallel.worker_languages() else ""
    )
    site.begin_build(config)
    return config


def on_startup(command: str, dirty: bool) -> None:
    parallel.remember_command(command)


def on_shutdown() -> None:
    parallel.stop_other_languages()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return site.add_generated_files(files, config)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return site.generated_source(page, config)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return site.fill_markers(markdown, page, config)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return site.fill_slots(html, page, config)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    site.remember_pages(files, config)
    framing.remember_files(files)
    return site.share_compiled_templates(env)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return framing.frame_pages(output, page, config)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    site.escape_page_text(page)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    not_found.keep(template_name, output, site.current_language(config))
    return output


# After mkdocs-static-i18n (-100), which builds the other languages from the default one's post-build.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    lang = site.end_build()
    first = site.outermost_build() and not parallel.worker_languages()
    for language in parallel.feed_languages(lang):
        site.write_feeds(config, language)  # while the other languages may still be building
    everything = parallel.wait_for_other_languages() if first else False
    site.write_search_index(config, lang)
    if first or parallel.worker_languages():
        not_found.write_pages(Path(config.site_dir))  # the languages this process built
    if first:
        site.write_sitemap(config)
    if everything or parallel.worker_languages()[-1:] == [lang] and parallel.serving():
        pdfs.write_anthology_pdfs(config)


def on_build_error(error: Exception) -> None:
    site.abandon_builds()
    parallel.stop_other_languages()


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    site.watch_events(server, config)
    site.watch_anthology(server, config)
    return server
