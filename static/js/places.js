/*
 * "Autour de la commune" on /offres/: fills the field's <datalist> with the communes whose name starts
 * with what is typed (/offres/communes), so that the browser proposes them as a native, accessible
 * list. Without this script the field takes a typed name, which the server looks up.
 */
(function () {
  "use strict";

  if (!window.fetch) {
    return;
  }
  var timer = null;

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field.matches || !field.matches("input[data-places]")) {
      return;
    }
    var list = document.getElementById(field.getAttribute("list"));
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = field.value.trim();
      if (!list || text.length < 2) {
        return;
      }
      fetch(field.dataset.places + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { communes: [] };
        })
        .then(function (data) {
          list.replaceChildren.apply(
            list,
            data.communes.map(function (label) {
              var option = document.createElement("option");
              option.value = label;
              return option;
            })
          );
        })
        .catch(function () {});
    }, 150);
  });
})();
