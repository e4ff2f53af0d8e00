/* Tells readers when a page has passed its review date, even if nobody has rebuilt the site since. */
(function () {
  "use strict";
  var note = document.querySelector(".ch-outdated[data-review-by]");
  if (!note) return;
  var due = Date.parse(note.getAttribute("data-review-by") + "T23:59:59");
  if (!isNaN(due) && Date.now() > due) note.hidden = false;
})();
