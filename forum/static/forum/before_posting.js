/* "Before posting", live: as the title of a new question is typed, ask the server which
   resources and solved discussions may answer it (debounced) and list them above the form.
   Written with textContent only. Without this script the form shows the same list as a
   step after the first submit; once the list was shown here, that step is skipped. */
(function () {
  "use strict";
  var box = document.getElementById("before-posting-live");
  var title = document.getElementById("id_subject");
  if (!box || !title || !window.fetch) return;
  var form = title.form;
  var timer = null, last = "", controller = null;

  function link(hit, solved) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = hit.url;
    a.textContent = hit.title;
    li.appendChild(a);
    if (solved) {
      var badge = document.createElement("span");
      badge.className = "badge badge-ok";
      badge.textContent = box.dataset.solved;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(badge);
    }
    return li;
  }

  function show(data) {
    var hits = (data.resources || []).length + (data.discussions || []).length;
    box.textContent = "";
    if (!hits) { box.hidden = true; return; }
    var heading = document.createElement("h2");
    heading.className = "h3";
    heading.textContent = box.dataset.heading;
    box.appendChild(heading);
    var list = document.createElement("ul");
    (data.resources || []).forEach(function (hit) { list.appendChild(link(hit, false)); });
    (data.discussions || []).forEach(function (hit) { list.appendChild(link(hit, true)); });
    box.appendChild(list);
    box.hidden = false;
    if (form && !form.querySelector("input[name=suggested]")) {
      var seen = document.createElement("input");
      seen.type = "hidden";
      seen.name = "suggested";
      seen.value = "1";
      form.appendChild(seen);
    }
  }

  function ask() {
    var text = title.value.trim();
    if (text === last) return;
    last = text;
    if (text.length < 8) { box.hidden = true; return; }
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    var url = box.dataset.url + "?q=" + encodeURIComponent(text);
    fetch(url, { credentials: "same-origin", signal: controller ? controller.signal : undefined })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) show(data); })
      .catch(function () {});
  }

  title.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  });
})();
