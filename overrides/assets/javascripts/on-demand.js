/* The theme's script (about 35 KB) and the search index load only when the reader starts a search,
   so a first visit on a phone downloads just the page and its styles. Everything else works without it. */
(function () {
  "use strict";
  var me = document.currentScript;
  var bundle = me && me.getAttribute("data-bundle");
  var input = document.querySelector(".md-search__input");
  var toggle = document.getElementById("__search");
  var loading = null;
  if (!bundle) return;
  document.documentElement.classList.add("ch-js");  // search can be offered: see carers.css

  function load() {
    if (loading) return loading;
    loading = new Promise(function (resolve) {
      var script = document.createElement("script");
      script.src = bundle;
      script.onload = function () {
        // The theme starts on DOMContentLoaded, which has already happened: tell it again.
        document.dispatchEvent(new Event("DOMContentLoaded"));
        resolve();
      };
      document.body.appendChild(script);
    });
    return loading;
  }

  function keyup() {
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  // Once the index is ready, search again for whatever the reader typed while it was loading.
  function replayWhenReady(tries) {
    var meta = document.querySelector(".md-search-result__meta");
    var ready = meta && !/initializing/i.test(meta.textContent) && meta.textContent.trim() !== "";
    if (!ready && tries > 0) return setTimeout(function () { replayWhenReady(tries - 1); }, 100);
    var typed = input.value;
    if (!typed) return;
    input.value = typed + " ";
    keyup();
    input.value = typed;
    keyup();
  }

  function start() {
    load().then(function () {
      if (!input) return;
      input.focus();
      replayWhenReady(100);
    });
  }

  if (input) input.addEventListener("focus", start);
  if (toggle) toggle.addEventListener("change", start);
  document.querySelectorAll("label[for='__search']").forEach(function (label) {
    label.addEventListener("click", start);
  });
  // A key pressed with Ctrl, Cmd or Alt belongs to the browser (Ctrl+F finds a word on a long page): stop it
  // here, before the theme's own shortcuts see it, and leave what it does to the browser.
  window.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) event.stopPropagation();
  }, true);

  function typing(target) {
    return /^(input|textarea|select)$/i.test(target.tagName) || target.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (loading || typing(event.target)) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {  // the theme's search shortcuts
      event.preventDefault();
      if (toggle) toggle.checked = true;
      if (input) input.focus();
      start();
    }
  });
})();
