// The « Qualité de l'offre » side panel of the offer editor: posts the form as typed to the server,
// which runs the quality rules (jobs/quality.py), and shows the checks it sends back. Progressive
// enhancement: without JavaScript the panel shows the checks of the offer as last saved.
(function () {
function startOfferQuality() {
  var DELAY_MS = 700;
  var panel = document.querySelector("[data-offer-quality]");
  var form = document.querySelector("form[data-edit-form]");
  if (!panel || !form || !window.fetch) return;
  var result = panel.querySelector("[data-offer-quality-result]");
  var announce = panel.querySelector("[data-offer-quality-announce]");
  var note = panel.querySelector("[data-offer-quality-note]");
  var timer = null;
  var sent = 0;

  function updateCounter(failed) {
    var counter = document.querySelector('[data-side-panel-toggle="qualite"] [data-side-panel-toggle-counter]');
    if (!counter) return;
    counter.textContent = failed;
    counter.hidden = failed === 0;
  }

  function refresh() {
    var number = ++sent;
    fetch(panel.dataset.offerQualityUrl, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        if (number !== sent) return; // a later request answers for newer input
        result.innerHTML = data.html; // rendered and escaped by the server's template
        if (note) note.textContent = "Le score de l'offre telle que saisie, avant enregistrement.";
        var failed = data.checks.filter(function (check) { return !check.passed; }).length;
        updateCounter(failed);
        announce.textContent = "Qualité de l'offre : " + data.score + " sur 100, " + data.band_label + ".";
      })
      .catch(function () {
        if (note) note.textContent = "La mise à jour du score a échoué ; il sera recalculé à l'enregistrement.";
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, DELAY_MS);
  }

  ["input", "change", "keyup"].forEach(function (type) {
    form.addEventListener(type, schedule);
  });
}

// Wagtail adds the editor's scripts in the page's head: wait for the form.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", startOfferQuality);
} else {
  startOfferQuality();
}
})();
