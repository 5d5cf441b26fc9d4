// Progressive enhancement only: the intake works without this file.
// When the intake is registered (the "registreer" button), tell the theme suggestion so it
// records which suggested themes were kept (hx-trigger="ombuds-register from:closest form").
// A file rather than an htmx trigger filter, which would need eval under the CSP.
document.addEventListener("submit", function (event) {
  if (event.submitter && event.submitter.value === "registreer") {
    event.target.dispatchEvent(new CustomEvent("ombuds-register"));
  }
});
