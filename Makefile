# make serve: install into .venv, build and serve on http://127.0.0.1:8000
# make test:  run every test (unit, end-to-end builds, browser)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve build test check new-event import translations lint demo bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP)
	$(BIN)/python -m pytest -n 2

# Editors' tools (scripts/apk.py): validate without building, scaffold, import a plan, translation report.
check: $(STAMP)
	$(BIN)/python scripts/apk.py check

new-event: $(STAMP)
	$(BIN)/python scripts/apk.py new-event

import: $(STAMP)
	$(BIN)/python scripts/apk.py import $(FILE)

translations: $(STAMP)
	$(BIN)/python scripts/apk.py translations

# The site with a generated 420-event sample calendar (labelled as sample data on every page).
demo: $(STAMP)
	$(BIN)/python scripts/sample_events.py --count 420 --out build/sample-events
	EVENTS_DIR=build/sample-events $(BIN)/mkdocs serve -a 127.0.0.1:8000

# Build times against stock MkDocs + Material + i18n, page weights; updates README.md.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py --sizes 420 4200 --runs 3

lint: $(STAMP)
	$(BIN)/ruff check hooks scripts tests

clean:
	rm -rf site build $(VENV)
