// Makes live pages live (issue 12); every page works without it (a refresh shows the same state).
// - Listens to the page's Server-Sent Events stream (data-events, with ?after= the last event the page already shows);
//   the browser resumes with Last-Event-ID after a dropped connection. Events carry no answers or results: on one the
//   page reloads what its viewer may see. Answers coming in reload a facilitator's page at most every 3 seconds; a page
//   with a form being filled in is not reloaded under the person's hands, it shows a note instead.
// - On a participant's phone: says "offline" when the network goes, keeps an answer sent while offline and sends it
//   when the network is back.
(function () {
  "use strict";
  var root = document.querySelector(".live[data-events]");
  if (!root) return;
  var participant = root.classList.contains("participant");
  var offline = root.querySelector(".offline");
  var dirty = false;
  var timer = null;
  var last = 0;
  var busy = { "submission": 1, "idea.added": 1, "participant.waiting": 1 };
  document.addEventListener("input", function () { dirty = true; });
  function reload(delay) {
    if (timer) return;
    timer = setTimeout(function () {
      timer = null;
      if (dirty) {
        if (offline) { offline.hidden = false; offline.textContent = root.getAttribute("data-changed") || "…"; }
        return;
      }
      last = Date.now();
      window.location.reload();
    }, delay);
  }
  if (window.EventSource) {
    var source = new EventSource(root.getAttribute("data-events"));
    source.onmessage = function (message) {
      var kind = "";
      try { kind = JSON.parse(message.data).kind || ""; } catch (e) { kind = ""; }
      if (busy[kind] && !participant) {
        reload(Math.max(300, 3000 - (Date.now() - last)));
      } else {
        reload(300);
      }
    };
  }
  if (!participant) return;
  var key = "cttech-live-pending";
  function show(isOffline) { if (offline) offline.hidden = !isOffline; }
  function flush() {
    var pending = null;
    try { pending = JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { pending = null; }
    if (!pending || !navigator.onLine) return;
    fetch(pending.action, {
      method: "POST", credentials: "same-origin", body: pending.body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      if (response.ok || response.redirected || response.status < 500) {
        window.localStorage.removeItem(key);
        dirty = false;
        window.location.reload();
      }
    }).catch(function () { show(true); });
  }
  window.addEventListener("offline", function () { show(true); });
  window.addEventListener("online", function () { show(false); flush(); });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (navigator.onLine) { dirty = false; return; }
    event.preventDefault();
    var body = new URLSearchParams(new FormData(form)).toString();
    window.localStorage.setItem(key, JSON.stringify({ action: form.getAttribute("action").split("#")[0], body: body }));
    show(true);
  });
  show(!navigator.onLine);
  flush();
})();
