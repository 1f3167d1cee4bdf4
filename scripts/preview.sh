#!/usr/bin/env bash
# Serves the built site/ the way production does: Debian's nginx with deploy/nginx.conf, in the
# foreground on http://127.0.0.1:8080 (`make preview` builds first). Ctrl-C or SIGTERM stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"
[[ -f site/index.html ]] || { echo "preview: no built site in site/: run make build first" >&2; exit 1; }
echo "preview: http://127.0.0.1:8080/ (nginx, deploy/nginx.conf); Ctrl-C stops it"
# As root, nginx's workers would drop to `nobody`, who may not read a checkout in a private folder.
user=()
[[ $(id -u) -ne 0 ]] || user=(-g "user root;")
# The prefix holds nginx's pid and temporary files, and `site`, a link to the built site.
mkdir -p build/preview
ln -sfn ../../site build/preview/site
exec nginx -p "$PWD/build/preview/" -e stderr -c "$PWD/deploy/nginx.conf" "${user[@]}"
