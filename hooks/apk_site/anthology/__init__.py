"""The Anthology: a trilingual book of the Assembly's texts, read from `docs/anthology/`.

Data flows one way, as for events: text files -> `loader` -> frozen `model` -> `views` -> `render`
(Markdown and HTML) -> `pages` (what the MkDocs adapter publishes); `citation` and `reading` are
pure helpers of the views, and `pdf` prints the whole-book page with headless Chromium after the
build. Nothing here imports MkDocs: `apk_site.mkdocs_adapter` is the only module that does.
"""
