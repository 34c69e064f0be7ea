/* Progressive enhancement only: every page works without this file.
   - filters apply as soon as a box, a list or the sort changes (the page says so first);
   - on small screens the filters start folded ("Filtres"), on wide screens unfolded;
   - after such a reload, the focus goes back to the control that was changed. */
(function () {
  "use strict";
  var WIDE = window.matchMedia("(min-width: 56rem)");
  var FOCUS_KEY = "filters-focus";

  function foldFilters(panel) {
    panel.open = WIDE.matches;
    WIDE.addEventListener("change", function (event) { panel.open = event.matches; });
  }

  function applyOnChange(form) {
    var note = form.querySelector("[data-auto-note]");
    if (note) { note.classList.remove("js-hidden"); }
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (!target.name || target.type === "search" || target.type === "text") { return; }
      try { window.sessionStorage.setItem(FOCUS_KEY, target.id); } catch (e) { /* private mode */ }
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
  }

  function restoreFocus() {
    var id = null;
    try { id = window.sessionStorage.getItem(FOCUS_KEY); window.sessionStorage.removeItem(FOCUS_KEY); } catch (e) { return; }
    var el = id && document.getElementById(id);
    if (!el) { return; }
    var parent = el.closest("details");
    while (parent) { parent.open = true; parent = parent.parentElement.closest("details"); }
    el.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details.filters-panel"), foldFilters);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-auto-submit]"), applyOnChange);
    restoreFocus();
  });
}());
