"""The editors' web form at /admin/ (Decap CMS, dev/CMS.md), driven in chromium against the real local
backend: decap-server, started here on a free loopback port over a copy of the project's events and
Anthology in a temporary folder (never the real events/).

One test walks an editor's session: a new event with Kazakh, Russian and English text is saved, its three
files appear in the layout the loader reads, `apk check` passes and the built site shows the event in
all three languages; then an existing event is set to postponed and saved, and its main file changes in
that line only, its translations not at all; a file from `apk new-event` keeps its notes; an Anthology
text changes in one line. Nothing else appears in the folders.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import served
from tests.conftest import ROOT, build_site

pytestmark = pytest.mark.browser

DECAP_SERVER = ROOT / "cms" / "node_modules" / "decap-server" / "dist" / "index.js"
EXISTING = "2025-04-24-xxxiv-session"
NEW = "2026-03-01-unity-day-forum"
TEXTS = {
    "kk": {"title": "Бірлік күніне арналған форум", "venue": "Достық үйі", "body": "Форум Астанада өтеді."},
    "ru": {"title": "Форум ко Дню единства", "venue": "Дом дружбы", "body": "Форум пройдёт в Астане."},
    "en": {"title": "Unity Day forum", "venue": "House of Friendship", "body": "The forum takes place in Astana."},
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes and every folder (as `name/`), so that a stray empty folder shows too."""
    return {
        p.relative_to(folder).as_posix() + ("" if p.is_file() else "/"): p.read_bytes() if p.is_file() else b""
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the form edits, copied: events/ and docs/anthology/ (the local backend's repository root)."""
    folder = tmp_path_factory.mktemp("cms-project")
    shutil.copytree(ROOT / "events", folder / "events")
    shutil.copytree(ROOT / "docs" / "anthology", folder / "docs" / "anthology")
    return folder


@pytest.fixture(scope="module")
def backend(project: Path) -> Iterator[int]:
    """decap-server in its file-system mode, on 127.0.0.1 only, writing into the copy."""
    assert DECAP_SERVER.is_file(), "run `npm ci --prefix cms` (scripts/setup.sh does)"
    port = free_port()
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(project), "MODE": "fs"}
    server = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        else:
            pytest.fail("decap-server did not start")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def admin_url(tmp_path_factory: pytest.TempPathFactory, project: Path, backend: int) -> Iterator[str]:
    built = build_site(
        tmp_path_factory.mktemp("cms-site"),
        project / "events",
        ANTHOLOGY_DIR=str(project / "docs" / "anthology"),
        ANTHOLOGY_PDF="0",
        APK_CMS_PORT=str(backend),
    )
    assert built.returncode == 0, built.output
    with served(built.site) as url:
        yield url + "/admin/"


def open_form(browser, url: str, lang: str = "en"):
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale=lang)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{url}?lang={lang}")
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Anthology texts").first.wait_for()
    return page, requests


def field(page, label: str, column: int = 0):
    """The input of a field, by its label, in the left (Kazakh, 0) or right (1) language column."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(optional\))?$")).nth(column)


def choose(page, label: str, option: str) -> None:
    field(page, label).click()
    page.get_by_text(option, exact=True).last.click()


def right_column(page, lang: str) -> None:
    """Shows `lang` in the right-hand column (the left one is always Kazakh)."""
    page.get_by_role("button", name=re.compile("^Writing in")).nth(1).click()
    page.get_by_role("menuitem", name=lang, exact=True).click()


def publish(page) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_role("menuitem", name="Publish now").click()
    page.get_by_text("Changes saved", exact=True).wait_for()


def test_new_event_in_three_languages_then_an_existing_one_postponed(browser, admin_url, project, tmp_path):
    before = snapshot(project)
    page, requests = open_form(browser, admin_url)
    page.goto(f"{admin_url}?lang=en#/collections/events/new")
    field(page, "File name (address)").fill(NEW)
    field(page, "Start").fill("2026-03-01 10:00")
    field(page, "End").fill("2026-03-01 09:00")  # before the start: refused
    choose(page, "Region", "Astana")
    choose(page, "Category", "Sessions and forums")
    choose(page, "Organizer", "Assembly of People of Kazakhstan")
    for lang in ("kk", "ru", "en"):
        column = 0 if lang == "kk" else 1
        if lang != "kk":
            right_column(page, lang)
        field(page, "Title", column).fill(TEXTS[lang]["title"])
        field(page, "Venue", column).fill(TEXTS[lang]["venue"])
        field(page, "Text", column).fill(TEXTS[lang]["body"])
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_role("menuitem", name="Publish now").click()
    page.get_by_text("The end is before the start").wait_for()
    assert snapshot(project) == before
    field(page, "End").fill("")  # one fill would add to the refused text in Decap's input
    field(page, "End").fill("2026-03-01 13:00")
    publish(page)

    after = snapshot(project)
    added = sorted(set(after) - set(before))
    assert added == [f"events/{NEW}.en.md", f"events/{NEW}.md", f"events/{NEW}.ru.md"]
    assert {k: v for k, v in after.items() if k in before} == before  # nothing else touched
    check = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "apk.py"),
            "check",
            "--events",
            str(project / "events"),
            "--anthology",
            str(project / "docs" / "anthology"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    site = build_site(
        tmp_path / "site", project / "events", ANTHOLOGY_DIR=str(project / "docs" / "anthology"), ANTHOLOGY_PDF="0"
    )
    assert site.returncode == 0, site.output
    for lang, prefix in (("kk", ""), ("ru", "ru/"), ("en", "en/")):
        html = site.page(f"{prefix}events/{NEW}/")
        assert TEXTS[lang]["title"] in html and TEXTS[lang]["body"] in html

    # An existing event: only its status line changes.
    main = project / "events" / f"{EXISTING}.md"
    old = snapshot(project)
    page.goto(f"{admin_url}?lang=en#/collections/events")
    page.get_by_text("XXXIV мерейтойлық сессиясы").click()
    page.wait_for_url(re.compile(f"entries/{EXISTING}$"))
    choose(page, "Status", "Postponed")
    publish(page)
    new = snapshot(project)
    assert set(new) == set(old)
    changed = [k for k in new if new[k] != old[k]]
    assert changed == [f"events/{EXISTING}.md"]
    expected = old[f"events/{EXISTING}.md"].decode().replace("status: scheduled\n", "status: postponed\n")
    assert main.read_text(encoding="utf-8") == expected

    # A file written by `apk new-event`: its notes for editors survive, a value goes where its
    # commented line was, and nothing else changes.
    made = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "apk.py"), "new-event", "--events", str(project / "events")]
        + ["--start", "2026-05-01", "--region", "astana", "--category", "culture-arts", "--organizer", "apk"]
        + ["--title-kk", "Достық кеші", "--title-ru", "Вечер дружбы", "--title-en", "Friendship evening"]
        + ["--venue", "Достық үйі"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    old = snapshot(project)
    page.goto(f"{admin_url}?lang=en#/collections/events")
    page.reload()  # the form lists the folder once per page load
    page.get_by_text("Достық кеші").click()
    page.wait_for_url(re.compile("entries/2026-05-01-friendship-evening$"))
    field(page, "End").fill("2026-05-02")
    field(page, "Summary").fill("Достар кеші")
    publish(page)
    new = snapshot(project)
    assert [k for k in new if new.get(k) != old.get(k)] == ["events/2026-05-01-friendship-evening.md"]
    lines = old["events/2026-05-01-friendship-evening.md"].decode().splitlines()
    expected = ["end: 2026-05-02" if line.startswith("# end:") else line for line in lines]
    expected = ["summary: Достар кеші" if line == "# summary:" else line for line in expected]
    assert new["events/2026-05-01-friendship-evening.md"].decode().splitlines() == expected
    assert sum(line.startswith("#") for line in expected) > 20

    # The Anthology's collection: a text in its part's folder, one line changed.
    poem = "docs/anthology/voices/sample-poem.md"
    old = snapshot(project)
    page.goto(f"{admin_url}?lang=en#/collections/anthology")
    page.get_by_text("Дала таңы").click()
    page.wait_for_url(re.compile("entries/voices/sample-poem$"))
    field(page, "Translators").fill("Сайт редакциясы (үлгі аударма, түзетілді)")
    publish(page)
    new = snapshot(project)
    assert [k for k in new if new.get(k) != old.get(k)] == [poem]
    assert new[poem].decode() == old[poem].decode().replace("(үлгі аударма)\n", "(үлгі аударма, түзетілді)\n", 1)

    assert [u for u in requests if urlsplit(u).hostname not in ("127.0.0.1",)] == []
    page.close()


RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def test_admin_loads_every_script_from_the_site_under_its_own_policy(browser, admin_url):
    """Every request of the form (page, scripts, chunks, configuration) goes to the site or the local
    backend, both on 127.0.0.1; its policy (the <meta> tag, dev/CMS.md) blocks nothing it needs."""
    context = browser.new_context(locale="ru")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    scripts: list[str] = []
    requests: list[str] = []
    page.on("request", lambda r: (requests.append(r.url), r.resource_type == "script" and scripts.append(r.url)))
    page.goto(admin_url)  # no ?lang: the browser's language, Russian, is chosen
    page.get_by_role("button", name="Войти").click()
    page.get_by_text("Мероприятия").first.wait_for()
    page.get_by_text("XXXIV мерейтойлық сессиясы").click()
    page.get_by_text("Начало", exact=True).first.wait_for()
    site = urlsplit(admin_url).netloc
    assert scripts and all(urlsplit(u).netloc == site for u in scripts), scripts
    assert {urlsplit(u).hostname for u in requests} == {"127.0.0.1"}
    assert page.evaluate("window.__violations") == []
    policy = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert (
        "script-src 'self' 'unsafe-eval';" in policy and "https://" not in policy.split("script-src")[1].split(";")[0]
    )
    context.close()
