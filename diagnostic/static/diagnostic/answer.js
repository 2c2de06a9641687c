// Saves each answer as it is typed (diagnostic:answer_save), and keeps what could not be
// sent in localStorage: after a lost connection or a closed tab, it is sent again when the
// browser is back online or the page opens again. Without this script the page's form
// saves every answer at once.
(function () {
  "use strict";
  var form = document.querySelector(".diagnostic-form");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var base = form.dataset.saveUrl.replace(/0\/$/, "");
  var token = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var key = "diagnostic-pending:" + base;
  var timers = {};

  function pending() {
    try { return JSON.parse(window.localStorage.getItem(key) || "{}"); } catch (e) { return {}; }
  }
  function keep(all) {
    try { window.localStorage.setItem(key, JSON.stringify(all)); } catch (e) { /* private mode */ }
  }
  function question(id) { return form.querySelector('[data-question="' + id + '"]'); }
  function say(id, text) {
    var fieldset = question(id);
    var out = fieldset && fieldset.querySelector(".diagnostic-saved");
    if (out) out.textContent = text;
  }
  function bodyOf(fieldset) {
    var body = new URLSearchParams();
    fieldset.querySelectorAll("input, textarea").forEach(function (el) {
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      body.append(el.name, el.value);
    });
    return body.toString();
  }
  function apply(id, body) {
    var fieldset = question(id);
    if (!fieldset) return;
    var values = new URLSearchParams(body);
    fieldset.querySelectorAll("input, textarea").forEach(function (el) {
      if (el.type === "radio" || el.type === "checkbox") {
        el.checked = values.getAll(el.name).indexOf(el.value) !== -1;
      } else if (values.has(el.name)) {
        el.value = values.get(el.name);
      }
    });
  }
  function send(id, body) {
    return window.fetch(base + id + "/", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": token },
      body: body,
    }).then(function (response) {
      return response.json().then(function (data) {
        var all = pending();
        if (all[id] === body) { delete all[id]; keep(all); }
        say(id, response.ok ? form.dataset.savedText : (data.error || ""));
      });
    }, function () {
      say(id, form.dataset.offlineText);
    });
  }
  function changed(fieldset, delay) {
    var id = fieldset.dataset.question;
    var all = pending();
    all[id] = bodyOf(fieldset);
    keep(all);
    window.clearTimeout(timers[id]);
    timers[id] = window.setTimeout(function () { send(id, all[id]); }, delay);
  }
  function flush() {
    var all = pending();
    Object.keys(all).forEach(function (id) { send(id, all[id]); });
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("[data-question]");
    if (fieldset) changed(fieldset, 0);
  });
  form.addEventListener("input", function (event) {
    var fieldset = event.target.closest("[data-question]");
    if (fieldset && event.target.tagName === "TEXTAREA") changed(fieldset, 800);
  });
  window.addEventListener("online", flush);
  var left = pending();
  Object.keys(left).forEach(function (id) { apply(id, left[id]); });
  flush();
})();
