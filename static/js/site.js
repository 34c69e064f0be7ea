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

  /* "Où êtes-vous ?": the field becomes a WAI-ARIA 1.2 combobox (list autocomplete, no automatic
     selection) whose suggestions come from the form's `data-suggestions` JSON endpoint; Up/Down
     move through them, Enter goes to the one chosen (else the form is sent: the results page),
     Escape closes them (then clears the field); a polite live region says how many there are. */
  function whereCombobox(form) {
    var input = form.querySelector("input[name=lieu]");
    var status = form.querySelector("[data-where-status]");
    var list = document.createElement("ul");
    var options = [], active = -1, asked = 0, timer = null;
    list.id = input.id + "-listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.getAttribute("data-listbox-label"));
    list.className = "where-listbox";
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");

    function say(count) {
      var text = count === 0 ? form.getAttribute("data-none") : form.getAttribute(count === 1 ? "data-one" : "data-many");
      status.textContent = text.replace("%s", String(count));
    }
    function show(index) {
      options.forEach(function (option, i) { option.element.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index < 0) { input.removeAttribute("aria-activedescendant"); return; }
      input.setAttribute("aria-activedescendant", options[index].element.id);
      options[index].element.scrollIntoView({ block: "nearest" });
    }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      show(-1);
    }
    function render(found) {
      list.textContent = "";
      options = found.map(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.textContent = suggestion.label;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { window.location.assign(suggestion.url); });
        list.appendChild(item);
        return { element: item, url: suggestion.url };
      });
      list.hidden = options.length === 0;
      input.setAttribute("aria-expanded", options.length ? "true" : "false");
      show(-1);
      say(options.length);
    }
    function fetchSuggestions() {
      var ask = ++asked;
      if (input.value.trim().length < 2) { close(); status.textContent = ""; return; }
      var query = new URLSearchParams(new FormData(form)).toString();
      window.fetch(form.getAttribute("data-suggestions") + "?" + query, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (found) { if (ask === asked) { render(found); } })
        .catch(function () { /* the form still works */ });
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!options.length) { return; }
        if (!open) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        var step = event.key === "ArrowDown" ? 1 : -1;
        show(open ? (active + step + options.length) % options.length : (step > 0 ? 0 : options.length - 1));
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        window.location.assign(options[active].url);
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); } else { input.value = ""; options = []; }
      }
    });
    input.addEventListener("blur", close);
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details.filters-panel"), foldFilters);
    Array.prototype.forEach.call(document.querySelectorAll("[data-fragment]"), loadFragment);
    if (window.fetch && window.URLSearchParams && window.FormData) {
      Array.prototype.forEach.call(document.querySelectorAll("form.where[data-suggestions]"), whereCombobox);
    }
  });
}());
