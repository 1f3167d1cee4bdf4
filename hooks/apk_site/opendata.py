"""Events -> open data beside the feeds: events.json (all fields, all three languages), events.csv and the schema.

Pure and deterministic like the feeds: the same events and revisions always give the same bytes. Each event
becomes one record; the CSV row is that record flattened, so the two files cannot disagree.
The schema is data/events.schema.json beside this module, published with its `$id` set to its address.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from functools import cache
from typing import Any

from . import LANGUAGES
from .feed import almaty, event_url, uid
from .loader import LINK_KINDS
from .model import Event, Translation
from .reference import DATA, reference
from .revisions import Revision, Revisions

JSON_FILE = "data/events.json"
CSV_FILE = "data/events.csv"
SCHEMA_FILE = "data/events.schema.json"
TIMEZONE = "Asia/Almaty"
# Translation attribute -> JSON key; the body is Markdown, and its name says so.
TEXT_KEYS = {"title": "title", "summary": "summary", "venue": "venue", "address": "address", "body": "body_markdown"}
CSV_TEXT = ("title", "summary", "venue", "address")
CSV_NAMES = ("region", "category", "organizer")
CSV_TAIL = ("geo_lat", "geo_lon", "registration", "livestream", "source", "sample", "sequence", "last_modified")
CSV_COLUMNS = (
    ("id", "start", "end", "date_precision", "status", "region_id", "region_iso", "category_id", "organizer_id")
    + tuple(f"{name}_{lang}" for name in CSV_TEXT for lang in LANGUAGES)
    + tuple(f"{name}_name_{lang}" for name in CSV_NAMES for lang in LANGUAGES)
    + tuple(f"url_{lang}" for lang in LANGUAGES)
    + CSV_TAIL
)


def opendata_files(events: tuple[Event, ...], site_url: str, revisions: Revisions) -> dict[str, bytes]:
    """The three published files by their path under the site root."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    schema_url = base + SCHEMA_FILE
    records = [event_record(e, base, revisions.of(e.id)) for e in sorted(events, key=lambda e: e.sort_key)]
    document = {"$schema": schema_url, "generated_from": "events/", "count": len(records), "events": records}
    return {
        JSON_FILE: _json_bytes(document, sort_keys=True),
        CSV_FILE: csv_bytes(records),
        SCHEMA_FILE: _json_bytes(published_schema(schema_url), sort_keys=False),
    }


# --- One event as a record -------------------------------------------------------------------


def event_record(event: Event, site_url: str, revision: Revision) -> dict[str, Any]:
    ref = reference()
    region = ref.regions[event.region]
    return {
        "id": event.id,
        "uid": uid(event),
        "url": {lang: event_url(event, lang, site_url) for lang in LANGUAGES},
        **_times(event),
        "region": {"id": region.id, "iso": region.iso, "name": dict(region.names)},
        "category": {"id": event.category, "name": dict(ref.categories[event.category].names)},
        "organizer": {"id": event.organizer.id, "name": {lang: event.organizer.names.get(lang) for lang in LANGUAGES}},
        "status": event.status,
        "geo": {"lat": event.geo[0], "lon": event.geo[1]} if event.geo else None,
        "links": {kind: dict(event.links).get(kind) for kind in LINK_KINDS},
        "source": event.source or None,
        "sample": event.sample,
        "sequence": revision.sequence,
        "last_modified": revision.last_modified.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "text": {lang: _text(event.translation(lang)) for lang in LANGUAGES},
    }


def _times(event: Event) -> dict[str, Any]:
    """Month-only plans as YYYY-MM, so that no reader takes the first of the month for the day."""
    when = event.when
    if when.month_only:
        start, end = when.start_date.strftime("%Y-%m"), None
    elif isinstance(when.start, dt.datetime):
        start = _with_offset(when.start)
        end = _with_offset(when.end) if isinstance(when.end, dt.datetime) else None
    else:
        # The inclusive last day, as people say it; the feeds' DTEND is the day after.
        start, end = when.start_date.isoformat(), when.end_date.isoformat()
    return {
        "start": start,
        "end": end,
        "date_precision": "month" if when.month_only else "day",
        "all_day": not when.timed,
        "timezone": TIMEZONE,
    }


def _with_offset(local: dt.datetime) -> str:
    return local.replace(tzinfo=almaty()).isoformat()


def _text(translation: Translation | None) -> dict[str, Any]:
    """Empty fields as null; a missing language as all null, never another language's text."""
    values = {key: (getattr(translation, name) or None) if translation else None for name, key in TEXT_KEYS.items()}
    return {**values, "translated": translation is not None}


# --- Serialising -----------------------------------------------------------------------------


def _json_bytes(document: dict[str, Any], *, sort_keys: bool) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=sort_keys) + "\n").encode("utf-8")


def csv_bytes(records: list[dict[str, Any]]) -> bytes:
    """RFC 4180 (CRLF, quotes doubled) with a BOM: Excel reads a CSV without one as the ANSI code page."""
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([_cell(row[column]) for column in CSV_COLUMNS] for row in map(csv_row, records))
    return stream.getvalue().encode("utf-8-sig")


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    row = {
        "id": record["id"],
        "start": record["start"],
        "end": record["end"],
        "date_precision": record["date_precision"],
        "status": record["status"],
        "region_id": record["region"]["id"],
        "region_iso": record["region"]["iso"],
        "category_id": record["category"]["id"],
        "organizer_id": record["organizer"]["id"],
    }
    for lang in LANGUAGES:
        row |= {f"{name}_{lang}": record["text"][lang][name] for name in CSV_TEXT}
        row |= {f"{name}_name_{lang}": record[name]["name"][lang] for name in CSV_NAMES}
        row[f"url_{lang}"] = record["url"][lang]
    geo = record["geo"] or {}
    row |= {"geo_lat": geo.get("lat"), "geo_lon": geo.get("lon"), **record["links"]}
    return row | {key: record[key] for key in ("source", "sample", "sequence", "last_modified")}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --- The schema ------------------------------------------------------------------------------


@cache
def _schema_text() -> str:
    return (DATA / "events.schema.json").read_text(encoding="utf-8")


def published_schema(schema_url: str) -> dict[str, Any]:
    """The schema with `$id` set to where the site serves it, right after `$schema`."""
    schema = json.loads(_schema_text())
    rest = {key: value for key, value in schema.items() if key not in ("$schema", "$id")}
    return {"$schema": schema["$schema"], "$id": schema_url, **rest}
