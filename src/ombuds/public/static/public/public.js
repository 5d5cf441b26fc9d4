// Progressive enhancement only: the resident pages work without this file.
// After a failed submit, move focus to the error summary so a screen reader announces it
// (the summary also carries `autofocus`, and the page title starts with "Fout:").
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
});
