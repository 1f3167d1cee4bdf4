"""Editors' tools: scaffold a new event, check every file, import a plan, report missing translations.

Each module is one tool's logic, free of MkDocs; `cli` is the command line (`scripts/apk.py`) on top.
They reuse the site's own loader, so a file the tools accept is a file the build accepts.
"""
