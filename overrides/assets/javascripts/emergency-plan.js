/* Emergency plan: print the plan or a wallet card, and keep it on this device only if the carer chooses.
   Nothing is ever sent over the network. Without JavaScript the form still prints blank for writing by hand. */
(function () {
  "use strict";
  var KEY = "carers-hub-emergency-plan";
  var form = document.getElementById("ch-plan");
  if (!form) return;
  var card = document.querySelector(".ch-wallet-card");
  var status = document.getElementById("plan-status");
  var consent = document.getElementById("plan-consent");

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "consent" && (el.tagName === "INPUT" || el.tagName === "TEXTAREA");
    });
  }

  function values() {
    var out = {};
    fields().forEach(function (el) { if (el.value.trim()) out[el.name] = el.value; });
    return out;
  }

  function say(message) { status.textContent = message; }

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function fillCard() {
    var plan = values();
    card.querySelectorAll("[data-card]").forEach(function (el) {
      el.textContent = plan[el.getAttribute("data-card")] || "";
    });
  }

  function print(mode) {
    fillCard();
    document.body.classList.add(mode === "card" ? "ch-printing-card" : "ch-printing-plan");
    window.print();
  }

  window.addEventListener("afterprint", function () {
    document.body.classList.remove("ch-printing-card", "ch-printing-plan");
  });

  var actions = {
    print: function () { print("plan"); },
    "print-card": function () { print("card"); },
    save: function () {
      if (!consent.checked) {
        say("Your plan was not saved. Tick the box to say you understand, then choose Save again.");
        consent.focus();
        return;
      }
      var store = storage();
      if (!store) { say("This browser cannot save the plan. Print it instead."); return; }
      store.setItem(KEY, JSON.stringify(values()));
      say("Your plan is saved on this device only.");
    },
    "delete": function () {
      var store = storage();
      if (store) store.removeItem(KEY);
      form.reset();
      say("Your saved plan has been deleted from this device, and the form is empty.");
    }
  };

  form.addEventListener("click", function (event) {
    var button = event.target.closest("[data-plan-action]");
    if (button) actions[button.getAttribute("data-plan-action")]();
  });

  function restore() {
    var store = storage();
    var saved = store && store.getItem(KEY);
    if (!saved) return;
    var plan = {};
    try { plan = JSON.parse(saved) || {}; } catch (e) { return; }
    fields().forEach(function (el) { if (typeof plan[el.name] === "string") el.value = plan[el.name]; });
    consent.checked = true;
    say("We filled in the plan you saved on this device.");
  }

  document.documentElement.classList.add("ch-js");
  document.querySelectorAll(".ch-js-only").forEach(function (el) { el.hidden = false; });
  restore();
})();
