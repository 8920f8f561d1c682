/*
 * /offres/ without full reloads: a ticked box, a radio or the sort order applies at once; the form's
 * submit, the removable tags, "Effacer les filtres" and the pagination load in place too. The page is
 * fetched whole at the same URL a form submit would reach, and the marked regions are swapped; the
 * address follows (history.pushState, back and forward work), focus stays on the control that changed
 * and the #total-offres live region announces the new count. Without this script, the GET form and its
 * buttons do the same with full page loads.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-offer-search]");
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams || !history.pushState) {
    return;
  }
  var live = document.getElementById("total-offres");
  var pending = null;

  function formUrl() {
    var params = new URLSearchParams();
    var data = new FormData(form);
    var hasText = String(data.get("q") || "").trim() !== "";
    data.forEach(function (value, key) {
      // Empty fields and the default sort stay out of the address, as in the page's own links.
      var isDefaultSort = key === "tri" && value === (hasText ? "pertinence" : "date");
      // The radius only means something around a commune.
      var isIdleRadius = key === "rayon" && String(data.get("autour") || "").trim() === "";
      if (String(value).trim() !== "" && !isDefaultSort && !isIdleRadius) {
        params.append(key, value);
      }
    });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function focusAfterSwap(id) {
    var target = id && document.getElementById(id);
    if (!target) {
      target = document.getElementById("resultats");
    }
    var details = target.closest("details");
    if (details) {
      details.open = true;
    }
    target.focus({ preventScroll: target.id !== "resultats" });
    if (target.id === "resultats") {
      target.scrollIntoView({ block: "start" });
    }
  }

  function swap(html, focusId) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    document.querySelectorAll("[data-search-region]").forEach(function (region) {
      var next = fresh.querySelector('[data-search-region="' + region.dataset.searchRegion + '"]');
      if (next) {
        region.innerHTML = next.innerHTML;
      }
    });
    document.querySelectorAll("[data-search-copy]").forEach(function (element) {
      var next = fresh.getElementById(element.id);
      if (next) {
        element.innerHTML = next.innerHTML;
      }
    });
    var text = fresh.getElementById("champ-recherche-offres");
    var field = document.getElementById("champ-recherche-offres");
    if (text && field && document.activeElement !== field) {
      field.value = text.value;
    }
    ["application/rss+xml", "application/atom+xml"].forEach(function (type) {
      var selector = 'link[rel="alternate"][type="' + type + '"]';
      var current = document.querySelector(selector);
      var next = fresh.querySelector(selector);
      if (current && next) {
        current.href = next.getAttribute("href");
      }
    });
    document.title = fresh.title;
    focusAfterSwap(focusId);
    // Changing the content of the live region is what screen readers announce.
    var count = fresh.getElementById("total-offres");
    if (live && count) {
      live.innerHTML = count.innerHTML;
    }
  }

  function load(url, focusId, push) {
    if (pending) {
      pending.abort();
    }
    var controller = new AbortController();
    pending = controller;
    form.setAttribute("aria-busy", "true");
    fetch(url, { signal: controller.signal, headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        if (push) {
          history.pushState({ offerSearch: true }, "", url);
        }
        swap(html, focusId);
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          window.location.assign(url);
        }
      })
      .finally(function () {
        if (pending === controller) {
          pending = null;
          form.removeAttribute("aria-busy");
        }
      });
  }

  history.replaceState({ offerSearch: true }, "", window.location.href);

  form.addEventListener("change", function (event) {
    var control = event.target;
    // Text and number fields apply when the form is submitted (Enter or a button), not on blur.
    if (control.type === "checkbox" || control.type === "radio" || control.tagName === "SELECT") {
      load(formUrl(), control.id, true);
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var submitter = event.submitter || document.activeElement;
    load(formUrl(), submitter && submitter.id, true);
  });

  form.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== window.location.pathname || !url.search && url.hash) {
      return;
    }
    event.preventDefault();
    load(url.pathname + url.search, null, true);
  });

  window.addEventListener("popstate", function (event) {
    if (event.state && event.state.offerSearch) {
      load(window.location.pathname + window.location.search, null, false);
    }
  });
})();
