/* Instant filter for the service directory and its listing pages, across every service (not just the ones on
   this page), with the site's search index (Pagefind, loaded by site-search.js when the reader starts typing).
   Without JavaScript, the filter pages linked from the directory do the same job.

   The contract a listing page keeps (hooks/directory/service_pages.py and partials/carers/directory-filters.html
   write it; any data-filter-* attribute may be absent, and then that filter is not applied):

     <div class="ch-filter" data-ch-filter data-filter-kind="respite-care" data-filter-who="young-carers"
          data-filter-area="north-east">
       <input type="search" aria-controls="ch-services-list" ...>   the words typed
       <p role="status" aria-live="polite"></p>                     "12 services match", said by screen readers
     </div>
     <div id="ch-services-list">...</div>                           the page's own list, hidden while filtering

   data-filter-kind is a category id (data/categories.yaml), data-filter-who an audience id (data/audiences.yaml),
   data-filter-area a service's area written as a slug ("North East" -> north-east). Service pages carry
   the same values as Pagefind filters (kind, who, area, and type: service). Only the first SHOWN matches are
   fetched (one small fragment each); the count is of every match. */
(function () {
  "use strict";
  var SHOWN = 20;
  var WAIT = 200;  // ms after the last key: words typed quickly make one search
  var box = document.querySelector("[data-ch-filter]");
  if (!box || !window.carersSearch) return;
  var input = box.querySelector("input");
  var count = box.querySelector("[role=status]");
  var list = document.getElementById(input.getAttribute("aria-controls"));
  if (!list) return;
  var filters = { type: "service" };
  ["kind", "who", "area"].forEach(function (name) {
    var value = box.getAttribute("data-filter-" + name);
    if (value) filters[name] = value;
  });
  var results = document.createElement("ul");
  results.className = "ch-services ch-filter__results";
  results.hidden = true;
  list.parentNode.insertBefore(results, list);
  var timer = null;
  var asked = 0;

  function reset() {
    results.hidden = true;
    results.textContent = "";
    list.hidden = false;
    count.textContent = "";
  }

  function show(total, pages) {
    results.textContent = "";
    pages.forEach(function (page) {
      var item = document.createElement("li");
      item.className = "ch-services__item";
      var name = document.createElement("p");
      name.className = "ch-services__name";
      var link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.meta.title || page.url;
      name.appendChild(link);
      item.appendChild(name);
      if (page.meta.summary) {
        var summary = document.createElement("p");
        summary.textContent = page.meta.summary;
        item.appendChild(summary);
      }
      results.appendChild(item);
    });
    list.hidden = true;
    results.hidden = false;
    var said = total === 0 ? "No services match. Try other words, or choose a kind of help below."
      : total === 1 ? "1 service matches" : total + " services match";
    if (total > pages.length) said += ". The first " + pages.length + " are shown: add a word to see fewer.";
    count.textContent = said;
  }

  function apply() {
    var query = input.value.trim();
    var mine = ++asked;
    if (!query) return reset();
    window.carersSearch.pagefind().then(function (pf) {
      return pf.search(query, { filters: filters });
    }).then(function (found) {
      if (mine !== asked) return null;
      return Promise.all(found.results.slice(0, SHOWN).map(function (r) { return r.data(); })).then(function (pages) {
        if (mine === asked) show(found.results.length, pages);
      });
    }).catch(function () {
      if (mine === asked) count.textContent = "The filter is not working just now. Choose a kind of help below.";
    });
  }

  input.addEventListener("focus", function () { window.carersSearch.pagefind(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(apply, WAIT);
  });
})();
