/* Accessible names the Django admin's widgets lack (axe: "serious"/"critical"), added once they
   are drawn: tabular inline fields are named by their column, autocomplete boxes (select2) by
   their label, the filter icons of the two-list selector are images. No behaviour changes. */
(function () {
  "use strict";

  function text(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function nameTabularFields(root) {
    root.querySelectorAll(".tabular table").forEach(function (table) {
      var headers = table.querySelectorAll("thead th");
      table.querySelectorAll("tbody tr.form-row").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          var name = text(headers[index]);
          if (!name) return;
          cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (field) {
            var labelled = field.id && document.querySelector('label[for="' + field.id + '"]');
            if (!labelled && !field.hasAttribute("aria-label")) field.setAttribute("aria-label", name);
          });
        });
      });
    });
  }

  function fieldName(select) {
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    return text(label).replace(/\s*:$/, "") || select.getAttribute("aria-label") || "";
  }

  function nameAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var name = fieldName(select);
      var container = select.nextElementSibling;
      if (!name || !container || !container.classList.contains("select2")) return;
      // select2 names its box by the chosen value alone (nothing when empty): by the field instead,
      // the value being the read-only text inside it.
      container.querySelectorAll("[role=combobox], [role=textbox], .select2-search__field").forEach(function (box) {
        box.removeAttribute("aria-labelledby");
        box.setAttribute("aria-label", name);
      });
    });
  }

  function iconsAreImages(root) {
    root.querySelectorAll(".help-tooltip[aria-label]:not([role]), .search-label-icon[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  function fix(root) {
    nameTabularFields(root);
    nameAutocompletes(root);
    iconsAreImages(root);
  }

  // After the admin's own scripts (select2, the two-list selector), which draw on load.
  window.addEventListener("load", function () { setTimeout(function () { fix(document); }, 0); });
  document.addEventListener("formset:added", function () { setTimeout(function () { fix(document); }, 0); });
  document.addEventListener("change", function (event) {
    if (event.target.classList && event.target.classList.contains("admin-autocomplete")) {
      setTimeout(function () { nameAutocompletes(document); }, 0);
    }
  });
})();
