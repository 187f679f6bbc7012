// absence-line staff pages. Without scripts the list reloads itself every
// 60 s (<noscript> meta refresh); with them, only the list's contents are
// fetched and swapped, so the scroll position stays and a message being
// played is not cut off.
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });

  var live = document.getElementById("live");
  if (!live || !window.fetch || !window.DOMParser) return;
  var url = live.getAttribute("data-refresh");

  function playing() {
    return Array.prototype.some.call(live.querySelectorAll("audio"), function (a) {
      return !a.paused && !a.ended;
    });
  }

  function refresh() {
    if (playing()) return;
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (res) {
        // A session that ended sends us to the login form: go there.
        if (res.redirected || res.status === 401) { window.location.href = res.url; return null; }
        return res.ok ? res.text() : null;
      })
      .then(function (html) {
        if (!html || playing()) return;
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("live");
        if (fresh) live.innerHTML = fresh.innerHTML;
      })
      .catch(function () { /* offline for a moment: try again next time */ });
  }

  setInterval(refresh, 60000);
})();
