/* The site's search box (partials/carers/site-search.html), with Pagefind.

   Nothing of search is downloaded with a page: Pagefind (pagefind/pagefind.js, its WebAssembly and the index
   chunks a query needs) loads when the reader focuses the box or types. Results are links in a list under the
   box (title and summary), 5 at a time ("Show more results" fetches the next 5); a hidden live region says how
   many ("12 results for respite"). Each result says what it is ("Guide", "Easy read" or "Service", Pagefind's
   `label` meta, hooks/outputs/pagefind_index.py) before its title. Tab moves from the box into the results; Escape closes them. Without JavaScript the header shows the A to Z link instead.

   window.carersSearch.pagefind() gives other scripts the same loaded Pagefind (directory-filter.js uses it). */
(function () {
  "use strict";
  var me = document.currentScript;
  var box = document.querySelector("[data-ch-search]");
  var pagefindUrl = new URL(me.getAttribute("data-pagefind"), location.href).href;
  var root = new URL(me.getAttribute("data-root"), location.href).pathname;  // the site's own folder
  var loading = null;
  var stop = new Set();  // English words of no meaning (pagefind/site-search.json: hooks/outputs/stop_words.py)

  function pagefind() {
    if (!loading) {
      // site-search.json: the stop words, and the site's other indexes (a directory of more than 10,000 pages
      // is indexed in parts: hooks/outputs/pagefind_index.py), merged into the first.
      // Asked afresh each visit ("?ts=", as Pagefind asks for its entry): it names this build's index files.
      var settings = fetch(new URL("site-search.json?ts=" + Date.now(), pagefindUrl)).then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
      // Ranking (Pagefind's own options; docs/developers/benchmarks.md has the numbers, on two directories of
      // 5,000 services): a long guide is not ranked below short service pages for being long (pageLength 0) nor
      // for using the words less densely (termFrequency 0: the sum of the words and their weights counts);
      // repeated and weighted words keep counting a little longer (termSaturation 2); a result's title gives no
      // extra lift (metaWeights.title 0: thousands of services are named "Respite ..."), while a guide's topic
      // (its title and the words carers use for it, hooks/outputs/pagefind_index.py) does.
      var shared = { baseUrl: root, excerptLength: 24,
        ranking: { pageLength: 0, termFrequency: 0, termSaturation: 2, metaWeights: { title: 0, topic: 5 } } };
      loading = Promise.all([import(pagefindUrl), settings]).then(function (both) {
        var pf = both[0];
        stop = new Set(both[1].stop || []);
        var restore = givingEntries(both[1].entries || {});
        // noWorker: Pagefind runs on the page, not in a worker of its own, which would be one more file (12 KB)
        // and one more round trip before the first result.
        // init() while Pagefind's entry is given (givingEntries): Pagefind asks for it as it starts.
        return pf.options(Object.assign({ noWorker: true }, shared)).then(function () { return pf.init(); }).then(function () {
          return Promise.all((both[1].more || []).map(function (path) {
            return pf.mergeIndex(new URL(path, pagefindUrl).pathname, shared);
          }));
        }).then(function () { restore(); return pf; }, function (failed) { restore(); throw failed; });
      });
      loading.catch(function () { loading = null; });  // a failed load (offline) is tried again next time
    }
    return loading;
  }
  // While Pagefind starts, its first request (each index's pagefind-entry.json, whose address it makes unique with
  // "?ts=") is answered from the copy in site-search.json, fetched with pagefind.js: one round trip less before
  // the first result (0.4 s on a slow phone network). Pagefind asks with the page's fetch() (coupling point
  // "Pagefind's entry request", docs/developers/how-it-works.md); every other request goes out as it was.
  function givingEntries(entries) {
    var own = window.fetch;
    var byPath = {};
    Object.keys(entries).forEach(function (folder) {
      byPath[new URL(folder + "pagefind-entry.json", pagefindUrl).pathname] = entries[folder];
    });
    window.fetch = function (input) {
      var entry = typeof input === "string" && byPath[new URL(input, location.href).pathname];
      if (entry) return Promise.resolve(new Response(JSON.stringify(entry), { headers: { "Content-Type": "application/json" } }));
      return own.apply(this, arguments);
    };
    return function () { window.fetch = own; };
  }

  // What Pagefind is asked: every word of the query but English stop words ("help for young carers" asks for
  // "help young carers"): each word fetches its own part of the index, and "for" narrows nothing. A word that
  // means something is always asked, however many pages use it. A query of stop words alone is asked as typed.
  // stop_words.asked in Python does the same (the tests compare the two).
  function meaningful(query) {
    return query.split(/\s+/).filter(function (word) {
      return word && !stop.has(word.toLowerCase().replace(/['\u2019]/g, ""));
    });
  }

  function essential(query) {
    var kept = meaningful(query);
    return kept.length ? kept.join(" ") : query;
  }

  window.carersSearch = { pagefind: pagefind, essential: essential };
  if (!box) return;

  var SHOWN = 5;  // results shown at first, and added by "Show more results": each needs its own fragment
  var WAIT = 200;  // ms after the last key before searching: words typed quickly make one search
  var input = box.querySelector(".ch-search__input");
  var form = box.querySelector(".ch-search__form");
  var panel = box.querySelector(".ch-search__results");
  var list = box.querySelector(".ch-search__list");
  var count = box.querySelector(".ch-search__count");
  var none = box.querySelector(".ch-search__none");
  var status = box.querySelector("#ch-search-status");
  var more = box.querySelector(".ch-search__more");
  var timer = null;
  var current = null;  // the latest search's results, and the query they are for
  var asked = 0;  // the latest search: answers to older ones are dropped

  function plain(html) {
    var t = document.createElement("template");
    t.innerHTML = html;  // a template's content is inert: nothing in it runs or loads
    return t.content.textContent;
  }

  function open(isOpen) {
    panel.hidden = !isOpen;  // a search box takes no aria-expanded (axe: aria-allowed-attr); the count is announced
  }

  function said(n, query) {
    return n === 0 ? "No results for " + query : n + (n === 1 ? " result" : " results") + " for " + query;
  }

  function show(query, total, pages, adding) {
    if (!adding) list.textContent = "";
    pages.forEach(function (page) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      var title = document.createElement("span");
      link.href = page.url;
      link.className = "ch-search__link";
      title.className = "ch-search__title";
      title.textContent = page.meta.title || page.url;
      if (page.meta.label) {
        // Read before the title ("Guide: Taking a break"); the colon is for screen readers, hidden on screen.
        var label = document.createElement("span");
        label.className = "ch-search__label";
        label.textContent = page.meta.label;
        var colon = document.createElement("span");
        colon.className = "ch-visually-hidden";
        colon.textContent = ": ";
        label.appendChild(colon);
        link.appendChild(label);
      }
      link.appendChild(title);
      var summary = page.meta.summary || plain(page.excerpt || "");
      if (summary) {
        var text = document.createElement("span");
        text.className = "ch-search__summary";
        text.textContent = summary;
        link.appendChild(text);
      }
      item.appendChild(link);
      list.appendChild(item);
    });
    var shown = list.children.length;
    count.textContent = total === 0 ? "" : (total > shown ? "First " + shown + " of " : "") + said(total, query);
    count.hidden = total === 0;
    none.hidden = total !== 0;
    more.hidden = shown >= total;
    if (!adding) status.textContent = said(total, query);
    open(true);
  }

  function showMore() {
    if (!current) return;
    var from = list.children.length;
    var mine = asked;
    Promise.all(current.results.slice(from, from + SHOWN).map(function (r) { return r.data(); })).then(function (pages) {
      if (mine !== asked) return;
      show(current.query, current.results.length, pages, true);
      var first = list.children[from] && list.children[from].querySelector("a");
      if (first) first.focus();  // the first of the new results, so keyboard users carry on from there
    });
  }

  function search() {
    clearTimeout(timer);
    var query = input.value.trim();
    var mine = ++asked;
    if (!query) {
      open(false);
      status.textContent = "";
      return;
    }
    pagefind().then(function (pf) {
      return pf.search(essential(query));
    }).then(function (found) {
      if (mine !== asked) return null;
      return Promise.all(found.results.slice(0, SHOWN).map(function (r) { return r.data(); })).then(function (pages) {
        if (mine !== asked) return;
        current = { query: query, results: found.results };
        show(query, found.results.length, pages);
      });
    }).catch(function () {
      if (mine === asked) status.textContent = "Search is not working just now. Try the A to Z of pages and services.";
    });
  }

  input.addEventListener("focus", function () {
    pagefind().then(function (pf) { if (pf.init) pf.init(); });
  });
  input.addEventListener("click", function () {  // back in the box after closing: the same results again
    if (input.value.trim() && list.children.length) open(true);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    // While typing, fetch the index chunks the words already finished (followed by a space) will need, unless
    // they are stop words: a word still being typed could need other chunks ("car" is not where "carers" is).
    var finished = input.value.replace(/\S+$/, "").trim();
    if (finished) pagefind().then(function (pf) {
      var kept = meaningful(finished);
      if (kept.length) pf.preload(kept.join(" "));
    });
    timer = setTimeout(search, WAIT);
  });
  more.addEventListener("click", showMore);
  form.addEventListener("submit", function (event) {
    event.preventDefault();  // Enter searches at once; the A to Z page is for readers without JavaScript
    search();
  });

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a")).concat(more.hidden ? [] : [more]);
  }

  box.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;  // the browser's own shortcuts stay its own
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      open(false);
      input.focus();
      return;
    }
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && all.length && !panel.hidden) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at !== -1) {
      event.preventDefault();
      if (at === 0) input.focus(); else all[at - 1].focus();
    }
  });
  // Leaving the search (a click or Tab elsewhere) closes the results.
  box.addEventListener("focusout", function (event) {
    if (!box.contains(event.relatedTarget) && event.relatedTarget !== null) open(false);
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target)) open(false);
  });
})();
