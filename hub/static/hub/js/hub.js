/* DATAide Hub: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";
  // Navigation disclosure on phones.
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      nav.classList.toggle("is-open", !open);
    });
  }
  // "Print this page" buttons (resources).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // Wide screens show the library's filters beside the results; phones keep them folded.
  if (window.matchMedia("(min-width: 56rem)").matches) {
    document.querySelectorAll("[data-filters]").forEach(function (el) { el.open = true; });
  }
  // Library filters: each choice refreshes the other filters' counts at once (the same page
  // fetched with the choices made so far), so two choices never add up to no result. The
  // page itself changes only when "Apply filters" is pressed.
  document.querySelectorAll("[data-filters] form").forEach(function (form) {
    var latest = 0;
    form.addEventListener("change", function (event) {
      if (!event.target.matches("select")) return;
      var ticket = ++latest;
      var params = new URLSearchParams(new FormData(form));
      fetch(form.action + "?" + params.toString(), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (!html || ticket !== latest) return;
          var fresh = new DOMParser().parseFromString(html, "text/html");
          form.querySelectorAll("select[id]").forEach(function (select) {
            var other = fresh.getElementById(select.id);
            if (!other) return;
            select.replaceChildren.apply(select, Array.prototype.map.call(other.options, function (option) {
              return document.importNode(option, true);
            }));
          });
        })
        .catch(function () { /* the counts stay as they were; the form still works */ });
    });
  });
  // Close the account menu with Escape, returning focus to its summary.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details[open].account-menu").forEach(function (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  });
  // Organisation suggestions: a native <datalist> filled from the search endpoint.
  document.querySelectorAll("input[data-organisation-search]").forEach(function (input) {
    var list = document.createElement("datalist");
    list.id = input.id + "-suggestions";
    input.after(list);
    input.setAttribute("list", list.id);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) return;
      timer = setTimeout(function () {
        fetch(input.dataset.organisationSearch + "?q=" + encodeURIComponent(query), {
          headers: { Accept: "application/json" }, credentials: "same-origin"
        })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.results.map(function (row) {
              var option = document.createElement("option");
              option.value = row.name;
              option.label = row.region;
              return option;
            }));
          })
          .catch(function () { /* suggestions are a convenience; typing still works */ });
      }, 200);
    });
  });
})();
