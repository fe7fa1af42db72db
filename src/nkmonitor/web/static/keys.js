// Review queue keyboard shortcuts: j/k move, a accept, r reject, e edit. No framework.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-review-item]"));
  if (!rows.length) return;
  var current = 0;
  function focusRow(i) {
    if (i < 0 || i >= rows.length) return;
    current = i;
    rows[i].focus();
    rows[i].scrollIntoView({block: "nearest"});
  }
  rows.forEach(function (row, i) {
    row.addEventListener("focus", function () { current = i; });
  });
  function press(action) {
    var row = rows[current];
    if (!row) return;
    if (action === "edit") {
      var link = row.querySelector("[data-action=edit]");
      if (link) link.click();
      return;
    }
    var button = row.querySelector("button[data-action=" + action + "]");
    if (button) button.click();
  }
  document.addEventListener("keydown", function (ev) {
    var tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var handled = true;
    switch (ev.key) {
      case "j": focusRow(current + 1); break;
      case "k": focusRow(current - 1); break;
      case "a": press("accept"); break;
      case "r": press("reject"); break;
      case "e": press("edit"); break;
      default: handled = false;
    }
    if (handled) ev.preventDefault();
  });
  var start = rows.indexOf(document.querySelector("[data-review-item][data-focus]"));
  focusRow(start >= 0 ? start : 0);
})();
