// "Copier le lien" on offer pages. Progressive enhancement: without JavaScript (or without the
// Clipboard API) the button stays hidden and the address field above it can be selected and copied.
(function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    var share = button.closest("[data-share]");
    var status = share && share.querySelector("[data-copy-status]");
    button.closest("[data-copy-item]").hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.copyLink).then(
        function () { if (status) status.textContent = "Lien copié dans le presse-papiers."; },
        function () { if (status) status.textContent = "La copie a échoué : sélectionnez l'adresse ci-dessus et copiez-la."; }
      );
    });
  });
})();
