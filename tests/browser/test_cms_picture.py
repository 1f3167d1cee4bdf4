"""The body of an event or an Anthology text in the editors' web form (/admin/, dev/CMS.md "Pictures")
has an "insert picture" button: it opens Decap's media library, and the chosen picture's address,
relative to the page's source in docs/ (`../assets/uploads/<name>` for an event,
`../../assets/uploads/<name>` for a text in docs/anthology/<part>/), goes where the cursor was, and
nothing else in the file changes. In chromium against the real local
backend: decap-server over a copy of the project in a temporary folder (the fixtures of
tests/browser/test_cms.py; the real repository is never written).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

# The project copy, its decap-server and the built site with /admin/ pointing at it; importing the
# fixtures gives this module its own copy, so its files are not mixed with the other modules'.
from tests.browser.test_cms import (  # noqa: F401
    EXISTING,
    admin_url,
    backend,
    field,
    open_form,
    project,
    publish,
    snapshot,
)
from tests.browser.test_cms_upload import UPLOADS, tiny_png, wait_for_file
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

# What the picture goes into: the entry in the form, its main file (the Kazakh body, the form's first
# text box), the line the cursor is put after (the picture is written at the start of the next one),
# and the address the media library hands back.
CASES = {
    "event": (f"events/entries/{EXISTING}", f"events/{EXISTING}.md", "Астанада\n", "../assets/uploads"),
    "anthology": (
        "anthology/entries/voices/sample-poem",
        "docs/anthology/voices/sample-poem.md",
        "тыңдаймыз.\n",
        "../../assets/uploads",
    ),
}


def put_cursor_after(page, text: str) -> None:
    """Puts the cursor of the Kazakh body's text box just after `text`, as a click there would."""
    box = page.locator("textarea").first
    box.focus()
    box.evaluate(
        "(box, text) => { const at = box.value.indexOf(text) + text.length; box.setSelectionRange(at, at); }", text
    )


def pick(page, label: str, option: str) -> None:
    """Chooses `option` in a select list by typing it and pressing Enter, as a keyboard user does, and
    waits for the list to close: a list left open covers the field below it."""
    box = field(page, label)
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).wait_for()
    box.press("Enter")
    page.get_by_role("option").first.wait_for(state="detached")


def apk_check(folder: Path) -> subprocess.CompletedProcess[str]:
    """`apk check` on the project copy: its events, Anthology and docs/ (where the picture landed, and
    where the check looks for it), as CI checks the repository."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "apk.py"), "check", "--docs", str(folder / "docs")]
        + ["--events", str(folder / "events"), "--anthology", str(folder / "docs" / "anthology")],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("case", CASES)
def test_insert_picture_writes_its_address_at_the_cursor_and_nothing_else(browser, admin_url, project, tmp_path, case):  # noqa: F811
    entry, main, line_end, folder = CASES[case]
    name = f"picture-test-{case}.png"  # the cases share the project copy: each uploads its own file
    picture = tmp_path / name
    picture.write_bytes(tiny_png())
    before = snapshot(project)
    assert line_end in before[main].decode()
    page, _ = open_form(browser, admin_url)
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(f"{admin_url}?lang=en#/collections/{entry}")
    page.get_by_role("button", name="Insert picture").first.wait_for()
    put_cursor_after(page, line_end)
    page.keyboard.press("Tab")  # from the text box to its button, and Enter on it: no mouse needed
    assert page.evaluate("document.activeElement.textContent") == "Insert picture"
    page.keyboard.press("Enter")
    page.locator("input[type=file]").set_input_files(str(picture))
    page.get_by_text(name).first.wait_for()
    choose = page.get_by_role("button", name="Choose selected")
    if not choose.is_enabled():  # the media library selects a fresh upload itself; if not, pick it
        page.get_by_text(name).first.click()
    choose.click()
    address = f"{folder}/{name}"
    assert f"![]({address})" in page.locator("textarea").first.input_value()
    box = page.locator("textarea").first
    # The media library fades out (300 ms) before it gives the focus back to what had it when it opened:
    # the description typed below must land between the brackets even after that.
    page.wait_for_function("!document.body.classList.contains('ReactModal__Body--open')")
    # The cursor waits between the brackets for the description.
    page.wait_for_function(
        "box => document.activeElement === box && box.selectionStart === box.value.indexOf('![](') + 2",
        arg=box.element_handle(),
    )
    page.keyboard.type("A dot")
    assert f"![A dot]({address})" in page.locator("textarea").first.input_value()
    assert not (project / UPLOADS / name).exists()  # kept with the draft until the entry is saved
    publish(page)
    landed = wait_for_file(project / UPLOADS / name)
    page.close()

    assert errors == []
    assert landed, f"{UPLOADS}/{name} was not written"
    after = snapshot(project)
    assert after[f"{UPLOADS}/{name}"] == picture.read_bytes()
    # docs/assets/uploads/ itself is new only for the first upload into the project copy
    assert sorted(set(after) - set(before) - {"docs/assets/", f"{UPLOADS}/"}) == [f"{UPLOADS}/{name}"]
    assert [k for k in before if after[k] != before[k]] == [main]
    expected = before[main].decode().replace(line_end, f"{line_end}![A dot]({address})", 1)
    assert after[main].decode() == expected
    check = apk_check(project)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_picture_in_a_new_event_lands_with_its_first_save(browser, admin_url, project, tmp_path):  # noqa: F811
    """Decap keeps a picture of an entry that has no file yet with the draft, and moves it to the
    media folder worked out from the entry's path on its first save (`updateAssetProxies`). The
    event is written in Kazakh only, the least the form asks for."""
    name, new = "picture-test-new.png", "2026-06-01-picture-test"
    picture = tmp_path / name
    picture.write_bytes(tiny_png())
    before = snapshot(project)
    page, _ = open_form(browser, admin_url)
    page.goto(f"{admin_url}?lang=en#/collections/events/new")
    field(page, "File name (address)").fill(new)
    field(page, "Start").fill("2026-06-01")
    for label, option in [
        ("Region", "Astana"),
        ("Category", "Sessions and forums"),
        ("Organizer", "Assembly of People of Kazakhstan"),
    ]:
        pick(page, label, option)
    field(page, "Title").fill("Сурет сынағы")
    field(page, "Venue").fill("Бейбітшілік және келісім сарайы")
    field(page, "Text").fill("Бірінші жол.\n")
    field(page, "Text").focus()
    page.keyboard.press("Control+End")
    page.get_by_role("button", name="Insert picture").first.click()
    page.locator("input[type=file]").set_input_files(str(picture))
    page.get_by_text(name).first.wait_for()
    choose_selected = page.get_by_role("button", name="Choose selected")
    if not choose_selected.is_enabled():
        page.get_by_text(name).first.click()
    choose_selected.click()
    page.wait_for_function("!document.body.classList.contains('ReactModal__Body--open')")
    page.keyboard.type("Залдағы сахна")
    publish(page)
    landed = wait_for_file(project / UPLOADS / name)
    page.close()

    assert landed, f"{UPLOADS}/{name} was not written"
    after = snapshot(project)
    assert after[f"{UPLOADS}/{name}"] == picture.read_bytes()
    written = after[f"events/{new}.md"].decode()
    assert written.endswith(f"Бірінші жол.\n![Залдағы сахна](../assets/uploads/{name})\n"), written
    added = sorted(set(after) - set(before) - {"docs/assets/", f"{UPLOADS}/"})
    # Decap also saves a file for each language nobody wrote in (decaporg/decap-cms#6932): nothing
    # but the two --- lines, which the loader reads as no translation yet, so the check passes.
    assert added == [f"{UPLOADS}/{name}", f"events/{new}.en.md", f"events/{new}.md", f"events/{new}.ru.md"]
    assert after[f"events/{new}.en.md"] == after[f"events/{new}.ru.md"] == b"---\n\n---\n"
    check = apk_check(project)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize(
    ("lang", "login", "events", "button"),
    [("ru", "Войти", "Мероприятия", "Вставить картинку"), ("kk", "Login", "Іс-шаралар", "Сурет қосу")],
)
def test_the_button_speaks_the_forms_language(browser, admin_url, lang, login, events, button):  # noqa: F811
    """As the form's own labels do: Kazakh editors get Decap's English (it has no Kazakh) around it."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale=lang)
    page.goto(f"{admin_url}?lang={lang}")
    page.get_by_role("button", name=login).click()
    page.get_by_text(events).first.wait_for()
    for entry in (f"events/entries/{EXISTING}", "anthology/entries/voices/sample-poem"):
        page.goto(f"{admin_url}?lang={lang}#/collections/{entry}")
        page.get_by_role("button", name=button).first.wait_for()
        assert page.get_by_role("button", name=re.compile("Insert picture")).count() == 0
    page.close()
