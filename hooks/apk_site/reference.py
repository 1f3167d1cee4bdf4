"""Reference lists the events point into: regions, categories and the Assembly's structures.

The YAML files under `data/` are copies of the checked reference data (their source notes kept);
this module reads them once into plain dictionaries of names per language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .records import load_yaml

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Entry:
    id: str
    names: dict[str, str]
    iso: str = ""

    def name(self, lang: str) -> str:
        return self.names[lang]


@dataclass(frozen=True)
class Reference:
    regions: dict[str, Entry]
    categories: dict[str, Entry]
    organizers: dict[str, Entry]


def _read(name: str) -> dict:  # type: ignore[type-arg]  # free-form YAML
    with open(DATA / name, encoding="utf-8") as stream:
        return load_yaml(stream)  # type: ignore[no-any-return]


def _regions() -> dict[str, Entry]:
    data = _read("regions.yaml")
    return {
        item["slug"]: Entry(item["slug"], {k: item["name"][k] for k in ("kk", "ru", "en")}, item["iso"])
        for item in data["regions"] + [data["nationwide"]]
    }


def _categories() -> dict[str, Entry]:
    return {
        item["slug"]: Entry(item["slug"], {k: item[k] for k in ("kk", "ru", "en")})
        for item in _read("categories.yaml")["categories"]
    }


def _organizers() -> dict[str, Entry]:
    data = _read("structures.yaml")
    assembly = data["assembly"]
    entries = {"apk": Entry("apk", {k: assembly["name"][k]["full"] for k in ("kk", "ru", "en")})}
    for item in data["bodies"] + data["structures"]:
        entries[item["id"]] = Entry(item["id"], {k: item["name"][k]["text"] for k in ("kk", "ru", "en")})
    return entries


@cache
def reference() -> Reference:
    return Reference(_regions(), _categories(), _organizers())
