// Renders the API's OpenAPI document with the vendored Swagger UI (static/vendor/swagger-ui).
// An external file, not an inline script: the site's Content-Security-Policy allows only 'self'.
//
// Swagger UI's own markup is then adjusted for assistive technologies, each time it renders
// (a MutationObserver), without editing the vendored files: its title is a level-2 heading
// under the page's h1, the deep link inside each operation's button leaves the tab order
// (the button itself opens the operation), parameter fields are named after their parameter,
// and scrollable examples can be reached with the keyboard.
"use strict";
(function () {
  function fixHeadings(root) {
    root.querySelectorAll(".information-container h1.title:not([aria-level])").forEach(function (title) {
      title.setAttribute("aria-level", "2");
      title.id = title.id || "api-title";
      // The title and description, outside Swagger's <main>, in a landmark of their own.
      var info = title.closest(".information-container");
      info.setAttribute("role", "region");
      info.setAttribute("aria-labelledby", title.id);
    });
  }

  function fixNestedLinks(root) {
    // With deep linking on, the path is an <a href="#/…"> inside the <button>: two controls in one.
    root.querySelectorAll(".opblock-summary-control a[href]").forEach(function (link) {
      link.removeAttribute("href");
    });
  }

  function fixFieldNames(root) {
    root.querySelectorAll("tr[data-param-name]").forEach(function (row) {
      row.querySelectorAll("select, input, textarea").forEach(function (field) {
        if (!field.hasAttribute("aria-label") && !field.labels.length) {
          field.setAttribute("aria-label", row.getAttribute("data-param-name"));
        }
      });
    });
  }

  function fixScrollables(root) {
    root.querySelectorAll("pre.microlight:not([tabindex]), .highlight-code pre:not([tabindex])").forEach(function (block) {
      block.setAttribute("tabindex", "0");
    });
  }

  function fixAll(root) {
    fixHeadings(root);
    fixNestedLinks(root);
    fixFieldNames(root);
    fixScrollables(root);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("swagger-ui");
    if (!root || typeof window.SwaggerUIBundle !== "function") {
      return;
    }
    new MutationObserver(function () { fixAll(root); }).observe(root, {childList: true, subtree: true});
    window.SwaggerUIBundle({
      url: root.dataset.openapiUrl,
      domNode: root,
      deepLinking: true,
      // The API is read-only and anonymous: "Try it out" sends GET requests to this same site.
      supportedSubmitMethods: ["get"],
      validatorUrl: null,
      // Agate, the default theme, writes numbers at 3.45:1 on its dark grey; Monokai's pass AA.
      syntaxHighlight: {activated: true, theme: "monokai"},
      presets: [window.SwaggerUIBundle.presets.apis],
      layout: "BaseLayout"
    });
  });
})();
