"use strict";
(function () {
  var errors = [];
  window.addEventListener("error", function (e) {
    errors.push(String(e.message));
    document.body.setAttribute("data-errors", errors.join(" | "));
  });

  var NS = "http://www.w3.org/2000/svg";
  var OUTCOME_COLORS = { SUCCEEDED: "#2e7d32", FAILED: "#c62828", DENIED: "#ef6c00", TIMED_OUT: "#6a1b9a",
    CANCELLED: "#757575", DRY_RUN: "#1565c0", IN_PROGRESS: "#00838f" };
  var REVOCATION_COLORS = { REVOKED: "#2e7d32", LEFT_TO_EXPIRE: "#f9a825", NOT_CREATED: "#90a4ae",
    PRE_EXISTING: "#1565c0", FAILED: "#c62828", PENDING: "#6a1b9a" };
  var PALETTE = ["#0969da", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#f9a825", "#5d4037"];
  var data = JSON.parse(document.getElementById("report-data").textContent);

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }
  function text(parent, x, y, content, attrs) {
    var t = el("text", Object.assign({ x: x, y: y }, attrs || {}), parent);
    t.textContent = content;
    return t;
  }
  function html(name, content, parent, cls) {
    var node = document.createElement(name);
    if (content !== undefined && content !== null) { node.textContent = content; }
    if (cls) { node.className = cls; }
    if (parent) { parent.appendChild(node); }
    return node;
  }
  function svg(figure, width, height) {
    return el("svg", { viewBox: "0 0 " + width + " " + height, role: "img" }, figure);
  }
  function shorten(s, n) { return s.length > n ? "\u2026" + s.slice(s.length - n + 1) : s; }
  function fmt(ms) {
    if (ms < 1000) { return ms + " ms"; }
    var s = ms / 1000;
    if (s < 60) { return (s < 10 ? s.toFixed(1) : Math.round(s)) + " s"; }
    var m = Math.floor(s / 60);
    if (m < 60) { return m + " min " + Math.round(s - m * 60) + " s"; }
    return Math.floor(m / 60) + " h " + (m % 60) + " min";
  }
  function niceMax(v) {
    if (v <= 0) { return 1; }
    var mag = Math.pow(10, Math.floor(Math.log10(v)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (steps[i] * mag >= v) { return steps[i] * mag; } }
    return 10 * mag;
  }
  function legend(figure, entries) {
    var box = html("div", null, figure, "legend");
    entries.forEach(function (e) {
      var item = html("span", null, box);
      var swatch = html("i", null, item);
      swatch.style.background = e.color;
      item.appendChild(document.createTextNode(e.label));
    });
  }
  function empty(figure, message) {
    var s = svg(figure, 460, 80);
    text(s, 230, 45, message, { "text-anchor": "middle", "class": "empty" });
  }
  function yAxis(s, left, top, height, width, max) {
    for (var i = 0; i <= 4; i++) {
      var y = top + height - height * i / 4;
      el("line", { x1: left, x2: left + width, y1: y, y2: y, "class": "axis" }, s);
      text(s, left - 6, y + 4, String(Math.round(max * i / 4 * 100) / 100), { "text-anchor": "end", "class": "tick" });
    }
  }

  function perDay(figure) {
    var days = data.perDay;
    if (!days.length) { return empty(figure, "No elevations in these records."); }
    var outcomes = Object.keys(OUTCOME_COLORS).filter(function (o) {
      return days.some(function (d) { return d.byOutcome[o]; });
    });
    var W = 960, H = 300, L = 48, T = 10, B = 40, plotW = W - L - 10, plotH = H - T - B;
    var max = niceMax(Math.max.apply(null, days.map(function (d) { return d.total; })));
    var s = svg(figure, W, H);
    yAxis(s, L, T, plotH, plotW, max);
    var step = plotW / days.length, barW = Math.max(1, step * 0.8), every = Math.ceil(days.length / 12);
    days.forEach(function (d, i) {
      var x = L + i * step + (step - barW) / 2, y = T + plotH;
      outcomes.forEach(function (o) {
        var n = d.byOutcome[o] || 0;
        if (!n) { return; }
        var h = plotH * n / max;
        y -= h;
        var r = el("rect", { x: x, y: y, width: barW, height: h, fill: OUTCOME_COLORS[o] }, s);
        el("title", {}, r).textContent = d.date + " \u00b7 " + o + ": " + n;
      });
      if (i % every === 0) {
        text(s, x + barW / 2, H - B + 16, d.date.slice(5), { "text-anchor": "middle", "class": "tick" });
      }
    });
    legend(figure, outcomes.map(function (o) { return { label: o, color: OUTCOME_COLORS[o] }; }));
  }

  function bars(figure, counts, color, what) {
    if (!counts.length) { return empty(figure, "No " + what + " in these records."); }
    var W = 460, row = 22, L = 190, H = counts.length * row + 10, plotW = W - L - 50;
    var max = Math.max.apply(null, counts.map(function (c) { return c.count; }));
    var s = svg(figure, W, H);
    counts.forEach(function (c, i) {
      var y = 5 + i * row, w = Math.max(1, plotW * c.count / max);
      var label = text(s, L - 6, y + 14, shorten(c.name, 30), { "text-anchor": "end" });
      el("title", {}, label).textContent = c.name;
      var r = el("rect", { x: L, y: y + 3, width: w, height: row - 6, rx: 2, fill: color }, s);
      el("title", {}, r).textContent = c.name + ": " + c.count;
      text(s, L + w + 5, y + 14, String(c.count), { "class": "tick" });
    });
  }

  function histogram(figure, timing, color, what) {
    if (!timing.count) { return empty(figure, "No " + what + " in these records."); }
    var W = 460, H = 230, L = 44, T = 24, B = 34, plotW = W - L - 12, plotH = H - T - B;
    var bins = timing.histogram, top = bins[bins.length - 1].toMillis;
    var max = niceMax(Math.max.apply(null, bins.map(function (b) { return b.count; })));
    var s = svg(figure, W, H);
    yAxis(s, L, T, plotH, plotW, max);
    var bw = plotW / bins.length;
    bins.forEach(function (b, i) {
      var h = plotH * b.count / max;
      var r = el("rect", { x: L + i * bw + 1, y: T + plotH - h, width: Math.max(1, bw - 2), height: h, fill: color }, s);
      el("title", {}, r).textContent = fmt(b.fromMillis) + " \u2013 " + fmt(b.toMillis) + ": " + b.count;
    });
    [0, Math.floor(bins.length / 2), bins.length].forEach(function (i) {
      var ms = i === bins.length ? top : bins[i].fromMillis;
      var anchor = i === 0 ? "start" : i === bins.length ? "end" : "middle";
      text(s, L + i * bw, H - B + 16, fmt(ms), { "text-anchor": anchor, "class": "tick" });
    });
    [["p50", timing.p50Millis, "#1f2328"], ["p95", timing.p95Millis, "#c62828"]].forEach(function (m, i) {
      var x = L + plotW * Math.min(1, m[1] / top);
      el("line", { x1: x, x2: x, y1: T - 4, y2: T + plotH, stroke: m[2], "class": "marker" }, s);
      var right = x > L + plotW * 0.7;
      text(s, right ? x - 3 : x + 3, T - 8 + i * 12, m[0] + " " + fmt(m[1]),
        { fill: m[2], "text-anchor": right ? "end" : "start" });
    });
    legend(figure, [{ label: timing.count + " elevations; p50 " + fmt(timing.p50Millis) + ", p95 "
      + fmt(timing.p95Millis) + ", max " + fmt(timing.maxMillis), color: color }]);
  }

  function donut(figure, counts) {
    if (!counts.length) { return empty(figure, "No revocations in these records."); }
    var W = 460, H = 220, cx = 110, cy = 110, r = 90, inner = 55;
    var total = counts.reduce(function (a, c) { return a + c.count; }, 0);
    var s = svg(figure, W, H), angle = -Math.PI / 2;
    counts.forEach(function (c, i) {
      var color = REVOCATION_COLORS[c.name] || PALETTE[i % PALETTE.length];
      var sweep = 2 * Math.PI * c.count / total;
      var path;
      if (c.count === total) {
        el("circle", { cx: cx, cy: cy, r: (r + inner) / 2, fill: "none", stroke: color, "stroke-width": r - inner }, s);
      } else {
        var a2 = angle + sweep, large = sweep > Math.PI ? 1 : 0;
        path = ["M", cx + r * Math.cos(angle), cy + r * Math.sin(angle), "A", r, r, 0, large, 1,
          cx + r * Math.cos(a2), cy + r * Math.sin(a2), "L", cx + inner * Math.cos(a2), cy + inner * Math.sin(a2),
          "A", inner, inner, 0, large, 0, cx + inner * Math.cos(angle), cy + inner * Math.sin(angle), "Z"].join(" ");
        el("title", {}, el("path", { d: path, fill: color }, s)).textContent = c.name + ": " + c.count;
      }
      angle += sweep;
      var ly = 30 + i * 22;
      el("rect", { x: 240, y: ly - 10, width: 12, height: 12, rx: 2, fill: color }, s);
      text(s, 258, ly, c.name + "  " + c.count + " (" + (100 * c.count / total).toFixed(1) + "%)");
    });
    text(s, cx, cy + 5, String(total), { "text-anchor": "middle", "font-size": "18" });
  }

  function cards() {
    var box = document.getElementById("cards");
    var ok = data.perDay.reduce(function (a, d) { return a + (d.byOutcome.SUCCEEDED || 0); }, 0);
    var failedRevocations = data.revocations.filter(function (c) { return c.name === "FAILED"; })
      .reduce(function (a, c) { return a + c.count; }, 0);
    [["Elevations", data.records, false],
     ["Succeeded", data.records ? (100 * ok / data.records).toFixed(1) + "%" : "\u2013", false],
     ["Failed, denied or timed out", data.failureCount, data.failureCount > 0],
     ["Revocations failed", failedRevocations, failedRevocations > 0],
     ["p95 time to effective", data.timeToEffective.count ? fmt(data.timeToEffective.p95Millis) : "\u2013", false],
     ["Files skipped", data.skipped.length, data.skipped.length > 0]].forEach(function (c) {
      var card = html("div", null, box, "card" + (c[2] ? " bad" : ""));
      html("div", String(c[1]), card, "value");
      html("div", c[0], card, "label");
    });
    document.getElementById("period").textContent = data.records
      ? data.records + " elevations requested from " + data.firstRequested + " to " + data.lastRequested + " (UTC)"
      : "No activation records were found.";
  }

  function table(id, headers, rows) {
    var t = document.getElementById(id);
    var head = html("tr", null, html("thead", null, t));
    headers.forEach(function (h) { html("th", h, head); });
    var body = html("tbody", null, t);
    rows.forEach(function (r) {
      var tr = html("tr", null, body);
      r.forEach(function (cell, i) { html("td", cell, tr, i >= headers.length - 2 && id === "failures" ? "mono" : null); });
    });
  }

  function tables() {
    document.getElementById("failure-note").textContent = data.failureCount === 0
      ? "No elevation failed, was denied or timed out."
      : data.failureCount + " in all" + (data.failures.length < data.failureCount ? "; the newest "
        + data.failures.length + " are listed" : "") + ". Give the request ids to Microsoft support or your Azure team.";
    table("failures", ["Requested (UTC)", "Outcome", "Kind / code", "Target", "Requester", "Repository", "Message",
      "Request ids", "Azure request id"], data.failures.map(function (f) {
      return [f.requested, f.outcome, f.kind + (f.code ? " / " + f.code : ""), f.target, f.requester,
        f.repository || "", f.message, (f.requestIds || []).join(" "), f.azureRequestId || ""];
    }));
    if (!data.skipped.length) {
      document.getElementById("skipped-section").hidden = true;
    }
    table("skipped", ["File", "Reason"], data.skipped.map(function (s) { return [s.file, s.reason]; }));
  }

  var charts = {
    perDay: perDay,
    byRole: function (f) { bars(f, data.byRole, "#0969da", "roles"); },
    byScope: function (f) { bars(f, data.byScope, "#00838f", "scopes"); },
    timeToProvisioned: function (f) { histogram(f, data.timeToProvisioned, "#0969da", "provisioned elevations"); },
    timeToEffective: function (f) { histogram(f, data.timeToEffective, "#2e7d32", "verified elevations"); },
    revocations: function (f) { donut(f, data.revocations); },
    exposure: function (f) { histogram(f, data.exposureAfterRevocation, "#ef6c00", "exposure sections"); },
    topRepositories: function (f) { bars(f, data.topRepositories, "#6a1b9a", "repositories"); },
    topRequesters: function (f) { bars(f, data.topRequesters, "#5d4037", "requesters"); }
  };

  cards();
  Array.prototype.forEach.call(document.querySelectorAll("figure.chart"), function (figure) {
    var draw = charts[figure.getAttribute("data-chart")];
    if (!draw) { throw new Error("no chart named " + figure.getAttribute("data-chart")); }
    draw(figure);
    figure.setAttribute("data-drawn", String(figure.querySelectorAll("svg *").length));
  });
  tables();
  document.body.setAttribute("data-rendered", "true");
})();
