/* DATAide Hub: the live bell. Without this file the bell is a plain link to the list.
   The database is the truth; websocket messages are hints, so after any reconnection the
   bell asks the server for what it missed (?after=<last id>). */
(function () {
  "use strict";
  var bell = document.querySelector("[data-bell]");
  var root = document.querySelector("[data-bell-root]");
  if (!bell || !root || !window.fetch || !window.WebSocket) return;

  var countEl = bell.querySelector("[data-bell-count]");
  var toasts = document.getElementById("toasts");
  var strings = {};
  var stringsTemplate = root.querySelector("template[data-bell-strings]");
  if (stringsTemplate) {
    stringsTemplate.content.querySelectorAll("[data-key]").forEach(function (el) {
      strings[el.getAttribute("data-key")] = el.textContent.trim();
    });
  }
  var baseTitle = document.title.replace(/^\(\d+\)\s+/, "");
  var unread = parseInt(countEl ? countEl.firstChild.nodeValue : "0", 10) || 0;
  var lastId = 0;
  var items = [];  // latest items, newest first, as the feed gives them
  var panel = null, list = null, statusEl = null;

  // ---- count, title -------------------------------------------------------------------
  function setUnread(value) {
    if (typeof value !== "number" || value < 0) return;
    unread = value;
    if (countEl) {
      countEl.firstChild.nodeValue = String(value);
      countEl.hidden = value === 0;
    }
    document.title = (value > 0 ? "(" + value + ") " : "") + baseTitle;
  }
  setUnread(unread);

  function remember(item) {
    if (item.id > lastId) lastId = item.id;
    items = items.filter(function (other) { return other.id !== item.id; });
    items.unshift(item);
    items = items.slice(0, 8);
  }

  // ---- HTTP -------------------------------------------------------------------------
  function post(url) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": bell.getAttribute("data-csrf"), Accept: "application/json" },
    }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
  }

  function feed(after) {
    var url = bell.getAttribute("data-feed-url") + (after ? "?after=" + after : "");
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
  }

  function openUrl(id) {
    // data-open-url is the URL for id 0: ".../notifications/0/ouvrir/".
    return bell.getAttribute("data-open-url").replace(/\/0\/(?=[^0-9]*$)/, "/" + Number(id) + "/");
  }

  // ---- dropdown -----------------------------------------------------------------------
  function buildPanel() {
    var template = root.querySelector("template[data-bell-panel]");
    root.appendChild(template.content.cloneNode(true));
    panel = root.querySelector(".bell-panel");
    list = panel.querySelector("[data-bell-items]");
    statusEl = panel.querySelector("[data-bell-status]");
    bell.setAttribute("role", "button");
    bell.setAttribute("aria-expanded", "false");
    bell.setAttribute("aria-controls", panel.id);
    panel.querySelector("[data-bell-mark-all]").addEventListener("click", markAllRead);
    list.addEventListener("click", onItemClick);
  }

  function render() {
    if (!panel) return;
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.className = "bell-item" + (item.read ? "" : " is-unread");
      a.href = item.url || bell.getAttribute("href");
      a.setAttribute("data-id", item.id);
      var text = document.createElement("span");
      text.textContent = item.text;  // never HTML: names and titles come from members
      a.appendChild(text);
      if (!item.read) {
        var badge = document.createElement("span");
        badge.className = "badge badge-accent";
        badge.textContent = strings["new"] || "New";
        a.appendChild(badge);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    statusEl.textContent = items.length ? "" : strings.empty || "";
  }

  function isOpen() { return panel && !panel.hidden; }

  function open() {
    if (!panel) buildPanel();
    panel.hidden = false;
    // On a phone the panel is fixed across the screen (bell.css), just under the bell.
    panel.style.top = window.matchMedia("(max-width: 40rem)").matches
      ? Math.round(bell.getBoundingClientRect().bottom + 4) + "px"
      : "";
    bell.setAttribute("aria-expanded", "true");
    render();
    panel.querySelector(".bell-panel-title").focus();
    feed().then(function (data) {
      items = [];
      data.items.slice().reverse().forEach(remember);
      setUnread(data.unread);
      render();
    }).catch(function () { statusEl.textContent = strings.error || ""; });
  }

  function close(returnFocus) {
    if (!isOpen()) return;
    panel.hidden = true;
    bell.setAttribute("aria-expanded", "false");
    if (returnFocus) bell.focus();
  }

  bell.addEventListener("click", function (event) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (isOpen()) close(true); else open();
  });
  bell.addEventListener("keydown", function (event) {
    if (event.key === " ") { event.preventDefault(); bell.click(); }
  });
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) { event.preventDefault(); close(true); }
  });
  root.addEventListener("focusout", function (event) {
    if (isOpen() && event.relatedTarget && !root.contains(event.relatedTarget)) close(false);
  });
  document.addEventListener("click", function (event) {
    if (isOpen() && !root.contains(event.target)) close(false);
  });

  function onItemClick(event) {
    var link = event.target.closest("a[data-id]");
    if (!link) return;
    var id = link.getAttribute("data-id");
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) {
      post(openUrl(id)).catch(function () {});
      return;
    }
    event.preventDefault();
    post(openUrl(id)).then(function (data) {
      setUnread(data.unread);
      window.location.href = data.url;
    }).catch(function () { window.location.href = link.href; });
  }

  function markAllRead() {
    post(bell.getAttribute("data-mark-all-url")).then(function (data) {
      setUnread(data.unread);
      items.forEach(function (item) { item.read = true; });
      render();
    }).catch(function () {});
  }

  // ---- toasts -------------------------------------------------------------------------
  function toast(item) {
    if (!toasts) return;
    // A collapsed row ("3 nouvelles réponses") replaces its own earlier toast.
    var previous = toasts.querySelector('.bell-toast[data-id="' + Number(item.id) + '"]');
    if (previous) previous.remove();
    var box = document.createElement("div");
    box.className = "toast bell-toast";
    box.setAttribute("data-id", item.id);
    var p = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = (strings.toast || "New notification") + " ";
    var a = document.createElement("a");
    a.href = item.url || bell.getAttribute("href");
    a.textContent = item.text;
    a.addEventListener("click", function (event) {
      event.preventDefault();
      post(openUrl(item.id)).then(function (data) { window.location.href = data.url; })
        .catch(function () { window.location.href = a.href; });
    });
    p.appendChild(strong);
    p.appendChild(document.createElement("br"));
    p.appendChild(a);
    var closeButton = document.createElement("button");
    closeButton.type = "button";
    closeButton.className = "bell-toast-close";
    closeButton.setAttribute("aria-label", strings.close || "Close");
    closeButton.textContent = "×";
    closeButton.addEventListener("click", function () { box.remove(); });
    box.appendChild(p);
    box.appendChild(closeButton);
    toasts.appendChild(box);
    while (toasts.children.length > 3) toasts.removeChild(toasts.firstChild);
    // Stays while hovered or focused (WCAG 2.2.2), then leaves on its own.
    var timer;
    function arm() { timer = setTimeout(function () { box.remove(); }, 10000); }
    box.addEventListener("mouseenter", function () { clearTimeout(timer); });
    box.addEventListener("focusin", function () { clearTimeout(timer); });
    box.addEventListener("mouseleave", arm);
    arm();
  }

  // ---- websocket ----------------------------------------------------------------------
  var socket = null, attempt = 0, retryTimer = null, pingTimer = null, pongTimer = null;
  var connectedOnce = false, stopped = false;
  // Reconnection waits at most 5 s (with jitter): after a restart of Redis or of a web
  // process, live delivery resumes within ~5 s (issue 16 asks 10 s; 30 s did not hold).
  var PING_EVERY = 25000, PONG_WITHIN = 10000, MAX_DELAY = 5000;

  function handle(message) {
    if (message.type === "pong") {
      clearTimeout(pongTimer);
    } else if (message.type === "notification") {
      var isNew = message.id > lastId;
      remember(message);
      if (typeof message.unread === "number") setUnread(message.unread);
      else if (isNew) setUnread(unread + 1);
      render();
      if (!message.read) toast(message);
    } else if (message.type === "read") {
      items.forEach(function (item) {
        if (message.ids === null || message.ids.indexOf(item.id) !== -1) item.read = true;
      });
      setUnread(message.unread);
      render();
    }
  }

  function catchUp() {
    var after = lastId;
    feed(after).then(function (data) {
      var fresh = data.items;  // oldest first when ?after= is given
      if (!after) fresh = fresh.slice().reverse();
      fresh.forEach(remember);
      setUnread(data.unread);
      render();
      if (after) {
        fresh.filter(function (item) { return !item.read; }).slice(-3).forEach(toast);
      }
    }).catch(function () {});
  }

  function heartbeat() {
    clearInterval(pingTimer);
    pingTimer = setInterval(function () {
      if (!socket || socket.readyState !== WebSocket.OPEN) return;
      socket.send(JSON.stringify({ type: "ping" }));
      clearTimeout(pongTimer);
      pongTimer = setTimeout(function () { drop(socket); }, PONG_WITHIN);
    }, PING_EVERY);
  }

  // A silent, half-open connection can take minutes to report its close: forget it now.
  function drop(ws) {
    if (ws !== socket) return;
    ws.onclose = ws.onmessage = ws.onerror = null;
    try { ws.close(); } catch (e) { /* already closed */ }
    socket = null;
    clearInterval(pingTimer);
    clearTimeout(pongTimer);
    schedule();
  }

  function schedule() {
    if (stopped || retryTimer) return;
    var delay = Math.min(MAX_DELAY, 1000 * Math.pow(2, attempt));
    delay = delay / 2 + Math.random() * delay / 2;  // jitter: tabs do not reconnect in step
    attempt += 1;
    retryTimer = setTimeout(function () { retryTimer = null; connect(); }, delay);
  }

  function connect() {
    if (stopped || socket) return;
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var ws = new WebSocket(scheme + window.location.host + bell.getAttribute("data-ws-path"));
    socket = ws;
    ws.onopen = function () {
      attempt = 0;
      heartbeat();
      // Catch up on what happened while offline (or since the page was rendered).
      catchUp();
      connectedOnce = true;
      bell.setAttribute("data-live", "true");
    };
    ws.onmessage = function (event) {
      try { handle(JSON.parse(event.data)); } catch (e) { /* not for us */ }
    };
    ws.onclose = function (event) {
      if (ws !== socket) return;
      socket = null;
      bell.setAttribute("data-live", "false");
      clearInterval(pingTimer);
      clearTimeout(pongTimer);
      if (event.code === 4401) { stopped = true; return; }  // signed out: stop trying
      schedule();
    };
  }

  function reconnectNow() {
    if (socket || stopped) return;
    clearTimeout(retryTimer);
    retryTimer = null;
    attempt = 0;
    connect();
  }
  window.addEventListener("online", reconnectNow);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") reconnectNow();
  });
  window.addEventListener("pagehide", function () { stopped = true; if (socket) socket.close(); });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { stopped = false; reconnectNow(); }
  });

  connect();
  window.hubBell = { state: function () { return { unread: unread, lastId: lastId, live: !!socket && socket.readyState === 1, connectedOnce: connectedOnce }; } };
})();
