// Search box: queries the Pagefind index under pagefind/. Results are built as DOM
// nodes from text, so nothing in the index can become markup.
(function () {
  "use strict";
  var form = document.querySelector("form[role=search]");
  var input = document.getElementById("search-input");
  var box = document.getElementById("search-results");
  if (!form || !input || !box) return;
  form.hidden = false;
  var root = new URL(form.getAttribute("data-root") || "", window.location.href);
  var pagefind = null;
  var timer = null;
  var generation = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return Promise.resolve(pf.options ? pf.options({ baseUrl: root.pathname }) : null).then(function () {
          // A large site is indexed in shards (pagefind/shards.json lists all but the
          // first); merge them into one search.
          return fetch(new URL("pagefind/shards.json", root).href)
            .then(function (r) { return r.ok ? r.json() : []; })
            .catch(function () { return []; })
            .then(function (shards) {
              return Promise.all(shards.map(function (dir) {
                return pf.mergeIndex(new URL(dir, root).href, { baseUrl: root.pathname });
              }));
            })
            .then(function () { return pf; });
        });
      });
    }
    return pagefind;
  }

  // Pagefind excerpts mark matches with <mark>; keep only the text and those marks.
  function excerpt(html) {
    var p = document.createElement("p");
    p.className = "search-result-excerpt";
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var m = document.createElement("mark");
        m.textContent = node.textContent;
        p.appendChild(m);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function link(url) {
    var a = document.createElement("a");
    a.href = new URL(String(url || "").replace(/^\//, ""), root).href;
    return a;
  }

  function badge(text) {
    var span = document.createElement("span");
    span.className = "search-result-institution";
    span.textContent = text;
    return span;
  }

  // A result is a page (a provision, the Council page, a source...). Its sub-results are
  // the sections where the words were found: for a provision, each institution's position,
  // so one provision is one result with the institution named in each snippet.
  function show(results, query) {
    box.textContent = "";
    if (!query) return;
    if (!results.length) {
      var none = document.createElement("p");
      none.className = "search-none";
      none.textContent = (form.getAttribute("data-none") || "\u201c{query}\u201d: 0").replace("{query}", query);
      box.appendChild(none);
      return;
    }
    results.forEach(function (r) {
      var meta = r.meta || {};
      var item = document.createElement("div");
      item.className = "search-result";
      var a = link(r.url);
      if (meta.ref) {
        var ref = document.createElement("span");
        ref.className = "search-result-ref";
        ref.textContent = meta.ref;
        a.appendChild(ref);
        a.appendChild(document.createTextNode(" "));
      }
      var title = meta.title || String(r.url || "");
      if (meta.ref && title.indexOf(meta.ref) === 0) title = title.slice(meta.ref.length).trim();
      a.appendChild(document.createTextNode(title));
      item.appendChild(a);
      if (meta.kind || meta.institution) item.appendChild(badge(meta.kind || meta.institution));
      // The sections with the strongest matches first, so that "Germany" shows Germany's
      // history before the meetings that merely list it.
      var score = function (s) {
        return (s.weighted_locations || []).reduce(function (sum, l) { return sum + (l.balanced_score || 0); }, 0);
      };
      var subs = (r.sub_results || [])
        .filter(function (s) { return s.title && s.title !== meta.title; })
        .map(function (s, i) { return { s: s, i: i, score: score(s) }; })
        .sort(function (a, b) { return b.score - a.score || a.i - b.i; })
        .map(function (x) { return x.s; });
      if (!subs.length) {
        item.appendChild(excerpt(r.excerpt || ""));
      } else {
        var list = document.createElement("ul");
        list.className = "search-sub-results";
        subs.slice(0, 4).forEach(function (s) {
          var li = document.createElement("li");
          var sa = link(s.url);
          sa.className = "search-sub-result";
          sa.appendChild(badge(s.title));
          li.appendChild(sa);
          li.appendChild(excerpt(s.excerpt || ""));
          list.appendChild(li);
        });
        item.appendChild(list);
      }
      box.appendChild(item);
    });
  }

  function run() {
    var query = input.value.trim();
    var mine = ++generation;
    if (!query) { show([], ""); return; }
    load().then(function (pf) { return pf.search(query); }).then(function (search) {
      if (!search) return [];
      return Promise.all(search.results.slice(0, 12).map(function (r) { return r.data(); }));
    }).then(function (data) {
      if (mine === generation) show(data, query);
    }).catch(function () {
      if (mine !== generation) return;
      box.textContent = "";
      var p = document.createElement("p");
      p.className = "search-none";
      p.textContent = form.getAttribute("data-offline") || "http://";
      box.appendChild(p);
    });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { input.value = ""; show([], ""); }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
})();
