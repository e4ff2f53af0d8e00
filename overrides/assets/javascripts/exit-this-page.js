/* "Exit this page", the GOV.UK Frontend way. Without JavaScript the button is a plain link to a neutral website.
   With it, leaving is quicker and leaves less behind: the page is blanked at once, the neutral website replaces
   this page in the browser's history (so Back does not come back here) and is not told where the reader came
   from. Pressing Shift 3 times, each within 5 seconds of the last, does the same; a status line says how many
   more presses are needed. Loaded only on pages whose front matter says exit_this_page: true. */
(function () {
  "use strict";
  var box = document.querySelector("[data-ch-exit]");
  var button = box && box.querySelector(".ch-exit__button");
  var status = box && box.querySelector(".ch-exit__status");
  if (!button || !status) return;
  var WAIT = 5000;  // milliseconds allowed between two presses of Shift
  var presses = 0;
  var lastKeyWasModified = false;
  var pressTimer = null;
  var messageTimer = null;
  var overlay = null;

  function say(text) {
    status.textContent = text;
  }

  function exitPage() {
    say("");
    var referrer = document.querySelector('meta[name="referrer"]');
    if (!referrer) {
      referrer = document.createElement("meta");
      referrer.name = "referrer";
      document.head.appendChild(referrer);
    }
    referrer.content = "no-referrer";
    // Blank the page first, so nothing stays on screen while the other website loads.
    document.documentElement.classList.add("ch-exiting");
    overlay = document.createElement("div");
    overlay.className = "ch-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    overlay.textContent = "Loading.";  // after it is added, so screen readers announce it
    window.location.replace(button.href);
  }

  function stopTimers() {
    clearTimeout(pressTimer);
    clearTimeout(messageTimer);
    pressTimer = messageTimer = null;
  }

  function expire() {
    stopTimers();
    presses = 0;
    say("Exit this page expired.");
    messageTimer = setTimeout(function () { say(""); }, WAIT);
  }

  button.addEventListener("click", function (event) {
    event.preventDefault();
    exitPage();
  });

  // Shift on its own: Shift+A sends a keyup for A with shiftKey set, then one for Shift, which is not counted.
  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift" && !lastKeyWasModified) {
      presses += 1;
      stopTimers();
      if (presses >= 3) {
        presses = 0;
        exitPage();
      } else {
        say(presses === 1 ? "Shift, press 2 more times to exit." : "Shift, press 1 more time to exit.");
        pressTimer = setTimeout(expire, WAIT);
      }
    } else if (pressTimer) {
      expire();  // another key broke the sequence
    }
    lastKeyWasModified = event.shiftKey;
  }, true);

  // A browser that keeps pages in memory may show this one again (Forward): show it as it was, not blank.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("ch-exiting");
    if (overlay) overlay.remove();
    overlay = null;
    stopTimers();
    presses = 0;
    say("");
  });

  // Shift works only with this script, so the page mentions it only now.
  document.querySelectorAll("[data-ch-exit-keys]").forEach(function (note) { note.hidden = false; });
})();
