/* Calendar list: filters kept in the URL query, past events marked, a "jump to today" button.
   The page is complete without this script; it only hides rows and adds classes. No inline script,
   no library, no request. Today is taken in Astana time (UTC+5), never baked into the HTML.
   The form sits in a closed <details> and the count is built in, so showing the form moves nothing
   on screen; with no filter in the URL the rows are left alone at load (a phone's first screen must
   not wait for 420 rows to be looked at). Active filters show as chips that remove them. */
(function () {
  "use strict";

  var FIELDS = ["region", "category", "organizer", "month"];

  function todayInAstana() {
    // en-CA formats as YYYY-MM-DD, which compares as text with data-date.
    return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty" }).format(new Date());
  }

  function markPast(root, today) {
    // Past rows change colour only, never size: the class must not move anything (layout shift).
    root.querySelectorAll(".apk-event[data-end]").forEach(function (row) {
      if (row.getAttribute("data-end") < today) row.classList.add("apk-past");
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

  // Kazakh letters as typed on a Russian layout, folded as the site search folds them
  // (hooks/apk_site/search_fold.py, FOLD): «Актобе» finds «Ақтөбе».
  var FOLD = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"};
  function fold(text) {
    return text.replace(/[әғқңөұүһі]/g, function (letter) { return FOLD[letter]; });
  }

  function matches(row, form, words) {
    for (var i = 0; i < FIELDS.length; i++) {
      var wanted = form.elements[FIELDS[i]].value;
      var actual = FIELDS[i] === "month" ? row.getAttribute("data-date").slice(0, 7) : row.getAttribute("data-" + FIELDS[i]);
      if (wanted && actual !== wanted) return false;
    }
    var text = fold(row.getAttribute("data-text"));
    return words.every(function (word) { return text.indexOf(fold(word)) !== -1; });
  }

  function active(form) {
    return FIELDS.concat(["q"]).filter(function (name) { return form.elements[name].value.trim(); });
  }

  // One chip per active filter: its value as the reader sees it; a click clears that filter.
  function renderChips(root, form) {
    var list = root.querySelector("[data-apk-chips]");
    var names = active(form);
    var counter = root.querySelector("[data-apk-active]");
    if (counter) counter.textContent = names.length ? " (" + names.length + ")" : "";
    if (!list) return;
    list.textContent = "";
    names.forEach(function (name) {
      var field = form.elements[name];
      var value = name === "q" ? "«" + field.value.trim() + "»" : field.options[field.selectedIndex].text;
      var label = field.closest("label").querySelector("span").textContent;
      var chip = document.createElement("button");
      chip.type = "button";
      chip.className = "apk-chip apk-chip--filter";
      chip.setAttribute("data-name", name);
      chip.setAttribute("aria-label", list.getAttribute("data-remove") + ": " + label + ": " + value);
      chip.textContent = value + " ×";
      var item = document.createElement("li");
      item.appendChild(chip);
      list.appendChild(item);
    });
  }

  function removeFilter(root, form, name) {
    form.elements[name].value = "";
    update(root, form);
    var next = root.querySelector("[data-apk-chips] button") || root.querySelector(".apk-filters__toggle");
    if (next) next.focus();
  }

  function update(root, form) {
    apply(root, form);
    renderChips(root, form);
    writeState(form);
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
    root.querySelector("[data-apk-count]").textContent = pluralize(form, shown);
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
        // Rows leave their date to the day's heading: show the heading too when the row is its day's first.
        var heading = rows[i].parentElement.previousElementSibling;
        var first = rows[i].parentElement.querySelector(".apk-event:not([hidden])") === rows[i];
        (first && heading && heading.classList.contains("apk-day") ? heading : rows[i]).scrollIntoView({ block: "start" });
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
    if (active(form).length) { apply(root, form); renderChips(root, form); }
    form.addEventListener("input", function () { update(root, form); });
    form.addEventListener("change", function () { update(root, form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { update(root, form); }, 0);
    });
    var chips = root.querySelector("[data-apk-chips]");
    if (chips) chips.addEventListener("click", function (event) {
      var chip = event.target.closest("button[data-name]");
      if (chip) removeFilter(root, form, chip.getAttribute("data-name"));
    });
    var button = root.querySelector("[data-apk-today]");
    button.addEventListener("click", function () { jumpToToday(root, today); });
    button.classList.remove("apk-today--wait");
  }

  // Material swaps pages without reloading when navigation.instant is on; plain load is enough here.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
