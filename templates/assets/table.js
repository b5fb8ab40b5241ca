// Comparison tables: filter by topic in place, show only rows where the Parliament and
// the Council differ, choose columns, switch marked changes off, copy permalinks.
// Every row and cell is in the HTML; this only hides and shows.
(function () {
  "use strict";
  var table = document.querySelector("table.comparison");
  var controls = document.querySelector(".table-controls");
  if (controls) controls.hidden = false;
  var rows = table ? Array.prototype.slice.call(table.querySelectorAll("tbody tr[id]")) : [];
  // The strip above the table ("where they differ") follows the same filters.
  var marks = Array.prototype.slice.call(document.querySelectorAll(".glance-row"));
  // A table of every row filters by topic in place. A topic page holds one topic's rows:
  // its topic buttons are links to the other topic pages, and the current one stays
  // marked as the page says.
  var inPlace = !!table && table.getAttribute("data-scope") === "all";
  document.querySelectorAll("nav[data-in-place]").forEach(function (nav) { nav.hidden = !inPlace; });
  var state = { topic: "", differ: false };

  function matches(el) {
    var topics = (el.getAttribute("data-topics") || "").split(" ");
    var okTopic = !state.topic || topics.indexOf(state.topic) !== -1;
    // "Unknown" (not enough known to compare) is not "differ": it is counted apart.
    var okDiffer = !state.differ || el.getAttribute("data-differ") === "yes";
    return okTopic && okDiffer;
  }

  function apply() {
    rows.forEach(function (row) { row.hidden = !matches(row); });
    marks.forEach(function (li) { li.hidden = !matches(li); });
    if (inPlace) {
      document.querySelectorAll("a[data-filter-topic]").forEach(function (a) {
        if (a.getAttribute("data-filter-topic") === state.topic) a.setAttribute("aria-current", "page");
        else a.removeAttribute("aria-current");
      });
    }
    var count = document.getElementById("row-count");
    if (count) {
      // The words come from the page (the catalogue of its language), with {shown},
      // {total} and {count} to fill in.
      var shown = rows.filter(function (r) { return !r.hidden; }).length;
      var text = (count.getAttribute("data-shown") || "{shown} / {total}")
        .replace("{shown}", shown).replace("{total}", rows.length);
      if (state.differ) {
        var unknown = rows.filter(function (r) {
          var topics = (r.getAttribute("data-topics") || "").split(" ");
          return (!state.topic || topics.indexOf(state.topic) !== -1) && r.getAttribute("data-differ") === "unknown";
        }).length;
        if (unknown) text += (count.getAttribute("data-unknown") || "; {count} ?").replace("{count}", unknown);
      }
      count.textContent = text;
    }
  }

  function fromHash() {
    var m = /(?:^#|&)topic=([a-z0-9-]*)/.exec(window.location.hash);
    state.topic = m ? m[1] : state.topic;
  }

  if (rows.length) {
    if (inPlace) document.querySelectorAll("a[data-filter-topic]").forEach(function (a) {
      a.addEventListener("click", function (e) {
        e.preventDefault();
        state.topic = a.getAttribute("data-filter-topic") || "";
        if (window.history && window.history.replaceState) {
          window.history.replaceState(null, "", state.topic ? "#topic=" + state.topic : window.location.pathname);
        }
        apply();
      });
    });
    var differ = document.getElementById("filter-differ");
    if (differ) differ.addEventListener("change", function () { state.differ = differ.checked; apply(); });
    document.querySelectorAll("input[data-toggle-column]").forEach(function (box) {
      box.addEventListener("change", function () {
        table.classList.toggle("hide-col-" + box.getAttribute("data-toggle-column"), !box.checked);
      });
    });
    if (inPlace && /topic=/.test(window.location.hash)) fromHash();
    apply();
  }

  var toggle = document.getElementById("toggle-marks");
  if (toggle) toggle.addEventListener("change", function () { document.body.classList.toggle("marks-off", !toggle.checked); });

  // A copy button beside every permalink, in the words of the page's language (data-*
  // attributes of <body>, from the catalogue).
  var data = document.body.dataset;
  var words = {
    copy: data.copyLink || "Copy link",
    copied: data.copied || "Copied",
    copyRow: data.copyRow || "Copy link to this row",
    copyParagraph: data.copyParagraph || "Copy link to this paragraph",
    copySection: data.copySection || "Copy link to this section"
  };
  document.querySelectorAll("a.permalink").forEach(function (a) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = words.copy;
    // The accessible name starts with the visible text, as WCAG 2.5.3 asks.
    button.setAttribute("aria-label", a.closest("tr") ? words.copyRow : a.classList.contains("par-link") ? words.copyParagraph : words.copySection);
    button.addEventListener("click", function () {
      var url = new URL(a.getAttribute("href"), window.location.href).href;
      var done = function () { button.textContent = words.copied; setTimeout(function () { button.textContent = words.copy; }, 1500); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, function () {});
    });
    a.insertAdjacentElement("afterend", button);
  });
})();
