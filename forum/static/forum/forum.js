/* Forum editor: a small Markdown toolbar, a preview rendered by the server (the same
   sanitiser as published posts), drafts kept in localStorage, @mention suggestions.
   Everything here is optional: the plain textarea and form work without JavaScript. */
(function () {
  "use strict";
  var i18nNode = document.getElementById("forum-i18n");
  if (!i18nNode) return;
  var T = JSON.parse(i18nNode.textContent);
  var csrf = (document.cookie.match(/(?:^|; )csrftoken=([^;]+)/) || [])[1] || "";

  // Only the words between the markers end up selected (the placeholder, or what was
  // selected): typing then replaces them and keeps the markers.
  function wrap(area, before, after, placeholder) {
    var start = area.selectionStart, end = area.selectionEnd;
    var text = area.value.slice(start, end) || placeholder || "";
    area.setRangeText(before + text + after, start, end, "end");
    area.setSelectionRange(start + before.length, start + before.length + text.length);
    area.focus();
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }
  function prefixLines(area, prefix) {
    var start = area.value.lastIndexOf("\n", area.selectionStart - 1) + 1;
    var end = area.selectionEnd;
    var block = area.value.slice(start, end) || "";
    area.setRangeText(block.split("\n").map(function (l) { return prefix + l; }).join("\n"), start, end, "end");
    area.focus();
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  var ACTIONS = [
    ["bold", "", function (a) { wrap(a, "**", "**", T.bold); }],
    ["italic", "", function (a) { wrap(a, "*", "*", T.italic); }],
    ["link", "", function (a) {
      var url = window.prompt(T.link, "https://");
      if (url) wrap(a, "[", "](" + url + ")", T.link);
    }],
    ["quote", "", function (a) { prefixLines(a, "> "); }],
    ["list", "", function (a) { prefixLines(a, "- "); }],
    ["code", "", function (a) { wrap(a, "`", "`", ""); }]
  ];

  function setupEditor(root) {
    var area = root.querySelector("textarea");
    var bar = root.querySelector("[data-md-toolbar]");
    var preview = root.querySelector("[data-md-preview]");
    if (!area || !bar) return;
    ACTIONS.forEach(function (action) {
      var b = document.createElement("button");
      b.type = "button"; b.textContent = T[action[0]];
      b.addEventListener("click", function () { action[2](area); });
      bar.appendChild(b);
    });
    var toggle = document.createElement("button");
    toggle.type = "button"; toggle.textContent = T.preview; toggle.setAttribute("aria-pressed", "false");
    toggle.addEventListener("click", function () {
      var showing = toggle.getAttribute("aria-pressed") === "true";
      if (showing) {
        preview.hidden = true; area.hidden = false; toggle.textContent = T.preview;
        toggle.setAttribute("aria-pressed", "false"); area.focus(); return;
      }
      var body = new URLSearchParams(); body.set("text", area.value);
      fetch(T.previewUrl, { method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRFToken": decodeURIComponent(csrf) } })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          if (data.error) preview.textContent = data.error; // too many previews (429)
          else preview.innerHTML = data.html || "<p>" + T.nothing + "</p>"; // sanitised by the server
          preview.hidden = false; area.hidden = true; toggle.textContent = T.write;
          toggle.setAttribute("aria-pressed", "true");
        });
    });
    bar.appendChild(toggle);
    bar.hidden = false;
    setupLinkPaste(area);
    setupDraft(area);
    setupMentions(area, root);
  }

  // Pasting a web address over selected words makes them a link: [words](address).
  function setupLinkPaste(area) {
    area.addEventListener("paste", function (event) {
      var text = (event.clipboardData || window.clipboardData).getData("text").trim();
      var start = area.selectionStart, end = area.selectionEnd;
      if (start === end || !/^https?:\/\/\S+$/.test(text)) return;
      event.preventDefault();
      area.setRangeText("[" + area.value.slice(start, end) + "](" + text + ")", start, end, "end");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  function setupDraft(area) {
    var form = area.form;
    if (!form || !form.dataset.draftKey || !window.localStorage) return;
    var key = "forum-draft:" + form.dataset.draftKey;
    var note = document.createElement("p"); note.className = "md-draft-note"; note.setAttribute("aria-live", "polite");
    area.parentNode.appendChild(note);
    var subject = form.querySelector("input[name=subject]:not([type=hidden])");
    try {
      var saved = JSON.parse(localStorage.getItem(key) || "null");
      if (saved && saved.content && !area.value.trim()) {
        area.value = saved.content;
        if (subject && saved.subject && !subject.value.trim()) subject.value = saved.subject;
        note.textContent = T.restored;
      }
    } catch (e) { /* storage refused or old format: no drafts */ }
    var timer;
    function save() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        try {
          if (area.value.trim()) {
            localStorage.setItem(key, JSON.stringify({
              content: area.value, subject: subject ? subject.value : "" }));
            note.textContent = T.draft;
          } else localStorage.removeItem(key);
        } catch (e) { /* full or refused */ }
      }, 400);
    }
    area.addEventListener("input", save);
    if (subject) subject.addEventListener("input", save);
    // The draft is dropped when the page after a successful submit loads (see below).
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (!submitter || submitter.name !== "preview") sessionStorage.setItem("forum-sent", key);
    });
  }
  // A form re-rendered with errors keeps its text in the textarea; a redirect after success
  // lands on a page without that form: only then is the draft removed.
  (function clearSentDraft() {
    var sent = sessionStorage.getItem("forum-sent");
    if (!sent) return;
    sessionStorage.removeItem("forum-sent");
    if (!document.querySelector(".errorlist")) { try { localStorage.removeItem(sent); } catch (e) {} }
  })();

  function setupMentions(area, root) {
    var list = document.createElement("ul"); list.className = "mention-list"; list.hidden = true;
    root.appendChild(list);
    var timer;
    area.addEventListener("input", function () {
      clearTimeout(timer);
      var before = area.value.slice(0, area.selectionStart);
      // What follows "@": the start of a handle, a display name or a first name.
      var m = before.match(/(?:^|[\s(])@([\wÀ-ÿ'.-]{2,30})$/);
      if (!m) { list.hidden = true; return; }
      timer = setTimeout(function () {
        fetch(T.membersUrl + "?q=" + encodeURIComponent(m[1]), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) {
            list.innerHTML = "";
            data.results.forEach(function (member) {
              var li = document.createElement("li"), b = document.createElement("button");
              // "Nadia B. — Cuisine collective (@nadia.b)": the handle names one person.
              b.type = "button"; b.textContent = member.label;
              b.addEventListener("click", function () {
                var pos = area.selectionStart, start = pos - m[1].length - 1;
                area.setRangeText("@" + member.handle + " ", start, pos, "end");
                list.hidden = true; area.focus();
                area.dispatchEvent(new Event("input", { bubbles: true }));
              });
              li.appendChild(b); list.appendChild(li);
            });
            list.hidden = data.results.length === 0;
          });
      }, 200);
    });
  }

  document.querySelectorAll("[data-md-root]").forEach(setupEditor);

  // Live topic: a reply published while you read shows a "1 new reply" bar; clicking it
  // appends the reply to the list, and whatever you were typing stays where it is.
  (function liveTopic() {
    var list = document.getElementById("posts");
    if (!list || !list.dataset.live || !window.WebSocket) return;
    var pending = [];
    var bar = document.createElement("div"); bar.className = "live-bar"; bar.hidden = true;
    bar.setAttribute("role", "status");
    var button = document.createElement("button"); button.type = "button"; button.className = "button";
    bar.appendChild(button);
    list.parentNode.insertBefore(bar, list.nextSibling);
    function label() {
      button.textContent = pending.length === 1 ? T.newReplyOne
        : T.newReplyMany.replace("%(count)s", String(pending.length));
    }
    function connect(delay) {
      var scheme = location.protocol === "https:" ? "wss://" : "ws://";
      var ws = new WebSocket(scheme + location.host + "/ws/forum/topic/" + list.dataset.topic + "/");
      ws.onopen = function () { delay = 1000; };
      ws.onmessage = function (event) {
        var data = JSON.parse(event.data);
        if (data.type !== "post" || pending.indexOf(data.id) >= 0) return;
        if (document.getElementById(String(data.id))) return;
        pending.push(data.id); label(); bar.hidden = false;
      };
      ws.onclose = function (event) {
        if (event.code === 4401 || event.code === 4403) return;
        setTimeout(function () { connect(Math.min(delay * 2, 30000)); }, delay);
      };
    }
    button.addEventListener("click", function () {
      var ids = pending.slice(); pending = []; bar.hidden = true;
      ids.reduce(function (chain, id) {
        return chain.then(function () {
          return fetch(T.fragmentUrl.replace("/0/", "/" + id + "/"), { credentials: "same-origin" })
            .then(function (r) { return r.ok ? r.text() : ""; })
            .then(function (html) {
              if (html && !document.getElementById(String(id))) list.insertAdjacentHTML("beforeend", html);
            });
        });
      }, Promise.resolve()).then(function () {
        var last = document.getElementById(String(ids[ids.length - 1]));
        if (last) { last.setAttribute("tabindex", "-1"); last.focus(); }
      });
    });
    connect(1000);
  })();
})();
