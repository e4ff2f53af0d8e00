/* "Show services near me" on the service directory. Nothing happens until the carer taps the button: then the
   browser asks them to share their position, and the list of services with a place (services/near-me.json,
   fetched from this site only) is sorted by distance on their own device. Their position is never sent
   anywhere. Without JavaScript the button stays hidden and the lists work as they are. */
(function () {
  "use strict";
  var box = document.querySelector("[data-near-me]");
  if (!box || !("geolocation" in navigator)) return;
  var button = box.querySelector(".ch-near-me__button");
  var status = box.querySelector(".ch-near-me__status");
  var list = box.querySelector(".ch-near-me__list");
  var SHOWN = 50;
  box.hidden = false;

  function miles(lat1, lon1, lat2, lon2) {  // great-circle distance (haversine), in miles
    var rad = Math.PI / 180, dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
    var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 3958.8 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }

  function show(rows, here, root) {
    var sorted = rows.map(function (r) {
      return { name: r[0], url: new URL(r[1], root).href, miles: miles(here.latitude, here.longitude, r[2], r[3]) };
    }).sort(function (a, b) { return a.miles - b.miles; }).slice(0, SHOWN);
    list.textContent = "";
    sorted.forEach(function (s) {
      var item = document.createElement("li");
      item.className = "ch-services__item";
      var link = document.createElement("a");
      link.href = s.url;
      link.textContent = s.name;
      var name = document.createElement("p");
      name.className = "ch-services__name";
      name.appendChild(link);
      var far = document.createElement("p");
      far.textContent = (s.miles < 0.1 ? "Less than 0.1" : s.miles.toFixed(1)) + " miles away";
      item.appendChild(name);
      item.appendChild(far);
      list.appendChild(item);
    });
    list.hidden = false;
    status.textContent = "Showing the " + sorted.length + " services nearest to you, of " + rows.length +
      " services with a place. Services you can phone from anywhere are in the list below.";
  }

  button.addEventListener("click", function () {
    var data = new URL(box.getAttribute("data-near-me"), document.baseURI);
    var root = new URL("../", data);  // the JSON is in services/: page addresses in it start from the site's root
    status.textContent = "Finding where you are.";
    navigator.geolocation.getCurrentPosition(function (position) {
      fetch(data.href).then(function (response) { return response.json(); }).then(function (rows) {
        show(rows, position.coords, root);
      }).catch(function () { status.textContent = "Sorry, the list could not be loaded. Try again."; });
    }, function () {
      status.textContent = "We could not find where you are. You may have said no, or your device could not tell. " +
        "You can still choose an area in the filters.";
    }, { maximumAge: 600000, timeout: 20000 });
  });
})();
