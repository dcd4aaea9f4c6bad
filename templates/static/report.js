/* portal-audit HTML report: filters, search and sorting on the overview; evidence toggles on portal pages.
   Plain script (no modules, no network): works when the report is opened from file://.
   Without JavaScript every table is still complete and readable. */
(function () {
  "use strict";

  // Fold Vietnamese text for search: no diacritics, đ -> d, lower case ("Phường" matches "phuong").
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  function num(value) {
    if (value === undefined || value === "") return null;
    var n = parseFloat(value);
    return isNaN(n) ? null : n;
  }

  var collator = (typeof Intl !== "undefined" && Intl.Collator)
    ? new Intl.Collator("vi", { sensitivity: "base", numeric: true })
    : null;
  function compareText(a, b) {
    return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0);
  }

  var STATUS_RANK = { pass: 0, fail: 1, unreachable: 2 };

  function initOverview(table) {
    var tbody = table.tBodies[0];
    var heatRows = {};
    var hr = document.querySelectorAll("tr[data-hid]");
    for (var h = 0; h < hr.length; h++) {
      var hid = hr[h].getAttribute("data-hid");
      (heatRows[hid] = heatRows[hid] || []).push(hr[h]);
    }

    var rows = [];
    var trs = tbody.rows;
    for (var i = 0; i < trs.length; i++) {
      var tr = trs[i];
      var d = tr.dataset;
      var link = tr.cells[1].querySelector("a");
      var name = link ? link.textContent : tr.cells[1].textContent;
      rows.push({
        tr: tr,
        index: i,
        id: d.id,
        name: name,
        q: fold(name),
        kind: d.kind,
        kindLabel: tr.cells[2].textContent,
        status: d.status,
        band: d.band,
        score: num(d.score),
        delta: num(d.delta),
        visible: true
      });
    }

    // --- filters -------------------------------------------------------------------------------------------
    var form = document.getElementById("filters");
    var fq = document.getElementById("f-q");
    var fkind = document.getElementById("f-kind");
    var fstatus = document.getElementById("f-status");
    var fband = document.getElementById("f-band");
    var out = document.getElementById("f-count");
    form.hidden = false;

    function apply() {
      var terms = fold(fq.value).split(/\s+/).filter(Boolean);
      var kind = fkind.value, status = fstatus.value, band = fband.value;
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var r = rows[i];
        var ok = (!kind || r.kind === kind) && (!status || r.status === status) && (!band || r.band === band);
        for (var t = 0; ok && t < terms.length; t++) {
          if (r.q.indexOf(terms[t]) === -1) ok = false;
        }
        if (ok) shown++;
        if (ok !== r.visible) {
          r.visible = ok;
          r.tr.hidden = !ok;
          var extra = heatRows[r.id] || [];
          for (var e = 0; e < extra.length; e++) extra[e].hidden = !ok;
        }
      }
      out.textContent = shown + "/" + rows.length + " cổng";
    }

    var timer = null;
    fq.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 120);
    });
    fkind.addEventListener("change", apply);
    fstatus.addEventListener("change", apply);
    fband.addEventListener("change", apply);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });

    // --- sorting -------------------------------------------------------------------------------------------
    // Each key returns a comparable value; null always sorts last whatever the direction.
    var KEYS = {
      rank: function (r) { return r.score === null ? null : -r.score; },
      name: function (r) { return r.name; },
      kind: function (r) { return r.kindLabel; },
      score: function (r) { return r.score; },
      status: function (r) { return r.status in STATUS_RANK ? STATUS_RANK[r.status] : 9; },
      delta: function (r) { return r.delta; }
    };
    var FIRST_DESC = { score: true, delta: true };
    var headers = table.tHead.rows[0].cells;
    var current = null;

    function sortBy(th, key, desc) {
      var get = KEYS[key];
      var dir = desc ? -1 : 1;
      rows.sort(function (a, b) {
        var va = get(a), vb = get(b);
        if (va === null || vb === null) {
          if (va === null && vb === null) return a.index - b.index;
          return va === null ? 1 : -1;
        }
        var c = typeof va === "string" ? compareText(va, vb) : va - vb;
        return c !== 0 ? c * dir : a.index - b.index;
      });
      var frag = document.createDocumentFragment();
      for (var i = 0; i < rows.length; i++) frag.appendChild(rows[i].tr);
      tbody.appendChild(frag);
      for (var j = 0; j < headers.length; j++) headers[j].removeAttribute("aria-sort");
      th.setAttribute("aria-sort", desc ? "descending" : "ascending");
      current = { th: th, desc: desc };
    }

    for (var k = 0; k < headers.length; k++) {
      (function (th) {
        var key = th.getAttribute("data-sort");
        if (!key || !KEYS[key]) return;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort";
        while (th.firstChild) button.appendChild(th.firstChild);
        button.setAttribute("title", "Sắp xếp theo cột này");
        th.appendChild(button);
        button.addEventListener("click", function () {
          var desc = current && current.th === th ? !current.desc : !!FIRST_DESC[key];
          sortBy(th, key, desc);
        });
      })(headers[k]);
    }
    headers[0].setAttribute("aria-sort", "ascending");
    current = { th: headers[0], desc: false };
  }

  function initPortal() {
    var button = document.querySelector(".toggle-evidence");
    var all = document.querySelectorAll(".criteria details");
    if (button && all.length) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var open = button.getAttribute("data-state") !== "open";
        for (var i = 0; i < all.length; i++) all[i].open = open;
        button.setAttribute("data-state", open ? "open" : "closed");
        button.textContent = button.getAttribute(open ? "data-close" : "data-open");
      });
    }
  }

  // Print everything (evidence lists, collapsed heat maps), then restore what the reader had open.
  function initPrint() {
    var saved = null;
    var details = document.querySelectorAll("details");
    window.addEventListener("beforeprint", function () {
      saved = [];
      for (var i = 0; i < details.length; i++) {
        saved.push(details[i].open);
        details[i].open = true;
      }
    });
    window.addEventListener("afterprint", function () {
      if (!saved) return;
      for (var i = 0; i < details.length; i++) details[i].open = saved[i];
      saved = null;
    });
  }

  function init() {
    var table = document.getElementById("portal-table");
    if (table) initOverview(table);
    else initPortal();
    initPrint();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
