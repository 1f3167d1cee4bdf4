"""The site's switches in mkdocs.yml (`extra: apk:`), read through `!ENV` from the environment
variables they always were (apk_site.mkdocs_settings), on the real mkdocs.yml."""

from __future__ import annotations

import pytest
from apk_site import mkdocs_settings as settings
from mkdocs.config import load_config

from tests.conftest import ROOT

VARIABLES = [name for name, _ in settings.SETTINGS.values()]


@pytest.fixture
def clean_environment(monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def real_config():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_every_setting_is_in_mkdocs_yml_with_its_variable():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key, (name, _) in settings.SETTINGS.items():
        assert f"    {key}: !ENV [{name}, " in text


def test_the_defaults_leave_everything_on_and_every_place_the_default_one(clean_environment):
    config = real_config()
    assert settings.problems(config) == []
    assert settings.environ(config) == {"APK_FRAMES": "1", "APK_PARALLEL": "1", "ANTHOLOGY_PDF": "1"}


def test_the_environment_variables_still_set_them(clean_environment, tmp_path):
    for name, value in {
        "EVENTS_DIR": str(tmp_path),
        "APK_FRAMES": "0",
        "APK_PARALLEL": "false",
        "ANTHOLOGY_PDF": "no",
        "ANTHOLOGY_PDF_TIMEOUT": "2.5",
        "CHROMIUM": "/opt/chromium",
    }.items():
        clean_environment.setenv(name, value)
    config = real_config()
    assert settings.problems(config) == []
    assert settings.environ(config) == {
        "EVENTS_DIR": str(tmp_path),
        "APK_FRAMES": "0",
        "APK_PARALLEL": "0",
        "ANTHOLOGY_PDF": "0",
        "ANTHOLOGY_PDF_TIMEOUT": "2.5",
        "CHROMIUM": "/opt/chromium",
    }


def test_a_wrong_value_is_one_line_with_its_place_the_expected_form_and_the_variable(clean_environment):
    clean_environment.setenv("APK_FRAMES", "maybe")
    clean_environment.setenv("ANTHOLOGY_PDF_TIMEOUT", "-3")
    config = real_config()
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    frames = next(n for n, line in enumerate(lines, 1) if line.strip().startswith("frames:"))
    timeout = next(n for n, line in enumerate(lines, 1) if line.strip().startswith("anthology_pdf_timeout:"))
    assert settings.problems(config) == [
        f"mkdocs.yml:{frames}: extra.apk.frames: expected true or false (APK_FRAMES=1 or APK_FRAMES=0), got 'maybe'",
        f"mkdocs.yml:{timeout}: extra.apk.anthology_pdf_timeout: anthology: "
        "ANTHOLOGY_PDF_TIMEOUT must be a number of seconds above 0, got '-3'",
    ]


def test_an_unknown_setting_is_named(clean_environment):
    config = real_config()
    config.extra["apk"]["frame"] = False
    assert settings.problems(config) == [
        "mkdocs.yml: extra.apk.frame: unknown setting: expected one of "
        "events_dir, anthology_dir, frames, parallel, anthology_pdf, anthology_pdf_timeout, chromium"
    ]


def test_a_mkdocs_yml_without_the_settings_falls_back_to_the_environment(clean_environment):
    config = real_config()
    del config.extra["apk"]
    clean_environment.setenv("APK_FRAMES", "0")
    assert settings.environ(config) == {"APK_FRAMES": "0"}


def test_a_folder_named_like_a_number_is_still_a_folder(clean_environment):
    clean_environment.setenv("EVENTS_DIR", "2025")
    clean_environment.setenv("ANTHOLOGY_DIR", "true")
    config = real_config()
    assert settings.problems(config) == [
        f"mkdocs.yml:{line_of('anthology_dir')}: extra.apk.anthology_dir: expected a path "
        "(ANTHOLOGY_DIR=/some/path), got True"
    ]
    assert settings.environ(config)["EVENTS_DIR"] == "2025"


def line_of(key: str) -> int:
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip().startswith(f"{key}:"))
