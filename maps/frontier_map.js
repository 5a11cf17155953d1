/* frontier-mapper: incidents, frontier and context layers drawn from one JSON block.
 *
 * Every string from the data reaches the page through textContent or text
 * nodes, never innerHTML.  One filter state (dates, types, actors, side,
 * precision, fatalities, frontier km) decides which incidents are active;
 * points, clusters, heat, unit colours (frontier segments, districts, bands,
 * ...), legend counts, the title's "N of M" and the space-time chart all
 * follow it.  Unit counts are made here from the unit each incident has under
 * incidents.aggregate's rules (shipped per incident), so they equal
 * aggregate() of the same filtered table.  The state lives in the URL hash.
 */
(function () {
  "use strict";
  if (window.FrontierMap) { return; }
  var POINT_LIMIT = 2500;
  var POINT_ZOOM = 12;
  var CELL_PX = 64;
  var CIRCLE_ZOOM = 8;      // uncertainty circles only up to this zoom (then on selection)
  var CIRCLE_LIMIT = 1500;
  var NO_DAY = -2147483648;
  var YLORRD = ["#ffffcc", "#fed976", "#fd8d3c", "#e31a1c", "#800026"];
  var BLUES = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];
  var BAND_COLORS = ["#54278f", "#756bb1", "#9e9ac8", "#cbc9e2", "#eeeaf5"];
  var FM = { instances: {} };
  window.FrontierMap = FM;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function fmtInt(n) { return Number(n).toLocaleString("en-US"); }
  function isoDay(d) { return new Date(d * 86400000).toISOString().slice(0, 10); }
  function parseDay(s) {
    if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) { return null; }
    var t = Date.parse(s + "T00:00:00Z");
    return isNaN(t) ? null : Math.round(t / 86400000);
  }
  function tenth(v) { return v === null || v === undefined ? null : v / 10; }
  function plural(n, word) { return fmtInt(n) + " " + word + (n === 1 ? "" : "s"); }
  function stop(node) {
    L.DomEvent.disableClickPropagation(node);
    L.DomEvent.disableScrollPropagation(node);
  }
  function panel(cls, summary, open) {
    // a collapsible box: <details><summary>
    var d = el("details", "fm-box " + cls);
    if (open) { d.open = true; }
    d.appendChild(el("summary", null, summary));
    stop(d);
    return d;
  }

  function decode(raw) {
    if (!raw.gz) { return Promise.resolve(raw); }
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser cannot unpack the incident data"));
    }
    var bytes;
    if (typeof Uint8Array.fromBase64 === "function") {
      bytes = Uint8Array.fromBase64(raw.gz);
    } else {
      var bin = atob(raw.gz);
      bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function mark(name) {
    if (window.performance && performance.mark) { performance.mark(name); }
  }

  /* quantile classes, the rule of maps._aggregates_layer.classes */
  function quantile(sorted, p) {
    var h = (sorted.length - 1) * p, lo = Math.floor(h);
    if (lo + 1 >= sorted.length) { return sorted[sorted.length - 1]; }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }
  function classify(counts, palette) {
    var pos = [];
    for (var i = 0; i < counts.length; i++) { if (counts[i] > 0) { pos.push(counts[i]); } }
    pos.sort(function (a, b) { return a - b; });
    var classes = [{ lo: 0, hi: 0, label: "0", color: palette[0] }];
    if (pos.length) {
      var breaks = [];
      [0.25, 0.5, 0.75, 1].forEach(function (p) {
        var b = Math.ceil(quantile(pos, p) - 1e-9);
        if (breaks.indexOf(b) < 0) { breaks.push(b); }
      });
      var lo = 1;
      breaks.forEach(function (hi, k) {
        var c = palette[1 + Math.floor(k * (palette.length - 2) / Math.max(breaks.length - 1, 1))];
        classes.push({ lo: lo, hi: hi, label: lo === hi ? String(lo) : lo + "\u2013" + hi, color: c });
        lo = hi + 1;
      });
    }
    return classes;
  }
  function colorFor(classes, n) {
    if (!classes || !classes.length) { return "#ffffff"; }
    for (var k = classes.length - 1; k >= 0; k--) { if (n >= classes[k].lo) { return classes[k].color; } }
    return classes[0].color;
  }

  FM.init = function (opts) {
    mark("fm-init");
    var node = document.getElementById(opts.dataId);
    var map = opts.map;
    var inst = new Instance(map, opts);
    FM.instances[map.getContainer().id] = inst;
    FM.last = inst;
    var raw = JSON.parse(node.textContent);
    if (raw.gz) {
      decode(raw).then(function (d) { mark("fm-decoded"); inst.start(d); }, function (err) {
        inst.fail(err);
      });
    } else {
      inst.start(raw);
    }
    return inst;
  };

  function Instance(map, opts) {
    this.map = map;
    this.opts = opts;
    this.groups = opts.groups || {};
    this.ready = false;
    this.counts = { data: 0, active: 0, visible: 0, points: 0, clusters: 0, clustered: 0 };
    this.layers = {};
  }

  Instance.prototype.fail = function (err) {
    this.error = String(err && err.message ? err.message : err);
    var box = el("div", "fm-box fm-title");
    box.appendChild(el("p", "fm-notice", "Incident data could not be read: " + this.error));
    control(box, "topright").addTo(this.map);
  };

  Instance.prototype.pane = function (name, z) {
    var map = this.map;
    if (!map.getPane(name)) { map.createPane(name).style.zIndex = String(z); }
    return map.getPane(name);
  };

  function expandRuns(inc) {
    // compact columns (maps._incident_layer.compact): {"from": k} stands for k, k+1, ...;
    // {"const": v} for v in every row; {"base": b, "c": codes} for b + code (-1 missing)
    var n = inc.lat.length;
    Object.keys(inc).forEach(function (key) {
      var col = inc[key];
      if (!col || Array.isArray(col)) { return; }
      var out, i;
      if (typeof col.from === "number") {
        out = new Int32Array(n);
        for (i = 0; i < n; i++) { out[i] = col.from + i; }
      } else if ("const" in col) {
        out = new Array(n);
        for (i = 0; i < n; i++) { out[i] = col["const"]; }
      } else if (col.c) {
        out = new Int32Array(n);
        var b = col.base, c = col.c;
        for (i = 0; i < n; i++) { out[i] = c[i] < 0 ? -1 : b + c[i]; }
      } else { return; }
      inc[key] = out;
    });
  }

  Instance.prototype.onShow = function (name, draw) {
    // hidden layers are built the first time they are switched on
    var g = this.groups[name];
    if (!g) { return; }
    if (this.map.hasLayer(g)) { draw(); } else { g.once("add", draw); }
  };

  Instance.prototype.start = function (d) {
    var map = this.map;
    var self = this;
    if (d.inc) { expandRuns(d.inc); }
    this.d = d;
    var groupSet = new Set(Object.keys(this.groups).map(function (k) { return self.groups[k]; }));
    this.isGroup = function (layer) { return groupSet.has(layer); };
    var s = d.s || [];
    this.str = function (i) { return i === null || i === undefined || i < 0 ? null : s[i]; };
    this.pane("fmBase", 150);
    this.pane("fmAreas", 350);
    this.pane("fmLines", 380);
    this.pane("fmPoints", 420);
    this.pane("fmLabels", 450).style.pointerEvents = "none";
    this.pane("fmCrossings", 640);
    this.areaRenderer = L.canvas({ pane: "fmAreas" });
    this.lineRenderer = L.svg({ pane: "fmLines" });
    this.pointRenderer = L.canvas({ pane: "fmPoints", padding: 0.2 });
    if (d.basemap && this.groups.basemap) { this.drawBasemap(d.basemap); }
    this.setupIncidents();
    mark("fm-incidents");
    this.setupUnits();
    mark("fm-units");
    if (this.groups.crossings && d.crossings) { this.drawCrossings(d.crossings); }
    if (d.aggregates) {
      this.onShow("aggregates", function () { self.drawAggregates(d.aggregates); });
    }
    this.labels = new LabelLayer(this);
    this.state = this.defaultState();
    this.readHash();
    this.addControls();
    mark("fm-controls");
    this.tileFallback();
    map.on("moveend", function () { self.redraw(); self.labels.update(); });
    map.on("layeradd layerremove", function (e) { if (self.isGroup(e.layer)) { self.labels.update(); } });
    window.addEventListener("hashchange", function () {
      if (location.hash.slice(1) !== self.lastHash) { self.readHash(); self.apply(); }
    });
    this.apply();
    mark("fm-applied");
    this.labels.update();
    this.ready = true;
    mark("fm-ready");
    map.getContainer().setAttribute("data-fm-ready", "1");
  };

  /* ---------- basemap and labels ---------- */

  Instance.prototype.drawBasemap = function (b) {
    var g = this.groups.basemap;
    var r = L.canvas({ pane: "fmBase" });
    L.geoJSON(b.admin1, {
      renderer: r, interactive: false,
      style: { color: "#b9b3a6", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 }
    }).addTo(g);
    L.geoJSON(b.countries, {
      renderer: r, interactive: false,
      style: { color: "#6f6a60", weight: 1.4, fill: false }
    }).addTo(g);
    this.map.getContainer().style.background = "#dfe9f0";
  };

  Instance.prototype.tileFallback = function () {
    // tiles need a network: when they fail, our own place names take over
    var o = this.opts.controls || {};
    var g = this.groups.labels, map = this.map;
    if (!o.labels_on_tile_error || !g) { return; }
    var done = false;
    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) {
        layer.on("tileerror", function () {
          if (done) { return; }
          done = true;
          if (!map.hasLayer(g)) { map.addLayer(g); }
        });
      }
    });
  };

  function LabelLayer(inst) {
    this.inst = inst;
    this.pane = inst.map.getPane("fmLabels");
  }
  LabelLayer.prototype.update = function () {
    var inst = this.inst, map = inst.map, d = inst.d, g = inst.groups;
    var pane = this.pane;
    while (pane.firstChild) { pane.removeChild(pane.firstChild); }
    var z = map.getZoom();
    var cand = [];
    var on = function (name) { return g[name] && map.hasLayer(g[name]); };
    if (on("crossings") && d.crossings && z >= 7) {
      d.crossings.forEach(function (c) { cand.push({ t: c.name, lat: c.lat, lon: c.lon, cls: "fm-lbl-x", dx: 9 }); });
    }
    if (on("frontier") && d.km_labels) {
      var step = z >= 8 ? 100 : z >= 6 ? 500 : 1000;
      d.km_labels.forEach(function (k) {
        if (k.km % step === 0) { cand.push({ t: "km " + fmtInt(k.km), lat: k.lat, lon: k.lon, cls: "fm-lbl-km", dx: 6 }); }
      });
    }
    if (on("labels") && d.labels) {
      d.labels.towns.forEach(function (t) {
        if (t.z <= z && t.big) { cand.push({ t: t.n, lat: t.lat, lon: t.lon, cls: "fm-lbl-town fm-big", dot: 1, dx: 5 }); }
      });
      if (z <= 9) {
        d.labels.prov.forEach(function (p) { cand.push({ t: p.n, lat: p.lat, lon: p.lon, cls: "fm-lbl-prov", center: 1 }); });
      }
      d.labels.towns.forEach(function (t) {
        if (t.z <= z && !t.big) { cand.push({ t: t.n, lat: t.lat, lon: t.lon, cls: "fm-lbl-town", dot: 1, dx: 5 }); }
      });
      if (z >= 8 && d.labels.dist) {
        d.labels.dist.forEach(function (p) { cand.push({ t: p.n, lat: p.lat, lon: p.lon, cls: "fm-lbl-dist", center: 1 }); });
      }
    }
    var size = map.getSize();
    var placed = [];
    for (var k = 0; k < cand.length; k++) {
      var c = cand[k];
      var pt = map.latLngToContainerPoint([c.lat, c.lon]);
      if (pt.x < -50 || pt.y < -20 || pt.x > size.x + 50 || pt.y > size.y + 20) { continue; }
      var w = c.t.length * (c.cls === "fm-lbl-prov" ? 7.2 : 6.4) + 6, h = 14;
      var x0 = c.center ? pt.x - w / 2 : pt.x + (c.dx || 0);
      var y0 = pt.y - h / 2;
      var box = [x0 - 2, y0 - 1, x0 + w + 2, y0 + h + 1];
      var clash = false;
      for (var j = 0; j < placed.length; j++) {
        var b = placed[j];
        if (box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]) { clash = true; break; }
      }
      if (clash) { continue; }
      placed.push(box);
      if (c.dot) { placed.push([pt.x - 3, pt.y - 3, pt.x + 3, pt.y + 3]); }
      var node = el("div", "fm-lbl " + c.cls, c.t);
      var lp = map.containerPointToLayerPoint([x0, y0]);
      L.DomUtil.setPosition(node, lp);
      pane.appendChild(node);
      if (c.dot) {
        var dot = el("div", "fm-lbl-dot");
        L.DomUtil.setPosition(dot, map.containerPointToLayerPoint([pt.x - 2.5, pt.y - 2.5]));
        pane.appendChild(dot);
      }
    }
    this.placed = placed.length;
  };

  /* ---------- unit layers: frontier, districts, provinces, bands, hexes ---------- */

  Instance.prototype.setupUnits = function () {
    var self = this;
    var units = this.d.units || {};
    this.units = {};
    Object.keys(units).forEach(function (name) {
      var u = units[name];
      var codes = self.d.inc["u_" + name] || [];
      var L0 = { name: name, def: u, codes: codes, counts: new Int32Array(u.units.length),
        unassigned: 0, classes: [], drawn: null };
      self.units[name] = L0;
      if (name === "frontier") {
        self.drawFrontier(L0);
      } else {
        self.onShow(name, function () { self.drawUnitAreas(L0); self.restyle(L0); });
      }
    });
  };

  Instance.prototype.recount = function () {
    var active = this.active;
    var self = this;
    Object.keys(this.units).forEach(function (name) {
      var L0 = self.units[name];
      var counts = new Int32Array(L0.def.units.length);
      var codes = L0.codes, un = 0;
      for (var k = 0; k < active.length; k++) {
        var c = codes[active[k]];
        if (c >= 0) { counts[c]++; } else { un++; }
      }
      L0.counts = counts;
      L0.unassigned = un;
      if (name === "frontier") {
        var segs = new Int32Array(L0.def.lines.length);
        L0.def.units.forEach(function (u, j) { segs[u.seg] += counts[j]; });
        L0.segCounts = segs;
        L0.classes = classify(segs, YLORRD);
      } else if (L0.def.by === "band") {
        L0.classes = null;
      } else {
        L0.classes = classify(counts, L0.def.by === "hex" ? BLUES : YLORRD);
      }
      self.restyle(L0);
    });
  };

  Instance.prototype.unitTip = function (L0, j) {
    var u = L0.def.units[j];
    var tip = el("div");
    tip.appendChild(el("strong", null, u.name || "(unnamed " + L0.def.noun + ")"));
    if (u.sub) { tip.appendChild(el("div", null, u.sub)); }
    tip.appendChild(el("div", null, plural(L0.counts[j], "incident") + " (current filter)"));
    return tip;
  };

  Instance.prototype.drawUnitAreas = function (L0) {
    var self = this;
    var g = this.groups[L0.name];
    L0.drawn = [];
    L0.def.units.forEach(function (u, j) {
      if (!u.g) { L0.drawn.push(null); return; }
      var layer = L.geoJSON(u.g, { renderer: self.areaRenderer,
        style: { color: "#555", weight: 0.5, fillColor: "#fff", fillOpacity: 0.6 } });
      layer.bindTooltip(function () { return self.unitTip(L0, j); }, { sticky: true });
      layer.addTo(g);
      L0.drawn.push(layer);
    });
  };

  Instance.prototype.restyle = function (L0) {
    if (!L0.drawn || (L0.classes && !L0.classes.length)) { return; }
    if (L0.name === "frontier") {
      L0.drawn.forEach(function (line, s) {
        line.setStyle({ color: colorFor(L0.classes, L0.segCounts[s]) });
      });
      return;
    }
    var band = L0.def.by === "band";
    var bands = L0.def.bands || [];
    L0.drawn.forEach(function (layer, j) {
      if (!layer) { return; }
      var n = L0.counts[j];
      var style;
      if (band) {
        // colour by band, opacity by whether the filter leaves incidents in it
        var u = L0.def.units[j];
        var idx = bandIndex(u.name, bands);
        style = { fillColor: BAND_COLORS[Math.min(idx, BAND_COLORS.length - 1)],
          color: BAND_COLORS[Math.min(idx, BAND_COLORS.length - 1)],
          fillOpacity: n > 0 ? 0.45 : 0.12, weight: 0.6 };
      } else {
        var hex = L0.def.by === "hex";
        style = { fillColor: colorFor(L0.classes, n), fillOpacity: hex && n === 0 ? 0 : 0.6,
          opacity: hex && n === 0 ? 0 : 1 };
      }
      layer.setStyle(style);
    });
  };

  function bandIndex(name, bands) {
    for (var k = 0; k < bands.length; k++) {
      if (name && name.indexOf("-" + bands[k] + " km") >= 0) { return k; }
    }
    return bands.length;
  }

  Instance.prototype.drawFrontier = function (L0) {
    var g = this.groups.frontier;
    var self = this;
    L0.drawn = [];
    L0.def.lines.forEach(function (seg, s) {
      L.polyline(seg.c, { renderer: self.lineRenderer, color: "#1b1b1b", weight: 7,
        opacity: 0.55, interactive: false }).addTo(g);
      var line = L.polyline(seg.c, { renderer: self.lineRenderer, color: YLORRD[0], weight: 4.5,
        opacity: 1 });
      line.bindTooltip(function () {
        var tip = el("div");
        tip.appendChild(el("strong", null, "Frontier km " + fmtInt(seg.km0) + "\u2013" + fmtInt(seg.km1)));
        var parts = [];
        L0.def.units.forEach(function (u, j) {
          if (u.seg === s) { parts.push(u.side + " " + fmtInt(L0.counts[j])); }
        });
        tip.appendChild(el("div", null, plural(L0.segCounts ? L0.segCounts[s] : 0, "incident") +
          " (" + parts.join(", ") + ")"));
        return tip;
      }, { sticky: true });
      line.addTo(g);
      L0.drawn.push(line);
    });
  };

  Instance.prototype.drawAggregates = function (a) {
    var self = this;
    a.features.forEach(function (f) {
      var layer = L.geoJSON(f.g, { renderer: self.areaRenderer,
        style: { color: "#555", weight: 0.5, fillColor: f.color, fillOpacity: 0.6 } });
      var tip = el("div");
      tip.appendChild(el("strong", null, f.name || "(unnamed unit)"));
      tip.appendChild(el("div", null, fmtInt(f.n) + " (" + a.label + ", as given; filters do not apply)"));
      layer.bindTooltip(tip, { sticky: true });
      layer.addTo(self.groups.aggregates);
    });
  };

  Instance.prototype.drawCrossings = function (list) {
    var g = this.groups.crossings;
    list.forEach(function (c) {
      var icon = L.divIcon({ className: "", html: el("div", "fm-crossing"),
        iconSize: [12, 12], iconAnchor: [6, 6] });
      var pop = el("div", "fm-popup");
      pop.appendChild(el("strong", null, c.full || c.name));
      pop.appendChild(el("div", null, "Border crossing, frontier km " + fmtInt(Math.round(c.km))));
      if (c.unc !== null && c.unc !== undefined) {
        pop.appendChild(el("div", null, "Position within \u00b1" + c.unc + " km"));
      }
      L.marker([c.lat, c.lon], { icon: icon, pane: "fmCrossings", title: c.name })
        .bindPopup(pop)
        .addTo(g);
    });
  };

  /* ---------- incidents ---------- */

  Instance.prototype.setupIncidents = function () {
    var inc = this.d.inc;
    var self = this;
    this.n = inc ? inc.lat.length : 0;
    this.counts.data = this.n;
    this.active = new Int32Array(0);
    this.points = L.featureGroup();
    this.clusters = L.layerGroup();
    this.points.on("click", function (e) { self.openPopup(e.layer.fmIndex); });
    if (this.groups.incidents) {
      this.points.addTo(this.groups.incidents);
      this.clusters.addTo(this.groups.incidents);
    }
    this.circles = L.layerGroup();
    if (this.groups.uncertainty) { this.circles.addTo(this.groups.uncertainty); }
    this.selCircle = null;
    this.map.on("popupclose", function () {
      if (self.selCircle) { self.map.removeLayer(self.selCircle); self.selCircle = null; }
    });
    this.heat = null;
    if (typeof L.heatLayer === "function" && this.n) {
      this.onShow("heatmap", function () {
        self.heat = L.heatLayer([], { radius: 14, blur: 16, minOpacity: 0.25, maxZoom: 11 });
        self.heat.addTo(self.groups.heatmap);
        self.updateHeat();
      });
    }
    // actor ids across both actor columns, for the actor filter; the string table
    // is looked up once per distinct entry, not once per row
    var ids = new Map(), names = [], cnt = [], bySi = new Map();
    function idOf(si) {
      if (si === null || si === undefined || si < 0) { return -1; }
      var k = bySi.get(si);
      if (k !== undefined) { return k; }
      var s = self.str(si);
      k = ids.get(s);
      if (k === undefined) { k = names.length; ids.set(s, k); names.push(s); cnt.push(0); }
      bySi.set(si, k);
      return k;
    }
    var n = this.n;
    this.act1 = new Int32Array(n);
    this.act2 = new Int32Array(n);
    var a1c = inc.a1, a2c = inc.a2, sc = inc.side, day = inc.day;
    var sideSeen = new Set();
    var lo = Infinity, hi = -Infinity;
    for (var i = 0; i < n; i++) {
      var a = idOf(a1c[i]), b = idOf(a2c[i]);
      this.act1[i] = a; this.act2[i] = b;
      if (a >= 0) { cnt[a]++; } if (b >= 0 && b !== a) { cnt[b]++; }
      sideSeen.add(sc[i]);
      var dd = day[i];
      if (dd !== null) { if (dd < lo) { lo = dd; } if (dd > hi) { hi = dd; } }
    }
    this.actorNames = names;
    this.actorCounts = cnt;
    this.actorIds = ids;
    var sides = [];
    sideSeen.forEach(function (si) {
      var sd = self.str(si);
      if (sd === null) { self.sideMissing = true; } else if (sides.indexOf(sd) < 0) { sides.push(sd); }
    });
    this.sides = sides.sort();
    this.dayMin = lo === Infinity ? null : lo;
    this.dayMax = hi === -Infinity ? null : hi;
  };

  Instance.prototype.isLowPrecision = function (i) {
    var inc = this.d.inc;
    var p = inc.prec[i];
    var u = inc.unc[i];
    return (p !== null && p >= 2) || (u !== null && u >= 20);
  };

  Instance.prototype.colorOf = function (i) {
    var t = this.d.inc.type[i];
    return t >= 0 ? this.d.types.colors[t] : this.d.types.missing;
  };

  Instance.prototype.updateHeat = function () {
    if (!this.heat) { return; }
    var inc = this.d.inc;
    var pts = new Array(this.active.length);
    for (var k = 0; k < this.active.length; k++) {
      var i = this.active[k];
      pts[k] = [inc.lat[i], inc.lon[i]];
    }
    this.heat.setLatLngs(pts);
  };

  Instance.prototype.redraw = function () {
    if (!this.d) { return; }
    var inc = this.d.inc;
    var map = this.map;
    var b = map.getBounds().pad(0.15);
    var s = b.getSouth(), n = b.getNorth(), w = b.getWest(), e = b.getEast();
    var vis = [];
    for (var k = 0; k < this.active.length; k++) {
      var i = this.active[k];
      var la = inc.lat[i], lo = inc.lon[i];
      if (la >= s && la <= n && lo >= w && lo <= e) { vis.push(i); }
    }
    this.points.clearLayers();
    this.clusters.clearLayers();
    this.circles.clearLayers();
    this.counts.visible = vis.length;
    this.counts.active = this.active.length;
    this.counts.points = 0;
    this.counts.clusters = 0;
    this.counts.clustered = 0;
    this.visible = vis;
    if (vis.length <= POINT_LIMIT || map.getZoom() >= POINT_ZOOM) {
      this.drawPoints(vis);
    } else {
      this.drawClusters(vis);
    }
  };

  var MAX_CIRCLE_M = 250000;

  Instance.prototype.pointMarker = function (i) {
    var inc = this.d.inc;
    var low = this.isLowPrecision(i);
    var c = this.colorOf(i);
    var m = L.circleMarker([inc.lat[i], inc.lon[i]], {
      renderer: this.pointRenderer, radius: low ? 5 : 4.5, color: low ? c : "#222",
      weight: low ? 1.6 : 0.8, dashArray: low ? "2 2" : null, fillColor: c,
      fillOpacity: low ? 0.15 : 0.9
    });
    m.fmIndex = i;
    return m;
  };

  Instance.prototype.circleFor = function (i, strong) {
    var inc = this.d.inc;
    var r = inc.unc[i];
    if (r === null || r <= 0 || r * 100 > MAX_CIRCLE_M) { return null; }
    return L.circle([inc.lat[i], inc.lon[i]], {
      renderer: this.pointRenderer, radius: r * 100, color: this.colorOf(i),
      weight: strong ? 2 : 0.7, dashArray: "4 4", fillOpacity: strong ? 0.08 : 0.03,
      opacity: strong ? 0.9 : 0.45, interactive: false
    });
  };

  Instance.prototype.drawPoints = function (vis) {
    // Circles help at country and province scale; zoomed in they would cover
    // everything, so there only the selected incident shows its circle.
    var circles = this.map.getZoom() <= CIRCLE_ZOOM && this.groups.uncertainty &&
      this.map.hasLayer(this.groups.uncertainty);
    var nc = 0;
    for (var k = 0; k < vis.length; k++) {
      var i = vis[k];
      this.points.addLayer(this.pointMarker(i));
      if (circles && nc < CIRCLE_LIMIT && this.isLowPrecision(i)) {
        var c = this.circleFor(i, false);
        if (c) { this.circles.addLayer(c); nc++; }
      }
    }
    this.counts.points = vis.length;
  };

  Instance.prototype.drawClusters = function (vis) {
    var inc = this.d.inc;
    var map = this.map;
    var scale = 256 * Math.pow(2, map.getZoom());
    var cells = new Map();
    for (var k = 0; k < vis.length; k++) {
      var i = vis[k];
      var la = inc.lat[i], lo = inc.lon[i];
      var x = (lo + 180) / 360 * scale;
      var sin = Math.sin(la * Math.PI / 180);
      var y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
      var key = Math.floor(x / CELL_PX) * 1048576 + Math.floor(y / CELL_PX);
      var c = cells.get(key);
      if (!c) {
        c = { n: 0, lat: 0, lon: 0, s: la, no: la, w: lo, e: lo, first: i };
        cells.set(key, c);
      }
      c.n++; c.lat += la; c.lon += lo;
      if (la < c.s) { c.s = la; } if (la > c.no) { c.no = la; }
      if (lo < c.w) { c.w = lo; } if (lo > c.e) { c.e = lo; }
    }
    var self = this;
    cells.forEach(function (c) {
      if (c.n === 1) {
        self.points.addLayer(self.pointMarker(c.first));
        self.counts.points++;
        return;
      }
      var size = Math.round(Math.min(24 + 8 * Math.log10(c.n), 58));
      var box = el("div", "fm-cluster", c.n >= 10000 ? Math.round(c.n / 1000) + "k" : c.n);
      box.style.width = size + "px";
      box.style.height = size + "px";
      var icon = L.divIcon({ className: "", html: box, iconSize: [size, size] });
      var mk = L.marker([c.lat / c.n, c.lon / c.n], { icon: icon, title: c.n + " incidents" });
      mk.fmCount = c.n;
      mk.on("click", function () {
        var bb = L.latLngBounds([c.s, c.w], [c.no, c.e]);
        map.fitBounds(bb.pad(0.1), { maxZoom: Math.max(map.getZoom() + 2, POINT_ZOOM) });
      });
      self.clusters.addLayer(mk);
      self.counts.clusters++;
      self.counts.clustered += c.n;
    });
  };

  Instance.prototype.openPopup = function (i) {
    var inc = this.d.inc;
    // Incidents at the very same point (a village or district centre) are drawn on
    // one pixel at every zoom: the popup pages through all of them.
    var here = this.samePoint(i);
    L.popup({ maxWidth: 380, minWidth: 240 })
      .setLatLng([inc.lat[i], inc.lon[i]])
      .setContent(here.length > 1 ? this.stackNode(here) : this.popupNode(i))
      .openOn(this.map);
    this.selectCircle(i);
  };

  Instance.prototype.selectCircle = function (i) {
    if (this.selCircle) { this.map.removeLayer(this.selCircle); }
    this.selCircle = this.circleFor(i, true);
    if (this.selCircle) { this.selCircle.addTo(this.map); }
  };

  Instance.prototype.samePoint = function (i) {
    // ``i`` first, then the other shown incidents at exactly its point, in data order
    var inc = this.d.inc, la = inc.lat[i], lo = inc.lon[i];
    var vis = this.visible || [];
    var out = [i];
    for (var k = 0; k < vis.length; k++) {
      var j = vis[k];
      if (j !== i && inc.lat[j] === la && inc.lon[j] === lo) { out.push(j); }
    }
    return out;
  };

  Instance.prototype.stackNode = function (here) {
    var self = this;
    var box = el("div", "fm-stack");
    var nav = el("div", "fm-stack-nav");
    var prev = el("button", "fm-stack-prev", "\u2039");
    var next = el("button", "fm-stack-next", "\u203a");
    var label = el("span", "fm-stack-label");
    prev.type = next.type = "button";
    prev.title = "previous incident at this point";
    next.title = "next incident at this point";
    nav.appendChild(prev);
    nav.appendChild(label);
    nav.appendChild(next);
    var body = el("div", "fm-stack-body");
    box.appendChild(nav);
    box.appendChild(body);
    var k = 0;
    function show() {
      label.textContent = (k + 1) + " of " + fmtInt(here.length) + " incidents at this point";
      while (body.firstChild) { body.removeChild(body.firstChild); }
      body.appendChild(self.popupNode(here[k]));
      box.setAttribute("data-fm-index", String(here[k]));
      self.selectCircle(here[k]);
    }
    function step(d) {
      return function (ev) {
        L.DomEvent.stop(ev);
        k = (k + d + here.length) % here.length;
        show();
      };
    }
    L.DomEvent.on(prev, "click", step(-1));
    L.DomEvent.on(next, "click", step(1));
    show();
    return box;
  };

  function safeUrl(text) {
    // a link only for a single plain http(s) URL; anything else stays text
    if (!text || !/^https?:\/\/[^\s<>"']+$/i.test(text)) { return null; }
    try {
      var u = new URL(text);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) { return null; }
  }

  Instance.prototype.popupNode = function (i) {
    var inc = this.d.inc;
    var str = this.str;
    var box = el("div", "fm-popup");
    var id = str(inc.id ? inc.id[i] : -1);
    box.appendChild(el("strong", null, id ? "Incident " + id : "Incident"));
    var table = el("table");
    function row(label, value) {
      if (value === null || value === undefined || value === "") { return null; }
      var tr = el("tr");
      tr.appendChild(el("th", null, label));
      var td = typeof value === "object" ? el("td") : el("td", null, value);
      if (typeof value === "object") { td.appendChild(value); }
      tr.appendChild(td);
      table.appendChild(tr);
      return tr;
    }
    function num(col, scale, unit) {
      var v = col ? col[i] : null;
      if (v === null || v === undefined) { return null; }
      return (scale ? (v / scale).toFixed(1) : fmtInt(v)) + (unit || "");
    }
    var day = inc.day[i];
    var dend = inc.dend ? inc.dend[i] : null;
    var date = day === null ? "unknown" : isoDay(day);
    if (dend !== null && dend !== undefined && dend !== day) { date += " \u2013 " + isoDay(dend); }
    row("Date", date);
    var type = str(this.d.types.names[inc.type[i]]);
    var sub = str(inc.sub[i]);
    row("Type", type && sub && sub !== type ? type + " \u2013 " + sub : type || sub);
    var a1 = str(inc.a1[i]), a2 = str(inc.a2[i]);
    row("Actors", a1 && a2 ? a1 + " vs " + a2 : a1 || a2);
    var toll = [];
    if (inc.fat[i] !== null) { toll.push(fmtInt(inc.fat[i]) + " killed"); }
    if (inc.inj && inc.inj[i] !== null) { toll.push(fmtInt(inc.inj[i]) + " injured"); }
    row(inc.inj ? "Deaths / injuries" : "Fatalities", toll.join(", "));
    var place = str(inc.loc[i]), matched = str(inc.mname ? inc.mname[i] : -1);
    row("Place", place && matched && matched !== place ? place + " \u2192 " + matched :
      place || (matched ? "\u2192 " + matched : null));
    var meth = str(inc.meth[i]);
    var prec = inc.prec[i];
    var unc = tenth(inc.unc[i]);
    var geo = [];
    if (meth) { geo.push(meth); }
    if (prec !== null) { geo.push("precision " + prec); }
    if (unc !== null) { geo.push("\u00b1" + unc.toFixed(1) + " km"); }
    row("Located by", geo.join(", "));
    row("Side", str(inc.side[i]));
    var pa2 = str(inc.pa2 ? inc.pa2[i] : -1), pa1 = str(inc.pa1 ? inc.pa1[i] : -1);
    row("District", [pa2, pa1].filter(function (x) { return x; }).join(", "));
    row("To the line", num(inc.bd, 10, " km"));
    row("Frontier km", num(inc.fkm, 10, ""));
    var xing = str(inc.xing ? inc.xing[i] : -1);
    var xd = num(inc.xd, 10, " km");
    row("Nearest crossing", xing ? xing + (xd ? " (" + xd + ")" : "") : null);
    var flags = str(inc.flags ? inc.flags[i] : -1);
    var fr = row("Review flags", flags ? flags.split(";").filter(function (x) { return x; }).join(", ") : null);
    if (fr) { fr.className = "fm-flags"; }
    var src = str(inc.src ? inc.src[i] : -1);
    if (src) {
      var href = safeUrl(src);
      if (href) {
        var a = el("a", null, src);
        a.href = href;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        row("Source", a);
      } else {
        row("Source", src);
      }
    }
    row("Reports", str(inc.reports ? inc.reports[i] : -1));
    box.appendChild(table);
    var note = str(inc.note ? inc.note[i] : -1);
    if (note) { box.appendChild(el("div", "fm-note", note)); }
    return box;
  };

  /* ---------- the filter state ---------- */

  Instance.prototype.defaultState = function () {
    return { from: null, to: null, types: null, actors: null, sides: null, prec: null,
      fat: null, km0: null, km1: null, unit: "all", p: null, cum: false };
  };

  function periodKey(unit, d) {
    if (d === null) { return NO_DAY; }
    if (unit === "day") { return d; }
    if (unit === "week") { return Math.floor((d + 3) / 7); }
    var dt = new Date(d * 86400000);
    return dt.getUTCFullYear() * 12 + dt.getUTCMonth();
  }
  function periodSpan(unit, p) {
    if (unit === "day") { return [p, p]; }
    if (unit === "week") { return [p * 7 - 3, p * 7 + 3]; }
    var y = Math.floor(p / 12), m = p % 12;
    var a = Date.UTC(y, m, 1) / 86400000, b = Date.UTC(y, m + 1, 1) / 86400000 - 1;
    return [a, b];
  }
  function periodLabel(unit, p) {
    if (unit === "day") { return isoDay(p); }
    if (unit === "week") { return "week of " + isoDay(p * 7 - 3); }
    var y = Math.floor(p / 12), mo = p % 12 + 1;
    return y + "-" + (mo < 10 ? "0" : "") + mo;
  }
  FM.periodSpan = periodSpan;

  /* Which incidents pass; `skip` names criteria to ignore (the chart's own brush). */
  Instance.prototype.select = function (st, skip) {
    var inc = this.d.inc, n = this.n;
    var out = new Int32Array(n), m = 0;
    var from = skip && skip.time ? null : st.from, to = skip && skip.time ? null : st.to;
    var km0 = skip && skip.km ? null : st.km0, km1 = skip && skip.km ? null : st.km1;
    var types = st.types ? new Set(st.types) : null;
    var tnames = this.d.types.names, str = this.str;
    var typeOk = null;
    if (types) {
      typeOk = new Uint8Array(tnames.length + 1);
      for (var t = 0; t < tnames.length; t++) { typeOk[t] = types.has(str(tnames[t])) ? 1 : 0; }
      typeOk[tnames.length] = types.has("") ? 1 : 0;
    }
    var actOk = null;
    if (st.actors) {
      actOk = new Uint8Array(this.actorNames.length);
      var ids = this.actorIds;
      st.actors.forEach(function (a) { var k = ids.get(a); if (k !== undefined) { actOk[k] = 1; } });
    }
    var sides = st.sides ? new Set(st.sides) : null;
    var seg = this.units && this.units.frontier ? this.units.frontier.codes : null;
    var fk = inc.fkm;
    var lo10 = km0 === null ? null : km0 * 10, hi10 = km1 === null ? null : km1 * 10;
    for (var i = 0; i < n; i++) {
      if (from !== null || to !== null) {
        var d = inc.day[i];
        if (d === null || (from !== null && d < from) || (to !== null && d > to)) { continue; }
      }
      if (typeOk) {
        var ty = inc.type[i];
        if (!typeOk[ty < 0 ? tnames.length : ty]) { continue; }
      }
      if (actOk) {
        var a1 = this.act1[i], a2 = this.act2[i];
        if (!((a1 >= 0 && actOk[a1]) || (a2 >= 0 && actOk[a2]))) { continue; }
      }
      if (sides) {
        var sd = str(inc.side[i]);
        if (!sides.has(sd === null ? "" : sd)) { continue; }
      }
      if (st.prec !== null) {
        var pr = inc.prec[i];
        if (pr !== null && pr > st.prec) { continue; }
      }
      if (st.fat !== null) {
        var f = inc.fat[i];
        if ((f === null ? 0 : f) < st.fat) { continue; }
      }
      if (lo10 !== null || hi10 !== null) {
        // only incidents aggregate places on a segment have a trustworthy km
        var v = fk[i];
        if (v === null || (seg && seg[i] < 0)) { continue; }
        if ((lo10 !== null && v < lo10) || (hi10 !== null && v > hi10)) { continue; }
      }
      out[m++] = i;
    }
    return out.subarray(0, m);
  };

  Instance.prototype.setState = function (patch) {
    var st = this.state;
    Object.keys(patch || {}).forEach(function (k) { st[k] = patch[k]; });
    this.apply();
  };

  Instance.prototype.apply = function () {
    if (!this.d) { return; }
    var t0 = performance.now();
    this.active = this.select(this.state);
    this.recount();
    this.redraw();
    this.updateHeat();
    this.refreshControls();
    if (this.chart) { this.chart.draw(); }
    this.writeHash();
    this.lastApplyMs = performance.now() - t0;
  };

  /* ---------- URL hash ---------- */

  var HASH_KEYS = { from: "from", to: "to", types: "type", actors: "actor", sides: "side",
    prec: "prec", fat: "fat", km0: "km0", km1: "km1", unit: "unit", p: "p", cum: "cum" };

  Instance.prototype.hashOf = function () {
    var st = this.state, parts = [];
    function put(k, v) { parts.push(k + "=" + encodeURIComponent(v)); }
    if (st.from !== null) { put("from", isoDay(st.from)); }
    if (st.to !== null) { put("to", isoDay(st.to)); }
    if (st.types) { put("type", st.types.join("|")); }
    if (st.actors) { put("actor", st.actors.join("|")); }
    if (st.sides) { put("side", st.sides.join("|")); }
    if (st.prec !== null) { put("prec", st.prec); }
    if (st.fat !== null) { put("fat", st.fat); }
    if (st.km0 !== null) { put("km0", st.km0); }
    if (st.km1 !== null) { put("km1", st.km1); }
    if (st.unit !== "all") { put("unit", st.unit); if (st.p !== null) { put("p", st.p); } }
    if (st.cum) { put("cum", 1); }
    return parts.join("&");
  };

  Instance.prototype.writeHash = function () {
    var h = this.hashOf();
    if (h === this.lastHash) { return; }
    this.lastHash = h;
    var url = location.href.split("#")[0] + (h ? "#" + h : "");
    try { history.replaceState(null, "", url); } catch (e) { /* some viewers forbid it */ }
  };

  Instance.prototype.readHash = function () {
    var st = this.defaultState();
    var h = location.hash.replace(/^#/, "");
    var self = this;
    h.split("&").forEach(function (kv) {
      if (!kv) { return; }
      var k = kv.split("=")[0], v;
      try { v = decodeURIComponent(kv.slice(k.length + 1)); } catch (e) { return; }
      function numOr(x) { var f = Number(x); return x !== "" && isFinite(f) ? f : null; }
      if (k === "from" || k === "to") { st[k] = parseDay(v); }
      else if (k === "type") { st.types = v.split("|"); }
      else if (k === "actor") { st.actors = v.split("|").filter(function (x) { return x; }); }
      else if (k === "side") { st.sides = v.split("|"); }
      else if (k === "prec" || k === "fat" || k === "km0" || k === "km1" || k === "p") { st[k] = numOr(v); }
      else if (k === "unit" && ["day", "week", "month"].indexOf(v) >= 0) { st.unit = v; }
      else if (k === "cum") { st.cum = v === "1"; }
    });
    if (!h && this.d.time && this.d.time.unit && this.dayMax !== null) {
      // the page was built with --period: open on the last period
      st.unit = this.d.time.unit;
      st.p = periodKey(st.unit, this.dayMax);
      var span = periodSpan(st.unit, st.p);
      st.from = span[0]; st.to = span[1];
    }
    this.state = st;
    this.lastHash = h;
    if (this.syncControls) { this.syncControls(); }
    void self;
  };

  /* ---------- controls ---------- */

  function control(node, position) {
    var C = L.Control.extend({ onAdd: function () { return node; } });
    return new C({ position: position });
  }

  Instance.prototype.titleBox = function () {
    var sm = this.d.summary;
    var box = panel("fm-title", "", true);
    var head = box.querySelector("summary");
    head.appendChild(el("span", "fm-h1", sm.title));
    this.nOfM = el("p", "fm-nofm");
    box.appendChild(this.nOfM);
    if (sm.date_min) {
      box.appendChild(el("p", "fm-src", "Data: " + (sm.date_min === sm.date_max ? sm.date_min :
        sm.date_min + " \u2013 " + sm.date_max)));
    }
    if (sm.sources && sm.sources.length) {
      var src = "Source: " + sm.sources.join("; ");
      if (sm.sources_more) { src += " and " + fmtInt(sm.sources_more) + " more"; }
      box.appendChild(el("p", "fm-src", src));
    }
    (sm.notices || []).forEach(function (t) { box.appendChild(el("p", "fm-notice", t)); });
    return box;
  };

  Instance.prototype.filterBox = function () {
    var self = this;
    var box = panel("fm-filters", "Filters", false);
    var body = el("div", "fm-fbody");
    box.appendChild(body);
    var ui = {};
    this.ui = ui;
    function field(label, node) {
      var r = el("label", "fm-field");
      r.appendChild(el("span", "fm-flabel", label));
      r.appendChild(node);
      body.appendChild(r);
      return r;
    }
    function commit() { self.apply(); }
    // dates
    var dates = el("span", "fm-dates");
    ui.from = el("input"); ui.from.type = "date"; ui.from.name = "from"; ui.from.title = "first day";
    ui.to = el("input"); ui.to.type = "date"; ui.to.name = "to"; ui.to.title = "last day";
    if (this.dayMin !== null) {
      [ui.from, ui.to].forEach(function (x) { x.min = isoDay(self.dayMin); x.max = isoDay(self.dayMax); });
    }
    dates.appendChild(ui.from); dates.appendChild(el("span", null, "\u2013")); dates.appendChild(ui.to);
    field("Dates", dates);
    function onDate() {
      self.state.from = parseDay(ui.from.value);
      self.state.to = parseDay(ui.to.value);
      self.state.unit = "all"; self.state.p = null;
      commit();
    }
    ui.from.addEventListener("change", onDate);
    ui.to.addEventListener("change", onDate);
    // period stepping
    var step = el("span", "fm-step");
    ui.unit = el("select"); ui.unit.name = "unit";
    [["all", "all dates"], ["day", "by day"], ["week", "by week"], ["month", "by month"]].forEach(function (o) {
      var opt = el("option", null, o[1]); opt.value = o[0]; ui.unit.appendChild(opt);
    });
    ui.play = el("button", null, "\u25b6"); ui.play.type = "button"; ui.play.title = "Play";
    ui.range = el("input"); ui.range.type = "range"; ui.range.name = "period";
    ui.cum = el("input"); ui.cum.type = "checkbox"; ui.cum.name = "cumulative";
    var cumLab = el("label", "fm-inline"); cumLab.appendChild(ui.cum); cumLab.appendChild(el("span", null, "cumulative"));
    ui.period = el("output", "fm-period");
    step.appendChild(ui.unit); step.appendChild(ui.play); step.appendChild(ui.range);
    step.appendChild(cumLab);
    field("Step", step);
    body.appendChild(ui.period);
    var timer = null;
    function halt() { if (timer) { clearInterval(timer); timer = null; ui.play.textContent = "\u25b6"; } }
    function setPeriod(p) {
      var st = self.state;
      st.p = p;
      var span = periodSpan(st.unit, p);
      st.from = st.cum ? null : span[0];
      st.to = span[1];
      commit();
    }
    ui.unit.addEventListener("change", function () {
      halt();
      var st = self.state;
      st.unit = ui.unit.value;
      if (st.unit === "all" || self.dayMin === null) {
        st.unit = "all"; st.p = null; st.from = null; st.to = null; commit(); return;
      }
      setPeriod(periodKey(st.unit, self.dayMin));
    });
    ui.range.addEventListener("input", function () { halt(); setPeriod(Number(ui.range.value)); });
    ui.cum.addEventListener("change", function () {
      self.state.cum = ui.cum.checked;
      if (self.state.unit !== "all" && self.state.p !== null) { setPeriod(self.state.p); } else { commit(); }
    });
    ui.play.addEventListener("click", function () {
      if (timer) { halt(); return; }
      if (self.state.unit === "all") { ui.unit.value = "month"; ui.unit.dispatchEvent(new Event("change")); }
      ui.play.textContent = "\u275a\u275a";
      timer = setInterval(function () {
        var v = Number(ui.range.value) + 1;
        if (v > Number(ui.range.max)) { halt(); return; }
        ui.range.value = String(v);
        setPeriod(v);
      }, 800);
    });
    // event types
    var types = el("div", "fm-checks fm-types");
    ui.types = [];
    var names = this.d.types.names.map(function (si) { return self.str(si) || ""; });
    if (this.d.types.nmissing) { names.push(""); }
    names.forEach(function (nm, k) {
      var lab = el("label", "fm-inline");
      var cb = el("input"); cb.type = "checkbox"; cb.value = nm; cb.name = "type";
      var color = k < self.d.types.colors.length ? self.d.types.colors[k] : self.d.types.missing;
      var sw = el("span", "fm-swatch"); sw.style.background = color;
      lab.appendChild(cb); lab.appendChild(sw); lab.appendChild(el("span", null, nm || "(type not given)"));
      types.appendChild(lab);
      ui.types.push(cb);
      cb.addEventListener("change", function () {
        var on = ui.types.filter(function (x) { return x.checked; }).map(function (x) { return x.value; });
        self.state.types = on.length === ui.types.length ? null : on;
        commit();
      });
    });
    field("Types", types);
    // actors
    ui.actors = el("select"); ui.actors.multiple = true; ui.actors.name = "actor";
    ui.actors.size = Math.min(4, Math.max(this.actorNames.length, 2));
    var order = this.actorNames.map(function (_, k) { return k; });
    order.sort(function (a, b) { return self.actorCounts[b] - self.actorCounts[a]; });
    order.forEach(function (k) {
      var opt = el("option", null, self.actorNames[k] + " (" + fmtInt(self.actorCounts[k]) + ")");
      opt.value = self.actorNames[k];
      ui.actors.appendChild(opt);
    });
    ui.actors.title = "Ctrl/Cmd-click to pick several; none picked = all actors";
    ui.actors.addEventListener("change", function () {
      var on = Array.prototype.filter.call(ui.actors.options, function (o) { return o.selected; })
        .map(function (o) { return o.value; });
      self.state.actors = on.length ? on : null;
      commit();
    });
    field("Actors", ui.actors);
    // side
    var sides = el("span", "fm-checks");
    ui.sides = [];
    this.sides.concat(this.sideMissing ? [""] : []).forEach(function (sd) {
      var lab = el("label", "fm-inline");
      var cb = el("input"); cb.type = "checkbox"; cb.value = sd; cb.name = "side";
      lab.appendChild(cb); lab.appendChild(el("span", null, sd || "not given"));
      sides.appendChild(lab);
      ui.sides.push(cb);
      cb.addEventListener("change", function () {
        var on = ui.sides.filter(function (x) { return x.checked; }).map(function (x) { return x.value; });
        self.state.sides = on.length === ui.sides.length ? null : on;
        commit();
      });
    });
    field("Side", sides);
    // precision, fatalities
    ui.prec = el("select"); ui.prec.name = "precision";
    [["", "any"], ["2", "district or better (\u2264 2)"], ["1", "exact place (1)"]].forEach(function (o) {
      var opt = el("option", null, o[1]); opt.value = o[0]; ui.prec.appendChild(opt);
    });
    ui.prec.addEventListener("change", function () {
      self.state.prec = ui.prec.value === "" ? null : Number(ui.prec.value); commit();
    });
    field("Precision", ui.prec);
    ui.fat = el("input"); ui.fat.type = "number"; ui.fat.min = "0"; ui.fat.step = "1"; ui.fat.name = "fatalities";
    ui.fat.placeholder = "0";
    ui.fat.addEventListener("change", function () {
      var v = Number(ui.fat.value);
      self.state.fat = ui.fat.value === "" || !isFinite(v) || v <= 0 ? null : Math.floor(v); commit();
    });
    field("Min. deaths", ui.fat);
    var kms = el("span", "fm-dates");
    ui.km0 = el("input"); ui.km0.type = "number"; ui.km0.name = "km0"; ui.km0.placeholder = "0";
    ui.km1 = el("input"); ui.km1.type = "number"; ui.km1.name = "km1";
    ui.km1.placeholder = String(Math.round(this.d.frontier_km || 0));
    kms.appendChild(ui.km0); kms.appendChild(el("span", null, "\u2013")); kms.appendChild(ui.km1);
    function onKm() {
      var a = ui.km0.value === "" ? null : Number(ui.km0.value);
      var b = ui.km1.value === "" ? null : Number(ui.km1.value);
      self.state.km0 = a !== null && isFinite(a) ? a : null;
      self.state.km1 = b !== null && isFinite(b) ? b : null;
      commit();
    }
    ui.km0.addEventListener("change", onKm); ui.km1.addEventListener("change", onKm);
    field("Frontier km", kms);
    ui.reset = el("button", "fm-reset", "Reset filters"); ui.reset.type = "button";
    ui.reset.addEventListener("click", function () { halt(); self.state = self.defaultState(); self.syncControls(); commit(); });
    body.appendChild(ui.reset);
    this.syncControls = function () { self.syncUi(); };
    this.syncUi();
    return box;
  };

  Instance.prototype.syncUi = function () {
    var ui = this.ui, st = this.state;
    if (!ui) { return; }
    ui.from.value = st.from === null ? "" : isoDay(st.from);
    ui.to.value = st.to === null ? "" : isoDay(st.to);
    ui.unit.value = st.unit;
    ui.cum.checked = !!st.cum;
    var stepping = st.unit !== "all" && this.dayMin !== null;
    ui.range.disabled = !stepping;
    ui.play.disabled = this.dayMin === null;
    if (stepping) {
      ui.range.min = String(periodKey(st.unit, this.dayMin));
      ui.range.max = String(periodKey(st.unit, this.dayMax));
      ui.range.step = "1";
      if (st.p !== null) { ui.range.value = String(st.p); }
      ui.period.textContent = st.p === null ? "" : (st.cum ? "up to " : "") + periodLabel(st.unit, st.p);
    } else {
      ui.period.textContent = "";
    }
    var types = st.types ? new Set(st.types) : null;
    ui.types.forEach(function (cb) { cb.checked = !types || types.has(cb.value); });
    var actors = st.actors ? new Set(st.actors) : null;
    Array.prototype.forEach.call(ui.actors.options, function (o) { o.selected = !!actors && actors.has(o.value); });
    var sides = st.sides ? new Set(st.sides) : null;
    ui.sides.forEach(function (cb) { cb.checked = !sides || sides.has(cb.value); });
    ui.prec.value = st.prec === null ? "" : String(st.prec);
    ui.fat.value = st.fat === null ? "" : String(st.fat);
    ui.km0.value = st.km0 === null ? "" : String(st.km0);
    ui.km1.value = st.km1 === null ? "" : String(st.km1);
  };

  Instance.prototype.legendBox = function () {
    var box = panel("fm-legend", "Legend", true);
    this.legendBody = el("div");
    box.appendChild(this.legendBody);
    return box;
  };

  Instance.prototype.refreshControls = function () {
    if (this.nOfM) {
      var sm = this.d.summary;
      this.nOfM.textContent = fmtInt(this.active.length) + " of " + fmtInt(sm.mapped) +
        " incidents" + (this.active.length === sm.mapped ? "" : " (filtered)");
    }
    if (this.ui) { this.syncUi(); }
    if (this.legendBody) { this.fillLegend(); }
  };

  Instance.prototype.fillLegend = function () {
    var d = this.d, self = this, groups = this.groups, map = this.map;
    var root = this.legendBody;
    while (root.firstChild) { root.removeChild(root.firstChild); }
    var box = root;
    function section(name) {
      var sec = el("div", "fm-sec");
      sec.setAttribute("data-layer", name);
      root.appendChild(sec);
      box = sec;
      var g = groups[name];
      if (g && !map.hasLayer(g)) { sec.style.display = "none"; }
    }
    function row(swatch, label, cls) {
      var r = el("div", "fm-row" + (cls ? " " + cls : ""));
      r.appendChild(swatch);
      r.appendChild(el("span", null, label));
      box.appendChild(r);
    }
    function sw(color, cls) {
      var s = el("span", "fm-swatch" + (cls ? " " + cls : ""));
      s.style.background = color;
      s.style.borderColor = cls === "fm-hollow" ? color : "";
      return s;
    }
    if (this.n) {
      section("incidents");
      box.appendChild(el("h2", null, "Incidents by type"));
      var tc = new Int32Array(d.types.names.length + 1), inc = d.inc;
      for (var k = 0; k < this.active.length; k++) {
        var t = inc.type[this.active[k]];
        tc[t < 0 ? d.types.names.length : t]++;
      }
      d.types.names.forEach(function (si, j) {
        row(sw(d.types.colors[j]), (self.str(si) || "(type not given)") + " (" + fmtInt(tc[j]) + ")");
      });
      if (d.types.nmissing) {
        row(sw(d.types.missing), "(type not given) (" + fmtInt(tc[d.types.names.length]) + ")");
      }
      row(sw("#777", "fm-hollow"), "low precision (dashed); circle = uncertainty");
      row(el("span", "fm-cluster fm-swatch"), "cluster (zoom in to see incidents)");
    }
    var titles = { frontier: "Frontier: incidents per " + (d.units.frontier ? d.units.frontier.km : "") + " km",
      districts: "Districts: incidents", provinces: "Provinces: incidents",
      corridor: "Distance bands: incidents", hexes: "Hexagons: incidents" };
    Object.keys(this.units).forEach(function (name) {
      var L0 = self.units[name];
      section(name);
      box.appendChild(el("h2", null, titles[name] || name));
      if (L0.def.by === "band") {
        L0.def.units.forEach(function (u, j) {
          var idx = bandIndex(u.name, L0.def.bands || []);
          row(sw(BAND_COLORS[Math.min(idx, BAND_COLORS.length - 1)], "fm-square"),
            (u.side ? u.side + " " : "") + (u.name || "").replace(" from the frontier", "") +
            ": " + fmtInt(L0.counts[j]));
        });
      } else {
        L0.classes.forEach(function (c) {
          row(sw(c.color, name === "frontier" ? "fm-line" : "fm-square"), c.label);
        });
      }
      var note = el("div", "fm-row fm-unassigned", "not assigned: " + fmtInt(L0.unassigned));
      note.title = "incidents located too coarsely for a " + L0.def.noun +
        " (incidents.aggregate's precision rule): counted here, never spread onto a centroid";
      box.appendChild(note);
    });
    if (d.crossings && groups.crossings) {
      section("crossings");
      row(el("span", "fm-crossing"), "border crossing");
    }
    if (d.aggregates && d.aggregates.classes.length) {
      section("aggregates");
      box.appendChild(el("h2", null, "Aggregates (" + d.aggregates.label + ", as given)"));
      d.aggregates.classes.forEach(function (c) { row(sw(c.color, "fm-square"), c.label); });
    }
  };

  Instance.prototype.addControls = function () {
    var map = this.map, self = this;
    var o = this.opts.controls || {};
    var compact = map.getContainer().clientWidth < 700;
    this.compact = compact;
    if (compact) { map.getContainer().classList.add("fm-compact"); }
    var title = this.titleBox();
    control(title, "topright").addTo(map);
    if (o.scale) { L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map); }
    if (this.n) {
      var f = this.filterBox();
      control(f, "topleft").addTo(map);
      if (this.d.summary.has_dates) {
        this.chart = new Chart(this);
        control(this.chart.box, "bottomleft").addTo(map);
      }
    }
    var legend = this.legendBox();
    control(legend, "bottomright").addTo(map);
    map.on("layeradd layerremove", function (e) {
      if (!self.isGroup(e.layer)) { return; }
      var secs = self.legendBody ? self.legendBody.querySelectorAll(".fm-sec") : [];
      Array.prototype.forEach.call(secs, function (sec) {
        var g = self.groups[sec.getAttribute("data-layer")];
        sec.style.display = !g || map.hasLayer(g) ? "" : "none";
      });
      if (self.groups.uncertainty) { self.redraw(); }
    });
    if (compact) {
      // below ~700 px only the map, the title line and the counts stay open
      [legend]
        .forEach(function (d) { if (d) { d.open = false; } });
    }
    if (o.fullscreen && L.Control.FullScreen) {
      L.control.fullscreen({ position: "topleft", title: "Full screen",
        titleCancel: "Exit full screen" }).addTo(map);
    }
    if (o.measure && L.Control.Measure && !compact) {
      new L.Control.Measure({ position: "topleft", primaryLengthUnit: "kilometers",
        secondaryLengthUnit: "miles", primaryAreaUnit: "sqkilometers",
        activeColor: "#c0392b", completedColor: "#8e44ad" }).addTo(map);
    }
    if (o.minimap && L.Control.MiniMap && this.d.mini && !compact) {
      var layer = L.geoJSON(this.d.mini, { interactive: false,
        style: { color: "#666", weight: 1, fillColor: "#eee", fillOpacity: 1 } });
      new L.Control.MiniMap(layer, { position: "bottomright", toggleDisplay: true,
        minimized: true, zoomLevelOffset: -5, width: 120, height: 120 }).addTo(map);
    }
  };

  /* ---------- the space-time chart: km along the frontier x date ---------- */

  var CH = { w: 460, h: 210, l: 50, r: 8, t: 8, b: 30 };

  function Chart(inst) {
    var self = this;
    this.inst = inst;
    this.box = panel("fm-chart", "Space\u2013time chart (km \u00d7 date)", false);
    var wrap = el("div", "fm-chart-wrap");
    this.canvas = el("canvas");
    var dpr = window.devicePixelRatio || 1;
    this.dpr = dpr;
    this.canvas.width = CH.w * dpr; this.canvas.height = CH.h * dpr;
    this.canvas.style.width = CH.w + "px"; this.canvas.style.height = CH.h + "px";
    wrap.appendChild(this.canvas);
    this.box.appendChild(wrap);
    this.note = el("div", "fm-chart-note");
    this.box.appendChild(this.note);
    this.box.appendChild(el("div", "fm-chart-help",
      "Drag to select a km and date range (filters the map); double-click to clear."));
    var d = inst.d;
    this.km = d.frontier_km || 2761.5;
    this.d0 = inst.dayMin; this.d1 = inst.dayMax === inst.dayMin ? inst.dayMax + 1 : inst.dayMax;
    this.drag = null;
    var c = this.canvas;
    function pos(e) { var r = c.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; }
    c.addEventListener("mousedown", function (e) { self.drag = { a: pos(e), b: pos(e) }; e.preventDefault(); });
    window.addEventListener("mousemove", function (e) {
      if (!self.drag) { return; }
      self.drag.b = pos(e);
      self.draw();
    });
    window.addEventListener("mouseup", function () {
      if (!self.drag) { return; }
      var a = self.drag.a, b = self.drag.b;
      self.drag = null;
      var dx = Math.abs(a[0] - b[0]), dy = Math.abs(a[1] - b[1]);
      if (dx < 4 && dy < 4) { self.draw(); return; }
      var patch = {};
      if (dx >= 4) {
        var k0 = self.xKm(Math.min(a[0], b[0])), k1 = self.xKm(Math.max(a[0], b[0]));
        patch.km0 = Math.max(0, Math.round(k0)); patch.km1 = Math.min(Math.round(self.km), Math.round(k1));
      }
      if (dy >= 4) {
        var t1 = self.yDay(Math.min(a[1], b[1])), t0 = self.yDay(Math.max(a[1], b[1]));
        patch.from = Math.ceil(t0); patch.to = Math.floor(t1);
        patch.unit = "all"; patch.p = null;
      }
      inst.setState(patch);
    });
    c.addEventListener("dblclick", function () {
      inst.setState({ km0: null, km1: null, from: null, to: null, unit: "all", p: null });
    });
    this.box.addEventListener("toggle", function () { if (self.box.open && self.pending) { self.draw(); } });
    stop(this.box);
  }
  Chart.prototype.x = function (km) { return CH.l + (km / this.km) * (CH.w - CH.l - CH.r); };
  Chart.prototype.xKm = function (x) { return (x - CH.l) / (CH.w - CH.l - CH.r) * this.km; };
  Chart.prototype.y = function (day) {
    return CH.t + (1 - (day - this.d0) / (this.d1 - this.d0)) * (CH.h - CH.t - CH.b);
  };
  Chart.prototype.yDay = function (y) {
    return this.d0 + (1 - (y - CH.t) / (CH.h - CH.t - CH.b)) * (this.d1 - this.d0);
  };
  Chart.prototype.draw = function () {
    var inst = this.inst, inc = inst.d.inc, ctx = this.canvas.getContext("2d");
    if (!this.box.open && !this.drag) { this.pending = true; return; }
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, CH.w, CH.h);
    ctx.fillStyle = "#fafafa";
    ctx.fillRect(CH.l, CH.t, CH.w - CH.l - CH.r, CH.h - CH.t - CH.b);
    var st = inst.state, self = this;
    // context: what passes every filter but the chart's own km/date selection
    var ctxIdx = inst.select(st, { km: true, time: true });
    var seg = inst.units.frontier ? inst.units.frontier.codes : null;
    var activeSet = new Uint8Array(inst.n);
    for (var a = 0; a < inst.active.length; a++) { activeSet[inst.active[a]] = 1; }
    var margin = 0;
    ctx.fillStyle = "rgba(120,120,120,0.35)";
    var on = [];
    for (var k = 0; k < ctxIdx.length; k++) {
      var i = ctxIdx[k];
      var v = inc.fkm[i], dd = inc.day[i];
      if (v === null || dd === null || (seg && seg[i] < 0)) { margin++; continue; }
      if (activeSet[i]) { on.push(i); continue; }
      ctx.fillRect(this.x(v / 10) - 1, this.y(dd) - 1, 2, 2);
    }
    for (var q = 0; q < on.length; q++) {
      var j = on[q];
      ctx.fillStyle = inst.colorOf(j);
      ctx.fillRect(this.x(inc.fkm[j] / 10) - 1.5, this.y(inc.day[j]) - 1.5, 3, 3);
    }
    // axes: km ticks and crossings below, dates on the left
    ctx.fillStyle = "#333"; ctx.strokeStyle = "#888"; ctx.lineWidth = 1;
    ctx.font = "10px system-ui, sans-serif";
    ctx.textAlign = "center"; ctx.textBaseline = "top";
    for (var km = 0; km <= this.km; km += 500) {
      var x = this.x(km);
      ctx.beginPath(); ctx.moveTo(x, CH.h - CH.b); ctx.lineTo(x, CH.h - CH.b + 3); ctx.stroke();
      ctx.fillText(String(km), x, CH.h - CH.b + 4);
    }
    (inst.d.crossings || []).forEach(function (c) {
      var xx = self.x(c.km);
      ctx.fillStyle = "#111";
      ctx.beginPath(); ctx.moveTo(xx, CH.h - CH.b + 1); ctx.lineTo(xx - 3, CH.h - CH.b + 6);
      ctx.lineTo(xx + 3, CH.h - CH.b + 6); ctx.closePath(); ctx.fill();
    });
    ctx.fillStyle = "#333";
    ctx.fillText("km along the frontier (\u25b2 crossing)", CH.l + (CH.w - CH.l - CH.r) / 2, CH.h - 12);
    ctx.textAlign = "right"; ctx.textBaseline = "middle";
    var span = this.d1 - this.d0, stepD = span > 1500 ? 365 : span > 300 ? 91 : span > 60 ? 14 : span > 14 ? 7 : 1;
    for (var t = this.d0; t <= this.d1; t += stepD) {
      var yy = this.y(t);
      var lab = isoDay(t);
      ctx.fillText(stepD >= 365 ? lab.slice(0, 4) : stepD >= 28 ? lab.slice(0, 7) : lab.slice(5), CH.l - 3, yy);
    }
    // the selection (state) and the drag in progress
    var sel = null;
    if (st.km0 !== null || st.km1 !== null || st.from !== null || st.to !== null) {
      sel = [st.km0 === null ? 0 : this.x(st.km0), st.to === null ? CH.t : this.y(st.to),
        st.km1 === null ? CH.w - CH.r : this.x(st.km1), st.from === null ? CH.h - CH.b : this.y(st.from)];
    }
    if (this.drag) {
      var A = this.drag.a, B = this.drag.b;
      sel = [Math.min(A[0], B[0]), Math.min(A[1], B[1]), Math.max(A[0], B[0]), Math.max(A[1], B[1])];
    }
    if (sel) {
      ctx.strokeStyle = "#1f4e8c"; ctx.lineWidth = 1.5; ctx.setLineDash([4, 3]);
      ctx.strokeRect(Math.max(sel[0], CH.l), sel[1], Math.min(sel[2], CH.w - CH.r) - Math.max(sel[0], CH.l), sel[3] - sel[1]);
      ctx.setLineDash([]);
    }
    this.pending = false;
    this.note.textContent = fmtInt(on.length) + " selected of " + fmtInt(ctxIdx.length) +
      " (other filters); " + fmtInt(margin) + " not placed on the line (no date, or too coarse for a segment)";
    this.drawn = on.length;
    this.margin = margin;
  };

  Instance.prototype.stats = function () {
    var c = this.counts;
    return { data: c.data, active: c.active, visible: c.visible, points: c.points,
      clusters: c.clusters, clustered: c.clustered, rendered: c.points + c.clustered };
  };

  Instance.prototype.unitCounts = function (name) {
    var L0 = this.units[name];
    if (!L0) { return null; }
    return { counts: Array.prototype.slice.call(L0.counts), unassigned: L0.unassigned,
      segments: L0.segCounts ? Array.prototype.slice.call(L0.segCounts) : null };
  };
})();
