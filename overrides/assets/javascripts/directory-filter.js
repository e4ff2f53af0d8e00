/* Instant filter for the service directory. Without JavaScript, the filter pages linked above the list do
   the same job; this only narrows the list already on the page as the reader types. */
(function () {
  "use strict";
  var input = document.getElementById("ch-filter-input");
  var list = document.getElementById("ch-services-list");
  if (!input || !list) return;
  var box = input.closest(".ch-filter");
  var count = box.querySelector(".ch-filter__count");
  var items = Array.prototype.slice.call(list.querySelectorAll("[data-search]"));
  var groups = Array.prototype.slice.call(list.querySelectorAll(".ch-services-group"));

  function normalise(text) {
    return text.toLowerCase().replace(/[’']/g, "").replace(/\s+/g, " ").trim();
  }

  function apply() {
    var words = normalise(input.value).split(" ").filter(Boolean);
    var shown = {};
    items.forEach(function (item) {
      var text = normalise(item.getAttribute("data-search"));
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      item.hidden = !match;
      if (match) shown[item.querySelector("a").getAttribute("href")] = true;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-search]:not([hidden])");
    });
    var n = Object.keys(shown).length;
    count.textContent = words.length ? (n === 1 ? "1 service matches" : n + " services match") : "";
  }

  input.addEventListener("input", apply);
})();
