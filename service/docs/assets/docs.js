// Starts Swagger UI on /docs with the broker's own contract; loaded from 'self' (the page's CSP allows no inline script).
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");

  // Swagger UI leaves some of its form controls without an accessible name: name them after what they choose.
  var NAMES = [
    ["select#servers", "Server that Try it out sends requests to"],
    ["select.examples-select-element", "Example"],
    ["select.content-type", "Media type"],
    ["textarea.body-param__text", "Request body"],
    ["textarea", "Text"],
  ];
  function fixAccessibility() {
    // Code samples scroll sideways on a phone: a keyboard must be able to reach and scroll them.
    root.querySelectorAll(".highlight-code > pre:not([tabindex])").forEach(function (code) {
      code.setAttribute("tabindex", "0");
    });
    NAMES.forEach(function (pair) {
      root.querySelectorAll(pair[0] + ":not([aria-label]):not([aria-labelledby])").forEach(function (control) {
        control.setAttribute("aria-label", pair[1]);
      });
    });
  }

  fetch(root.getAttribute("data-spec"), { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(function (spec) {
      // "Try it out" calls this broker first (the document's own servers follow).
      spec.servers = [{ url: window.location.origin, description: "This broker" }].concat(spec.servers || []);
      window.ui = SwaggerUIBundle({
        spec: spec,
        dom_id: "#swagger-ui",
        // Deep links would put a link inside each operation's toggle button (nested controls, tiny targets).
        deepLinking: false,
        // The default sends the document to an outside validator: nothing leaves the broker.
        validatorUrl: null,
        docExpansion: "list",
        defaultModelsExpandDepth: 1,
        defaultModelExpandDepth: 3,
        displayOperationId: true,
        displayRequestDuration: true,
        // Its colour themes give some tokens too little contrast; plain text reads as well.
        syntaxHighlight: false,
        presets: [SwaggerUIBundle.presets.apis],
        layout: "BaseLayout",
        onComplete: fixAccessibility,
      });
      new MutationObserver(fixAccessibility).observe(root, { childList: true, subtree: true });
    })
    .catch(function (error) {
      root.textContent = "The API reference could not load (" + error.message + "). Read the contract at /openapi.yaml.";
    });
})();
