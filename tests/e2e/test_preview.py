"""`make preview` and deploy/nginx.conf: the built site served as production serves it.

The header rules are checked on the fixture build through the shipped configuration (only the port
differs); one test runs `make preview` itself on 127.0.0.1:8080 and stops it with a SIGTERM to make.
"""

from __future__ import annotations

import gzip
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, documented_policy
from tests.nginx_server import nginx_served, wait_until_answering

POLICY = documented_policy()
ADMIN_POLICY = documented_policy("The editors' web form (`/admin/`)")


@pytest.fixture(scope="module")
def nginx_url(fixture_site) -> Iterator[str]:
    with nginx_served(fixture_site.site) as url:
        yield url


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def html_lang(body: bytes) -> str:
    found = re.search(rb'<html lang="([a-z]+)"', body)
    assert found is not None, body[:200]
    return found.group(1).decode()


@pytest.mark.parametrize("path", ["/", "/ru/calendar/", "/en/no-such-page/", "/feeds/calendar.ics"])
def test_every_answer_carries_the_security_headers(nginx_url, path):
    status, headers, _ = fetch(nginx_url + path)
    assert status in (200, 404)
    assert headers["server"] == "nginx"
    assert headers["content-security-policy"] == POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize(
    ("path", "lang"),
    [("/ru/no-such-page/", "ru"), ("/en/no/such/page", "en"), ("/no-such-page/", "kk"), ("/fr/page/", "kk")],
)
def test_a_missing_address_gets_the_404_page_of_its_language(nginx_url, path, lang):
    status, headers, body = fetch(nginx_url + path)
    assert status == 404
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert html_lang(body) == lang


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/feeds/calendar.ics", "text/calendar; charset=utf-8"),
        ("/ru/feeds/calendar.ics", "text/calendar; charset=utf-8"),
        ("/data/events.json", "application/json"),
        ("/data/events.csv", "text/csv; charset=utf-8"),
        ("/", "text/html; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
    ],
)
def test_content_types(nginx_url, path, content_type):
    status, headers, _ = fetch(nginx_url + path)
    assert status == 200
    assert headers["content-type"] == content_type


@pytest.mark.parametrize("path", ["/", "/feeds/calendar.ics", "/assets/site.css", "/data/events.json"])
def test_text_is_gzipped(nginx_url, fixture_site, path):
    status, headers, body = fetch(nginx_url + path, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("content-encoding") == "gzip"
    file = fixture_site.site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    assert gzip.decompress(body) == file.read_bytes()


def test_only_hashed_assets_are_cached_for_long(nginx_url, fixture_site):
    hashed = sorted((fixture_site.site / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert hashed, "Material's hashed bundle is missing"
    _, headers, _ = fetch(f"{nginx_url}/assets/javascripts/{hashed[0].name}")
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    for path in ("/", "/ru/calendar/", "/feeds/calendar.ics", "/assets/site.css", "/data/events.json"):
        _, headers, _ = fetch(nginx_url + path)
        assert headers["cache-control"] == "public, max-age=300", path


def test_the_documented_policies_are_the_ones_nginx_sends():
    config = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert re.findall(r"add_header Content-Security-Policy (\S+) always;", config) == ["$content_security_policy"]
    policies = re.search(r"map \$uri \$content_security_policy \{(.+?)\}", config, re.S)
    assert policies is not None
    entries = re.findall(r'^\s*(\S+) "([^"]+)";$', policies.group(1), re.M)
    assert entries == [("default", POLICY), ('"~^/admin/"', ADMIN_POLICY)]


@pytest.mark.parametrize(
    ("path", "policy"),
    [("/admin/", "admin"), ("/admin/config.yml", "admin"), ("/ru/", "public"), ("/administration/", "public")],
)
def test_the_editors_form_gets_its_own_policy_and_nothing_else_does(nginx_url, path, policy):
    _, headers, _ = fetch(nginx_url + path)
    assert headers["content-security-policy"] == {"admin": ADMIN_POLICY, "public": POLICY}[policy]


def port_answers(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_make_preview_serves_the_built_site_on_8080_until_make_is_stopped():
    assert not port_answers(8080), "something already listens on 127.0.0.1:8080: stop it to run this test"
    with subprocess.Popen(
        ["make", "--no-print-directory", "preview"],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as make:
        try:
            wait_until_answering("http://127.0.0.1:8080/", make, seconds=240)
            status, headers, body = fetch("http://127.0.0.1:8080/ru/no-such-page/")
            assert (status, headers["server"], html_lang(body)) == (404, "nginx", "ru")
            assert headers["content-security-policy"] == POLICY
            status, headers, _ = fetch("http://127.0.0.1:8080/feeds/calendar.ics")
            assert (status, headers["content-type"]) == (200, "text/calendar; charset=utf-8")
            assert (ROOT / "site" / "index.html").is_file()
        finally:
            make.send_signal(signal.SIGTERM)
            returncode = make.wait(timeout=20)
    assert returncode != 0  # make reports that its recipe was stopped
    deadline = time.monotonic() + 5
    while port_answers(8080) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not port_answers(8080), "nginx kept running after make was stopped"


def test_preview_needs_a_built_site(tmp_path: Path):
    (tmp_path / "scripts").mkdir()
    script = tmp_path / "scripts" / "preview.sh"
    script.write_text((ROOT / "scripts" / "preview.sh").read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=10, check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == "preview: no built site in site/: run make build first"
