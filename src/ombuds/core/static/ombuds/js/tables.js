// A table wider than the screen scrolls sideways inside its .ombuds-table-wrap (WCAG 1.4.10).
// Keyboard users must reach that scroll too (WCAG 2.1.1): each wrap becomes a focusable region
// named after its table's caption. Progressive enhancement: without this file the wrap still
// scrolls by mouse and touch, and current browsers let the keyboard reach a scroller.
(function () {
  var count = 0;
  function enhance(root) {
    root.querySelectorAll(".ombuds-table-wrap:not([data-table-region])").forEach(function (wrap) {
      var caption = wrap.querySelector("caption");
      wrap.setAttribute("data-table-region", "");
      if (!wrap.hasAttribute("tabindex")) { wrap.setAttribute("tabindex", "0"); }
      if (!wrap.hasAttribute("role")) { wrap.setAttribute("role", "region"); }
      if (wrap.hasAttribute("aria-label") || wrap.hasAttribute("aria-labelledby")) { return; }
      if (caption) {
        if (!caption.id) { count += 1; caption.id = "tabel-bijschrift-" + count; }
        wrap.setAttribute("aria-labelledby", caption.id);
      } else {
        wrap.setAttribute("aria-label", document.documentElement.lang === "en" ? "Table" : "Tabel");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  // Tables htmx swaps into the page (e.g. the worklist's results) get the same.
  document.addEventListener("htmx:afterSettle", function (event) { enhance(event.target); });
})();
