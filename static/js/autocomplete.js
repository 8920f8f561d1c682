/*
 * Suggestions under the offer search fields (inputs with data-autocomplete="<suggestions URL>"): the
 * ARIA 1.2 combobox pattern with a listbox popup. Typing fetches /offres/suggestions (debounced);
 * Down and Up move through the options (aria-activedescendant, focus stays in the field), Enter opens
 * the chosen suggestion, Escape closes the list, leaving the field closes it too. Without a chosen
 * option, Enter submits the search form as usual. Without this script the fields are plain search fields.
 */
(function () {
  "use strict";

  if (!window.fetch) {
    return;
  }
  var KINDS = { metier: "Métier", employeur: "Employeur", offre: "Offre" };
  var DELAY = 250;

  function enhance(input, index) {
    var url = input.getAttribute("data-autocomplete");
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "metnum-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    input.insertAdjacentElement("afterend", list);
    input.parentNode.classList.add("metnum-combobox");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var suggestions = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastText = null;

    function options() {
      return list.querySelectorAll('[role="option"]');
    }

    function setActive(position) {
      var all = options();
      active = position;
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      if (active >= 0 && all[active]) {
        input.setAttribute("aria-activedescendant", all[active].id);
        all[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function open() {
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function render() {
      list.textContent = "";
      suggestions.forEach(function (suggestion, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "metnum-suggestions__option";
        option.appendChild(document.createTextNode(suggestion.label));
        var kind = document.createElement("span");
        kind.className = "metnum-suggestions__kind";
        kind.textContent = " — " + (KINDS[suggestion.kind] || suggestion.kind);
        option.appendChild(kind);
        option.addEventListener("click", function () {
          window.location.assign(suggestion.url);
        });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (suggestions.length && document.activeElement === input) {
        open();
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text === lastText) {
        open();
        return;
      }
      lastText = text;
      if (controller) {
        controller.abort();
      }
      if (text.length < 2) {
        suggestions = [];
        render();
        return;
      }
      controller = new AbortController();
      fetch(url + "?" + new URLSearchParams({ q: text }), { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          suggestions = (data.suggestions || []).slice(0, 8);
          render();
        })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var count = options().length;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (list.hidden) {
          open();
        }
        if (count) {
          setActive(active + 1 >= count ? 0 : active + 1);
        }
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) {
          open();
        }
        if (count) {
          setActive(active <= 0 ? count - 1 : active - 1);
        }
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0 && suggestions[active]) {
          event.preventDefault();
          window.location.assign(suggestions[active].url);
        } else {
          close();
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }
    });

    input.addEventListener("blur", function () {
      close();
    });
    // A click on an option must not blur the field first (the list would close before the click).
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
  }

  document.querySelectorAll("input[data-autocomplete]").forEach(enhance);
})();
