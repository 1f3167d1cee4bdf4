"""Events + language -> iCalendar bytes (RFC 5545 with the RFC 7986 calendar properties).

One subscribable calendar per language and one `.ics` per event, built with `icalendar` but never
with its random-UID / now-DTSTAMP builders: the same events and revisions always give the same bytes.
`problems_in` checks produced bytes against the rules the tests and the site rely on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component, vCalAddress, vDuration, vText
from icalendar import Event as VEvent
from icalendar.parser import Contentline, Parameters

from . import l10n
from .model import Event, Text
from .reference import reference
from .revisions import Revision, Revisions

PRODID = "-//Assembly of People of Kazakhstan//apk30 events//{lang}"
REFRESH = dt.timedelta(hours=12)
STATUSES = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}
MAX_OCTETS = 75
_END = b"END:VCALENDAR\r\n"
_NO_PARAMETERS = Parameters()  # shared, never written to: `Contentline.from_parts` only reads it
_ESCAPES = (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\r\n", "\\n"), ("\r", "\\n"), ("\n", "\\n"))


class TextValue(vText):
    """A TEXT value escaped by RFC 5545 alone.

    icalendar 7.3's own escaping first turns the two characters backslash and N into a line break,
    so a title such as 'C:\\New' would come back from any parser as two lines.
    """

    def to_ical(self) -> bytes:
        text = str(self)
        for plain, escaped in _ESCAPES:
            text = text.replace(plain, escaped)
        return text.encode("utf-8")


@cache
def almaty() -> ZoneInfo:
    """Asia/Almaty from the `tzdata` package, not the system's files.

    `ZoneInfo("Asia/Almaty")` reads /usr/share/zoneinfo first; a system older than tzdata 2024a
    still says UTC+6 there and would shift every event by an hour.
    """
    with resources.files("tzdata.zoneinfo").joinpath("Asia", "Almaty").open("rb") as stream:
        return ZoneInfo.from_file(stream, key="Asia/Almaty")


def in_feeds(event: Event) -> bool:
    """A plan whose day is not known yet (`start: 2025-05`) cannot be put in a calendar."""
    return not event.when.month_only


def event_url(event: Event, lang: str, site_url: str) -> str:
    prefix = "" if lang == "kk" else f"{lang}/"
    return f"{_with_slash(site_url)}{prefix}events/{event.id}/"


def uid(event: Event) -> str:
    """Stable for the life of the event: clients match updates and cancellations by UID."""
    return f"{event.id}@apk30"


def calendar_bytes(
    events: Iterable[Event], lang: str, *, name: str, description: str, site_url: str, revisions: Revisions
) -> bytes:
    """The subscribable calendar of every event with a known day, in `lang`."""
    parts = [
        vevent_bytes(event, lang, site_url, revisions.of(event.id))
        for event in sorted(events, key=lambda e: e.sort_key)
        if in_feeds(event)
    ]
    return join(calendar_head(lang, name, description), parts)


def calendar_head(lang: str, name: str, description: str) -> bytes:
    """The calendar's own properties, up to where its events go."""
    calendar = _calendar(lang)
    for key in ("NAME", "X-WR-CALNAME"):
        calendar.add(key, TextValue(name))
    for key in ("DESCRIPTION", "X-WR-CALDESC"):
        calendar.add(key, TextValue(description))
    # RFC 7986 requires VALUE=DURATION; icalendar leaves it out unless asked.
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    return to_ical(calendar)[: -len(_END)]


def vevent_bytes(event: Event, lang: str, site_url: str, revision: Revision) -> bytes:
    """One VEVENT, serialised once and shared by every feed that lists the event."""
    return to_ical(_vevent(event, lang, site_url, revision))


def to_ical(component: Component) -> bytes:
    """`component.to_ical()`, byte for byte, but faster: this was most of the time of a build.

    icalendar 7.3 folds with a loop over every character of every line, so `fold` does that here;
    and its `content_line` builds an empty `Parameters` for every property, used or not. Values
    and parameters are still encoded by icalendar's own `Contentline.from_parts`.
    """
    lines = (
        Contentline.from_parts(name, getattr(value, "params", _NO_PARAMETERS), value)
        for name, value in component.property_items()
    )
    return b"".join(fold(line.encode("utf-8")) + b"\r\n" for line in lines)


def fold(line: bytes) -> bytes:
    """A content line folded exactly as icalendar 7.3's `_foldline` folds it.

    Each piece is the longest run of whole UTF-8 characters that is at most 74 octets (75 with
    the space that starts a continuation line). A piece that would end in a backslash or caret
    leaves it to the next piece, so that an escape such as `\\,` is never split (icalendar #1501).
    """
    pieces = []
    start = 0
    while len(line) - start > MAX_OCTETS - 1:
        end = start + MAX_OCTETS - 1
        while line[end] & 0xC0 == 0x80:  # a UTF-8 continuation octet: back up to the character's start
            end -= 1
        if line[end - 1] in b"\\^":
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return b"\r\n ".join(pieces)


def join(head: bytes, parts: Iterable[bytes]) -> bytes:
    return head + b"".join(parts) + _END


def event_bytes(event: Event, lang: str, *, site_url: str, revisions: Revisions) -> bytes:
    """A one-event calendar to download and import; month-only events have none (see `in_feeds`)."""
    if not in_feeds(event):
        raise ValueError(f"{event.path}: a month-only event has no day to put in a calendar")
    return join(event_head(lang), [vevent_bytes(event, lang, site_url, revisions.of(event.id))])


def event_head(lang: str) -> bytes:
    """The head of a one-event file: no name or refresh interval, since nobody subscribes to it."""
    return to_ical(_calendar(lang))[: -len(_END)]


def _calendar(lang: str) -> Calendar:
    calendar = Calendar()
    calendar.add("PRODID", PRODID.format(lang=lang.upper()))
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    return calendar


def _vevent(event: Event, lang: str, site_url: str, revision: Revision) -> VEvent:
    url = event_url(event, lang, site_url)
    title = event.title(lang)
    component = VEvent()
    component.add("SUMMARY", TextValue(title.value), parameters=_language(title, lang))
    _add_times(component, event)
    # RFC 5545 makes DTSTAMP the time the object was created when METHOD is set; the last
    # revision is that time for generated data, and keeps the bytes the same build after build.
    stamp = revision.last_modified.astimezone(dt.UTC)
    component.add("DTSTAMP", stamp)
    component.add("UID", uid(event))
    component.add("SEQUENCE", revision.sequence)
    component.add("LAST-MODIFIED", stamp)
    component.add("STATUS", STATUSES[event.status])
    component.add("URL", url)
    component.add("LOCATION", TextValue(location(event, lang)))
    if event.geo is not None:
        component.add("GEO", event.geo)
    component.add("CATEGORIES", [reference().categories[event.category].name(lang)])
    component.add("ORGANIZER", _organizer(event, lang, url))
    component.add("DESCRIPTION", TextValue(description(event, lang, url)))
    return component


def _language(text: Text, lang: str) -> dict[str, str]:
    """Say so when a title falls back to another language, as the event page does."""
    return {"LANGUAGE": text.lang} if text.lang != lang else {}


def _add_times(component: VEvent, event: Event) -> None:
    """Timed events in UTC; all-day ones as dates with the exclusive end RFC 5545 asks for.

    UTC rather than TZID=Asia/Almaty with a VTIMEZONE: Outlook squeezes a VTIMEZONE into one
    yearly rule and ignores RDATE, and many clients ignore VTIMEZONE altogether and look the zone
    up in their own data, which says UTC+6 before tzdata 2024a. UTC leaves nothing to look up.
    A timed event without an end gets no DTEND: RFC 5545 then reads it as starting at that
    moment, and inventing a duration would publish an end time nobody announced.
    """
    when = event.when
    if isinstance(when.start, dt.datetime):
        component.add("DTSTART", utc(when.start))
        if isinstance(when.end, dt.datetime) and when.end != when.start:
            component.add("DTEND", utc(when.end))
        return
    component.add("DTSTART", when.start_date)
    component.add("DTEND", when.end_date + dt.timedelta(days=1))


def utc(local: dt.datetime) -> dt.datetime:
    """An Asia/Almaty wall-clock time as the UTC instant it names."""
    return local.replace(tzinfo=almaty()).astimezone(dt.UTC)


def location(event: Event, lang: str) -> str:
    parts = [text.value for name in ("venue", "address") if (text := event.text(name, lang))]
    parts.append(reference().regions[event.region].name(lang))
    return ", ".join(dict.fromkeys(parts))


def _organizer(event: Event, lang: str, url: str) -> vCalAddress:
    """CN= the organizer's name, and the event page as the address.

    ORGANIZER must be a URI; the structures publish no e-mail addresses to use with mailto:, and
    the event page, which names the organizer, is a URI every client accepts.
    """
    names = event.organizer.names
    address = vCalAddress(url)
    address.params["CN"] = next(names[c] for c in (lang, "kk", "ru", "en") if c in names)
    return address


def description(event: Event, lang: str, url: str) -> str:
    """Plain text for every client: notices, summary, body, links, then the page again.

    The page URL is repeated at the end because Google Calendar ignores the URL property.
    """
    notices = []
    if event.status != "scheduled":
        notices.append(f"{l10n.t('status', lang)}: {l10n.t(f'status.{event.status}', lang)}")
    if event.sample:
        notices.append(l10n.t("sample_notice", lang))
    notices += _fallback_notices(event, lang)
    summary, body = event.text("summary", lang), event.text("body", lang)
    parts = ["\n".join(notices), summary.value if summary else "", plain_text(body.value, url) if body else ""]
    parts.append("\n".join(f"{l10n.t(f'link.{kind}', lang)}: {href}" for kind, href in event.links))
    parts.append(url)
    return "\n\n".join(part for part in parts if part)


def _fallback_notices(event: Event, lang: str) -> list[str]:
    used = sorted({text.lang for name in ("title", "body") if (text := event.text(name, lang)) and text.lang != lang})
    return [l10n.t("fallback_notice", lang, language=l10n.in_language(other, lang)) for other in used]


# --- Markdown to plain text -------------------------------------------------------------------

_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^()\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_CODE = re.compile(r"`+([^`]+)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
_SET_ASIDE = 0xE000  # a Private Use Area block: characters no editor types
_LINE_START = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s?)")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")


def plain_text(markdown: str, page_url: str) -> str:
    """Markdown as text a calendar client shows: paragraphs kept, links as 'text (url)'.

    Hard-wrapped lines of a paragraph are joined, as Markdown joins them; list items, headings and
    quotes keep their own lines. Relative links are resolved against the event page.
    """
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", markdown.strip()):
        lines: list[str] = []
        for line in block.splitlines():
            if _RULE.match(line) or line.strip().startswith(("```", "~~~")):
                continue
            if _LINE_START.match(line) or not lines:
                lines.append(_line(line))
            else:
                lines[-1] += " " + line.strip()
        paragraphs.append("\n".join(_inline(line, page_url) for line in lines).strip())
    return "\n\n".join(p for p in paragraphs if p)


def _line(line: str) -> str:
    """Keep list markers (they read well as text); drop heading and quote marks."""
    line = line.strip()
    line = re.sub(r"^#{1,6}\s+(.*?)(\s+#+)?$", r"\1", line)
    line = re.sub(r"^>\s?", "", line)
    return re.sub(r"^[*+]\s+", "- ", line)


def _inline(text: str, page_url: str) -> str:
    def link(match: re.Match[str]) -> str:
        image, label, href = match.groups()
        href = urljoin(page_url, href)
        if image:
            return label
        return href if label in ("", href) else f"{label} ({href})"

    # Escaped characters are set aside first, so that `\*` never starts or ends an emphasis.
    text = _ESCAPE.sub(lambda m: chr(_SET_ASIDE + ord(m[1])), text)
    text = _LINK.sub(link, text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    return re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m[0]) - _SET_ASIDE), text)


# --- Checking produced bytes -----------------------------------------------------------------


def problems_in(data: bytes) -> list[str]:
    """What in `data` breaks the rules clients rely on; an empty list means none was found.

    Physical lines are decoded one by one, so a fold that splits a UTF-8 character shows up.
    """
    problems: list[str] = []
    if not data.endswith(b"\r\n"):
        problems.append("the last line does not end with CRLF")
    physical = data.split(b"\r\n")[:-1] if data.endswith(b"\r\n") else data.split(b"\r\n")
    for number, line in enumerate(physical, start=1):
        problems += _line_problems(number, line)
    text = data.decode("utf-8", errors="replace")
    logical = re.sub(r"\r\n[ \t]", "", text).removesuffix("\r\n").split("\r\n")
    return problems + _structure_problems(logical)


def _line_problems(number: int, line: bytes) -> list[str]:
    problems = []
    if b"\n" in line or b"\r" in line:
        problems.append(f"line {number}: a bare LF or CR; every line must end with CRLF")
    if len(line) > MAX_OCTETS:
        problems.append(f"line {number}: {len(line)} octets; fold lines at {MAX_OCTETS}")
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"line {number}: not valid UTF-8 at octet {error.start} (a fold inside a character?)")
    return problems


def _structure_problems(lines: list[str]) -> list[str]:
    problems = []
    names = [line.partition(":")[0] for line in lines]
    if not lines or lines[0] != "BEGIN:VCALENDAR" or lines[-1] != "END:VCALENDAR":
        problems.append("the data must start with BEGIN:VCALENDAR and end with END:VCALENDAR")
    uids = [line.partition(":")[2] for line in lines if line.split(";")[0].split(":")[0].upper() == "UID"]
    problems += [f"UID {value} is used more than once" for value in sorted({u for u in uids if uids.count(u) > 1})]
    zones = {line.partition(":")[2] for line in lines if line.upper().startswith("TZID:")}
    used = {match for name in names for match in re.findall(r";TZID=\"?([^;:\"]+)", name, flags=re.I)}
    problems += [f"TZID {zone} has no VTIMEZONE" for zone in sorted(used - zones)]
    refresh = [name for name in names if name.upper().startswith("REFRESH-INTERVAL")]
    problems += [f"{name} needs VALUE=DURATION (RFC 7986)" for name in refresh if "VALUE=DURATION" not in name.upper()]
    return problems + _nesting_problems(lines)


def _nesting_problems(lines: list[str]) -> list[str]:
    stack: list[str] = []
    for line in lines:
        key, _, value = line.partition(":")
        if key.upper() == "BEGIN":
            stack.append(value.upper())
        elif key.upper() == "END" and (not stack or stack.pop() != value.upper()):
            return [f"END:{value} does not close the component that is open"]
    return [f"BEGIN:{name} is never closed" for name in stack]


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
