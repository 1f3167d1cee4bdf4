"""Framed pages (see `mkdocs_shell`): the part of the adapter that writes them.

The prototype page of each frame is rendered by MkDocs and Material like any page of the language
being built; as it comes out (`on_post_page`), every page of that frame is made from it and written,
and the prototype itself is not published. Each page's Markdown still goes through the plugins'
page hooks and MkDocs' own link checks; only the theme is not rendered again.
"""

from __future__ import annotations

from pathlib import Path

import markdown
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError, PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from . import mkdocs_adapter as adapter
from . import mkdocs_compat as compat
from . import mkdocs_material as material
from . import mkdocs_shell as shell
from . import mkdocs_state as state
from .page_source import Generated
from .pages import Catalog


def remember_files(files: Files) -> None:
    """The build's files, which links in an event's text are checked against."""
    state.run().files = files


def frame_pages(output: str, prototype: Page, config: MkDocsConfig) -> str:
    """After a prototype page is rendered: write every page of its frame in this language from it,
    and return '' for the prototype, which MkDocs then does not write."""
    found = adapter.catalog(config)
    generated = state.run().prototypes.get(adapter.default_uri(prototype.file.src_uri))
    if generated is None:
        return output
    frame, lang = shell.Shell.parse(output), adapter.current_language(config)
    converter = _Converter(config)
    for framed in found.pages.values():
        if framed.kind in shell.FRAMES and shell.folder_of(framed) == shell.folder_of(generated):
            file = _framed_file(framed, prototype.file, lang, config)
            try:
                _write(framed, found, file, frame, converter, prototype.file.abs_dest_path, config)
            except BuildError:
                raise
            except Exception as error:  # named after the page, not after its prototype
                raise PluginError(f"Error building page '{file.src_uri}': {error}") from error
    return ""


def _write(
    framed: Generated,
    found: Catalog,
    file: File,
    frame: shell.Shell,
    converter: _Converter,
    at: str,
    config: MkDocsConfig,
) -> None:
    """One framed page: its Markdown through the page hooks, its values into the frame, written."""
    meta, body, slots = _source(framed, config)
    state.run().slots[file.src_uri] = slots
    page = _populate(Page(None, file, config), meta, body, converter, config)
    page.validate_anchor_links(files=state.run().files, log_level=config.validation.links.anchors)
    name = _name(framed)
    values = {
        "page": name,
        "title": escape(page.meta["title"]),
        "description": escape(page.meta.get("description", "")),
        "content": page.content or "",
    }
    target = at.replace(shell.PAGE, name)
    write_file(frame.fill(values).encode("utf-8", errors="xmlcharrefreplace"), str(Path(target)))


def _framed_file(framed: Generated, prototype: File, lang: str, config: MkDocsConfig) -> File:
    """The file of a framed page: where its prototype stands, under the page's own name."""
    dest_uri = prototype.dest_uri.replace(shell.PAGE, _name(framed))
    src_uri = adapter.language_uri(framed.uri, lang)
    return File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls, dest_uri=dest_uri)


def _name(framed: Generated) -> str:
    """`events/<id>.md` → `<id>`: what stands for the prototype's name in its address."""
    return framed.uri.removesuffix(".md").rsplit("/", 1)[-1]


def find_framed_pages(files: Files, config: MkDocsConfig) -> None:
    """Framed pages are not among MkDocs' files (MkDocs would render them); a link to one in a page's
    Markdown (`[May](../calendar/2025-05.md)`) still finds it: MkDocs' lookup falls back to the file
    that `frame_pages` writes. (Anchors in such links are not checked: the page is not rendered yet.)"""
    if not compat.frames_wanted(config):
        return
    found, lang = adapter.catalog(config), adapter.current_language(config)

    def framed_file(path: str) -> File | None:
        framed = found.pages.get(adapter.default_uri(path))
        if framed is None or framed.kind not in shell.FRAMES:
            return None
        prototype = compat.lookup_file(files, adapter.language_uri(f"{shell.folder_of(framed)}/{shell.PAGE}.md", lang))
        return None if prototype is None else _framed_file(framed, prototype, lang, config)

    compat.override_file_lookup(files, framed_file)


def _source(framed: Generated, config: MkDocsConfig) -> tuple[dict[str, object], str, dict[str, str]]:
    """A framed page's front matter, Markdown and slots, as MkDocs would read them from its file."""
    source = adapter.page_source(framed, config)
    body, slots = material.body_and_slots(source)
    return material.front_matter(source), body, slots


def _populate(page: Page, meta: dict[str, object], body: str, converter: _Converter, config: MkDocsConfig) -> Page:
    """What MkDocs does to read and render a page (mkdocs.commands.build._populate_page), with the
    front matter already known and one Markdown converter for every event page."""
    files = state.run().files
    compat.set_current_page(config, page)
    try:
        page.meta = meta
        body = body.lstrip("\n")  # as mkdocs.utils.meta.get_data leaves it
        page.markdown = config.plugins.on_page_markdown(body, page=page, config=config, files=files)
        converter.render(page, files, config)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
    finally:
        compat.set_current_page(config, None)
    return page


class _Converter:
    """`Page.render` of MkDocs 1.6 with one Python-Markdown instance for all the event pages of a
    language: setting up a new one, as MkDocs does for each page, cost as much as the conversion."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.md = markdown.Markdown(
            extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {}
        )

    def render(self, page: Page, files: Files, config: MkDocsConfig) -> None:
        compat.render_page(self.md, page, files, config)
