"""The web form's configuration (Decap CMS `config.yml`), built from the project's own reference data.

Regions, categories and the Assembly's structures come from `reference()`, the statuses from the
model and the text limits from the loader, so a new region or category needs no second edit. One
configuration per site language: the same form, its labels and select lists in that language
(`/admin/` picks one, see `dev/CMS.md`). No MkDocs here: `mkdocs_admin` writes the result.
"""

from __future__ import annotations

from typing import Any

from . import DEFAULT_LANGUAGE, LANGUAGES, l10n
from .loader import TEXT_LIMITS
from .model import STATUSES
from .reference import Entry, Reference, reference

# The format registered by docs/admin's apk-cms.js: it keeps every line of a file that the editor did
# not change (comments included), so that a save rewrites only the changed fields.
FORMAT = "apk-frontmatter"
LOCAL_BACKEND_PORT = 8081
# The UI languages Decap CMS ships among the site's (it has Russian, not Kazakh): English otherwise.
UI_LOCALES = ("ru", "en")
# Production: the Git host's OAuth, every save a pull request (so CI's `apk check` runs first).
PRODUCTION_BACKEND = {
    "name": "github",
    "repo": "apk30/site",
    "branch": "main",
    "base_url": "https://apk30.example.org",
    "auth_endpoint": "oauth/authorize",
}
# The loader's date forms, as one pattern: 2025-04-24, 2025-04-24 10:00 (seconds allowed) or 2025-05, years 1995-2100.
MOMENT = r"^(199[5-9]|20\d\d|2100)-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])( ([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?)?$"
WEB_ADDRESS = r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$"
EVENT_ID = r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$"

T = dict[str, str]
LABELS: dict[str, T] = {
    "events": {"kk": "Іс-шаралар", "ru": "Мероприятия", "en": "Events"},
    "event": {"kk": "Іс-шара", "ru": "Мероприятие", "en": "Event"},
    "anthology": {"kk": "Антология мәтіндері", "ru": "Тексты Антологии", "en": "Anthology texts"},
    "text": {"kk": "Мәтін", "ru": "Текст", "en": "Text"},
    "id": {"kk": "Файл атауы (мекенжай)", "ru": "Имя файла (адрес)", "en": "File name (address)"},
    "start": {"kk": "Басталуы", "ru": "Начало", "en": "Start"},
    "end": {"kk": "Аяқталуы", "ru": "Окончание", "en": "End"},
    "region": {"kk": "Өңір", "ru": "Регион", "en": "Region"},
    "category": {"kk": "Санат", "ru": "Категория", "en": "Category"},
    "organizer": {"kk": "Ұйымдастырушы", "ru": "Организатор", "en": "Organizer"},
    "status": {"kk": "Мәртебесі", "ru": "Статус", "en": "Status"},
    "source": {"kk": "Дереккөз", "ru": "Источник", "en": "Source"},
    "links": {"kk": "Сілтемелер", "ru": "Ссылки", "en": "Links"},
    "registration": {"kk": "Тіркелу", "ru": "Регистрация", "en": "Registration"},
    "livestream": {"kk": "Тікелей трансляция", "ru": "Прямая трансляция", "en": "Livestream"},
    "sample": {"kk": "Үлгі (нақты емес)", "ru": "Образец (не настоящее)", "en": "Sample (not real)"},
    "title": {"kk": "Атауы", "ru": "Название", "en": "Title"},
    "summary": {"kk": "Қысқаша сипаттамасы", "ru": "Краткое описание", "en": "Summary"},
    "venue": {"kk": "Өтетін орны", "ru": "Место проведения", "en": "Venue"},
    "address": {"kk": "Мекенжайы", "ru": "Адрес", "en": "Address"},
    "body": {"kk": "Мәтін", "ru": "Текст", "en": "Text"},
    "translators": {"kk": "Аудармашылар", "ru": "Переводчики", "en": "Translators"},
    "status.scheduled": {"kk": "Жоспар бойынша", "ru": "По плану", "en": "As planned"},
    "status.postponed": {"kk": "Кейінге қалдырылды", "ru": "Перенесено", "en": "Postponed"},
    "status.cancelled": {"kk": "Өтпейді", "ru": "Отменено", "en": "Cancelled"},
}
HINTS: dict[str, T] = {
    "id": {
        "kk": "Латын әріптері, сандар және дефис: 2025-05-20-unity-forum. Кейін өзгертілмейді.",
        "ru": "Латинские буквы, цифры и дефис: 2025-05-20-unity-forum. Потом не меняется.",
        "en": "Latin letters, digits and hyphens: 2025-05-20-unity-forum. It never changes later.",
    },
    "moment": {
        "kk": "2025-04-24 (күні бойы), 2025-04-24 10:00 (уақытымен, Астана уақыты) немесе 2025-05 (күні белгісіз)",
        "ru": "2025-04-24 (весь день), 2025-04-24 10:00 (со временем, время Астаны) или 2025-05 (день неизвестен)",
        "en": "2025-04-24 (all day), 2025-04-24 10:00 (with a time, Astana time) or 2025-05 (day not known yet)",
    },
    "web": {
        "kk": "https:// басталатын мекенжай",
        "ru": "адрес, начинающийся с https://",
        "en": "a web address starting with https://",
    },
    "limit": {
        "kk": "ең көбі {n} таңба, бір жолда",
        "ru": "не больше {n} символов, в одну строку",
        "en": "at most {n} characters, on one line",
    },
}


def _option(entry: Entry, lang: str) -> dict[str, str]:
    return {"label": entry.name(lang), "value": entry.id}


def _select(name: str, entries: dict[str, Entry], lang: str, **extra: Any) -> dict[str, Any]:
    options = sorted((_option(e, lang) for e in entries.values()), key=lambda o: l10n.sort_key(o["label"], lang))
    return {"name": name, "label": LABELS[name][lang], "widget": "select", "options": options, **extra}


def _moment(name: str, lang: str, *, required: bool) -> dict[str, Any]:
    widget = "string" if required else "apk-end"  # apk-end also refuses an end before the start
    return {
        "name": name,
        "label": LABELS[name][lang],
        "widget": widget,
        "required": required,
        "hint": HINTS["moment"][lang],
        "pattern": [MOMENT, HINTS["moment"][lang]],
    }


def _web(name: str, lang: str) -> dict[str, Any]:
    return {
        "name": name,
        "label": LABELS[name][lang],
        "widget": "string",
        "required": False,
        "pattern": [WEB_ADDRESS, HINTS["web"][lang]],
    }


def _text(name: str, lang: str, *, required: bool = False) -> dict[str, Any]:
    limit = HINTS["limit"][lang].format(n=TEXT_LIMITS[name])
    pattern = rf"^[^\n]{{1,{TEXT_LIMITS[name]}}}$"
    return {
        "name": name,
        "label": LABELS[name][lang],
        "widget": "string",
        "i18n": True,
        "required": required,
        "pattern": [pattern, limit],
    }


def _body(lang: str, *, pictures: bool = False) -> dict[str, Any]:
    # A plain text box: Decap's rich-text editor would rewrite the editor's Markdown on every save.
    # `apk-body` (apk-cms.js) is that text box with an "insert picture" button for the media library.
    widget = "apk-body" if pictures else "text"
    return {"name": "body", "label": LABELS["body"][lang], "widget": widget, "i18n": True, "required": False}


def event_fields(ref: Reference, lang: str) -> list[dict[str, Any]]:
    """The loader's fields in the order new-event writes them; required exactly where the loader requires."""
    statuses = [{"label": LABELS[f"status.{s}"][lang], "value": s} for s in STATUSES]
    return [
        {
            "name": "id",
            "label": LABELS["id"][lang],
            "widget": "string",
            "required": False,  # existing events take their id from the file name and have no `id` line
            "hint": HINTS["id"][lang],
            "pattern": [EVENT_ID, HINTS["id"][lang]],
        },
        _moment("start", lang, required=True),
        _moment("end", lang, required=False),
        _select("region", ref.regions, lang),
        _select("category", ref.categories, lang),
        _select("organizer", ref.organizers, lang),
        {**_select("status", {}, lang), "options": statuses, "default": "scheduled", "required": False},
        {
            "name": "links",
            "label": LABELS["links"][lang],
            "widget": "object",
            "required": False,
            "collapsed": True,
            "fields": [_web("registration", lang), _web("livestream", lang)],
        },
        _web("source", lang),
        {"name": "sample", "label": LABELS["sample"][lang], "widget": "boolean", "required": False},
        _text("title", lang, required=True),
        _text("summary", lang),
        _text("venue", lang, required=True),
        _text("address", lang),
        _body(lang, pictures=True),
    ]


def anthology_fields(lang: str) -> list[dict[str, Any]]:
    """The texts' words in each language; the book's facts (authors, chapter, order...) stay in the file."""
    return [
        {"name": "title", "label": LABELS["title"][lang], "widget": "string", "i18n": True, "required": True},
        {
            "name": "translators",
            "label": LABELS["translators"][lang],
            "widget": "string",
            "i18n": True,
            "required": False,
        },
        _body(lang, pictures=True),
    ]


def _collection(name: str, label: str, folder: str, fields: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "folder": folder,
        "extension": "md",
        "format": FORMAT,
        "i18n": True,
        "fields": fields,
        **extra,
    }


def cms_config(lang: str, *, events_folder: str = "events", local_port: int = LOCAL_BACKEND_PORT) -> dict[str, Any]:
    """The whole configuration for an editor working in `lang` (labels, options), as plain data."""
    ref = reference()
    events = _collection(
        "events",
        LABELS["events"][lang],
        events_folder,
        event_fields(ref, lang),
        label_singular=LABELS["event"][lang],
        create=True,
        identifier_field="id",
        slug="{{slug}}",
        summary="{{start}} · {{title}}",
        sortable_fields=["start", "title"],
        # Relative to the entry's folder (events/): uploads still land in docs/assets/uploads/, and the
        # body's "insert picture" writes ../assets/uploads/<name>, the address MkDocs resolves from
        # docs/events/<id>.md and rewrites per language.
        media_folder="../docs/assets/uploads",
        public_folder="../assets/uploads",
    )
    anthology = _collection(
        "anthology",
        LABELS["anthology"][lang],
        "docs/anthology",
        anthology_fields(lang),
        label_singular=LABELS["text"][lang],
        create=False,  # a new text also needs its place in book.yml: see the editors' guide
        path="part/{{slug}}",  # texts sit one folder deep, in their part's folder
        # From docs/anthology/<part>/, as the events' folders (the whole-book page moves the address).
        media_folder="../../assets/uploads",
        public_folder="../../assets/uploads",
    )
    return {
        "backend": {**PRODUCTION_BACKEND},
        "publish_mode": "editorial_workflow",
        "local_backend": {"url": f"http://127.0.0.1:{local_port}/api/v1"},
        "media_folder": "docs/assets/uploads",
        "public_folder": "/assets/uploads",
        "locale": lang if lang in UI_LOCALES else "en",
        "i18n": {"structure": "multiple_files", "locales": list(LANGUAGES), "default_locale": DEFAULT_LANGUAGE},
        "collections": [events, anthology],
    }
