"""The Anthology: a trilingual book of the Assembly's texts, read from `docs/anthology/`.

Data flows one way, as for events: text files -> `loader` (through the catalog step) -> frozen
`model` -> `views` -> `render` (Markdown and HTML) -> `pages` (each page as a `PageSource`);
`citation` and `reading` are pure helpers of the views, and `pdf` prints the whole-book page with
headless Chromium after the build. Nothing here imports MkDocs: only the MkDocs layer
(`apk_site.mkdocs_*`) does.
"""
