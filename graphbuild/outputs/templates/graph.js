// graph.html's script. Data comes only from the JSON block #graph-data; text reaches the page only through
// textContent, value or canvas drawing, never innerHTML (docs/SECURITY.md, H1).
(function () {
  "use strict";
  var T = { start: performance.now() };
  var DATA = JSON.parse(document.getElementById("graph-data").textContent);
  var CONTESTED_COLOUR = "#e6a700";
  T.parsed = performance.now();
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  // ---- columns -> one object per node and edge ----
  (function expand() {
    var N = DATA.nodes, E = DATA.edges, S = DATA.strings, nodes = [], edges = [], i;
    var bal = new Set(N.balancing), sym = new Set(DATA.symmetric), pairs = new Map();
    var main = DATA.view.main ? new Set(DATA.view.main) : null, labelled = new Set(DATA.view.labelled);
    (N.balancingPairs || []).forEach(function (bp) {
      pairs.set(bp[0], bp[1].map(function (p) { return { a: N.label[p[0]], b: N.label[p[1]], kind: p[2] }; }));
    });
    for (i = 0; i < N.id.length; i++) {
      nodes.push({ id: N.id[i], label: N.label[i], type: N.type[i], qid: N.qid[i], iso3: N.iso3[i], x: N.x[i],
                   y: N.y[i], size: N.size[i], pagerank: N.pagerank[i], degree: N.degree[i],
                   community: N.community[i], balancing: bal.has(i), pairs: pairs.get(i) || [],
                   main: main ? main.has(i) : true, labelled: labelled.has(i) });
    }
    for (i = 0; i < E.from.length; i++) {
      var rel = E.relation[i], neg = E.negated[i] === 1;
      edges.push({ id: i, from: N.id[E.from[i]], to: N.id[E.to[i]], relation: rel, negated: neg,
                   label: (neg ? "not " : "") + rel, symmetric: sym.has(rel), sign: E.sign[i],
                   color: DATA.signColours[E.sign[i]] || DATA.signColours.neutral, width: E.width[i],
                   count: E.count[i], confidence: E.confidence[i], first: E.first[i], last: E.last[i],
                   curve: E.curve[i], contested: E.contested ? (E.contested[i] || "") : "",
                   months: E.months ? E.months[i] : {},
                   evidence: E.evidence[i].map(function (ev) {
                     return { sentence: S[ev[0]], doc: S[ev[1]], date: ev[2], speaker: ev[3] >= 0 ? S[ev[3]] : null,
                              modality: ev[4], confidence: ev[5], spans: ev[6] || [] };
                   }) });
    }
    DATA.nodes = nodes;
    DATA.edges = edges;
  })();
  function smoothFor(nth) {
    if (!nth) { return false; }
    return { enabled: true, type: nth % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * (1 + Math.floor((nth - 1) / 2)) };
  }

  T.expanded = performance.now();

  // ---- data -> vis DataSets (labels are drawn on the canvas: never parsed as HTML) ----
  var nodeById = new Map();
  DATA.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var edgeById = new Map();
  DATA.edges.forEach(function (e) { edgeById.set(e.id, e); });
  var adjacency = new Map();
  DATA.nodes.forEach(function (n) { adjacency.set(n.id, []); });
  DATA.edges.forEach(function (e) { adjacency.get(e.from).push(e); adjacency.get(e.to).push(e); });

  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    var node = { id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, group: n.type };
    if (n.balancing) {
      var bg = DATA.options.vis.groups[n.type].color.background;
      node.borderWidth = 4;
      node.color = { background: bg, border: DATA.options.balancingBorder,
                     highlight: { background: bg, border: "#000000" }, hover: { background: bg, border: "#000000" } };
    }
    return node;
  }));
  // only what differs from the global edge options, so vis merges as little as possible per edge
  function edgeItem(e) {
    var item = { id: e.id, from: e.from, to: e.to, color: e.color, width: e.width };
    if (DATA.options.edgeLabels) { item.label = e.label; }
    if (e.negated) { item.dashes = true; }
    if (e.symmetric && !DATA.options.large) { item.arrows = { to: { enabled: false } }; }
    if (e.curve) { item.smooth = smoothFor(e.curve); }
    if (e.contested) {
      item.shadow = { enabled: true, color: CONTESTED_COLOUR, size: 12, x: 0, y: 0 };
      if (DATA.options.edgeLabels) { item.label = e.label + " (contested)"; }
    }
    return item;
  }
  // Edges come strongest first; a large graph gets its first chunk at once and the rest in later steps.
  var CHUNK = DATA.options.edgeChunk || DATA.edges.length;
  var loaded = Math.min(CHUNK, DATA.edges.length);
  var edges = new vis.DataSet(DATA.edges.slice(0, loaded).map(edgeItem));

  // ---- filters ----
  var state = { relations: new Set(DATA.relations), minEvidence: 1, from: "", to: "", negated: true, ego: null,
                fragments: true };
  function edgeVisible(e) {
    if (!state.fragments && !nodeById.get(e.from).main) { return false; }
    if (!state.relations.has(e.relation)) { return false; }
    if (e.count < state.minEvidence) { return false; }
    if (!state.negated && e.negated) { return false; }
    if (state.from || state.to) {
      if (!e.first && !e.last) { return false; }
      if (state.from && (e.last || e.first) < state.from) { return false; }
      if (state.to && (e.first || e.last) > state.to) { return false; }
    }
    if (state.ego && !(state.ego.has(e.from) && state.ego.has(e.to))) { return false; }
    return true;
  }
  var visibleEdges = new Set();
  var visibleNodes = new Set();
  function recompute() {
    visibleEdges = new Set();
    visibleNodes = new Set();
    DATA.edges.forEach(function (e) {
      if (edgeVisible(e)) { visibleEdges.add(e.id); visibleNodes.add(e.from); visibleNodes.add(e.to); }
    });
    DATA.nodes.forEach(function (n) {
      // an actor without any claim at all stays on the map unless an ego view is active
      if (adjacency.get(n.id).length === 0 && !state.ego && (state.fragments || n.main)) { visibleNodes.add(n.id); }
      if (state.ego && state.ego.has(n.id)) { visibleNodes.add(n.id); }
    });
  }
  recompute();  // before the views exist: they evaluate their filters once on creation
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return visibleEdges.has(e.id); } });

  function updateCounts() {
    $("gb-counts").textContent = "Showing " + visibleNodes.size + " of " + DATA.nodes.length + " actors, " +
      visibleEdges.size + " of " + DATA.edges.length + " relations.";
  }
  function refresh() {
    recompute();
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
    writeHash();
  }

  // ---- network ----
  T.datasets = performance.now();
  var container = $("gb-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options.vis);
  T.network = performance.now();
  updateCounts();

  // ---- first view: fitted to the main component; the top actors' labels stay readable at any zoom ----
  var mainIds = DATA.nodes.filter(function (n) { return n.main; }).map(function (n) { return n.id; });
  var labelledIds = DATA.nodes.filter(function (n) { return n.labelled; }).map(function (n) { return n.id; });
  var labelScale = null;
  function updateLabels() {
    var scale = network.getScale();
    if (!labelledIds.length || scale === labelScale) { return; }
    labelScale = scale;
    var size = Math.max(DATA.options.vis.nodes.font.size, (DATA.options.labelMinPx || 12) / scale);
    nodes.update(labelledIds.map(function (id) { return { id: id, font: { size: size } }; }));
  }
  function fitMain() {
    network.fit({ nodes: mainIds.filter(function (id) { return visibleNodes.has(id); }), animation: false });
    updateLabels();
  }
  if (mainIds.length < DATA.nodes.length) { fitMain(); } else { $("gb-fragments-label").hidden = true; updateLabels(); }
  network.on("zoom", updateLabels);
  $("gb-show-fragments").addEventListener("change", function (ev) { state.fragments = ev.target.checked; refresh(); });

  // ---- relation-type menu (labels via textContent) ----
  var relBox = $("gb-relations");
  DATA.relations.forEach(function (r) {
    var lab = el("label");
    var cb = el("input");
    cb.type = "checkbox";
    cb.checked = true;
    cb.value = r;
    cb.className = "gb-rel";
    cb.addEventListener("change", function () {
      if (cb.checked) { state.relations.add(r); } else { state.relations.delete(r); }
      refresh();
    });
    lab.appendChild(cb);
    lab.appendChild(document.createTextNode(" " + r + " (" + (DATA.relationCounts[r] || 0) + ")"));
    relBox.appendChild(lab);
  });
  function setAll(on) {
    Array.prototype.forEach.call(relBox.querySelectorAll("input.gb-rel"), function (cb) {
      cb.checked = on;
      if (on) { state.relations.add(cb.value); } else { state.relations.delete(cb.value); }
    });
    refresh();
  }
  $("gb-rel-all").addEventListener("click", function () { setAll(true); });
  $("gb-rel-none").addEventListener("click", function () { setAll(false); });
  $("gb-min-evidence").addEventListener("input", function (ev) {
    var v = parseInt(ev.target.value, 10);
    state.minEvidence = isNaN(v) || v < 1 ? 1 : v;
    refresh();
  });
  if (DATA.dateRange) {
    $("gb-date-from").min = $("gb-date-to").min = DATA.dateRange[0];
    $("gb-date-from").max = $("gb-date-to").max = DATA.dateRange[1];
  }
  $("gb-date-from").addEventListener("change", function (ev) { state.from = ev.target.value; refresh(); });
  $("gb-date-to").addEventListener("change", function (ev) { state.to = ev.target.value; refresh(); });
  $("gb-show-negated").addEventListener("change", function (ev) { state.negated = ev.target.checked; refresh(); });

  // ---- play: the "to" date steps month by month over the corpus, so relations appear as they were reported ----
  function monthEnds() {
    if (!DATA.dateRange) { return []; }
    var out = [], y = +DATA.dateRange[0].slice(0, 4), m = +DATA.dateRange[0].slice(5, 7);
    var endY = +DATA.dateRange[1].slice(0, 4), endM = +DATA.dateRange[1].slice(5, 7);
    while (y < endY || (y === endY && m <= endM)) {
      var last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      out.push(y + "-" + (m < 10 ? "0" : "") + m + "-" + last);
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }
  var playTimer = null, playSteps = [], playAt = 0;
  function playStep() {
    if (playAt >= playSteps.length) { stopPlay(); return false; }
    state.to = playSteps[playAt++];
    $("gb-date-to").value = state.to;
    refresh();
    return true;
  }
  function stopPlay() {
    if (playTimer !== null) { clearInterval(playTimer); playTimer = null; }
    $("gb-play").textContent = "\u25b6 play over time";
    $("gb-play").setAttribute("aria-pressed", "false");
  }
  function startPlay() {
    playSteps = monthEnds().filter(function (d) { return !state.from || d >= state.from; });
    playAt = 0;
    if (!playSteps.length) { return; }
    $("gb-play").textContent = "\u275a\u275a pause";
    $("gb-play").setAttribute("aria-pressed", "true");
    playStep();
    playTimer = setInterval(playStep, 700);
  }
  $("gb-play").addEventListener("click", function () { if (playTimer !== null) { stopPlay(); } else { startPlay(); } });
  if (!DATA.dateRange) { $("gb-play").disabled = true; }

  // ---- search ----
  var datalist = $("gb-actors");
  var labels = DATA.nodes.map(function (n) { return n.label; }).sort();
  labels.slice(0, 5000).forEach(function (l) { var o = document.createElement("option"); o.value = l; datalist.appendChild(o); });
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return null; }
    var exact = null, partial = null;
    for (var i = 0; i < DATA.nodes.length; i++) {
      var n = DATA.nodes[i], l = n.label.toLowerCase();
      if (l === q || n.id.toLowerCase() === q) { exact = n; break; }
      if (!partial && l.indexOf(q) !== -1) { partial = n; }
    }
    return exact || partial;
  }
  $("gb-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var n = find($("gb-search").value);
    if (!n) { $("gb-search-status").textContent = "No actor matches."; return; }
    if (!visibleNodes.has(n.id)) { state.ego = null; refresh(); }
    network.selectNodes([n.id]);
    network.focus(n.id, { scale: 1.2, animation: false });
    updateLabels();
    $("gb-search-status").textContent = "Found: " + n.label;
  });

  // ---- ego view ----
  function egoSet(id, radius) {
    var seen = new Set([id]), frontier = [id];
    for (var r = 0; r < radius; r++) {
      var next = [];
      frontier.forEach(function (v) {
        adjacency.get(v).forEach(function (e) {
          var w = e.from === v ? e.to : e.from;
          if (!seen.has(w)) { seen.add(w); next.push(w); }
        });
      });
      frontier = next;
    }
    return seen;
  }
  function showEgo(id) {
    var radius = parseInt($("gb-ego-radius").value, 10) || 1;
    state.ego = egoSet(id, radius);
    state.egoId = id;
    refresh();
    $("gb-ego-status").textContent = "Neighbourhood of " + nodeById.get(id).label + " (radius " + radius + "): " +
      state.ego.size + " actors.";
    network.fit({ nodes: Array.from(state.ego), animation: false });
    updateLabels();
  }
  function resetEgo() {
    state.ego = null;
    state.egoId = null;
    refresh();
    $("gb-ego-status").textContent = "Click an actor to show its neighbourhood.";
    if (mainIds.length < DATA.nodes.length) { fitMain(); } else { network.fit({ animation: false }); updateLabels(); }
  }
  $("gb-reset").addEventListener("click", resetEgo);
  network.on("click", function (params) {
    if (params.nodes && params.nodes.length) { showEgo(params.nodes[0]); }
    else if (params.edges && params.edges.length) { openClaims(params.edges[0]); }
  });

  // ---- claims panel: every assertion behind an edge (all text through textContent) ----
  var claimsEdge = null;
  function highlighted(sentence, spans) {
    var p = el("p"), at = 0;
    spans.forEach(function (s) {
      if (s[0] < at || s[1] > sentence.length) { return; }
      if (s[0] > at) { p.appendChild(document.createTextNode(sentence.slice(at, s[0]))); }
      p.appendChild(el("mark", sentence.slice(s[0], s[1]), s[2] === 0 ? "gb-subject" : "gb-object"));
      at = s[1];
    });
    if (at < sentence.length) { p.appendChild(document.createTextNode(sentence.slice(at))); }
    return p;
  }
  function sortedClaims(e, order) {
    var items = e.evidence.slice();
    if (order === "confidence") {
      items.sort(function (a, b) { return b.confidence - a.confidence; });
    } else {
      var sign = order === "date-desc" ? -1 : 1;
      items.sort(function (a, b) {  // undated claims last either way
        if (!a.date || !b.date) { return (a.date ? 0 : 1) - (b.date ? 0 : 1); }
        return a.date < b.date ? -sign : a.date > b.date ? sign : 0;
      });
    }
    return items;
  }
  function renderClaims() {
    var e = edgeById.get(claimsEdge), list = $("gb-claims-list");
    while (list.firstChild) { list.removeChild(list.firstChild); }
    sortedClaims(e, $("gb-claims-sort").value).forEach(function (ev) {
      var li = el("li", null, "claim");
      li.appendChild(highlighted(ev.sentence, ev.spans));
      var doc = (DATA.documents || {})[ev.doc], meta = [];
      meta.push("document: " + (doc && doc[0] ? doc[0] + " (" + ev.doc + ")" : ev.doc));
      meta.push("date: " + (ev.date || (doc && doc[1]) || "undated"));
      meta.push("speaker: " + (ev.speaker || "not attributed"));
      meta.push("modality: " + ev.modality);
      meta.push("negated: " + (e.negated ? "yes" : "no"));
      meta.push("confidence: " + Number(ev.confidence).toFixed(2));
      li.appendChild(el("div", meta.join(" \u00b7 "), "claim-meta"));
      li.setAttribute("data-date", ev.date || "");
      list.appendChild(li);
    });
  }
  // the dyad's claims per month, cooperative vs conflictual (negated claims left out), as SVG built node by node
  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { e.textContent = String(text); }
    return e;
  }
  function dyadMonths(a, b) {
    var months = {};
    adjacency.get(a).forEach(function (e) {
      if ((e.from === b || e.to === b) && !e.negated) {
        Object.keys(e.months || {}).forEach(function (m) {
          months[m] = months[m] || { cooperative: 0, conflictual: 0, neutral: 0 };
          months[m][e.sign in months[m] ? e.sign : "neutral"] += e.months[m];
        });
      }
    });
    return months;
  }
  function drawDyad(a, b) {
    var svg = $("gb-dyad-chart"), months = dyadMonths(a, b), keys = Object.keys(months).sort();
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var W = 350, H = 120, left = 24, bottom = 18;
    if (!keys.length) {
      svg.appendChild(svgEl("text", { x: 4, y: 20 }, "No dated claims between these two actors."));
      $("gb-dyad-caption").textContent = "";
      return;
    }
    var vmax = 1;
    keys.forEach(function (m) { vmax = Math.max(vmax, months[m].cooperative + months[m].conflictual + months[m].neutral); });
    var cw = Math.min(40, (W - left - 4) / keys.length);
    svg.appendChild(svgEl("line", { x1: left, y1: H - bottom, x2: W - 2, y2: H - bottom, stroke: "#999" }));
    svg.appendChild(svgEl("text", { x: 2, y: 10 }, vmax));
    keys.forEach(function (m, i) {
      var x = left + i * cw, y = H - bottom;
      ["cooperative", "conflictual", "neutral"].forEach(function (sign) {
        var c = months[m][sign];
        if (!c) { return; }
        var h = (H - bottom - 14) * c / vmax;
        y -= h;
        var r = svgEl("rect", { x: (x + 1).toFixed(1), y: y.toFixed(1), width: Math.max(cw - 2, 1).toFixed(1),
                                height: h.toFixed(1), fill: DATA.signColours[sign], "class": "gb-bar gb-" + sign,
                                "data-month": m, "data-count": c });
        r.appendChild(svgEl("title", {}, m + ": " + c + " " + sign));
        svg.appendChild(r);
      });
      if (i === 0 || i === keys.length - 1) {
        svg.appendChild(svgEl("text", { x: x.toFixed(1), y: H - 4 }, m));
      }
    });
    $("gb-dyad-caption").textContent = nodeById.get(a).label + " \u2013 " + nodeById.get(b).label +
      ": claims per month (green cooperative, red conflictual, grey neutral; negated claims left out)";
  }
  function openClaims(id) {
    var e = edgeById.get(id);
    if (!e) { return; }
    claimsEdge = id;
    var a = nodeById.get(e.from), b = nodeById.get(e.to);
    $("gb-claims-title").textContent = a.label + " \u2014 " + (e.negated ? "NOT " : "") + e.relation + " \u2192 " + b.label;
    $("gb-claims-meta").textContent = e.count + " assertion(s), " + e.evidence.length + " distinct sentence(s) listed \u00b7 " +
      e.sign + " \u00b7 mean confidence " + e.confidence.toFixed(2);
    var note = $("gb-claims-contested");
    note.hidden = !e.contested;
    note.textContent = e.contested ? "Contested: " + e.contested + " (the corpus holds conflicting claims)." : "";
    renderClaims();
    drawDyad(e.from, e.to);
    $("gb-claims").hidden = false;
    writeHash();
  }
  function closeClaims() { $("gb-claims").hidden = true; claimsEdge = null; writeHash(); }
  $("gb-claims-close").addEventListener("click", closeClaims);
  $("gb-claims-sort").addEventListener("change", function () { if (claimsEdge !== null) { renderClaims(); } });

  // ---- tooltips: DOM built with textContent, positioned at the pointer ----
  var tip = $("gb-tooltip");
  function evidenceList(box, evidence) {
    evidence.forEach(function (ev) {
      var d = el("div", null, "tt-ev");
      d.appendChild(el("div", "\u201c" + ev.sentence + "\u201d"));
      var meta = [];
      if (ev.speaker) { meta.push("speaker: " + ev.speaker); }
      meta.push("document: " + ev.doc);
      if (ev.date) { meta.push("date: " + ev.date); }
      if (ev.modality && ev.modality !== "asserted") { meta.push(ev.modality); }
      d.appendChild(el("div", meta.join(" \u00b7 "), "tt-meta"));
      box.appendChild(d);
    });
  }
  function nodeTip(n) {
    var box = el("div");
    box.appendChild(el("div", n.label, "tt-head"));
    box.appendChild(el("div", n.type + (n.qid ? " \u00b7 " + n.qid : "") + (n.iso3 ? " \u00b7 " + n.iso3 : "") +
      " \u00b7 " + n.id, "tt-meta"));
    box.appendChild(el("div", "PageRank " + n.pagerank.toFixed(4) + " \u00b7 degree " + n.degree +
      " \u00b7 community " + n.community + (n.balancing ? " \u00b7 balancing actor" : "")));
    n.pairs.forEach(function (p) {
      box.appendChild(el("div", "balances between " + p.a + " and " + p.b + " (" + p.kind + ")", "tt-meta"));
    });
    return box;
  }
  function edgeTip(e) {
    var box = el("div");
    var a = nodeById.get(e.from), b = nodeById.get(e.to);
    box.appendChild(el("div", a.label + " \u2014 " + (e.negated ? "NOT " : "") + e.relation + " \u2192 " + b.label,
      "tt-head"));
    box.appendChild(el("div", e.sign + " \u00b7 " + e.count + " assertion(s) \u00b7 mean confidence " +
      e.confidence.toFixed(2) + (e.first ? " \u00b7 " + e.first + (e.last && e.last !== e.first ? " to " + e.last : "") : ""),
      "tt-meta"));
    if (e.contested) { box.appendChild(el("div", "contested: " + e.contested, "tt-meta")); }
    evidenceList(box, e.evidence.slice(0, 3));
    if (e.evidence.length > 3) { box.appendChild(el("div", "click the relation for all " + e.evidence.length, "tt-meta")); }
    return box;
  }
  function showTip(content, pointer) {
    while (tip.firstChild) { tip.removeChild(tip.firstChild); }
    tip.appendChild(content);
    var r = container.getBoundingClientRect();
    tip.style.left = Math.min(r.left + pointer.x + 14, window.innerWidth - 430) + "px";
    tip.style.top = Math.min(r.top + pointer.y + 14, window.innerHeight - 80) + "px";
    tip.hidden = false;
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip(nodeTip(nodeById.get(p.node)), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeTip(edgeById.get(p.edge)), p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // ---- shareable view: the URL hash holds it (#actor=country/BLR&radius=2&from=2019-01-01&types=consult,aid) ----
  var applyingHash = false;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  function viewHash() {
    var p = [];
    if (state.egoId) { p.push("actor=" + encodeURIComponent(state.egoId).replace(/%2F/g, "/"), "radius=" + ($("gb-ego-radius").value || "1")); }
    if (state.from) { p.push("from=" + state.from); }
    if (state.to) { p.push("to=" + state.to); }
    if (state.minEvidence > 1) { p.push("min=" + state.minEvidence); }
    if (!state.negated) { p.push("negated=0"); }
    if (!state.fragments) { p.push("fragments=0"); }
    if (state.relations.size !== DATA.relations.length) {
      p.push("types=" + DATA.relations.filter(function (r) { return state.relations.has(r); })
        .map(encodeURIComponent).join(","));
    }
    if (claimsEdge !== null && claimsEdge !== undefined) { p.push("edge=" + claimsEdge); }
    return p.join("&");
  }
  function writeHash() {
    if (applyingHash || !window.graphbuild) { return; }  // not while a hash is applied, nor before start-up ends
    var h = viewHash();
    if (location.hash.replace(/^#/, "") === h) { return; }
    try {
      history.replaceState(null, "", location.href.split("#")[0] + (h ? "#" + h : ""));
    } catch (err) {
      location.hash = h;
    }
  }
  function setRelations(wanted) {
    state.relations = new Set(DATA.relations.filter(function (r) { return wanted === null || wanted.has(r); }));
    Array.prototype.forEach.call(relBox.querySelectorAll("input.gb-rel"), function (cb) {
      cb.checked = state.relations.has(cb.value);
    });
  }
  function focusActor(id) {
    var n = nodeById.get(id);
    if (!n) { return false; }
    var around = [id];
    adjacency.get(id).forEach(function (e) {
      var w = e.from === id ? e.to : e.from;
      if (visibleNodes.has(w)) { around.push(w); }
    });
    if (labelledIds.indexOf(id) < 0) { labelledIds.push(id); labelScale = null; }
    network.fit({ nodes: around, animation: false });
    network.selectNodes([id]);
    updateLabels();
    $("gb-search-status").textContent = "Centred on " + n.label;
    return true;
  }
  function applyHash() {
    var raw = location.hash.replace(/^#/, "");
    if (!raw) { return false; }
    var q = new URLSearchParams(raw);
    applyingHash = true;
    try {
      setRelations(q.has("types") ? new Set(q.get("types").split(",").filter(Boolean)) : null);
      state.from = DATE.test(q.get("from") || "") ? q.get("from") : "";
      state.to = DATE.test(q.get("to") || "") ? q.get("to") : "";
      $("gb-date-from").value = state.from;
      $("gb-date-to").value = state.to;
      var min = parseInt(q.get("min") || "1", 10);
      state.minEvidence = isNaN(min) || min < 1 ? 1 : min;
      $("gb-min-evidence").value = String(state.minEvidence);
      state.negated = q.get("negated") !== "0";
      $("gb-show-negated").checked = state.negated;
      state.fragments = q.get("fragments") !== "0";
      $("gb-show-fragments").checked = state.fragments;
      var actor = q.get("actor"), n = actor ? (nodeById.get(actor) || find(actor)) : null;
      if (n) {
        $("gb-ego-radius").value = q.get("radius") === "2" ? "2" : "1";
        showEgo(n.id);
      } else {
        state.ego = null;
        state.egoId = null;
        refresh();
        if (q.get("focus")) { var f = nodeById.get(q.get("focus")) || find(q.get("focus")); if (f) { focusActor(f.id); } }
      }
      var edge = q.get("edge");
      if (edge !== null && edgeById.has(parseInt(edge, 10))) { openClaims(parseInt(edge, 10)); } else { closeClaims(); }
    } finally {
      applyingHash = false;
    }
    return true;
  }
  window.addEventListener("hashchange", function () {
    if (location.hash.replace(/^#/, "") !== viewHash()) { applyHash(); }
  });
  if (!applyHash() && DATA.view.focus) { focusActor(DATA.view.focus); }

  // ---- readiness (for people: nothing; for tests and benchmarks: a flag) ----
  window.graphbuild = {
    network: network,
    ready: false,
    complete: false,
    visibleEdgeCount: function () { return visibleEdges.size; },
    visibleNodeCount: function () { return visibleNodes.size; },
    find: find,
    fitMain: fitMain,
    data: DATA,
    timings: T,
    showEgo: showEgo,
    openClaims: openClaims,
    viewHash: viewHash,
    applyHash: applyHash,
    focusActor: focusActor,
    monthEnds: monthEnds,
    playStep: function () { if (!playSteps.length) { playSteps = monthEnds(); playAt = 0; } return playStep(); },
    playing: function () { return playTimer !== null; },
    closeClaims: closeClaims,
    reset: resetEgo
  };
  function loadMore() {
    if (loaded >= DATA.edges.length) {
      window.graphbuild.complete = true;
      window.graphbuild.completeAt = performance.now();
      $("gb-loading").hidden = true;
      return;
    }
    var next = Math.min(loaded + 2 * CHUNK, DATA.edges.length);  // fewer, larger steps: each one redraws
    edges.add(DATA.edges.slice(loaded, next).map(edgeItem));
    loaded = next;
    $("gb-loading").textContent = "Drawing relations: " + loaded + " of " + DATA.edges.length + "…";
    setTimeout(loadMore, 30);  // yield to input events between steps
  }
  network.once("afterDrawing", function () {
    window.graphbuild.ready = true;
    window.graphbuild.readyAt = performance.now();
    document.body.setAttribute("data-ready", "1");
    if (loaded < DATA.edges.length) {
      $("gb-loading").hidden = false;
      $("gb-loading").textContent = "Drawing relations: " + loaded + " of " + DATA.edges.length + "…";
    }
    setTimeout(loadMore, 30);
  });
})();
