/* Calendar list: filters kept in the URL query, past events marked, a "jump to today" button.
   The page is complete without this script; it only hides rows and adds classes. No inline script,
   no library, no request. Today is taken in Astana time (UTC+5), never baked into the HTML. */
(function () {
  "use strict";

  var FIELDS = ["region", "category", "organizer", "month"];

  function todayInAstana() {
    // en-CA formats as YYYY-MM-DD, which compares as text with data-date.
    return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty" }).format(new Date());
  }

  function markPast(root, today) {
    root.querySelectorAll(".apk-event[data-end]").forEach(function (row) {
      row.classList.toggle("apk-past", row.getAttribute("data-end") < today);
    });
  }

  function pluralize(form, count) {
    var spec = JSON.parse(form.getAttribute("data-plural"));
    var category = new Intl.PluralRules(spec.locale).select(count);
    var noun = spec.forms[category] || spec.forms.other;
    return new Intl.NumberFormat(spec.locale).format(count) + " " + noun;
  }

  function readState(form) {
    var params = new URLSearchParams(window.location.search);
    FIELDS.concat(["q"]).forEach(function (name) {
      var value = params.get(name);
      if (value !== null && form.elements[name]) form.elements[name].value = value;
    });
  }

  function writeState(form) {
    var params = new URLSearchParams();
    FIELDS.concat(["q"]).forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function matches(row, form, words) {
    for (var i = 0; i < FIELDS.length; i++) {
      var wanted = form.elements[FIELDS[i]].value;
      var actual = FIELDS[i] === "month" ? row.getAttribute("data-date").slice(0, 7) : row.getAttribute("data-" + FIELDS[i]);
      if (wanted && actual !== wanted) return false;
    }
    var text = row.getAttribute("data-text");
    return words.every(function (word) { return text.indexOf(word) !== -1; });
  }

  function apply(root, form) {
    var words = form.elements.q.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    root.querySelectorAll(".apk-event").forEach(function (row) {
      var visible = matches(row, form, words);
      row.hidden = !visible;
      if (visible) shown++;
    });
    root.querySelectorAll(".apk-events").forEach(function (list) {
      var empty = !list.querySelector(".apk-event:not([hidden])");
      list.hidden = empty;
      var heading = list.previousElementSibling;
      if (heading && heading.classList.contains("apk-day")) heading.hidden = empty;
    });
    root.querySelectorAll(".apk-month").forEach(function (month) {
      var visible = month.querySelectorAll(".apk-event:not([hidden])").length;
      month.hidden = visible === 0;
      countMonth(month, visible, form);
    });
    form.querySelector("[data-apk-count]").textContent = pluralize(form, shown);
  }

  // A month's heading counts the rows shown under it; the built number comes back when all are shown.
  function countMonth(month, visible, form) {
    var count = month.querySelector(".apk-month__count");
    if (!count) return;
    if (!count.hasAttribute("data-apk-all")) count.setAttribute("data-apk-all", count.textContent);
    var all = month.querySelectorAll(".apk-event").length;
    count.textContent = visible === all
      ? count.getAttribute("data-apk-all")
      : "(" + pluralize(form, visible) + ")";
  }

  function jumpToToday(root, today) {
    var rows = root.querySelectorAll(".apk-event:not([hidden])");
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].getAttribute("data-end") >= today) {
        var link = rows[i].querySelector("a");
        rows[i].scrollIntoView({ block: "start" });
        if (link) link.focus({ preventScroll: true });
        return;
      }
    }
  }

  function init() {
    var root = document.querySelector("[data-apk-calendar]");
    if (!root) return;
    var today = todayInAstana();
    markPast(root, today);
    var form = root.querySelector("[data-apk-filter]");
    if (!form) return;
    form.hidden = false;
    readState(form);
    apply(root, form);
    form.addEventListener("input", function () { apply(root, form); writeState(form); });
    form.addEventListener("change", function () { apply(root, form); writeState(form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(root, form); writeState(form); }, 0);
    });
    form.querySelector("[data-apk-today]").addEventListener("click", function () { jumpToToday(root, today); });
  }

  // Material swaps pages without reloading when navigation.instant is on; plain load is enough here.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
