/* The menu button on a phone or tablet. The theme's button is a label for a hidden checkbox, which a mouse or a
   finger can press but a keyboard cannot reach. Here it becomes a button a keyboard can reach and press (Enter
   or Space), that says whether the menu is open; Escape closes the menu and puts the focus back on the button.
   The closed menu's links are hidden (carers.css), so the keyboard never wanders off the screen. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!toggle || !button) return;
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");

  function show() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      toggle.click();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
  toggle.addEventListener("change", show);
  show();
})();
