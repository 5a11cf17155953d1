/* frontier-mapper: incidents, frontier and context layers drawn from one JSON block.
 *
 * Every string from the data reaches the page through textContent or text
 * nodes, never innerHTML.  Incidents are drawn on a shared canvas; when more
 * than POINT_LIMIT fall in view (and the map is zoomed out) they are grouped
 * into screen-grid clusters instead.  Popups are built when clicked.
 */
(function () {
  "use strict";
  if (window.FrontierMap) { return; }
  var POINT_LIMIT = 2500;
  var POINT_ZOOM = 12;
  var CELL_PX = 64;
  var FM = { instances: {} };
  window.FrontierMap = FM;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function fmtInt(n) { return Number(n).toLocaleString("en-US"); }
  function isoDay(d) {
    return new Date(d * 86400000).toISOString().slice(0, 10);
  }
  function tenth(v) { return v === null || v === undefined ? null : v / 10; }

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
  }

  Instance.prototype.fail = function (err) {
    this.error = String(err && err.message ? err.message : err);
    var box = el("div", "fm-box fm-title");
    box.appendChild(el("p", "fm-notice", "Incident data could not be read: " + this.error));
    var C = L.Control.extend({ onAdd: function () { return box; } });
    new C({ position: "topright" }).addTo(this.map);
  };

  Instance.prototype.pane = function (name, z) {
    var map = this.map;
    if (!map.getPane(name)) { map.createPane(name).style.zIndex = String(z); }
    return map.getPane(name);
  };

  function expandRuns(inc) {
    // {"from": k} stands for k, k+1, ... (a column whose values are all distinct)
    var n = inc.lat.length;
    Object.keys(inc).forEach(function (key) {
      var col = inc[key];
      if (col && !Array.isArray(col) && typeof col.from === "number") {
        var out = new Int32Array(n);
        for (var i = 0; i < n; i++) { out[i] = col.from + i; }
        inc[key] = out;
      }
    });
  }

  Instance.prototype.lazy = function (name, draw) {
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
    var s = d.s || [];
    this.str = function (i) { return i === null || i === undefined || i < 0 ? null : s[i]; };
    this.pane("fmBase", 150);
    this.pane("fmAreas", 350);
    this.pane("fmLines", 380);
    this.pane("fmPoints", 420);
    this.pane("fmCrossings", 640);
    this.areaRenderer = L.canvas({ pane: "fmAreas" });
    this.lineRenderer = L.svg({ pane: "fmLines" });
    this.pointRenderer = L.canvas({ pane: "fmPoints", padding: 0.2 });
    if (d.basemap && this.groups.basemap) { this.drawBasemap(d.basemap); }
    if (d.districts) {
      this.lazy("districts", function () {
        self.drawAreas(self.groups.districts, d.districts.features, "district");
      });
    }
    if (d.aggregates) {
      this.lazy("aggregates", function () {
        self.drawAreas(self.groups.aggregates, d.aggregates.features, "aggregate");
      });
    }
    if (d.corridor) { this.lazy("corridor", function () { self.drawCorridor(d.corridor); }); }
    if (this.groups.frontier && d.frontier) { this.drawFrontier(d.frontier); }
    if (this.groups.crossings && d.crossings) { this.drawCrossings(d.crossings); }
    this.setupIncidents();
    this.addControls();
    map.on("moveend", function () { self.redraw(); });
    this.redraw();
    this.ready = true;
    mark("fm-ready");
    map.getContainer().setAttribute("data-fm-ready", "1");
  };

  /* ---------- context layers ---------- */

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

  Instance.prototype.drawAreas = function (group, features, kind) {
    var self = this;
    features.forEach(function (f) {
      var layer = L.geoJSON(f.g, {
        renderer: self.areaRenderer,
        style: { color: "#555", weight: 0.5, fillColor: f.color, fillOpacity: 0.6 }
      });
      var tip = el("div");
      tip.appendChild(el("strong", null, f.name || "(unnamed " + kind + ")"));
      if (f.sub) { tip.appendChild(el("div", null, f.sub)); }
      tip.appendChild(el("div", null, fmtInt(f.n) + " incident" + (f.n === 1 ? "" : "s")));
      layer.bindTooltip(tip, { sticky: true });
      layer.addTo(group);
    });
  };

  Instance.prototype.drawCorridor = function (bands) {
    var self = this;
    var g = this.groups.corridor;
    bands.forEach(function (b) {
      var layer = L.geoJSON(b.g, {
        renderer: self.areaRenderer,
        style: { color: b.color, weight: 0.6, fillColor: b.color, fillOpacity: 0.35 }
      });
      var tip = el("div");
      tip.appendChild(el("strong", null, b.label + " from the frontier"));
      tip.appendChild(el("div", null, fmtInt(b.n) + " incidents (AF " + fmtInt(b.af) +
        ", PK " + fmtInt(b.pk) + ")"));
      layer.bindTooltip(tip, { sticky: true });
      layer.addTo(g);
    });
  };

  Instance.prototype.drawFrontier = function (fr) {
    var g = this.groups.frontier;
    var self = this;
    fr.segments.forEach(function (seg) {
      L.polyline(seg.c, { renderer: self.lineRenderer, color: "#1b1b1b", weight: 7,
        opacity: 0.55, interactive: false }).addTo(g);
      var line = L.polyline(seg.c, { renderer: self.lineRenderer, color: seg.color, weight: 4.5,
        opacity: 1 });
      var tip = el("div");
      tip.appendChild(el("strong", null, "Frontier km " + fmtInt(seg.km0) + "\u2013" +
        fmtInt(seg.km1)));
      tip.appendChild(el("div", null, fmtInt(seg.n) + " incident" + (seg.n === 1 ? "" : "s") +
        " positioned on this stretch"));
      line.bindTooltip(tip, { sticky: true });
      line.addTo(g);
    });
    fr.ticks.forEach(function (t) {
      L.circleMarker([t.lat, t.lon], { renderer: self.lineRenderer, radius: 3.5, color: "#111",
        weight: 1.5, fillColor: "#fff", fillOpacity: 1 })
        .bindTooltip(el("span", null, "km " + fmtInt(t.km)), { direction: "top" })
        .addTo(g);
    });
  };

  Instance.prototype.drawCrossings = function (list) {
    var g = this.groups.crossings;
    list.forEach(function (c) {
      var icon = L.divIcon({ className: "", html: el("div", "fm-crossing"),
        iconSize: [12, 12], iconAnchor: [6, 6] });
      var pop = el("div", "fm-popup");
      pop.appendChild(el("strong", null, c.full || c.name));
      pop.appendChild(el("div", null, "Border crossing"));
      if (c.unc !== null && c.unc !== undefined) {
        pop.appendChild(el("div", null, "Position within \u00b1" + c.unc + " km"));
      }
      L.marker([c.lat, c.lon], { icon: icon, pane: "fmCrossings", title: c.name })
        .bindTooltip(el("span", null, c.name), { direction: "right", offset: [6, 0] })
        .bindPopup(pop)
        .addTo(g);
    });
  };

  /* ---------- incidents ---------- */

  Instance.prototype.setupIncidents = function () {
    var inc = this.d.inc;
    this.n = inc ? inc.lat.length : 0;
    this.counts.data = this.n;
    this.active = new Int32Array(this.n);
    for (var i = 0; i < this.n; i++) { this.active[i] = i; }
    this.points = L.featureGroup();
    this.clusters = L.layerGroup();
    var self = this;
    this.points.on("click", function (e) {
      var idx = e.layer.fmIndex;
      L.popup({ maxWidth: 360, minWidth: 220 })
        .setLatLng(e.layer.getLatLng())
        .setContent(self.popupNode(idx))
        .openOn(self.map);
    });
    if (this.groups.incidents) {
      this.points.addTo(this.groups.incidents);
      this.clusters.addTo(this.groups.incidents);
    }
    this.circles = L.layerGroup();
    if (this.groups.uncertainty) { this.circles.addTo(this.groups.uncertainty); }
    this.heat = null;
    if (typeof L.heatLayer === "function" && this.n) {
      this.lazy("heatmap", function () {
        self.heat = L.heatLayer([], { radius: 14, blur: 16, minOpacity: 0.25, maxZoom: 11 });
        self.heat.addTo(self.groups.heatmap);
        self.updateHeat();
      });
    }
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

  Instance.prototype.drawPoints = function (vis) {
    var inc = this.d.inc;
    for (var k = 0; k < vis.length; k++) {
      var i = vis[k];
      this.points.addLayer(this.pointMarker(i));
      // Circles wider than a province (country-level matches) would hide the map:
      // those keep the dashed ring, and the popup gives their radius.
      if (this.isLowPrecision(i) && inc.unc[i] !== null && inc.unc[i] > 0 &&
          inc.unc[i] * 100 <= MAX_CIRCLE_M) {
        this.circles.addLayer(L.circle([inc.lat[i], inc.lon[i]], {
          renderer: this.pointRenderer, radius: inc.unc[i] * 100, color: this.colorOf(i),
          weight: 1, dashArray: "4 4", fillOpacity: 0.05, interactive: false
        }));
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

  Instance.prototype.popupNode = function (i) {
    var inc = this.d.inc;
    var str = this.str;
    var box = el("div", "fm-popup");
    var id = str(inc.id ? inc.id[i] : -1);
    box.appendChild(el("strong", null, id ? "Incident " + id : "Incident"));
    var table = el("table");
    function row(label, value) {
      if (value === null || value === undefined || value === "") { return; }
      var tr = el("tr");
      tr.appendChild(el("th", null, label));
      tr.appendChild(el("td", null, value));
      table.appendChild(tr);
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
    row("Fatalities", inc.fat[i] === null ? null : fmtInt(inc.fat[i]));
    row("Place", str(inc.loc[i]));
    row("Side", str(inc.side[i]));
    var bd = tenth(inc.bd[i]);
    row("To border", bd === null ? null : bd.toFixed(1) + " km");
    var fk = tenth(inc.fkm[i]);
    row("Frontier km", fk === null ? null : fk.toFixed(1));
    var meth = str(inc.meth[i]);
    var prec = inc.prec[i];
    var unc = tenth(inc.unc[i]);
    var geo = [];
    if (meth) { geo.push(meth); }
    if (prec !== null) { geo.push("precision " + prec); }
    if (unc !== null) { geo.push("\u00b1" + unc.toFixed(1) + " km"); }
    row("Geocoding", geo.join(", "));
    row("Source", str(inc.src ? inc.src[i] : -1));
    box.appendChild(table);
    var note = str(inc.note ? inc.note[i] : -1);
    if (note) { box.appendChild(el("div", "fm-note", note)); }
    return box;
  };

  /* ---------- time control ---------- */

  Instance.prototype.periodKeys = function (unit) {
    var day = this.d.inc.day;
    var out = new Int32Array(this.n);
    for (var i = 0; i < this.n; i++) {
      var d = day[i];
      if (d === null) { out[i] = -2147483648; continue; }
      if (unit === "day") { out[i] = d; }
      else if (unit === "week") { out[i] = Math.floor((d + 3) / 7); }
      else {
        var dt = new Date(d * 86400000);
        out[i] = dt.getUTCFullYear() * 12 + dt.getUTCMonth();
      }
    }
    return out;
  };

  Instance.prototype.periodLabel = function (unit, p) {
    if (unit === "day") { return isoDay(p); }
    if (unit === "week") { return "week of " + isoDay(p * 7 - 3); }
    var y = Math.floor(p / 12), mo = p % 12 + 1;
    return y + "-" + (mo < 10 ? "0" : "") + mo;
  };

  Instance.prototype.setFilter = function (keys, p) {
    if (keys === null) {
      this.active = new Int32Array(this.n);
      for (var i = 0; i < this.n; i++) { this.active[i] = i; }
    } else {
      var out = [];
      for (var j = 0; j < this.n; j++) { if (keys[j] === p) { out.push(j); } }
      this.active = Int32Array.from(out);
    }
    this.redraw();
    this.updateHeat();
  };

  Instance.prototype.timeControl = function () {
    var self = this;
    var box = el("div", "fm-box fm-time");
    var sel = el("select");
    sel.title = "Show incidents of one period";
    [["all", "All dates"], ["day", "By day"], ["week", "By week"], ["month", "By month"]]
      .forEach(function (o) {
        var opt = el("option", null, o[1]);
        opt.value = o[0];
        sel.appendChild(opt);
      });
    var range = el("input");
    range.type = "range";
    range.disabled = true;
    var play = el("button", null, "\u25b6");
    play.type = "button";
    play.title = "Play";
    play.disabled = true;
    var out = el("output", null, "all dates");
    box.appendChild(sel); box.appendChild(play); box.appendChild(range); box.appendChild(out);
    var keys = null, unit = "all", timer = null;
    function stop() { if (timer) { clearInterval(timer); timer = null; play.textContent = "\u25b6"; } }
    function show() {
      var p = Number(range.value);
      out.textContent = self.periodLabel(unit, p) + " (" + fmtInt(countOf(p)) + ")";
      self.setFilter(keys, p);
    }
    function countOf(p) {
      var c = 0;
      for (var i = 0; i < self.n; i++) { if (keys[i] === p) { c++; } }
      return c;
    }
    sel.addEventListener("change", function () {
      stop();
      unit = sel.value;
      if (unit === "all") {
        keys = null; range.disabled = true; play.disabled = true;
        out.textContent = "all dates";
        self.setFilter(null);
        return;
      }
      keys = self.periodKeys(unit);
      var lo = Infinity, hi = -Infinity;
      for (var i = 0; i < self.n; i++) {
        var k = keys[i];
        if (k === -2147483648) { continue; }
        if (k < lo) { lo = k; } if (k > hi) { hi = k; }
      }
      if (lo === Infinity) { out.textContent = "no dates"; return; }
      range.min = String(lo); range.max = String(hi); range.step = "1"; range.value = String(lo);
      range.disabled = false; play.disabled = false;
      show();
    });
    range.addEventListener("input", function () { stop(); show(); });
    play.addEventListener("click", function () {
      if (timer) { stop(); return; }
      play.textContent = "\u275a\u275a";
      timer = setInterval(function () {
        var v = Number(range.value) + 1;
        if (v > Number(range.max)) { stop(); return; }
        range.value = String(v);
        show();
      }, 800);
    });
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };

  /* ---------- controls ---------- */

  Instance.prototype.titleBox = function () {
    var sm = this.d.summary;
    var box = el("div", "fm-box fm-title");
    box.appendChild(el("h1", null, sm.title));
    var line = fmtInt(sm.mapped) + " of " + fmtInt(sm.count) + " incidents mapped";
    box.appendChild(el("p", null, line));
    if (sm.date_min) {
      box.appendChild(el("p", null, sm.date_min === sm.date_max ? sm.date_min :
        sm.date_min + " \u2013 " + sm.date_max));
    }
    if (sm.sources && sm.sources.length) {
      var src = "Source: " + sm.sources.join("; ");
      if (sm.sources_more) { src += " and " + fmtInt(sm.sources_more) + " more"; }
      box.appendChild(el("p", null, src));
    }
    (sm.notices || []).forEach(function (t) { box.appendChild(el("p", "fm-notice", t)); });
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };

  Instance.prototype.legendBox = function () {
    var d = this.d;
    var root = el("div", "fm-box fm-legend");
    var box = root;
    var groups = this.groups, map = this.map;
    function section(name) {
      // a legend section shows only while its layer is on the map
      var sec = el("div");
      root.appendChild(sec);
      box = sec;
      var g = groups[name];
      if (!g) { return; }
      var sync = function () { sec.style.display = map.hasLayer(g) ? "" : "none"; };
      map.on("layeradd layerremove", sync);
      sync();
    }
    function row(swatch, label) {
      var r = el("div", "fm-row");
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
      var str = this.str;
      d.types.names.forEach(function (si, k) {
        row(sw(d.types.colors[k]), (str(si) || "(type not given)") + " (" + fmtInt(d.types.n[k]) + ")");
      });
      if (d.types.nmissing) {
        row(sw(d.types.missing), "(type not given) (" + fmtInt(d.types.nmissing) + ")");
      }
      row(sw("#777", "fm-hollow"), "low precision: dashed ring + uncertainty circle");
      row(el("span", "fm-cluster fm-swatch"), "cluster (zoom in to see incidents)");
    }
    if (d.frontier && this.groups.frontier) {
      section("frontier");
      box.appendChild(el("h2", null, "Frontier: incidents per " + d.frontier.km + " km"));
      d.frontier.classes.forEach(function (c) { row(sw(c.color, "fm-line"), c.label); });
      var t = el("span", "fm-swatch");
      t.style.background = "#fff";
      row(t, "km marker every 100 km (hover)");
    }
    if (d.crossings && this.groups.crossings) {
      section("crossings");
      var x = el("span", "fm-crossing");
      row(x, "border crossing");
    }
    [["districts", "Districts: incidents"], ["aggregates", "Aggregates"]].forEach(function (p) {
      var a = d[p[0]];
      if (!a || !a.classes.length) { return; }
      section(p[0]);
      box.appendChild(el("h2", null, p[1] + (a.label ? " (" + a.label + ")" : "")));
      a.classes.forEach(function (c) { row(sw(c.color, "fm-square"), c.label); });
    });
    if (d.corridor && d.corridor.length) {
      section("corridor");
      box.appendChild(el("h2", null, "Distance from the frontier"));
      d.corridor.forEach(function (b) { row(sw(b.color, "fm-square"), b.label); });
    }
    L.DomEvent.disableScrollPropagation(root);
    return root;
  };

  function control(node, position) {
    var C = L.Control.extend({ onAdd: function () { return node; } });
    return new C({ position: position });
  }

  Instance.prototype.addControls = function () {
    var map = this.map;
    var o = this.opts.controls || {};
    control(this.titleBox(), "topright").addTo(map);
    if (o.scale) { L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map); }
    if (this.n && this.d.summary.has_dates) {
      this.timeCtl = control(this.timeControl(), "bottomleft").addTo(map);
    }
    control(this.legendBox(), "bottomright").addTo(map);
    if (o.fullscreen && L.Control.FullScreen) {
      L.control.fullscreen({ position: "topleft", title: "Full screen",
        titleCancel: "Exit full screen" }).addTo(map);
    }
    if (o.measure && L.Control.Measure) {
      new L.Control.Measure({ position: "topleft", primaryLengthUnit: "kilometers",
        secondaryLengthUnit: "miles", primaryAreaUnit: "sqkilometers",
        activeColor: "#c0392b", completedColor: "#8e44ad" }).addTo(map);
    }
    if (o.minimap && L.Control.MiniMap && this.d.mini) {
      var layer;
      if (o.minimap_tiles) {
        layer = L.tileLayer(o.minimap_tiles.url, o.minimap_tiles.options);
      } else {
        layer = L.geoJSON(this.d.mini, { interactive: false,
          style: { color: "#666", weight: 1, fillColor: "#eee", fillOpacity: 1 } });
      }
      new L.Control.MiniMap(layer, { position: "bottomleft", toggleDisplay: true,
        zoomLevelOffset: -5, width: 140, height: 140 }).addTo(map);
    }
  };

  Instance.prototype.stats = function () {
    var c = this.counts;
    return { data: c.data, active: c.active, visible: c.visible, points: c.points,
      clusters: c.clusters, clustered: c.clustered, rendered: c.points + c.clustered };
  };
})();
