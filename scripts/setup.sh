#!/usr/bin/env bash
# Installs what building, previewing and testing the site need beyond Python: Debian packages and the
# npm packages that the tests pin. Idempotent: a second run installs nothing and takes a second.
#
#   bash scripts/setup.sh          used by `make serve`, `make test`, `make preview` and .ci/run
#
# As root it installs what is missing (running `apt-get update` once). Otherwise it stops with one
# line naming the exact `sudo apt-get install …` command, before any test runs.
set -euo pipefail
cd "$(dirname "$0")/.."
# nginx lives in /usr/sbin, which a user's PATH may leave out.
export PATH="$PATH:/usr/sbin:/sbin"

# Each tool is looked up as a command, so a Node.js installed another way (with its own npm) counts.
# chromium prints the Anthology PDFs and runs the browser tests; pdftoppm/pdftotext (poppler-utils)
# read the PDFs back; faketime runs the reproducibility test at another date; nginx serves
# `make preview`; node/npm install the pinned npm packages; make runs the Makefile on a bare machine.
TOOLS=(chromium:chromium pdftoppm:poppler-utils faketime:faketime nginx:nginx node:nodejs npm:npm make:make git:git)
# Packages without a command: the fonts with every Kazakh letter, for PDFs and screenshots.
FILES=(/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf:fonts-noto-core)
# Folders whose package-lock.json pins npm packages that the build or the tests use.
NPM_FOLDERS=(tests/browser cms)  # cms: the web form at /admin/ (dev/CMS.md)

missing=()
for pair in "${TOOLS[@]}"; do
  command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
for pair in "${FILES[@]}"; do
  [[ -e "${pair%%:*}" ]] || missing+=("${pair#*:}")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "setup: missing Debian packages; run: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# `npm ci` deletes and reinstalls node_modules, so it runs only when the lockfile changed since the
# last install (a stamp holding the lockfile's checksum).
for folder in "${NPM_FOLDERS[@]}"; do
  stamp="$folder/node_modules/.setup-stamp"
  sum=$(sha256sum "$folder/package-lock.json" | cut -d' ' -f1)
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$sum" ]]; then
    echo "setup: npm ci in $folder"
    npm ci --prefix "$folder" --no-audit --no-fund --silent
    echo "$sum" >"$stamp"
  fi
done
