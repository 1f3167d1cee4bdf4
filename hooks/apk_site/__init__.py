"""The Assembly of People of Kazakhstan anniversary site: events in, pages and feeds out.

Data flows one way: events/*.md -> loader -> frozen model -> views -> render -> MkDocs files.
Only `mkdocs_adapter` knows about MkDocs and mkdocs-static-i18n.
"""

LANGUAGES = ("kk", "ru", "en")
DEFAULT_LANGUAGE = "kk"
