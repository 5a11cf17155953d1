/* frontier-mapper: if a script or stylesheet of this page fails to arrive (a --cdn
 * page opened without internet), say so in plain words instead of a white page. */
(function () {
  "use strict";
  var failed = [];
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && (t.tagName === "SCRIPT" || t.tagName === "LINK")) {
      failed.push(String(t.src || t.href || ""));
    }
  }, true);
  window.addEventListener("load", function () {
    if (typeof window.L === "object" && !failed.length) { return; }
    var box = document.createElement("div");
    box.className = "fm-asset-error";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;top:10px;left:50%;transform:translateX(-50%);" +
      "z-index:10000;max-width:560px;padding:12px 16px;background:#fff3cd;color:#5c3d00;" +
      "border:1px solid #c99a2e;border-radius:6px;font:14px/1.4 system-ui,sans-serif;" +
      "box-shadow:0 2px 8px rgba(0,0,0,.3)";
    var n = failed.length;
    box.textContent = "This map could not load " +
      (n ? n + " of its script or style files" : "its map library (Leaflet)") +
      ". It was saved with --cdn and needs an internet connection: open it online, " +
      "or rebuild it without --cdn to get a file that works offline." +
      (n ? " Missing: " + failed.join(", ") : "");
    document.body.appendChild(box);
  });
})();
