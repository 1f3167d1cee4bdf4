// The project's side of the web form (dev/CMS.md): which configuration (language) to load, a format
// that rewrites only the fields an editor changed, an "end" field that refuses an end before the start,
// and the file names: Decap CMS names the Kazakh file `<name>.kk.md`, the site names it `<name>.md`.
import * as YAML from "./yaml/index.js";

const CMS = window.CMS;
const LANGUAGES = ["kk", "ru", "en"];
const DEFAULT_LANGUAGE = "kk";
// Folders whose `<name>.md` is the main (Kazakh) file of a text in three languages.
const FOLDERS = ["events/", "docs/anthology/"];
// Values the loader assumes when a line is missing: a save never adds them to a file that had none.
const IMPLIED = { status: "scheduled", sample: false };
const RAW = "__apk_raw"; // the file as read, kept beside the values until the save

// --- Language ----------------------------------------------------------------------------------

function editorLanguage() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (LANGUAGES.includes(asked)) return asked;
  const preferred = (navigator.languages || [navigator.language]).map((l) => String(l).slice(0, 2));
  return preferred.find((l) => LANGUAGES.includes(l)) || DEFAULT_LANGUAGE;
}

// --- File names --------------------------------------------------------------------------------

function managed(path) {
  return typeof path === "string" && path.endsWith(".md") && FOLDERS.some((f) => path.startsWith(f));
}

function suffix(path) {
  const stem = path.slice(path.lastIndexOf("/") + 1, -".md".length);
  const dot = stem.lastIndexOf(".");
  return dot < 0 ? "" : stem.slice(dot + 1);
}

// Files the form does not edit: the folder's README, `_drafts`, originals (`.original.md`), and a
// `.kk.md` beside a main file in another language (its main file already stands for Kazakh).
function hidden(path) {
  if (!managed(path)) return false;
  const name = path.slice(path.lastIndexOf("/") + 1);
  const end = suffix(path);
  return name === "README.md" || path.split("/").some((p) => p.startsWith("_")) || (end && !LANGUAGES.includes(end)) || end === DEFAULT_LANGUAGE;
}

function toCms(path) {
  return managed(path) && suffix(path) === "" ? `${path.slice(0, -".md".length)}.${DEFAULT_LANGUAGE}.md` : path;
}

function toDisk(path) {
  const kazakh = `.${DEFAULT_LANGUAGE}.md`;
  return managed(path) && path.endsWith(kazakh) ? `${path.slice(0, -kazakh.length)}.md` : path;
}

function mapped(value, change) {
  if (typeof value === "string") return change(value);
  if (Array.isArray(value)) return value.map((v) => mapped(v, change));
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const copy = {};
    for (const [key, inner] of Object.entries(value)) {
      copy[key] = ["path", "newPath", "oldPath", "file", "files", "dataFiles", "diffs"].includes(key) ? mapped(inner, change) : inner;
    }
    return copy;
  }
  return value;
}

function listing(entries) {
  return Array.isArray(entries) ? mapped(entries.filter((e) => !hidden(e?.file?.path ?? e?.path)), toCms) : mapped(entries, toCms);
}

// Every backend (the local one and the Git host's) reads and writes through these names.
const LISTINGS = ["entriesByFolder", "allEntriesByFolder"];
function renamingFiles(implementation) {
  return new Proxy(implementation, {
    get(target, name) {
      const value = target[name];
      if (typeof value !== "function") return value;
      return (...args) => {
        const result = value.apply(target, args.map((a) => mapped(a, toDisk)));
        const back = LISTINGS.includes(name) ? listing : (r) => mapped(r, toCms);
        return result && typeof result.then === "function" ? result.then(back) : back(result);
      };
    },
  });
}

for (const name of ["proxy", "github", "gitlab", "gitea"]) {
  const entry = CMS.getBackend(name);
  if (entry) {
    const init = entry.init;
    entry.init = (...args) => renamingFiles(init(...args));
  }
}

// --- Format: change only what the editor changed ---------------------------------------------

const FENCE = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

function parse(raw) {
  const match = FENCE.exec(raw);
  if (!match) return { meta: {}, body: raw, header: null, rest: raw };
  const meta = YAML.parse(match[1], { version: "1.1", schema: "yaml-1.1", customTags: [] }) ?? {};
  return { meta: plainDates(meta, match[1]), body: raw.slice(match[0].length), header: match[1], rest: raw.slice(match[0].length) };
}

// YAML 1.1 reads 2025-04-24 as a date; the form shows and writes the text as typed.
function plainDates(meta, header) {
  const out = {};
  for (const [key, value] of Object.entries(meta)) {
    if (value instanceof Date) {
      const line = header.split(/\r?\n/).find((l) => l.startsWith(`${key}:`)) || "";
      out[key] = line.slice(key.length + 1).replace(/#.*$/, "").trim().replace(/^["']|["']$/g, "");
    } else out[key] = value;
  }
  return out;
}

// Top-level keys of a header, each with its lines (comments and blank lines above a key go with it).
function blocks(header) {
  const lines = header.split("\n");
  const found = [];
  let pending = [];
  let current = null;
  for (const line of lines) {
    const key = /^([^\s#:][^:]*):(?:\s|$)/.exec(line);
    if (key) {
      current = { key: key[1].trim(), before: pending, lines: [line] };
      found.push(current);
      pending = [];
    } else if (current && /^[ \t]+\S/.test(line) && !/^[ \t]*#/.test(line)) {
      current.lines.push(line);
    } else {
      pending.push(line);
    }
  }
  return { found, trailing: pending };
}

const DATE_LIKE = /^\d{4}-\d{2}(-\d{2}( \d{1,2}:\d{2}(:\d{2})?)?)?$/;

function scalar(value) {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = String(value);
  if (DATE_LIKE.test(text)) return text; // the loader reads all three forms unquoted
  let plain = false;
  try {
    plain = !/[\n\r]/.test(text) && YAML.parse(`k: ${text}`, { version: "1.1", schema: "yaml-1.1" })?.k === text;
  } catch {
    plain = false;
  }
  return plain ? text : JSON.stringify(text);
}

function empty(value) {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.values(value).every(empty));
}

function emit(key, value) {
  if (Array.isArray(value)) return [`${key}: [${value.map(scalar).join(", ")}]`];
  if (value && typeof value === "object") {
    return [`${key}:`, ...Object.entries(value).filter(([, v]) => !empty(v)).map(([k, v]) => `  ${k}: ${scalar(v)}`)];
  }
  return [`${key}: ${scalar(value)}`];
}

function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  }
  return value ?? null;
}

function same(a, b) {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function clean(value) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => !empty(v)));
  }
  return value;
}

function header(meta, original, order) {
  const old = original.header === null ? { found: [], trailing: [] } : blocks(original.header);
  const keys = Object.keys(meta).filter((k) => k !== "body" && k !== RAW && !empty(meta[k]));
  const out = [];
  const written = new Set();
  for (const block of old.found) {
    const key = block.key;
    if (!(key in original.meta)) continue;
    written.add(key);
    if (empty(meta[key]) && key in meta) {
      out.push(...block.before); // a removed value: its note stays, its line goes
    } else if (!(key in meta) || same(clean(meta[key]), clean(original.meta[key]))) {
      out.push(...block.before, ...block.lines);
    } else {
      out.push(...block.before, ...emit(key, clean(meta[key])));
    }
  }
  out.push(...old.trailing);
  for (const key of keys.sort((a, b) => rank(order, a) - rank(order, b))) {
    if (written.has(key) || (key in IMPLIED && same(meta[key], IMPLIED[key]))) continue;
    placeNew(out, key, emit(key, clean(meta[key])), order);
  }
  return out.join("\n").replace(/^\n+|\n+$/g, "");
}

function rank(order, key) {
  const at = order.indexOf(key);
  return at < 0 ? order.length : at;
}

// A new value goes where new-event left its commented line (`# end:`), or after the keys before it.
function placeNew(out, key, lines, order) {
  const note = out.findIndex((l) => new RegExp(`^#\\s*${key}:`).test(l));
  if (note >= 0) {
    let stop = note + 1;
    while (stop < out.length && /^#\s{2,}\S/.test(out[stop])) stop++; // its commented sub-lines
    out.splice(note, stop - note, ...lines);
    return;
  }
  let at = out.length;
  for (let i = out.length - 1; i >= 0; i--) {
    const m = /^([^\s#:][^:]*):/.exec(out[i]);
    if (m && rank(order, m[1]) <= rank(order, key)) {
      at = i + 1;
      while (at < out.length && /^[ \t]+\S/.test(out[at])) at++;
      break;
    }
    if (m) at = i;
  }
  out.splice(at, 0, ...lines);
}

const frontmatter = {
  fromFile(raw) {
    const original = parse(raw);
    const values = { ...original.meta };
    if (original.body.trim()) values.body = original.body;
    values[RAW] = raw;
    return values;
  },
  toFile(data, sortedKeys = []) {
    const raw = data[RAW];
    const original = raw === undefined ? { meta: {}, body: "", header: null, rest: "" } : parse(raw);
    const body = data.body ?? "";
    const text = header(data, original, sortedKeys);
    const unchangedBody = raw !== undefined && (body === original.body || (!body.trim() && !original.body.trim()));
    const typed = body.replace(/\r\n/g, "\n").replace(/\s+$/, "");
    const tail = unchangedBody ? original.rest : typed ? `${typed}\n` : "";
    return `---\n${text}\n---\n${tail}`;
  },
};
CMS.registerCustomFormat("apk-frontmatter", "md", frontmatter);

// --- An end that is not before the start -------------------------------------------------------

const END_MESSAGES = {
  kk: { month: "Айы ғана белгілі күннің аяқталуы болмайды", kind: "Басталуы мен аяқталуы бірдей түрде болсын: екеуі де күн немесе екеуі де күн мен уақыт", before: "Аяқталуы басталуынан бұрын тұр" },
  ru: { month: "У даты без дня (только месяц) не бывает окончания", kind: "Начало и окончание — оба даты или оба даты со временем", before: "Окончание раньше начала" },
  en: { month: "A month-only date cannot have an end", kind: "Start and end must both be dates, or both dates with a time", before: "The end is before the start" },
};

function normalMoment(text) {
  const m = /^(\d{4}-\d{2}(?:-\d{2})?)(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(String(text).trim());
  return m ? { date: m[1], time: m[2] === undefined ? null : `${m[2].padStart(2, "0")}:${m[3]}:${m[4] ?? "00"}` } : null;
}

export function endProblem(start, end) {
  const s = normalMoment(start);
  const e = normalMoment(end);
  if (!s || !e) return null; // the pattern reports the form of each
  if (s.date.length === 7 || e.date.length === 7) return "month";
  if ((s.time === null) !== (e.time === null)) return "kind";
  return `${e.date} ${e.time ?? ""}` < `${s.date} ${s.time ?? ""}` ? "before" : null;
}

const StringWidget = CMS.getWidget("string");
const language = editorLanguage();
class EndControl extends StringWidget.control {
  isValid = () => {
    const problem = endProblem(this.props.entry.getIn(["data", "start"]), this.props.value);
    return problem ? { error: { type: "custom", message: END_MESSAGES[language][problem] } } : true;
  };
}
CMS.registerWidget("apk-end", EndControl, StringWidget.preview);

// --- A body with an "insert picture" button ----------------------------------------------------

// In the language of the form's own labels: Kazakh too, although Decap's buttons and its media library,
// which the button opens, are English for Kazakh editors (Decap has no Kazakh).
const INSERT_PICTURE = { kk: "Сурет қосу", ru: "Вставить картинку", en: "Insert picture" };

// `address` is one public path, or several if a media library ever hands back a list.
export function withPicture(text, at, address) {
  const pictures = [].concat(address).map((a) => `![](${a})`).join("\n");
  return `${text.slice(0, at)}${pictures}${text.slice(at)}`;
}

// Decap's plain text box (its Markdown editor would rewrite tables), plus a button that opens the media
// library and writes `![](<address>)` where the cursor was, the cursor then between the brackets for
// the picture's description; the address is the collection's public_folder (cms_config.py), and
// nothing else in the text changes.
const TextWidget = CMS.getWidget("text");
class PictureBodyControl extends TextWidget.control {
  controlID = crypto.randomUUID();
  box = null; // the element around the text box, to read its cursor
  cursor = null; // where the picture goes, remembered while the media library is open
  description = null; // where the cursor goes once the picture is in the text

  openLibrary = () => {
    const textarea = this.box?.querySelector("textarea");
    const text = this.props.value || "";
    this.cursor = textarea ? textarea.selectionEnd : text.length;
    // The media library gives the focus back, once it has faded out, to what had it when it opened:
    // the text box, not this button, or the description typed right away would go to the button.
    textarea?.focus();
    this.props.onOpenMediaLibrary({ controlID: this.controlID, forImage: true, value: "", allowMultiple: false, field: this.props.field });
  };

  // The media library hands the chosen file's address back through `mediaPaths`, under this control's id.
  componentDidUpdate(previous) {
    if (this.description !== null && this.props.value !== previous.value) {
      // The new text is in the box now: the cursor goes between the picture's brackets, since a
      // picture needs its description (the check refuses `![]`) and the editor types it right away.
      const textarea = this.box?.querySelector("textarea");
      textarea?.focus();
      textarea?.setSelectionRange(this.description, this.description);
      this.description = null;
    }
    const address = this.props.mediaPaths.get(this.controlID);
    if (!address?.length || this.cursor === null) return;
    const at = this.cursor;
    this.cursor = null; // once: the address stays in `mediaPaths` until the next render
    this.description = at + 2;
    this.props.onRemoveInsertedMedia(this.controlID);
    this.props.onChange(withPicture(this.props.value || "", at, address));
  }

  componentWillUnmount() {
    this.props.onRemoveMediaControl(this.controlID);
  }

  render() {
    const h = window.h; // React's createElement, as Decap exposes it to extensions
    const button = h(
      "button",
      { type: "button", className: "apk-insert-picture", style: { marginTop: "6px" }, onClick: this.openLibrary },
      INSERT_PICTURE[language],
    );
    return h("div", { ref: (element) => (this.box = element) }, super.render(), button);
  }
}
CMS.registerWidget("apk-body", PictureBodyControl, TextWidget.preview);

// --- Start -------------------------------------------------------------------------------------

const link = document.createElement("link");
link.rel = "cms-config-url";
link.type = "text/yaml";
link.href = language === DEFAULT_LANGUAGE ? "config.yml" : `config.${language}.yml`;
document.head.append(link);
document.documentElement.lang = language;
CMS.init();
