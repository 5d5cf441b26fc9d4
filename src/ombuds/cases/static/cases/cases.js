// Progressive enhancement only: the pages work without this file.
// Move focus to the error summary after a failed form, so screen readers announce it.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
});
