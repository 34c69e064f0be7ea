// Renders the API's OpenAPI document with the vendored Swagger UI (static/vendor/swagger-ui).
// An external file, not an inline script: the site's Content-Security-Policy allows only 'self'.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    domNode: root,
    deepLinking: true,
    // The API is read-only and anonymous: "Try it out" sends GET requests to this same site.
    supportedSubmitMethods: ["get"],
    validatorUrl: null,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
