"""The Assembly of People of Kazakhstan anniversary site: events in, pages and feeds out.

Data flows one way: events/*.md -> catalog step (`catalog`) -> frozen model -> `pages.pages_for`
(views, render) -> the MkDocs layer (`hooks/main.py`, `mkdocs_*`), the only modules that know MkDocs,
Material and mkdocs-static-i18n.
"""

LANGUAGES = ("kk", "ru", "en")
DEFAULT_LANGUAGE = "kk"
