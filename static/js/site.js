/* Progressive enhancement only: every page works without this file.
   - filters apply when the visitor asks (a button), never on a change (WCAG 3.2.2);
   - on small screens the filters start folded ("Filtres"), on wide screens unfolded;
   - the regions map, the same on every listing, is fetched once (the browser keeps it) instead
     of being sent inside each page; without this file, a link leads to it. */
(function () {
  "use strict";
  var WIDE = window.matchMedia("(min-width: 56rem)");

  function foldFilters(panel) {
    panel.open = WIDE.matches;
    WIDE.addEventListener("change", function (event) { panel.open = event.matches; });
  }

  function loadFragment(holder) {
    if (!window.fetch) { return; }
    window.fetch(holder.getAttribute("data-fragment"), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html) { holder.innerHTML = html; } })
      .catch(function () { /* the link stays */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details.filters-panel"), foldFilters);
    Array.prototype.forEach.call(document.querySelectorAll("[data-fragment]"), loadFragment);
  });
}());
