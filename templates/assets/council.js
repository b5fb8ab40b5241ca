// Council page: the list of dates above the sections is the page's one date control.
// Without this script it already works: each link goes to its date's section, and the
// stylesheet shows only the section the address names (by default the latest). The script
// only marks, in the list, which date is shown.
(function () {
  "use strict";
  var nav = document.querySelector("[data-moment-nav]");
  var box = document.querySelector("[data-moments]");
  if (!nav || !box) return;
  var links = Array.prototype.slice.call(nav.querySelectorAll("a.moment-link"));
  var sections = Array.prototype.slice.call(box.querySelectorAll("section.moment"));
  if (!sections.length) return;

  function shown() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    for (var i = 0; i < sections.length; i++) {
      if (sections[i].id === id) return id;
    }
    // The latest: the last section (the page lists them oldest first).
    return sections[sections.length - 1].id;
  }
  function mark() {
    var id = shown();
    links.forEach(function (a) {
      if (a.getAttribute("href") === "#" + id) {
        a.setAttribute("aria-current", "true");
      } else {
        a.removeAttribute("aria-current");
      }
    });
  }
  window.addEventListener("hashchange", mark);
  mark();
})();
