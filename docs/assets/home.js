/* The home page's event cards were chosen on the build date; this drops those that are over by
   today in Astana (UTC+5) and shows the next built ones instead, or, when fewer are still to come,
   the most recent past ones, marked as past. Without JavaScript the built cards stay. */
(function () {
  "use strict";
  var list = document.querySelector(".apk-cards[data-show]");
  if (!list) return;
  var show = Number(list.getAttribute("data-show"));
  var today = new Date(Date.now() + 5 * 3600 * 1000).toISOString().slice(0, 10);
  var cards = Array.prototype.slice.call(list.children);
  var isPast = function (card) { return card.getAttribute("data-end") < today; };
  var coming = cards.filter(function (card) { return !isPast(card); });
  var past = cards.filter(isPast).sort(function (a, b) {
    return a.getAttribute("data-end") < b.getAttribute("data-end") ? 1 : -1;
  });
  var shown = coming.slice(0, show).concat(past.slice(0, Math.max(0, show - coming.length)));
  cards.forEach(function (card) {
    var on = shown.indexOf(card) >= 0;
    if (card.hidden === on) card.hidden = !on;
    if (on && isPast(card) && !card.classList.contains("apk-card--past")) {
      card.classList.add("apk-card--past");
      card.querySelector(".apk-badge--past").hidden = false;
    }
  });
  var heading = document.getElementById("home-events");
  if (!coming.length && heading) heading.textContent = heading.getAttribute("data-recent");
  // Coming events first, then past ones latest first: move a card only when it is out of place.
  shown.forEach(function (card, i) {
    if (list.children[i] !== card) list.insertBefore(card, list.children[i]);
  });
})();
