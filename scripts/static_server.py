"""A built site on a free local port, for the browser tests, the screenshots and Lighthouse.

    with served(site_dir) as url:                     # "http://127.0.0.1:<port>", no slash at the end
    with served(site_dir, headers={...}) as url:      # ... with these headers in every response
    with served(site_dir, compress=True) as url:      # ... text gzipped, as web hosts send it

Python's own server, quiet. Production's server, nginx with deploy/nginx.conf, is started by
tests/nginx_server.py. Scripts import this as `static_server`, tests as `scripts.static_server`.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

# What a web host gzips (GitHub Pages and CDNs do; Lighthouse counts the bytes on the wire, and
# Python's server alone would send 440 KB for a 35 KB list).
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".ics", ".txt")


class _Host(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args: object, extra_headers: Mapping[str, str], compress: bool, **kwargs: object) -> None:
        self.extra_headers, self.compress = extra_headers, compress  # first: the base class answers in __init__
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]  # the base class's contract: a file-like or None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wanted = self.compress and "gzip" in self.headers.get("Accept-Encoding", "")
        if not (
            wanted
            and path.suffix in COMPRESSED
            and path.is_file()
            and self.path.split("?")[0].endswith(("/", path.suffix))
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002  # the base class's signature
        pass


@contextlib.contextmanager
def served(folder: Path, headers: Mapping[str, str] | None = None, *, compress: bool = False) -> Iterator[str]:
    """Serve `folder` on a free local port until the block ends; yields the base URL."""
    handler = functools.partial(_Host, directory=str(folder), extra_headers=dict(headers or {}), compress=compress)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
