/* The article review pane: open a claim by clicking its highlight, light up a
 * claim in the text and in the list together, and turn a text selection into
 * a new claim.
 *
 * Offsets: the server stores code-point offsets (Python string indices).
 * JavaScript strings count UTF-16 units, so a character outside the Basic
 * Multilingual Plane (an emoji, some CJK) is two units here and one there.
 * Every piece of text is rendered as <span class="fc-t" data-o="N"> where N is
 * the piece's code-point offset; a selection point is that N plus the number
 * of code points before it inside the piece.
 */
(function () {
  "use strict";

  function codePoints(str) {
    var count = 0;
    for (var i = 0; i < str.length; i++) {
      var unit = str.charCodeAt(i);
      // A high surrogate followed by a low one is one code point.
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < str.length) {
        var next = str.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
      count++;
    }
    return count;
  }

  function pieceOf(node) {
    var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return element ? element.closest(".fc-t, .fc-badge") : null;
  }

  // The code-point offset in the article of a DOM point (node, offset), or
  // null when the point is outside the article text.
  function offsetOf(root, node, offset) {
    if (!root.contains(node)) return null;
    if (node.nodeType === Node.TEXT_NODE) {
      var piece = pieceOf(node);
      if (!piece) return null;
      var base = parseInt(piece.getAttribute("data-o"), 10);
      if (piece.classList.contains("fc-badge")) return base; // badges take no room in the text
      return base + codePoints(node.data.slice(0, offset));
    }
    // A point between elements: the pieces are contiguous, so it is where the
    // first piece at or after it begins.
    var point = document.createRange();
    point.setStart(node, offset);
    point.collapse(true);
    var pieces = root.querySelectorAll(".fc-t");
    for (var i = 0; i < pieces.length; i++) {
      if (point.comparePoint(pieces[i], 0) >= 0) return parseInt(pieces[i].getAttribute("data-o"), 10);
    }
    var last = pieces[pieces.length - 1];
    return last ? parseInt(last.getAttribute("data-o"), 10) + codePoints(last.textContent) : null;
  }

  // The article's text between two code-point offsets, from the rendered pieces.
  function textBetween(root, start, end) {
    var out = "";
    var pieces = root.querySelectorAll(".fc-t");
    for (var i = 0; i < pieces.length; i++) {
      var p = pieces[i];
      var from = parseInt(p.getAttribute("data-o"), 10);
      var chars = Array.from(p.textContent);
      var to = from + chars.length;
      if (to <= start || from >= end) continue;
      out += chars.slice(Math.max(start, from) - from, Math.min(end, to) - from).join("");
    }
    return out;
  }

  function setup() {
    var root = document.getElementById("fc-text");
    if (!root) return;
    var list = document.querySelector(".fc-claim-list");

    function light(id, on) {
      var nodes = document.querySelectorAll('[data-claim="' + id + '"]');
      for (var i = 0; i < nodes.length; i++) nodes[i].classList.toggle("fc-hover", on);
    }

    // Click a highlight: open its claim (the innermost one under the pointer),
    // unless the click ends a text selection.
    root.addEventListener("click", function (event) {
      var selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      if (event.target.closest(".fc-badge")) return; // a real link
      var mark = event.target.closest(".fc-span[data-href]");
      if (mark) window.location.href = mark.getAttribute("data-href");
    });

    [root, list].forEach(function (area) {
      if (!area) return;
      area.addEventListener("mouseover", function (event) {
        var item = event.target.closest("[data-claim]");
        if (item) light(item.getAttribute("data-claim"), true);
      });
      area.addEventListener("mouseout", function (event) {
        var item = event.target.closest("[data-claim]");
        if (item) light(item.getAttribute("data-claim"), false);
      });
    });

    var form = document.getElementById("fc-add-claim");
    if (!form) return;
    var preview = document.getElementById("fc-selection-preview");
    var offsets = document.getElementById("fc-selection-offsets");

    function update() {
      var selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
      var range = selection.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) return;
      var start = offsetOf(root, range.startContainer, range.startOffset);
      var end = offsetOf(root, range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) return;
      var content = textBetween(root, start, end);
      if (!content.trim()) return;
      form.elements.start.value = start;
      form.elements.end.value = end;
      form.elements.content.value = content;
      preview.textContent = content;
      offsets.textContent = offsets.getAttribute("data-template").replace("%(start)s", start).replace("%(end)s", end);
      form.hidden = false;
    }

    root.addEventListener("mouseup", function () { window.setTimeout(update, 0); });
    root.addEventListener("keyup", function (event) { if (event.shiftKey) update(); });
    document.getElementById("fc-add-cancel").addEventListener("click", function () {
      form.hidden = true;
      var selection = window.getSelection();
      if (selection) selection.removeAllRanges();
    });

    // Exposed for the browser tests and for keyboard users' own scripts.
    window.fcReview = { offsetOf: offsetOf, textBetween: textBetween, update: update, root: root };
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
