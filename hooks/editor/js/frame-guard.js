/* The editor is shown only as the whole window, never inside another website's frame, where that website could
   lay its own page over the editor's buttons and lead an editor to click them (clickjacking). The page is hidden
   until this runs (hooks/editor/page.py): on its own this shows it; in a frame it stays hidden, and this asks to
   replace the framing website with the editor, which browsers may refuse without a click. Netlify and Cloudflare
   Pages also refuse framing with a header (_headers); GitHub Pages cannot send one, so this is the guard there. */
(function () {
  "use strict";
  if (window.self === window.top) {
    var hidden = document.getElementById("frame-guard");
    hidden.parentNode.removeChild(hidden);
    return;
  }
  try {
    window.top.location.href = window.self.location.href;
  } catch (refused) {
    // The browser would not let a frame move the window: the editor stays hidden.
  }
})();
