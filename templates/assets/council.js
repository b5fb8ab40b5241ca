// Council page: a date slider that shows one date's map and tally at a time.
// The page works without it: every date is a section of its own.
(function () {
  "use strict";
  var box = document.querySelector("[data-moments]");
  if (!box) return;
  var sections = Array.prototype.slice.call(box.querySelectorAll("section.moment")).reverse();
  if (sections.length < 2) return;
  var wrap = document.createElement("div");
  wrap.className = "slider";
  var label = document.createElement("label");
  label.setAttribute("for", "moment-slider");
  label.textContent = "Date: ";
  var input = document.createElement("input");
  input.type = "range";
  input.id = "moment-slider";
  input.min = "0";
  input.max = String(sections.length - 1);
  input.step = "1";
  var output = document.createElement("output");
  output.setAttribute("for", "moment-slider");
  wrap.appendChild(label);
  wrap.appendChild(input);
  wrap.appendChild(output);
  box.parentNode.insertBefore(wrap, box);

  function show(index) {
    sections.forEach(function (s, i) { s.hidden = i !== index; });
    input.value = String(index);
    output.textContent = sections[index].getAttribute("data-label");
    input.setAttribute("aria-valuetext", output.textContent);
  }
  function fromHash() {
    var id = window.location.hash.slice(1);
    for (var i = 0; i < sections.length; i++) {
      if (sections[i].id === id) return i;
    }
    return sections.length - 1;
  }
  input.addEventListener("input", function () {
    var i = Number(input.value);
    show(i);
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "#" + sections[i].id);
    }
  });
  window.addEventListener("hashchange", function () { show(fromHash()); });
  show(fromHash());
})();
