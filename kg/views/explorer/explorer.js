/* policy-kg explorer: filters, search, ego networks, evidence and timeline over one inlined data set.
 *
 * The data (script#kg-data) holds every statement of the store as columns;
 * positions come from Python (kg/views/layout.py), so the layout is stable and
 * physics stays off. The filter rules are the same as kg/views/explore.py's
 * select(), in the same order:
 *   1. a statement shows when its relation, modality (negated only when asked),
 *      confidence and date pass and both actors are of a shown type; with a
 *      date bound set, undated statements are left out;
 *   2. shown statements make one edge per (subject, object); an edge needs
 *      statements from at least minArticles articles;
 *   3. an ego view keeps the actors within `hops` edges of its centre and
 *      the edges between them.
 * window.kgExplorer exposes the state and a few functions for tests.
 */
(function () {
  'use strict';

  var D = JSON.parse(document.getElementById('kg-data').textContent);
  var NN = D.nodes.label.length;
  var SN = D.st.s.length;
  var ST = D.st;
  var SPACING = D.spacing || 90;
  var LARGE = NN > 400 || SN > 3000;
  var MAX_LABELS = 60;         // labels drawn at once (most connected first, none overlapping)
  var LABEL_PX = 13;           // their height on screen, whatever the zoom
  var EDGE_LABEL_PX = 10;      // the same for relation names on edges
  var EDGE_LABELS_BELOW = 200; // relation names drawn on edges when fewer edges are shown
  var ARROWS_BELOW = 2000;     // arrow heads cost most of a frame: drawn when fewer edges are shown
  var LIST_STEP = 200;         // evidence items rendered at a time

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') e.textContent = attrs[k];
        else if (k === 'className') e.className = attrs[k];
        else if (k === 'style') e.setAttribute('style', attrs[k]);
        else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), attrs[k]);
        else e.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  // ------------------------------------------------------------ static indexes

  var relGroup = D.relations.map(function (r) { return r.group; });
  var nodeTotal = new Int32Array(NN);       // statements per actor, all of them
  var relTotal = new Int32Array(D.relations.length);
  var modTotal = {};
  for (var i = 0; i < SN; i++) {
    nodeTotal[ST.s[i]]++; nodeTotal[ST.o[i]]++;
    relTotal[ST.r[i]]++;
    var mk = D.modalities[ST.m[i]];
    modTotal[mk] = (modTotal[mk] || 0) + 1;
    if (ST.n[i]) modTotal.negated = (modTotal.negated || 0) + 1;
  }
  var typeTotal = new Int32Array(D.types.length);
  for (i = 0; i < NN; i++) typeTotal[D.nodes.type[i]]++;
  var searchNames = [];
  for (i = 0; i < NN; i++) {
    searchNames.push([D.nodes.label[i].toLowerCase()].concat((D.nodes.aliases[i] || []).map(function (a) {
      return a.toLowerCase();
    })));
  }

  // ------------------------------------------------------------ state

  function defaults() {
    return {
      relations: D.relations.map(function (_, k) { return k; }),
      types: D.types.map(function (_, k) { return k; }),
      modalities: ['asserted'], negated: false, minConfidence: 0, minArticles: 1,
      since: '', until: '', ego: null, hops: 1
    };
  }
  var state = { selected: null };

  function setFilters(f) {
    var d = defaults();
    function names(list, table) {
      if (list === null || list === undefined) return null;
      return list.map(function (x) {
        if (typeof x === 'number') return x;
        for (var k = 0; k < table.length; k++) if (table[k].name === x) return k;
        return -1;
      }).filter(function (k) { return k >= 0; });
    }
    var rel = names(f.relations, D.relations);
    var typ = names(f.types, D.types);
    state.relations = new Set(rel === null ? d.relations : rel);
    state.types = new Set(typ === null ? d.types : typ);
    state.modalities = new Set(f.modalities || d.modalities);
    state.negated = !!f.negated;
    state.minConfidence = +(f.minConfidence || 0);
    state.minArticles = Math.max(1, parseInt(f.minArticles || 1, 10) || 1);
    state.since = f.since || '';
    state.until = f.until || '';
    state.hops = f.hops || 1;
    state.ego = (f.ego === null || f.ego === undefined) ? null : nodeIndex(f.ego);
  }
  function nodeIndex(x) {
    if (typeof x === 'number') return x;
    var k = D.nodes.iri.indexOf(x);
    return k < 0 ? null : k;
  }

  // ------------------------------------------------------------ the view (rules 1-3)

  function statementPasses(k) {
    if (!state.relations.has(ST.r[k])) return false;
    if (!state.modalities.has(D.modalities[ST.m[k]])) return false;
    if (ST.n[k] && !state.negated) return false;
    if (ST.c[k] < state.minConfidence - 1e-9) return false;
    if (state.since || state.until) {
      var d = ST.d[k];
      if (!d || (state.since && d < state.since) || (state.until && d > state.until)) return false;
    }
    if (!state.types.has(D.nodes.type[ST.s[k]]) || !state.types.has(D.nodes.type[ST.o[k]])) return false;
    return true;
  }

  function compute() {
    var edges = new Map();
    for (var k = 0; k < SN; k++) {
      if (!statementPasses(k)) continue;
      var id = ST.s[k] + '>' + ST.o[k];
      var e = edges.get(id);
      if (!e) { e = { id: id, s: ST.s[k], o: ST.o[k], sts: [] }; edges.set(id, e); }
      e.sts.push(k);
    }
    if (state.minArticles > 1) {
      edges.forEach(function (e, id) {
        var arts = new Set(e.sts.map(function (k) { return ST.a[k]; }));
        if (arts.size < state.minArticles) edges.delete(id);
      });
    }
    var nodes = new Set();
    var rings = [];
    if (state.ego !== null) {
      var adj = new Map();
      edges.forEach(function (e) {
        if (!adj.has(e.s)) adj.set(e.s, new Set());
        if (!adj.has(e.o)) adj.set(e.o, new Set());
        adj.get(e.s).add(e.o); adj.get(e.o).add(e.s);
      });
      nodes.add(state.ego);
      var frontier = [state.ego];
      for (var h = 0; h < state.hops; h++) {
        var next = new Set();
        frontier.forEach(function (v) {
          (adj.get(v) || new Set()).forEach(function (n) { if (!nodes.has(n)) next.add(n); });
        });
        if (!next.size) break;
        var ring = Array.from(next).sort(function (a, b) { return a - b; });
        ring.forEach(function (n) { nodes.add(n); });
        rings.push(ring);
        frontier = ring;
      }
      edges.forEach(function (e, id) { if (!nodes.has(e.s) || !nodes.has(e.o)) edges.delete(id); });
    } else {
      edges.forEach(function (e) { nodes.add(e.s); nodes.add(e.o); });
    }
    return { edges: edges, nodes: nodes, rings: rings };
  }

  // Rings around the ego centre, each ordered by the angle in the whole-graph layout (kg/views/layout.py ring_layout).
  function ringPositions(centre, rings) {
    var out = new Map();
    out.set(centre, [0, 0]);
    var cx = D.nodes.x[centre], cy = D.nodes.y[centre];
    var radius = 0;
    rings.forEach(function (ring) {
      if (!ring.length) return;
      radius = Math.max(radius + 2.2 * SPACING, ring.length * SPACING / (2 * Math.PI));
      var order = ring.slice().sort(function (a, b) {
        var da = Math.atan2(D.nodes.y[a] - cy, D.nodes.x[a] - cx);
        var db = Math.atan2(D.nodes.y[b] - cy, D.nodes.x[b] - cx);
        return da - db || a - b;
      });
      order.forEach(function (v, j) {
        var ang = 2 * Math.PI * j / order.length;
        out.set(v, [Math.round(radius * Math.cos(ang) * 10) / 10, Math.round(radius * Math.sin(ang) * 10) / 10]);
      });
    });
    return out;
  }

  // ------------------------------------------------------------ drawing

  var nodesDS = new vis.DataSet();
  var edgesDS = new vis.DataSet();
  var drawn = { nodes: new Map(), edges: new Map() };  // id -> signature of what is drawn
  var arrowsOn = true;
  var view = null;

  var network = new vis.Network($('kg-network'), { nodes: nodesDS, edges: edgesDS }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false },
    interaction: {
      hover: true, tooltipDelay: 120, multiselect: false,
      hideEdgesOnDrag: LARGE, hideEdgesOnZoom: LARGE
    },
    nodes: { shape: 'dot', borderWidth: 1 },  // labels are painted by paintLabels()
    edges: {
      smooth: false, selectionWidth: 2, hoverWidth: 0.5,
      arrows: { to: { enabled: true, scaleFactor: 0.45 } },
      font: { size: 10, align: 'middle', face: 'system-ui, sans-serif', strokeWidth: 3, strokeColor: '#ffffff' }
    }
  });

  function edgeGroupColor(e) {
    var counts = {};
    var best = null;
    e.sts.forEach(function (k) {
      var g = relGroup[ST.r[k]];
      counts[g] = (counts[g] || 0) + 1;
      if (best === null || counts[g] > counts[best] || (counts[g] === counts[best] && g < best)) best = g;
    });
    return D.groups[best].color;
  }
  function edgeRelations(e) {
    var seen = new Map();
    e.sts.forEach(function (k) { seen.set(ST.r[k], (seen.get(ST.r[k]) || 0) + 1); });
    return Array.from(seen.entries()).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
  }

  function draw() {
    view = compute();
    var degree = new Map();
    view.edges.forEach(function (e) {
      degree.set(e.s, (degree.get(e.s) || 0) + e.sts.length);
      degree.set(e.o, (degree.get(e.o) || 0) + e.sts.length);
    });
    var pos = state.ego !== null ? ringPositions(state.ego, view.rings) : null;
    view.degree = degree;
    view.pos = pos;

    var addN = [], updN = [], remN = [];
    drawn.nodes.forEach(function (_, id) { if (!view.nodes.has(id)) remN.push(id); });
    view.nodes.forEach(function (id) {
      var t = D.types[D.nodes.type[id]];
      var xy = pos ? pos.get(id) : [D.nodes.x[id], D.nodes.y[id]];
      var centre = id === state.ego;
      var sig = [xy[0], xy[1], centre].join('|');
      if (drawn.nodes.get(id) === sig) return;
      var item = {
        id: id, x: xy[0], y: xy[1], size: nodeSize(id),
        title: D.nodes.label[id] + ' (' + t.label + ')\n' + plural(nodeTotal[id], 'statement') + ' in all',
        color: { background: t.color, border: centre ? '#111111' : '#555555',
                 highlight: { background: t.color, border: '#000000' },
                 hover: { background: t.color, border: '#000000' } },
        borderWidth: centre ? 3 : 1
      };
      (drawn.nodes.has(id) ? updN : addN).push(item);
      drawn.nodes.set(id, sig);
    });
    remN.forEach(function (id) { drawn.nodes.delete(id); });

    var showEdgeLabels = view.edges.size < EDGE_LABELS_BELOW;
    var addE = [], updE = [], remE = [];
    drawn.edges.forEach(function (_, id) { if (!view.edges.has(id)) remE.push(id); });
    view.edges.forEach(function (e, id) {
      var rels = edgeRelations(e);
      var relText = rels.map(function (r) { return D.relations[r[0]].label; }).join(', ');
      var arts = new Set(e.sts.map(function (k) { return ST.a[k]; })).size;
      var color = edgeGroupColor(e);
      var width = 1 + 1.6 * Math.log2(e.sts.length);
      var label = showEdgeLabels ? relText : '';
      var sig = [label, width.toFixed(2), color, e.sts.length, arts].join('|');
      if (drawn.edges.get(id) === sig) return;
      var item = {
        id: id, from: e.s, to: e.o, width: width, label: label, font: { size: edgeLabelSize || 10 },
        color: { color: color, highlight: color, hover: color, opacity: LARGE ? 0.55 : 0.8 },
        title: D.nodes.label[e.s] + ' \u2192 ' + D.nodes.label[e.o] + '\n' +
          rels.map(function (r) { return D.relations[r[0]].label + ' (' + r[1] + ')'; }).join(', ') + '\n' +
          plural(e.sts.length, 'statement') + ' from ' + plural(arts, 'article') + ' \u2014 click for the evidence'
      };
      (drawn.edges.has(id) ? updE : addE).push(item);
      drawn.edges.set(id, sig);
    });
    remE.forEach(function (id) { drawn.edges.delete(id); });

    view.order = Array.from(view.nodes).sort(function (a, b) {
      return (degree.get(b) || 0) - (degree.get(a) || 0) || a - b;
    });
    var arrows = view.edges.size < ARROWS_BELOW;
    batch(function () {
      if (arrows !== arrowsOn) {
        arrowsOn = arrows;
        network.setOptions({ edges: { arrows: { to: { enabled: arrows, scaleFactor: 0.45 } } } });
      }
      if (remE.length) edgesDS.remove(remE);
      if (remN.length) nodesDS.remove(remN);
      if (addN.length) nodesDS.add(addN);
      if (updN.length) nodesDS.update(updN);
      if (addE.length) edgesDS.add(addE);
      if (updE.length) edgesDS.update(updE);
      updateLabels();
      if (state.selected && state.selected.kind === 'edge' && !view.edges.has(state.selected.id)) {
        state.selected = null;
      }
      syncSelection();
    });

    renderStats();
    renderLegendCounts();
    renderEvidence();
    renderTimeline();
    renderEgoBar();
    $('kg-empty').hidden = view.nodes.size > 0;
  }

  // vis-network redraws the whole canvas after every change to its data sets; with thousands of edges that
  // is most of the cost of a filter change, so changes are made with drawing held back, then drawn once.
  // (_blockRedraw and _allowRedraw are the events vis-network itself uses around stabilisation.)
  function batch(fn) {
    var emitter = network.body && network.body.emitter;
    if (!emitter) { fn(); return; }
    emitter.emit('_blockRedraw');
    try { fn(); } finally { emitter.emit('_allowRedraw'); }
    network.redraw();
  }

  function nodeSize(id) { return Math.min(40, 7 + 4 * Math.log2(1 + nodeTotal[id])); }

  // Labels are painted on the canvas after each frame (no data-set change, so zooming stays smooth): the most
  // connected actors in sight first, skipping any label that would overlap one already placed, at a fixed
  // size on screen. Every other actor names itself on hover.
  var labelsDrawn = [];
  function chooseLabels(scale) {
    var font = LABEL_PX / scale;
    var box = $('kg-network');
    var tl = network.DOMtoCanvas({ x: 0, y: 0 });
    var br = network.DOMtoCanvas({ x: box.clientWidth, y: box.clientHeight });
    var sel = state.selected && state.selected.kind === 'node' && view.nodes.has(state.selected.id)
      ? state.selected.id : null;
    var ids = view.order;
    var first = [sel, state.ego].filter(function (x) { return x !== null && view.nodes.has(x); });
    var placed = [], chosen = [];
    function tryPlace(id, force) {
      var xy = view.pos ? view.pos.get(id) : [D.nodes.x[id], D.nodes.y[id]];
      if (xy[0] < tl.x || xy[0] > br.x || xy[1] < tl.y || xy[1] > br.y) return;
      var w = D.nodes.label[id].length * font * 0.56 + font * 0.4, h = font * 1.3;
      var y = xy[1] + nodeSize(id) + 2 / scale;
      var b = [xy[0] - w / 2, y, xy[0] + w / 2, y + h];
      for (var q = 0; q < placed.length && !force; q++) {
        var c = placed[q];
        if (b[0] < c[2] && c[0] < b[2] && b[1] < c[3] && c[1] < b[3]) return;
      }
      placed.push(b);
      chosen.push([id, xy[0], y]);
    }
    first.forEach(function (id) { tryPlace(id, true); });
    for (var j = 0; j < ids.length && chosen.length < MAX_LABELS; j++) {
      if (first.indexOf(ids[j]) < 0) tryPlace(ids[j], false);
    }
    return chosen;
  }
  function paintLabels(ctx) {
    if (!view || !view.order) return;
    var scale = network.getScale() || 1;
    labelsDrawn = chooseLabels(scale);
    var font = LABEL_PX / scale;
    var sel = state.selected && state.selected.kind === 'node' ? state.selected.id : null;
    ctx.save();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.lineJoin = 'round';
    ctx.lineWidth = font * 0.3;
    ctx.strokeStyle = 'rgba(255,255,255,0.92)';
    ctx.fillStyle = '#222222';
    labelsDrawn.forEach(function (l) {
      ctx.font = (l[0] === sel || l[0] === state.ego ? 'bold ' : '') + font + 'px system-ui, sans-serif';
      ctx.strokeText(D.nodes.label[l[0]], l[1], l[2]);
      ctx.fillText(D.nodes.label[l[0]], l[1], l[2]);
    });
    ctx.restore();
  }

  // Relation names on edges (small views only) keep a readable size on screen too.
  var edgeLabelSize = 0;
  function updateLabels() {
    if (!view) return;
    var edgeFont = Math.min(300, Math.max(2, EDGE_LABEL_PX / (network.getScale() || 1)));
    if (view.edges.size < EDGE_LABELS_BELOW && Math.abs(edgeFont - edgeLabelSize) > 0.01) {
      edgeLabelSize = edgeFont;
      edgesDS.update(Array.from(view.edges.keys()).map(function (id) { return { id: id, font: { size: edgeFont } }; }));
    }
  }
  var labelTimer = null;
  function labelsSoon() { clearTimeout(labelTimer); labelTimer = setTimeout(updateLabels, 120); }

  function syncSelection() {
    var sel = state.selected;
    var now = network.getSelection();
    if (sel && sel.kind === 'node' && view.nodes.has(sel.id)) {
      if (now.nodes.length !== 1 || now.nodes[0] !== sel.id) network.selectNodes([sel.id], false);
    } else if (sel && sel.kind === 'edge' && view.edges.has(sel.id)) {
      if (now.edges.length !== 1 || now.edges[0] !== sel.id || now.nodes.length) network.selectEdges([sel.id]);
    } else if (now.nodes.length || now.edges.length) {
      network.unselectAll();
    }
  }

  // ------------------------------------------------------------ filter panel

  function buildFilters() {
    var types = $('kg-types');
    D.types.forEach(function (t, k) {
      if (!typeTotal[k]) return;
      var box = el('input', { type: 'checkbox', 'data-type': t.name, 'aria-label': t.label });
      box.addEventListener('change', function () {
        if (box.checked) state.types.add(k); else state.types.delete(k);
        draw();
      });
      types.appendChild(el('li', null, [el('label', null, [
        box, el('span', { className: 'kg-swatch', style: 'background:' + t.color }), t.label + ' ',
        el('span', { className: 'kg-count', 'data-type-count': t.name })])]));
    });

    var rels = $('kg-relations');
    D.groups.forEach(function (g, gi) {
      var members = [];
      D.relations.forEach(function (r, k) { if (r.group === gi && relTotal[k]) members.push(k); });
      if (!members.length) return;
      var gbox = el('input', { type: 'checkbox', 'data-group': g.name, 'aria-label': g.label });
      gbox.addEventListener('change', function () {
        members.forEach(function (k) { if (gbox.checked) state.relations.add(k); else state.relations.delete(k); });
        syncControls();
        draw();
      });
      var list = el('ul');
      members.forEach(function (k) {
        var r = D.relations[k];
        var box = el('input', { type: 'checkbox', 'data-relation': r.name, 'aria-label': r.label });
        box.addEventListener('change', function () {
          if (box.checked) state.relations.add(k); else state.relations.delete(k);
          draw();
        });
        list.appendChild(el('li', null, [el('label', null, [box, r.label + ' ',
          el('span', { className: 'kg-count', 'data-relation-count': r.name })])]));
      });
      rels.appendChild(el('div', { className: 'kg-group' }, [
        el('label', { className: 'kg-group-name' }, [gbox,
          el('span', { className: 'kg-line', style: 'background:' + g.color }), g.label + ' ',
          el('span', { className: 'kg-count', 'data-group-count': g.name })]), list]));
    });

    var mods = $('kg-modalities');
    D.modalities.concat(['negated']).forEach(function (m) {
      if (!modTotal[m] && m !== 'asserted') return;
      var box = el('input', { type: 'checkbox', 'data-modality': m, 'aria-label': m });
      box.addEventListener('change', function () {
        if (m === 'negated') state.negated = box.checked;
        else if (box.checked) state.modalities.add(m); else state.modalities.delete(m);
        draw();
      });
      mods.appendChild(el('li', null, [el('label', null, [box, (m === 'negated' ? 'negated (“did not …”)' : m) + ' ',
        el('span', { className: 'kg-count', 'data-modality-count': m })])]));
    });

    var conf = $('kg-min-confidence');
    conf.addEventListener('input', function () {
      state.minConfidence = +conf.value;
      $('kg-min-confidence-value').textContent = (+conf.value).toFixed(2);
      draw();
    });
    var arts = $('kg-min-articles');
    arts.addEventListener('input', function () {
      state.minArticles = Math.max(1, parseInt(arts.value, 10) || 1);
      draw();
    });
    ['since', 'until'].forEach(function (key) {
      var input = $('kg-' + key);
      if (D.dateMin) { input.min = D.dateMin; input.max = D.dateMax; }
      input.addEventListener('change', function () { state[key] = input.value; draw(); });
    });
    $('kg-dates-clear').addEventListener('click', function () { state.since = state.until = ''; syncControls(); draw(); });
    $('kg-reset').addEventListener('click', function () {
      setFilters({});
      syncControls();
      draw();
      refit();
    });
  }

  function syncControls() {
    document.querySelectorAll('[data-type]').forEach(function (b) {
      b.checked = state.types.has(D.types.findIndex(function (t) { return t.name === b.dataset.type; }));
    });
    document.querySelectorAll('[data-relation]').forEach(function (b) {
      b.checked = state.relations.has(D.relations.findIndex(function (r) { return r.name === b.dataset.relation; }));
    });
    document.querySelectorAll('[data-modality]').forEach(function (b) {
      b.checked = b.dataset.modality === 'negated' ? state.negated : state.modalities.has(b.dataset.modality);
    });
    $('kg-min-confidence').value = state.minConfidence;
    $('kg-min-confidence-value').textContent = state.minConfidence.toFixed(2);
    $('kg-min-articles').value = state.minArticles;
    $('kg-since').value = state.since;
    $('kg-until').value = state.until;
    $('kg-hops').value = String(state.hops);
  }

  function renderLegendCounts() {
    var typeCount = new Int32Array(D.types.length);
    view.nodes.forEach(function (id) { typeCount[D.nodes.type[id]]++; });
    var relCount = new Int32Array(D.relations.length);
    var modCount = {};
    view.edges.forEach(function (e) {
      e.sts.forEach(function (k) {
        relCount[ST.r[k]]++;
        var m = D.modalities[ST.m[k]];
        modCount[m] = (modCount[m] || 0) + 1;
        if (ST.n[k]) modCount.negated = (modCount.negated || 0) + 1;
      });
    });
    function show(span, shown, on, total) {
      span.textContent = on ? String(shown) : '(' + total + ')';
      span.className = 'kg-count' + (on ? '' : ' kg-off');
      span.title = on ? shown + ' shown of ' + total : total + ' in all, not shown';
    }
    D.types.forEach(function (t, k) {
      var span = document.querySelector('[data-type-count="' + t.name + '"]');
      if (span) show(span, typeCount[k], state.types.has(k), typeTotal[k]);
    });
    D.relations.forEach(function (r, k) {
      var span = document.querySelector('[data-relation-count="' + r.name + '"]');
      if (span) show(span, relCount[k], state.relations.has(k), relTotal[k]);
    });
    D.groups.forEach(function (g, gi) {
      var shown = 0, total = 0, on = 0, n = 0;
      D.relations.forEach(function (r, k) {
        if (r.group !== gi) return;
        n++; shown += relCount[k]; total += relTotal[k];
        if (state.relations.has(k)) on++;
      });
      var box = document.querySelector('[data-group="' + g.name + '"]');
      if (!box) return;
      box.checked = on === n; box.indeterminate = on > 0 && on < n;
      show(document.querySelector('[data-group-count="' + g.name + '"]'), shown, on > 0, total);
    });
    D.modalities.concat(['negated']).forEach(function (m) {
      var on = m === 'negated' ? state.negated : state.modalities.has(m);
      var span = document.querySelector('[data-modality-count="' + m + '"]');
      if (span) show(span, modCount[m] || 0, on, modTotal[m] || 0);
    });
  }

  function renderStats() {
    var shown = 0;
    view.edges.forEach(function (e) { shown += e.sts.length; });
    $('kg-stats').textContent = plural(view.nodes.size, 'actor') + ' \u00b7 ' + plural(view.edges.size, 'edge') +
      ' \u00b7 ' + shown + ' of ' + plural(SN, 'statement') +
      (arrowsOn ? '' : ' \u00b7 arrows hidden above ' + ARROWS_BELOW + ' edges (hover or click an edge for its direction)');
  }

  // Fit the view to the window, then size labels so they read at that zoom (vis-network caps them on zoom-in).
  function refit() {
    network.fit({ animation: false });
    // A margin, so that the labels of the outermost actors stay in sight.
    network.moveTo({ scale: network.getScale() * 0.9, position: network.getViewPosition(), animation: false });
    updateLabels();
  }

  // ------------------------------------------------------------ ego view

  function enterEgo(id, hops) {
    state.ego = id;
    if (hops) state.hops = hops;
    state.selected = { kind: 'node', id: id };
    $('kg-hops').value = String(state.hops);
    draw();
    refit();
  }
  function leaveEgo() {
    if (state.ego === null) return;
    state.ego = null;
    draw();
    refit();
  }
  function renderEgoBar() {
    var bar = $('kg-ego-bar');
    bar.hidden = state.ego === null;
    if (state.ego !== null) $('kg-ego-name').textContent = D.nodes.label[state.ego];
  }

  // ------------------------------------------------------------ selection and evidence

  function selectNode(id, focus) {
    state.selected = { kind: 'node', id: id };
    if (state.ego !== null && !view.nodes.has(id)) {
      state.ego = null;
      draw();
    } else {
      // No redraw of the graph: a click must stay quick, or the second click of a double-click comes too late.
      syncSelection(); renderEvidence(); renderTimeline(); updateLabels();
    }
    if (focus && view.nodes.has(id)) {
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300 } });
    }
  }
  function selectEdge(id) { state.selected = { kind: 'edge', id: id }; renderEvidence(); renderTimeline(); }
  function clearSelection() {
    state.selected = null; network.unselectAll(); renderEvidence(); renderTimeline(); updateLabels();
  }

  function selectionStatements() {
    var sel = state.selected;
    if (sel && sel.kind === 'edge') { var e = view.edges.get(sel.id); return e ? e.sts.slice() : []; }
    var out = [];
    view.edges.forEach(function (e) {
      if (!sel || e.s === sel.id || e.o === sel.id) for (var j = 0; j < e.sts.length; j++) out.push(e.sts[j]);
    });
    return out;
  }
  function byDate(a, b) {
    var da = ST.d[a] || '9999', db = ST.d[b] || '9999';
    return da < db ? -1 : da > db ? 1 : a - b;
  }

  function statementItem(k, withActors) {
    var rel = D.relations[ST.r[k]];
    var flags = [];
    if (ST.n[k]) flags.push('negated');
    if (D.modalities[ST.m[k]] !== 'asserted') flags.push(D.modalities[ST.m[k]]);
    var art = ST.a[k];
    var title = D.articles.title[art] || D.articles.id[art];
    var url = D.articles.url[art];
    var source = /^https?:\/\//i.test(url || '') ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' },
                                                       [title]) : el('span', null, [title]);
    var meta = [source];
    if (ST.d[k]) meta.push(' \u00b7 ' + ST.d[k]);
    if (D.articles.source[art]) meta.push(' \u00b7 ' + D.articles.source[art]);
    meta.push(' \u00b7 rule ' + (D.rules[ST.u[k]] || 'unknown'));
    meta.push(' \u00b7 confidence ' + ST.c[k].toFixed(2));
    var head = [el('span', { className: 'kg-rel', style: 'color:' + D.groups[relGroup[ST.r[k]]].color },
                   [rel.label])];
    if (withActors) {
      head = [el('b', null, [D.nodes.label[ST.s[k]]]), ' '].concat(head, [' ', el('b', null, [D.nodes.label[ST.o[k]]])]);
    }
    flags.forEach(function (f) { head.push(' '); head.push(el('span', { className: 'kg-flag' }, [f])); });
    return el('li', { className: 'kg-statement' }, [
      el('div', { className: 'kg-head' }, head),
      el('blockquote', null, [D.sentences[ST.e[k]]]),
      el('div', { className: 'kg-meta' }, meta)]);
  }

  function statementList(sts, withActors) {
    var list = el('ol', { className: 'kg-statements' });
    var shown = 0;
    function more() {
      var stop = Math.min(sts.length, shown + LIST_STEP);
      for (; shown < stop; shown++) list.appendChild(statementItem(sts[shown], withActors));
      button.hidden = shown >= sts.length;
      button.textContent = 'Show ' + Math.min(LIST_STEP, sts.length - shown) + ' more of ' + (sts.length - shown);
    }
    var button = el('button', { type: 'button', className: 'kg-more', onclick: more });
    more();
    return el('div', null, [list, button]);
  }

  function renderEvidence() {
    var body = $('kg-evidence-body');
    body.textContent = '';
    var sel = state.selected;
    if (!sel) {
      body.appendChild(el('div', { className: 'kg-help' }, [
        el('h2', { text: 'Evidence' }),
        el('p', { text: 'Click an edge to read every statement behind it; click an actor for its statements in ' +
                        'date order. Double-click an actor (or use the buttons in its panel) for its neighbourhood.' }),
        el('p', { text: 'Edge width grows with the number of statements; colours: actor type for nodes, relation ' +
                        'group for edges. Labels show for the most connected actors; hover for the others.' })]));
      return;
    }
    var sts = selectionStatements().sort(byDate);
    if (sel.kind === 'edge') {
      var e = view.edges.get(sel.id);
      if (!e) { state.selected = null; renderEvidence(); return; }
      var arts = new Set(e.sts.map(function (k) { return ST.a[k]; })).size;
      body.appendChild(el('h2', { id: 'kg-evidence-title' }, [D.nodes.label[e.s] + ' \u2192 ' + D.nodes.label[e.o]]));
      body.appendChild(el('p', { className: 'kg-sub' }, [plural(sts.length, 'statement') + ' from ' +
        plural(arts, 'article') + ', in date order']));
      body.appendChild(statementList(sts, false));
      body.appendChild(stancePanel(e.s, e.o));
      return;
    }
    var id = sel.id;
    var t = D.types[D.nodes.type[id]];
    body.appendChild(el('h2', { id: 'kg-evidence-title' }, [D.nodes.label[id]]));
    var aliases = (D.nodes.aliases[id] || []);
    body.appendChild(el('p', { className: 'kg-sub' }, [
      el('span', { className: 'kg-swatch', style: 'background:' + t.color }), t.label,
      aliases.length ? ' \u00b7 also named: ' + aliases.join(', ') : '']));
    var egoButtons = el('p', { className: 'kg-ego-buttons' }, ['Neighbourhood: ',
      el('button', { type: 'button', 'data-ego-hops': '1', onclick: function () { enterEgo(id, 1); } }, ['1 hop']), ' ',
      el('button', { type: 'button', 'data-ego-hops': '2', onclick: function () { enterEgo(id, 2); } }, ['2 hops'])]);
    body.appendChild(egoButtons);
    if (!view.nodes.has(id)) {
      body.appendChild(el('p', { className: 'kg-warn' }, [
        'Hidden by the current filters (' + plural(nodeTotal[id], 'statement') + ' in all). ',
        el('button', { type: 'button', onclick: function () { $('kg-reset').click(); selectNode(id, true); } },
           ['Reset filters'])]));
      return;
    }
    var asSubject = sts.filter(function (k) { return ST.s[k] === id; }).length;
    body.appendChild(el('p', { className: 'kg-sub' }, [plural(sts.length, 'statement') + ' shown (' + asSubject +
      ' as subject, ' + (sts.length - asSubject) + ' as object) of ' + nodeTotal[id] + ', in date order']));
    body.appendChild(statementList(sts, true));
  }

  // ------------------------------------------------------------ stance over time (a selected pair)
  // The rules of kg/views/story.py: per month, the sum of each statement's stance sign (+1 supports, agrees,
  // cooperates; -1 criticises, accuses, opposes, threatens: pk:stanceSign) times its confidence, over the
  // pair's statements that pass the modality and confidence filters (never negated ones) at any date; a
  // turning point is a month whose sign differs from the last earlier month with a stance.

  var relSign = D.relations.map(function (r) { return r.sign || 0; });

  function pairStance(s, o) {
    var per = new Map();
    for (var k = 0; k < SN; k++) {
      if (ST.s[k] !== s || ST.o[k] !== o || !relSign[ST.r[k]] || !ST.d[k] || ST.n[k]) continue;
      if (!state.modalities.has(D.modalities[ST.m[k]]) || ST.c[k] < state.minConfidence - 1e-9) continue;
      var key = monthKey(ST.d[k]);
      var p = per.get(key);
      if (!p) { p = { month: key, score: 0, sts: [] }; per.set(key, p); }
      p.score += relSign[ST.r[k]] * ST.c[k];
      p.sts.push(k);
    }
    var periods = Array.from(per.values()).sort(function (a, b) { return a.month < b.month ? -1 : 1; });
    var turns = [], last = null;
    periods.forEach(function (p) {
      p.sign = p.score > 1e-9 ? 1 : p.score < -1e-9 ? -1 : 0;
      if (!p.sign) return;
      if (last && p.sign !== last.sign) {
        turns.push({ month: p.month, before: last.month, to: p.sign,
                     sts: p.sts.filter(function (k) { return relSign[ST.r[k]] === p.sign; }).sort(byDate) });
      }
      last = p;
    });
    return { s: s, o: o, periods: periods, turns: turns };
  }

  function monthsBetween(first, last) {
    var out = [], y = +first.slice(0, 4), m = +first.slice(5, 7);
    for (;;) {
      var key = y + '-' + (m < 10 ? '0' : '') + m;
      out.push(key);
      if (key >= last || out.length > 1200) return out;
      m++; if (m > 12) { m = 1; y++; }
    }
  }

  function stanceChart(st) {
    var NSVG = 'http://www.w3.org/2000/svg';
    var first = st.periods[0].month, last = st.periods[st.periods.length - 1].month;
    var keys = monthsBetween(first, last);
    var byMonth = new Map(st.periods.map(function (p) { return [p.month, p]; }));
    var turnAt = new Set(st.turns.map(function (t) { return t.month; }));
    var width = 340, height = 90, mid = 45, axis = 12;
    var max = 0.001;
    st.periods.forEach(function (p) { max = Math.max(max, Math.abs(p.score)); });
    var bw = width / keys.length, scale = (mid - 8) / max;
    var svg = document.createElementNS(NSVG, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (height + axis));
    svg.setAttribute('class', 'kg-stance-chart');
    svg.setAttribute('role', 'img');
    keys.forEach(function (key, j) {
      var p = byMonth.get(key), v = p ? p.score : 0;
      var g = document.createElementNS(NSVG, 'g');
      var inRange = (!state.since || lastDay(key) >= state.since) && (!state.until || key + '-01' <= state.until);
      g.setAttribute('class', 'kg-stance-month' + (inRange ? '' : ' kg-out'));
      g.setAttribute('data-month', key);
      g.setAttribute('data-score', v.toFixed(3));
      var hit = document.createElementNS(NSVG, 'rect');
      hit.setAttribute('x', j * bw); hit.setAttribute('y', 0); hit.setAttribute('width', bw);
      hit.setAttribute('height', height); hit.setAttribute('class', 'kg-hit');
      g.appendChild(hit);
      if (v) {
        var bar = document.createElementNS(NSVG, 'rect');
        var h = Math.max(1.5, Math.abs(v) * scale);
        bar.setAttribute('x', j * bw + Math.min(2, bw * 0.15)); bar.setAttribute('width', Math.max(1, bw - Math.min(4, bw * 0.3)));
        bar.setAttribute('y', v > 0 ? mid - h : mid); bar.setAttribute('height', h);
        bar.setAttribute('class', v > 0 ? 'kg-for' : 'kg-against');
        g.appendChild(bar);
      }
      if (turnAt.has(key)) {
        var line = document.createElementNS(NSVG, 'line');
        line.setAttribute('x1', j * bw); line.setAttribute('x2', j * bw); line.setAttribute('y1', 0);
        line.setAttribute('y2', height); line.setAttribute('class', 'kg-turn');
        g.appendChild(line);
      }
      var tip = document.createElementNS(NSVG, 'title');
      tip.textContent = key + ': stance ' + (v > 0 ? '+' : '') + v.toFixed(2) + (p ? ' (' + plural(p.sts.length, 'statement') + ')' : '') +
        (turnAt.has(key) ? ', turning point' : '') + ' \u2014 click to show this month only';
      g.appendChild(tip);
      g.addEventListener('click', function () {
        state.since = key + '-01'; state.until = lastDay(key);
        syncControls(); draw();
      });
      svg.appendChild(g);
      if (j === 0 || j === keys.length - 1 || key.slice(5) === '01') {
        var text = document.createElementNS(NSVG, 'text');
        text.setAttribute('x', j === keys.length - 1 && j ? width - 2 : j * bw + 1);
        text.setAttribute('text-anchor', j === keys.length - 1 && j ? 'end' : 'start');
        text.setAttribute('y', height + axis - 2); text.setAttribute('class', 'kg-axis');
        text.textContent = key;
        svg.appendChild(text);
      }
    });
    var zero = document.createElementNS(NSVG, 'line');
    zero.setAttribute('x1', 0); zero.setAttribute('x2', width); zero.setAttribute('y1', mid); zero.setAttribute('y2', mid);
    zero.setAttribute('class', 'kg-zero');
    svg.appendChild(zero);
    return svg;
  }

  function stancePanel(s, o) {
    var box = el('section', { id: 'kg-stance' }, [el('h3', null, ['Stance over time'])]);
    var shown = 0;
    [[s, o], [o, s]].forEach(function (pair) {
      var st = pairStance(pair[0], pair[1]);
      if (!st.periods.length) return;
      shown++;
      var part = el('div', { className: 'kg-stance-pair', 'data-subject': D.nodes.iri[pair[0]],
                             'data-object': D.nodes.iri[pair[1]] }, [
        el('p', { className: 'kg-sub' }, [D.nodes.label[pair[0]] + ' toward ' + D.nodes.label[pair[1]] +
          ' per month (+ for, \u2212 against, \u00d7 confidence); click a month to show it alone']),
        stanceChart(st)]);
      st.turns.forEach(function (t) {
        var list = el('ol', { className: 'kg-statements' });
        t.sts.forEach(function (k) { list.appendChild(statementItem(k, false)); });
        part.appendChild(el('div', { className: 'kg-turning', 'data-month': t.month }, [
          el('p', null, [el('b', null, ['Turning point ' + t.month]),
            ': ' + (t.to > 0 ? 'for' : 'against') + ' (after ' + t.before + '), because:']), list]));
      });
      box.appendChild(part);
    });
    if (!shown) box.appendChild(el('p', { className: 'kg-sub' }, ['No dated statement of stance between them.']));
    return box;
  }

  // ------------------------------------------------------------ timeline

  function monthKey(d) { return d.slice(0, 7); }
  var months = [];
  if (D.dateMin) {
    var y = +D.dateMin.slice(0, 4), m = +D.dateMin.slice(5, 7);
    var endKey = monthKey(D.dateMax);
    for (;;) {
      var key = y + '-' + (m < 10 ? '0' : '') + m;
      months.push(key);
      if (key >= endKey || months.length > 1200) break;
      m++; if (m > 12) { m = 1; y++; }
    }
  }
  function lastDay(key) {
    var yy = +key.slice(0, 4), mm = +key.slice(5, 7);
    var d = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
    return key + '-' + (d < 10 ? '0' : '') + d;
  }

  function renderTimeline() {
    var svg = $('kg-timeline-chart');
    var NSVG = 'http://www.w3.org/2000/svg';
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var sel = state.selected;
    var what = !sel ? 'all shown statements' : sel.kind === 'edge' && view.edges.get(sel.id)
      ? D.nodes.label[view.edges.get(sel.id).s] + ' \u2192 ' + D.nodes.label[view.edges.get(sel.id).o]
      : sel.kind === 'node' ? D.nodes.label[sel.id] : 'all shown statements';
    var sts = selectionStatements();
    var counts = new Map();
    var undated = 0;
    sts.forEach(function (k) {
      if (!ST.d[k]) { undated++; return; }
      var key = monthKey(ST.d[k]);
      counts.set(key, (counts.get(key) || 0) + 1);
    });
    $('kg-timeline-title').textContent = 'Statements per month \u2014 ' + what +
      (undated ? ' (' + undated + ' undated)' : '') + (months.length ? '' : ': no dated statements');
    if (!months.length) return;
    var width = svg.clientWidth || 800, height = svg.clientHeight || 80;
    var axis = 14, top = 4;
    var max = 1;
    counts.forEach(function (v) { if (v > max) max = v; });
    var bw = width / months.length;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    months.forEach(function (key, j) {
      var v = counts.get(key) || 0;
      var inRange = (!state.since || lastDay(key) >= state.since) && (!state.until || key + '-01' <= state.until);
      var h = v ? Math.max(1.5, (height - axis - top) * v / max) : 0;
      var g = document.createElementNS(NSVG, 'g');
      g.setAttribute('class', 'kg-month' + (inRange ? '' : ' kg-out'));
      g.setAttribute('data-month', key);
      var hit = document.createElementNS(NSVG, 'rect');
      hit.setAttribute('x', j * bw); hit.setAttribute('y', 0);
      hit.setAttribute('width', bw); hit.setAttribute('height', height - axis);
      hit.setAttribute('class', 'kg-hit');
      var bar = document.createElementNS(NSVG, 'rect');
      bar.setAttribute('x', j * bw + Math.min(1, bw * 0.15)); bar.setAttribute('y', height - axis - h);
      bar.setAttribute('width', Math.max(0.5, bw - Math.min(2, bw * 0.3))); bar.setAttribute('height', h);
      bar.setAttribute('class', 'kg-bar');
      var tip = document.createElementNS(NSVG, 'title');
      tip.textContent = key + ': ' + plural(v, 'statement') + ' \u2014 click to show this month only';
      g.appendChild(hit); g.appendChild(bar); g.appendChild(tip);
      g.addEventListener('click', function () {
        state.since = key + '-01'; state.until = lastDay(key);
        syncControls(); draw();
      });
      svg.appendChild(g);
      if (key.slice(5) === '01' || j === 0) {
        var text = document.createElementNS(NSVG, 'text');
        text.setAttribute('x', j * bw + 2); text.setAttribute('y', height - 2);
        text.setAttribute('class', 'kg-axis');
        text.textContent = key.slice(0, 4);
        svg.appendChild(text);
      }
    });
  }

  // ------------------------------------------------------------ search

  function search(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    for (var k = 0; k < NN; k++) {
      var names = searchNames[k], score = 9, which = 0;
      for (var j = 0; j < names.length; j++) {
        var n = names[j], s = 9;
        if (n === q) s = j ? 1 : 0;
        else if (n.indexOf(q) === 0) s = j ? 3 : 2;
        else if ((' ' + n).indexOf(' ' + q) >= 0) s = 4;
        else if (n.indexOf(q) >= 0) s = 5;
        if (s < score) { score = s; which = j; }
      }
      if (score < 9) hits.push({ id: k, score: score, alias: which ? D.nodes.aliases[k][which - 1] : null });
    }
    hits.sort(function (a, b) {
      return a.score - b.score || nodeTotal[b.id] - nodeTotal[a.id] ||
        (D.nodes.label[a.id] < D.nodes.label[b.id] ? -1 : 1);
    });
    return hits.slice(0, 12);
  }

  function buildSearch() {
    var input = $('kg-search'), list = $('kg-suggest');
    var hits = [], active = 0;
    function paint() {
      list.textContent = '';
      hits.forEach(function (h, j) {
        var t = D.types[D.nodes.type[h.id]];
        var li = el('li', { role: 'option', 'data-node': String(h.id), className: j === active ? 'kg-active' : '' }, [
          el('span', { className: 'kg-swatch', style: 'background:' + t.color }), D.nodes.label[h.id],
          el('small', null, [' ' + t.label + (h.alias ? ' \u00b7 "' + h.alias + '"' : '') + ' \u00b7 ' +
            plural(nodeTotal[h.id], 'statement')])]);
        li.addEventListener('mousedown', function (ev) { ev.preventDefault(); choose(h.id); });
        list.appendChild(li);
      });
      list.hidden = !hits.length;
    }
    function choose(id) {
      input.value = D.nodes.label[id];
      hits = []; paint();
      selectNode(id, true);
    }
    input.addEventListener('input', function () { hits = search(input.value); active = 0; paint(); });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown' && hits.length) { active = (active + 1) % hits.length; paint(); ev.preventDefault(); }
      else if (ev.key === 'ArrowUp' && hits.length) {
        active = (active + hits.length - 1) % hits.length; paint(); ev.preventDefault();
      } else if (ev.key === 'Enter') {
        if (!hits.length) hits = search(input.value);
        if (hits.length) choose(hits[Math.min(active, hits.length - 1)].id);
        ev.preventDefault();
      } else if (ev.key === 'Escape') { hits = []; paint(); }
    });
    input.addEventListener('blur', function () { hits = []; paint(); });
  }

  // ------------------------------------------------------------ start

  network.on('click', function (p) {
    if (p.nodes.length) selectNode(p.nodes[0], false);
    else if (p.edges.length) selectEdge(p.edges[0]);
    else clearSelection();
  });
  network.on('afterDrawing', paintLabels);
  network.on('zoom', labelsSoon);
  network.on('animationFinished', labelsSoon);
  // The browser's own dblclick, not vis-network's (which misses double-clicks while a big page redraws).
  $('kg-network').addEventListener('dblclick', function (ev) {
    var rect = $('kg-network').getBoundingClientRect();
    var id = network.getNodeAt({ x: ev.clientX - rect.left, y: ev.clientY - rect.top });
    if (id !== undefined) enterEgo(id);
  });
  $('kg-whole').addEventListener('click', leaveEgo);
  $('kg-hops').addEventListener('change', function () { state.hops = +$('kg-hops').value; draw(); refit(); });
  $('kg-fit').addEventListener('click', function () { refit(); });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && document.activeElement !== $('kg-search')) {
      if (state.ego !== null) leaveEgo(); else clearSelection();
    }
  });
  window.addEventListener('resize', renderTimeline);

  setFilters(D.initial || {});
  if (state.ego !== null) state.selected = { kind: 'node', id: state.ego };
  buildFilters();
  buildSearch();
  syncControls();
  draw();
  refit();

  window.kgExplorer = {
    ready: true,
    network: network,
    state: state,
    setFilters: function (f) { setFilters(f); syncControls(); draw(); },
    visibleEdges: function () {
      return Array.from(view.edges.values()).map(function (e) {
        return [D.nodes.iri[e.s], D.nodes.iri[e.o], e.sts.length];
      });
    },
    visibleNodes: function () { return Array.from(view.nodes).map(function (k) { return D.nodes.iri[k]; }); },
    selectNode: function (iri) { selectNode(nodeIndex(iri), true); },
    selectEdge: function (s, o) {
      var id = nodeIndex(s) + '>' + nodeIndex(o);
      network.selectEdges([id]);
      selectEdge(id);
    },
    enterEgo: function (iri, hops) { enterEgo(nodeIndex(iri), hops); },
    stance: function (s, o) {
      var st = pairStance(nodeIndex(s), nodeIndex(o));
      return { periods: st.periods.map(function (p) { return [p.month, Math.round(p.score * 1000) / 1000]; }),
               turns: st.turns.map(function (t) { return [t.month, t.to, t.sts.map(function (k) { return D.sentences[ST.e[k]]; })]; }) };
    },
    labelledNodes: function () { return labelsDrawn.map(function (l) { return l[0]; }); },
    leaveEgo: leaveEgo,
    nodeIndex: nodeIndex,
    canvasPosition: function (iri) {
      var k = nodeIndex(iri);
      var p = network.getPositions([k])[k];
      return p ? network.canvasToDOM(p) : null;
    },
    pointOnEdge: function (s, o, t) {
      var a = network.getPositions([nodeIndex(s)])[nodeIndex(s)], b = network.getPositions([nodeIndex(o)])[nodeIndex(o)];
      return a && b ? network.canvasToDOM({ x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) }) : null;
    }
  };
})();
