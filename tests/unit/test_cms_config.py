"""The web form's configuration follows the reference data and the loader's rules (dev/CMS.md)."""

from __future__ import annotations

import posixpath
import re

import pytest
from apk_site import LANGUAGES, l10n
from apk_site.cms_config import EVENT_ID, MOMENT, WEB_ADDRESS, cms_config
from apk_site.fields import Invalid, identity, moment_in_range, web_address
from apk_site.model import STATUSES
from apk_site.reference import reference


def fields(lang: str) -> dict[str, dict]:
    (events, _anthology) = cms_config(lang)["collections"]
    return {f["name"]: f for f in events["fields"]}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("name", "entries"),
    [("region", reference().regions), ("category", reference().categories), ("organizer", reference().organizers)],
)
def test_select_lists_hold_every_reference_entry_named_in_the_language(lang, name, entries):
    options = fields(lang)[name]["options"]
    assert sorted(o["value"] for o in options) == sorted(entries)
    assert {o["value"]: o["label"] for o in options} == {k: e.name(lang) for k, e in entries.items()}


def test_statuses_are_the_models_and_labels_differ_by_language():
    assert [o["value"] for o in fields("kk")["status"]["options"]] == list(STATUSES)
    labels = {lang: [o["label"] for o in fields(lang)["status"]["options"]] for lang in LANGUAGES}
    assert len({tuple(v) for v in labels.values()}) == 3


def test_required_exactly_where_the_loader_requires():
    required = {name for name, f in fields("en").items() if f.get("required", True)}
    assert required == {"start", "region", "category", "organizer", "title", "venue"}


def test_texts_are_translated_and_facts_are_not():
    translated = {name for name, f in fields("en").items() if f.get("i18n")}
    assert translated == {"title", "summary", "venue", "address", "body"}


def test_one_collection_for_events_and_one_for_the_anthology_in_the_loaders_layout():
    config = cms_config("kk")
    assert [c["folder"] for c in config["collections"]] == ["events", "docs/anthology"]
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["kk", "ru", "en"], "default_locale": "kk"}
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}


def test_ui_language_is_the_editors_where_decap_has_it():
    assert [cms_config(lang)["locale"] for lang in LANGUAGES] == ["en", "ru", "en"]


def loader_accepts(parser, value: str) -> bool:
    try:
        parser(value)
    except Invalid:
        return False
    return True


@pytest.mark.parametrize(
    "value",
    [
        "2025-04-24",
        "2025-04-24 10:00",
        "2025-04-24 9:30",
        "2025-04-24 10:00:30",
        "2025-05",
        "1995-03-01",
        "2100-12-31",
        "2025-13-01",
        "2025-04-24 24:00",
        "1994-12-31",
        "2101-01-01",
        "24.04.2025",
        "2025-4-24",
        "2025-04-24T10:00x",
    ],
)
def test_the_date_pattern_accepts_only_what_the_loader_accepts(value):
    if re.match(MOMENT, value):
        assert loader_accepts(moment_in_range, value)
    # The other way round, the form offers only the canonical forms (no seconds, zones or "T").
    canonical = ("2025-04-24", "2025-04-24 10:00", "2025-04-24 9:30", "2025-04-24 10:00:30", "2025-05", "1995-03-01")
    if value in (*canonical, "2100-12-31"):
        assert re.match(MOMENT, value)


@pytest.mark.parametrize(
    "value",
    ["https://assembly.kz/ru/", "http://example.org", "www.assembly.kz", "https://", "ftp://x.kz", "https://a b.kz"],
)
def test_the_web_address_pattern_refuses_what_the_loader_refuses(value):
    if re.match(WEB_ADDRESS, value):
        assert loader_accepts(web_address, value)
    else:
        assert value != "https://assembly.kz/ru/"


@pytest.mark.parametrize("value", ["2025-05-20-unity-forum", "Unity", "a_b", "-x", "x-"])
def test_the_file_name_pattern_is_the_loaders_id(value):
    assert bool(re.match(EVENT_ID, value)) == loader_accepts(identity, value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_select_lists_are_in_the_languages_alphabetical_order(lang):
    labels = [o["label"] for o in fields(lang)["region"]["options"]]
    assert labels == sorted(labels, key=lambda label: l10n.sort_key(label, lang))
    if lang == "kk":  # Kazakh order: Қ after К, before Л (code points would put it after Я)
        assert labels.index("Қарағанды облысы") < labels.index("Маңғыстау облысы")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_body_can_insert_a_picture_that_the_page_shows(lang):
    """Both bodies are the text box with an "insert picture" button (apk-cms.js `apk-body`); the
    address it writes is relative to the page's source in docs/ (docs/events/<id>.md,
    docs/anthology/<part>/<id>.md), and the file lands in docs/assets/uploads/."""
    (events, anthology) = cms_config(lang)["collections"]
    assert fields(lang)["body"]["widget"] == "apk-body"
    assert {f["name"]: f for f in anthology["fields"]}["body"]["widget"] == "apk-body"
    for collection, source in [(events, "docs/events/x.md"), (anthology, "docs/anthology/voices/x.md")]:
        entry_folder = posixpath.dirname(f"{collection['folder']}/{collection.get('path', 'x')}")
        assert posixpath.normpath(posixpath.join(entry_folder, collection["media_folder"])) == "docs/assets/uploads"
        address = posixpath.join(posixpath.dirname(source), collection["public_folder"], "p.png")
        assert posixpath.normpath(address) == "docs/assets/uploads/p.png"
