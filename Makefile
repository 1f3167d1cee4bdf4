# make serve:   set up, build and serve the site with live reload on http://127.0.0.1:8000
# make test:    set up, then run every test (unit, end-to-end builds, browser)
# make preview: build, then serve site/ through nginx as production does, on http://127.0.0.1:8080
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian packages and pinned npm packages; idempotent, shared with .ci/run (see scripts/setup.sh).
SETUP := bash scripts/setup.sh

.PHONY: setup serve build preview test check new-event import translations lint demo bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)
	$(SETUP)

serve: setup
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

# nginx in the foreground with deploy/nginx.conf; Ctrl-C or a SIGTERM to make stops it.
preview: build
	bash scripts/preview.sh

# pytest's exit status 5 (no test collected) fails this target like any other failure.
test: setup
	$(BIN)/python -m pytest -n 2

# Editors' tools (`apk`, also `python scripts/apk.py`): validate without building, scaffold, import a
# plan, translation report.
check: $(STAMP)
	$(BIN)/apk check

new-event: $(STAMP)
	$(BIN)/apk new-event

import: $(STAMP)
	$(BIN)/apk import $(FILE)

translations: $(STAMP)
	$(BIN)/apk translations

# The site with a generated 420-event sample calendar (labelled as sample data on every page).
demo: setup
	$(BIN)/python scripts/sample_events.py --count 420 --out build/sample-events
	EVENTS_DIR=build/sample-events $(BIN)/mkdocs serve -a 127.0.0.1:8000

# Build times against stock MkDocs + Material + i18n, page weights; writes dev/PERFORMANCE.md.
bench: setup
	$(BIN)/python scripts/bench.py --sizes 420 4200 --runs 3

lint: $(STAMP)
	$(BIN)/ruff check hooks scripts tests

clean:
	rm -rf site build $(VENV)

# The README's pictures (home, event, calendar; phone and desktop; kk and ru) from the 420-event
# sample built as on 1 April 2025, with Debian's chromium, into dev/screenshots/.
.PHONY: screenshots
screenshots: setup
	$(BIN)/python scripts/screenshots.py

# The editors' web form: decap-server (the local backend, on 127.0.0.1:8081 only, writing into this
# working tree) and the live preview; open http://127.0.0.1:8000/admin/ (dev/CMS.md). Ctrl-C stops both.
.PHONY: edit
edit: setup
	PORT=8081 BIND_HOST=127.0.0.1 MODE=fs GIT_REPO_DIRECTORY="$(CURDIR)" node cms/node_modules/decap-server/dist/index.js & \
	server=$$!; trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

# Lighthouse's mobile run (Debian's chromium, never a downloaded browser) on the 420-event sample: home,
# list, a month grid, regions, an event and an Anthology text in kk, ru, en; writes dev/PERFORMANCE.md.
.PHONY: lighthouse
lighthouse: setup
	$(BIN)/python scripts/lighthouse.py --record
