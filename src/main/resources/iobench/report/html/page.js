/* iobench report.html / compare.html: draws the charts from the page's JSON data with uPlot.
 * Inlined into the page when it is written; reads nothing from the network. When every chart has
 * been drawn the root element gets data-drawn="true" and #draw-status says so. */
(function () {
  'use strict';

  var COLORS = { sync: '#c0392b', async: '#1f6fb5', virtual: '#1e8449' };
  var OTHER = ['#8e44ad', '#d35400', '#7f8c8d', '#b7950b', '#117a65'];
  var SLO_COLOR = '#6c3483';
  var HEIGHT = 340;
  var PRINT_WIDTH = 700;

  var data = JSON.parse(document.getElementById('iobench-data').textContent);
  var list = document.getElementById('chart-list');
  var charts = [];
  var expected = 0;
  var drawn = 0;
  var printing = false;
  var hiddenServers = {};

  var extraColors = 0;
  function color(server) {
    if (!COLORS[server]) COLORS[server] = OTHER[extraColors++ % OTHER.length];
    return COLORS[server];
  }

  function num(v) { return typeof v === 'number' && isFinite(v) ? v : null; }
  function median(stat) { return stat && typeof stat === 'object' ? num(stat.median) : num(stat); }

  function fmt(v) {
    if (v == null || !isFinite(v)) return '–';
    var a = Math.abs(v);
    var d = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    return v.toFixed(d);
  }

  /* x = 1/(1-p) as the percentile p: 10 is 90%, 100 is 99%, 40 is 97.5%. */
  function pctLabel(x) {
    if (x <= 1) return '0%';
    var p = 100 * (1 - 1 / x);
    var digits = Math.min(6, Math.max(0, Math.ceil(Math.log10(x) - 1e-9) - 1));
    var text = p.toFixed(digits);
    if (text.indexOf('.') >= 0) text = text.replace(/0+$/, '').replace(/\.$/, '');
    return text + '%';
  }

  /* 1, 2, 5 times the powers of ten in [min, max]; fewer when there would be many. */
  function logSplits(min, max, mults) {
    var out = [];
    for (var k = Math.floor(Math.log10(min)) - 1; k <= Math.ceil(Math.log10(max)) + 1; k++) {
      for (var m = 0; m < mults.length; m++) {
        var v = mults[m] * Math.pow(10, k);
        v = Number(v.toPrecision(6));
        if (v >= min * 0.9999 && v <= max * 1.0001) out.push(v);
      }
    }
    if (out.length > 10 && mults.length > 1) return logSplits(min, max, [1]);
    if (out.length < 3 && mults.length < 3) return logSplits(min, max, [1, 2, 5]);
    return out;
  }

  function plotWidth(el) {
    if (printing) return PRINT_WIDTH;
    var w = el.clientWidth || list.clientWidth || 900;
    return Math.max(300, Math.min(w, 1120));
  }

  /* A chart spec: {title, about, xLabel, yLabel, xLog, yLog, xKind: 'num'|'cat'|'pct', cats,
   * xFmt, series: [{label, server, color, dash, width, line, points, pts: [[x, y, lo, hi]]}],
   * vlines: [{x, color, label, series}]}. */
  function add(spec) {
    var has = spec.series.some(function (s) {
      return s.pts.some(function (p) { return p[1] != null; });
    });
    if (!has) return;
    expected++;
    var fig = document.createElement('figure');
    fig.className = 'chart';
    var cap = document.createElement('figcaption');
    cap.textContent = spec.title;
    fig.appendChild(cap);
    if (spec.about) {
      var about = document.createElement('p');
      about.className = 'about';
      about.textContent = spec.about;
      fig.appendChild(about);
    }
    var plot = document.createElement('div');
    plot.className = 'plot';
    fig.appendChild(plot);
    list.appendChild(fig);
    charts.push({ spec: spec, fig: fig, plot: plot, u: null });
  }

  function build(c) {
    var spec = c.spec;
    var xsSet = {};
    spec.series.forEach(function (s) { s.pts.forEach(function (p) { xsSet[p[0]] = true; }); });
    var xs = Object.keys(xsSet).map(Number).sort(function (a, b) { return a - b; });
    var uData = [xs];
    var ranges = [];
    var yMin = Infinity;
    var yMax = -Infinity;
    spec.series.forEach(function (s) {
      var byX = {};
      s.pts.forEach(function (p) { byX[p[0]] = p; });
      uData.push(xs.map(function (x) {
        var p = byX[x];
        var y = p ? num(p[1]) : null;
        if (y != null && spec.yLog && y <= 0) y = null;
        if (y != null) { yMin = Math.min(yMin, y); yMax = Math.max(yMax, y); }
        return y;
      }));
      ranges.push(xs.map(function (x) {
        var p = byX[x];
        if (!p || num(p[2]) == null || num(p[3]) == null) return null;
        if (spec.yLog && p[2] <= 0) return null;
        yMin = Math.min(yMin, p[2]); yMax = Math.max(yMax, p[3]);
        return [p[2], p[3]];
      }));
    });
    var xMin = xs[0];
    var xMax = xs[xs.length - 1];
    var xScale = { time: false };
    var xAxis = { label: spec.xLabel, stroke: '#333', grid: { stroke: '#e8e8e8', width: 1 }, ticks: { stroke: '#ccc' } };
    if (spec.xKind === 'cat') {
      xScale.range = function () { return [-0.6, spec.cats.length - 0.4]; };
      xAxis.splits = function () { return spec.cats.map(function (_, i) { return i; }); };
      xAxis.values = function (u, splits) { return splits.map(function (i) { return spec.cats[i] || ''; }); };
      if (spec.cats.length > 5) { xAxis.rotate = -30; xAxis.size = 80; }
      xAxis.grid = { show: false };
    } else if (spec.xKind === 'pct') {
      xScale.distr = 3; xScale.log = 10;
      var top = Math.pow(10, Math.ceil(Math.log10(Math.max(xMax, 10)) - 1e-9));
      xScale.range = function () { return [1, top]; };
      xAxis.splits = function () {
        var s = [];
        for (var v = 1; v <= top * 1.0001; v *= 10) s.push(v);
        return s;
      };
      xAxis.values = function (u, splits) { return splits.map(pctLabel); };
      xAxis.filter = function (u, splits) { return splits; };
    } else if (spec.xLog) {
      xScale.distr = 3; xScale.log = 10;
      var lo = xMin / 1.35;
      var hi = xMax * 1.35;
      if (xMin === xMax) { lo = xMin / 2; hi = xMax * 2; }
      xScale.range = function () { return [lo, hi]; };
      // The measured x values themselves when they are few and far enough apart, else 1-2-5 steps.
      var spaced = xs.length <= 10 && xs.every(function (x, i) { return i === 0 || x / xs[i - 1] >= 1.25; });
      xAxis.splits = function () { return spaced ? xs.slice() : logSplits(lo, hi, [1, 2, 5]); };
      xAxis.values = function (u, splits) { return splits.map(function (v) { return String(v); }); };
      xAxis.filter = function (u, splits) { return splits; };
    } else {
      xScale.range = function (u, min, max) {
        var pad = (max - min) * 0.05 || 1;
        return [Math.max(0, min - pad), max + pad];
      };
    }
    var yScale = {};
    var yAxis = { label: spec.yLabel, stroke: '#333', size: 64, grid: { stroke: '#e8e8e8', width: 1 }, ticks: { stroke: '#ccc' } };
    if (spec.yLog) {
      yScale.distr = 3; yScale.log = 10;
      var ylo = yMin / 1.5;
      var yhi = yMax * 1.5;
      if (!isFinite(ylo) || ylo <= 0) { ylo = 0.1; }
      if (!isFinite(yhi) || yhi <= ylo) { yhi = ylo * 100; }
      yScale.range = function () { return [ylo, yhi]; };
      yAxis.splits = function () { return logSplits(ylo, yhi, [1, 2, 5]); };
      yAxis.values = function (u, splits) { return splits.map(function (v) { return String(v); }); };
      yAxis.filter = function (u, splits) { return splits; };
    } else {
      yScale.range = function (u, min, max) {
        var lo2 = Math.min(0, isFinite(yMin) ? yMin : 0);
        var hi2 = Math.max(isFinite(yMax) ? yMax : 1, max || 0);
        return [lo2, hi2 * 1.08 || 1];
      };
    }
    var xFmt = spec.xKind === 'cat' ? function (v) { return spec.cats[Math.round(v)] || ''; }
      : spec.xKind === 'pct' ? pctLabel : (spec.xFmt || fmt);
    var series = [{ label: spec.xLabel, value: function (u, v) { return v == null ? '–' : xFmt(v); } }];
    spec.series.forEach(function (s, k) {
      var entry = {
        label: s.label,
        stroke: s.color,
        width: s.width || 2,
        spanGaps: true,
        show: !(s.server && hiddenServers[s.server]),
        value: function (u, v, si, idx) {
          if (v == null) return '–';
          var r = idx != null ? ranges[k][idx] : null;
          return fmt(v) + (spec.yUnit || '') + (r ? ' (' + fmt(r[0]) + '–' + fmt(r[1]) + ')' : '');
        },
        points: { show: s.points !== false, size: s.pointSize || 7, fill: s.color, stroke: s.color, space: 0 }
      };
      if (s.dash) entry.dash = s.dash;
      if (s.line === false) entry.paths = function () { return null; };
      series.push(entry);
    });
    var opts = {
      width: plotWidth(c.plot),
      height: HEIGHT,
      scales: { x: xScale, y: yScale },
      series: series,
      axes: [xAxis, yAxis],
      legend: { live: true },
      cursor: { drag: { x: true, y: false }, points: { size: 9 } },
      hooks: {
        draw: [function (u) {
          extras(u, spec, ranges);
          if (!c.drawn) { c.drawn = true; drawn++; done(); }
        }]
      }
    };
    c.u = new uPlot(opts, uData, c.plot);
    c.fig.setAttribute('data-colors', spec.series.map(function (s) { return s.color; }).join(' '));
  }

  /* Ranges as whiskers, and vertical marks (a server's capacity), both hidden with their series. */
  function extras(u, spec, ranges) {
    var ctx = u.ctx;
    var px = uPlot.pxRatio || 1;
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    spec.series.forEach(function (s, k) {
      if (!u.series[k + 1].show) return;
      ctx.strokeStyle = s.color;
      ctx.lineWidth = 1.5 * px;
      ctx.setLineDash([]);
      ranges[k].forEach(function (r, j) {
        if (!r) return;
        var x = u.valToPos(u.data[0][j], 'x', true);
        var y1 = u.valToPos(r[0], 'y', true);
        var y2 = u.valToPos(r[1], 'y', true);
        ctx.beginPath();
        ctx.moveTo(x, y1); ctx.lineTo(x, y2);
        ctx.moveTo(x - 4 * px, y1); ctx.lineTo(x + 4 * px, y1);
        ctx.moveTo(x - 4 * px, y2); ctx.lineTo(x + 4 * px, y2);
        ctx.stroke();
      });
    });
    (spec.vlines || []).forEach(function (v, n) {
      if (v.series != null && !u.series[v.series + 1].show) return;
      var x = u.valToPos(v.x, 'x', true);
      ctx.strokeStyle = v.color;
      ctx.fillStyle = v.color;
      ctx.lineWidth = 1.5 * px;
      ctx.setLineDash([4 * px, 4 * px]);
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = (11 * px) + 'px system-ui, sans-serif';
      ctx.textAlign = x > u.bbox.left + u.bbox.width * 0.8 ? 'right' : 'left';
      ctx.fillText(v.label, x + (ctx.textAlign === 'right' ? -4 : 4) * px, u.bbox.top + (14 + 13 * n) * px);
    });
    ctx.restore();
  }

  function done() {
    var status = document.getElementById('draw-status');
    if (drawn >= expected) {
      document.documentElement.setAttribute('data-drawn', 'true');
      document.documentElement.setAttribute('data-charts', String(expected));
    }
    if (status) {
      var errors = window.iobenchErrors || [];
      status.textContent = errors.length ? 'Script errors: ' + errors.join('; ')
        : drawn + ' of ' + expected + ' charts drawn.';
      status.className = 'draw-status' + (errors.length ? ' failed' : '');
    }
  }

  /* ---- what the charts show ---- */

  function scenarios(summary, kind) {
    return (summary.scenarios || []).filter(function (s) { return s.kind === kind; });
  }

  function serverNames(summary) {
    var names = [];
    (summary.scenarios || []).forEach(function (s) {
      (s.servers || []).forEach(function (st) { if (names.indexOf(st.server) < 0) names.push(st.server); });
    });
    return names;
  }

  /* Per server, one point per scenario: x from the scenario, y (and its range) from the server's figures. */
  function perServer(list0, xOf, yOf, nameOf) {
    var out = {};
    var order = [];
    list0.forEach(function (s) {
      (s.servers || []).forEach(function (st) {
        var name = nameOf ? nameOf(s, st) : st.server;
        var p = yOf(s, st);
        if (!p) return;
        if (!out[name]) { out[name] = { server: st.server, pts: [] }; order.push(name); }
        out[name].pts.push([xOf(s), p[0], p[1], p[2]]);
      });
    });
    return order.map(function (n) { return { name: n, server: out[n].server, pts: out[n].pts }; });
  }

  function stat(st, key, scale) {
    var v = st[key];
    var f = scale || 1;
    if (!v || median(v) == null) return null;
    return [median(v) * f, num(v.min) != null ? v.min * f : null, num(v.max) != null ? v.max * f : null];
  }

  function measured(g, suffix, side) {
    return {
      label: g.name + (suffix || ''), server: g.server, color: color(g.server), pts: g.pts,
      dash: side === 'a' ? [3, 3] : null, width: side === 'a' ? 1.5 : 2
    };
  }

  function model(g, suffix) {
    return { label: g.name + ' model' + (suffix || ''), server: g.server, color: color(g.server), pts: g.pts,
      dash: [8, 5], width: 1.5, points: false };
  }

  /* The clients scenarios of a suite run at different delays (1 s for 5 clients down to 20 ms for
   * sustained-50 in the default file): requests per second or milliseconds against clients would join
   * figures of different delays in one line, a spike where two share a client count and a model line
   * that means nothing. So these charts plot what the delay does not change: requests served at once
   * (throughput x delay) and latency in delays (latency / delay), one line per server across every
   * clients scenario, as the PNG charts do (ChartWriter). A scenario without a delay (a target's own
   * time) is left out: there is nothing to count in. */
  function delayOf(s) {
    var d = num(s.delay_s);
    return d && d > 0 ? d : null;
  }

  function clientsCharts(summary) {
    var cs = scenarios(summary, 'clients').filter(delayOf);
    if (!cs.length) return;
    var threads = summary.model_params.sync_threads;
    var clientsX = function (s) { return s.clients; };
    var served = perServer(cs, clientsX, function (s, st) { return stat(st, 'throughput_rps', delayOf(s)); });
    // The model's requests x delay / its duration: min(N, threads) for a pool in a long run, N all at once.
    var servedModel = perServer(cs, clientsX, function (s, st) {
      var m = num(st.model_duration_s);
      return m ? [s.requests * delayOf(s) / m] : null;
    });
    add({
      title: 'Requests served at once against concurrent clients',
      about: 'Throughput x the scenario\'s delay: how many requests each server had in hand at once, comparable '
        + 'across scenarios of different delays. Median of the repetitions with their range; dashed: the model (a pool of '
        + threads + ' threads serves N clients in ceil(N / ' + threads + ') waves of one delay, at most ' + threads
        + ' at once; async and virtual all N). Log axes.',
      xLabel: 'clients', yLabel: 'requests served at once', xLog: true, yLog: true, yUnit: '',
      series: served.map(function (g) { return measured(g); }).concat(servedModel.map(function (g) { return model(g); }))
    });
    var inDelays = 1 / 1000;
    var p50 = perServer(cs, clientsX, function (s, st) { return stat(st, 'p50_ms', inDelays / delayOf(s)); });
    var p99 = perServer(cs, clientsX, function (s, st) { return stat(st, 'p99_ms', inDelays / delayOf(s)); });
    // N over the model's requests served at once (Little's law): the slowest of one set of waves, ceil(N / threads).
    var waits = perServer(cs, clientsX, function (s, st) {
      var m = num(st.model_duration_s);
      return m ? [s.clients * m / (s.requests * delayOf(s))] : null;
    });
    add({
      title: 'p50 and p99 latency in delays against concurrent clients',
      about: 'Latency / the scenario\'s delay, comparable across scenarios of different delays (1 = no wait). Median of '
        + 'the repetitions with their range: p50 solid, p99 dotted; dashed: the model (N clients over the requests served '
        + 'at once: ceil(N / ' + threads + ') delays for the pool\'s last wave). Log axes.',
      xLabel: 'clients', yLabel: 'latency, delays', xLog: true, yLog: true, yUnit: ' delays',
      series: p50.map(function (g) { return measured(g, ' p50'); })
        .concat(p99.map(function (g) {
          var s = measured(g, ' p99'); s.dash = [2, 3]; s.pointSize = 5; return s;
        }))
        .concat(waits.map(function (g) { return model(g); }))
    });
  }

  function fanOutChart(summary) {
    var fs = scenarios(summary, 'fan-out');
    if (!fs.length) return;
    var strategies = {};
    fs.forEach(function (s) { strategies[s.strategy] = true; });
    var both = Object.keys(strategies).length > 1;
    var nameOf = function (s, st) { return st.server === 'async' || !both ? st.server : st.server + ' ' + s.strategy; };
    var dur = perServer(fs, function (s) { return s.concurrent; }, function (s, st) { return stat(st, 'duration_s'); }, nameOf);
    var mod = perServer(fs, function (s) { return s.concurrent; }, function (s, st) {
      var m = num(st.model_duration_s); return m ? [m] : null;
    }, nameOf);
    dur.forEach(function (g) { g.pts.sort(function (a, b) { return a[0] - b[0]; }); });
    add({
      title: 'Fan-out: duration of one request against its K downstream calls',
      about: 'Median of the repetitions with their range; dashed: the model (K delays one after another, one delay when all at once, ceil(K / pool) delays for a pool). The delay differs between scenarios. Log axes.',
      xLabel: 'K (downstream calls per request)', yLabel: 'duration, s', xLog: true, yLog: true, yUnit: ' s',
      series: dur.map(function (g) { return measured(g); }).concat(mod.map(function (g) { return model(g); }))
    });
  }

  function rateCharts(summary) {
    (summary.capacity || []).forEach(function (c) {
      var byServer = {};
      var order = [];
      (c.steps || []).forEach(function (st) {
        var p = stat(st, 'p99_ms');
        if (!p) return;
        if (!byServer[st.server]) { byServer[st.server] = []; order.push(st.server); }
        byServer[st.server].push([st.offered_rps, p[0], p[1], p[2]]);
      });
      var series = order.map(function (s) { return measured({ name: s, server: s, pts: byServer[s] }); });
      var xs = [];
      order.forEach(function (s) { byServer[s].forEach(function (p) { xs.push(p[0]); }); });
      var slo = num(c.slo_p99_ms);
      if (slo != null && xs.length) {
        series.push({ label: 'SLO p99 ' + fmt(slo) + ' ms', color: SLO_COLOR, dash: [6, 4], width: 2, points: false,
          pts: xs.map(function (x) { return [x, slo]; }) });
      }
      var vlines = [];
      (c.servers || []).forEach(function (s) {
        var cap = num(s.capacity_rps_median);
        var k = order.indexOf(s.server);
        if (cap == null || cap <= 0 || k < 0) return;
        var atLeast = (s.lower_bound_per_repetition || []).some(function (b) { return b; });
        vlines.push({ x: cap, color: color(s.server), series: k,
          label: s.server + ' capacity ' + (atLeast ? '≥ ' : '') + Math.round(cap) + '/s' });
      });
      add({
        title: 'p99 latency against offered rate: ' + c.scenario,
        about: 'Corrected p99 (from each request\'s intended send time), median of the repetitions with their range; '
          + (slo != null ? 'the SLO dashed; ' : 'no SLO given; ')
          + 'each server\'s capacity (the highest step that met the SLO, median) as a vertical mark. Log axes.',
        xLabel: 'offered rate, requests per second', yLabel: 'p99 latency, ms', xLog: true, yLog: true, yUnit: ' ms',
        series: series, vlines: vlines
      });
    });
  }

  function curveCharts(summary, curves, other, otherName) {
    var threads = summary.model_params ? summary.model_params.sync_threads : null;
    (curves || []).forEach(function (c) {
      var sc = (summary.scenarios || []).filter(function (s) { return s.name === c.scenario; })[0];
      var series = [];
      var counts = [];
      c.series.forEach(function (s) {
        counts.push(s.server + ' ' + s.count);
        series.push(measured({ name: s.server + (other ? ' B' : ''), server: s.server,
          pts: c.x.map(function (x, i) { return [x, s.y_ms[i]]; }) }));
      });
      if (other) {
        var oc = other.filter(function (o) { return o.scenario === c.scenario; })[0];
        if (!oc) return;
        oc.series.forEach(function (s) {
          series.push(measured({ name: s.server + ' A', server: s.server,
            pts: oc.x.map(function (x, i) { return [x, s.y_ms[i]]; }) }, '', 'a'));
        });
      } else if (sc && sc.kind === 'clients' && sc.requests === sc.clients && threads) {
        (sc.servers || []).forEach(function (st) {
          var m = num(st.model_duration_s);
          var d = num(sc.delay_s);
          if (m == null || d == null || d <= 0) return;
          var waves = Math.ceil(sc.clients / threads);
          var isPool = st.server === 'sync' && Math.abs(m - waves * d) < 1e-6;
          if (st.server === 'sync' && !isPool) return;
          series.push(model({ name: st.server, server: st.server, pts: c.x.map(function (x) {
            var p = 1 - 1 / x;
            return [x, 1000 * (isPool ? Math.max(1, Math.ceil(p * sc.clients / threads - 1e-9)) * d : m)];
          }) }));
        });
      }
      add({
        title: 'Latency percentiles: ' + c.scenario + (other ? ' (A dashed, B solid)' : ''),
        about: 'Every latency of the measured repetitions, merged from hlog/' + c.scenario + '-<server>.hlog ('
          + counts.join(', ') + ' values). x: the percentile on a log 1/(1-p) axis, as HdrHistogram\'s plotter draws it; '
          + 'each curve ends at its maximum.' + (other ? '' : ' Dashed: the model (waves of one delay for the sync pool, one delay for the others).'),
        xKind: 'pct', xLabel: 'percentile', yLabel: 'latency, ms', yUnit: ' ms',
        series: series
      });
    });
  }

  /* Points per scenario (categories), with whiskers for the range; nothing when no server has the figure. */
  function categoryChart(title, about, yLabel, yUnit, scenarioList, figureOf) {
    var cats = scenarioList.map(function (s) { return s.name; });
    var servers = [];
    scenarioList.forEach(function (s) {
      (s.servers || []).forEach(function (st) { if (servers.indexOf(st.server) < 0) servers.push(st.server); });
    });
    var n = servers.length;
    var series = servers.map(function (server, k) {
      var pts = [];
      scenarioList.forEach(function (s, i) {
        var st = (s.servers || []).filter(function (x) { return x.server === server; })[0];
        var f = st ? figureOf(s, st) : null;
        if (f && f[0] != null) {
          pts.push([Number((i + (k - (n - 1) / 2) * 0.16).toFixed(4)), f[0], f[1], f[2]]);
        }
      });
      return { label: server, server: server, color: color(server), pts: pts, line: false, pointSize: 9 };
    }).filter(function (s) { return s.pts.length; });
    add({ title: title, about: about, xKind: 'cat', cats: cats, xLabel: 'scenario', yLabel: yLabel, yUnit: yUnit, series: series });
  }

  function costCharts(summary, costRanges) {
    var list0 = (summary.scenarios || []);
    function range(s, st, key) {
      var r = (costRanges || []).filter(function (x) { return x.scenario === s.name && x.server === st.server; })[0];
      return r && r[key] ? r[key] : [null, null];
    }
    var src = 'Per downstream call, over the measured repetitions (the point); the whisker spans the lowest and highest single run (results.csv). '
      + 'In one JVM a virtual-thread server\'s figures are n/a: bench --isolate measures each server on its own.';
    categoryChart('CPU time per downstream call', src, 'CPU ms per call', ' ms', list0, function (s, st) {
      var v = st.costs ? num(st.costs.cpu_ms_per_call) : null;
      var r = st.costs && num(st.costs.cpu_ms_per_call_min) != null
        ? [st.costs.cpu_ms_per_call_min, st.costs.cpu_ms_per_call_max] : range(s, st, 'cpu_ms_per_call');
      return v == null ? null : [v, r[0], r[1]];
    });
    categoryChart('Allocation per downstream call', src, 'KB allocated per call', ' KB', list0, function (s, st) {
      var v = st.costs ? num(st.costs.alloc_kb_per_call) : null;
      var r = range(s, st, 'alloc_kb_per_call');
      return v == null ? null : [v, r[0], r[1]];
    });
  }

  /* Time to steady, where the report has it (summary.json time_to_steady): seconds of warm-up until each server was steady. */
  function steadyChart(summary) {
    var list = (summary.time_to_steady || []).filter(function (t) { return num(t.seconds) != null; });
    if (!list.length) return;
    var first = list.map(function (t) {
      return t.server + ' ' + (num(t.first_request_ms) == null ? 'n/a' : t.first_request_ms.toFixed(0) + ' ms')
        + (t.steady ? '' : ' (not steady)');
    }).join(', ');
    var one = [{ name: 'to steady', servers: list.map(function (t) { return { server: t.server, seconds: t.seconds }; }) }];
    categoryChart('Time to steady', 'Seconds of warm-up, from the first request, until each server was steady (summary.json time_to_steady; '
      + 'a server that never was shows the warm-up it had). First requests: ' + first + '.',
      'seconds', ' s', one, function (s, st) { return [st.seconds, null, null]; });
  }

  /* ---- compare.html ---- */

  function compareCharts(a, b) {
    var sa = a.summary;
    var sb = b.summary;
    function pair(kind, xOf, yOf, title, about, xLabel, yLabel, yUnit, nameOf) {
      var ga = perServer(scenarios(sa, kind), xOf, yOf, nameOf);
      var gb = perServer(scenarios(sb, kind), xOf, yOf, nameOf);
      if (!ga.length && !gb.length) return;
      add({ title: title, about: about, xLabel: xLabel, yLabel: yLabel, xLog: true, yLog: true, yUnit: yUnit,
        series: ga.map(function (g) { return measured(g, ' A', 'a'); }).concat(gb.map(function (g) { return measured(g, ' B'); })) });
    }
    var clientsX = function (s) { return s.clients; };
    // In units of each scenario's delay, as report.html's clients charts (clientsCharts): comparable across delays.
    pair('clients', clientsX, function (s, st) { return delayOf(s) ? stat(st, 'throughput_rps', delayOf(s)) : null; },
      'Requests served at once against concurrent clients: A and B', 'Throughput x the scenario\'s delay, median of '
        + 'the repetitions with their range; A dashed, B solid. Log axes.',
      'clients', 'requests served at once', '');
    pair('clients', clientsX, function (s, st) { return delayOf(s) ? stat(st, 'p99_ms', 1 / 1000 / delayOf(s)) : null; },
      'p99 latency in delays against concurrent clients: A and B', 'p99 / the scenario\'s delay, median of the '
        + 'repetitions with their range; A dashed, B solid. Log axes.',
      'clients', 'p99 latency, delays', ' delays');
    var nameOf = function (s, st) { return st.server === 'async' ? st.server : st.server + ' ' + s.strategy; };
    pair('fan-out', function (s) { return s.concurrent; }, function (s, st) { return stat(st, 'duration_s'); },
      'Fan-out duration against K: A and B', 'Median of the repetitions with their range; A dashed, B solid. Log axes.',
      'K (downstream calls per request)', 'duration, s', ' s', nameOf);
    var names = [];
    [sa, sb].forEach(function (s) {
      (s.scenarios || []).forEach(function (x) {
        if ((x.comparisons || []).length && names.indexOf(x.name) < 0) names.push(x.name);
      });
    });
    if (names.length) {
      var servers = [];
      [sa, sb].forEach(function (s) {
        (s.scenarios || []).forEach(function (x) {
          (x.comparisons || []).forEach(function (c) { if (servers.indexOf(c.server) < 0) servers.push(c.server); });
        });
      });
      var slots = servers.length * 2;
      var series = [];
      servers.forEach(function (server, k) {
        [['A', sa, 'a'], ['B', sb, 'b']].forEach(function (side, j) {
          var pts = [];
          names.forEach(function (name, i) {
            var sc = (side[1].scenarios || []).filter(function (x) { return x.name === name; })[0];
            var c = sc ? (sc.comparisons || []).filter(function (x) { return x.server === server; })[0] : null;
            var v = c ? num(c.speedup) : null;
            if (v == null) return;
            var slot = k * 2 + j;
            pts.push([Number((i + (slot - (slots - 1) / 2) * 0.12).toFixed(4)), v,
              c.interval ? num(c.interval.low) : null, c.interval ? num(c.interval.high) : null]);
          });
          if (pts.length) {
            series.push({ label: server + ' ' + side[0], server: server, color: color(server), pts: pts, line: false,
              pointSize: side[2] === 'a' ? 6 : 9 });
          }
        });
      });
      add({ title: 'Speedup over sync per scenario: A and B', about: 'Each speedup with its 95 % confidence interval (whiskers); A the smaller point. Intervals apart: a change beyond the noise.',
        xKind: 'cat', cats: names, xLabel: 'scenario', yLabel: 'speedup over sync (x)', yUnit: 'x', yLog: true, series: series });
    }
    curveCharts(sb, b.latency_curves, a.latency_curves || [], a.name);
  }

  /* ---- the page ---- */

  function toggles(names) {
    var box = document.getElementById('server-toggles');
    if (!box || !names.length) return;
    var title = document.createElement('span');
    title.textContent = 'Servers:';
    box.appendChild(title);
    names.forEach(function (name) {
      var label = document.createElement('label');
      var input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = true;
      input.setAttribute('data-server', name);
      input.addEventListener('change', function () {
        hiddenServers[name] = !input.checked;
        charts.forEach(function (c) {
          if (!c.u) return;
          c.spec.series.forEach(function (s, k) {
            if (s.server === name) c.u.setSeries(k + 1, { show: input.checked });
          });
        });
      });
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = color(name);
      label.appendChild(input);
      label.appendChild(swatch);
      label.appendChild(document.createTextNode(name));
      box.appendChild(label);
    });
  }

  function resizeAll() {
    charts.forEach(function (c) {
      if (c.u) c.u.setSize({ width: plotWidth(c.plot), height: HEIGHT });
    });
  }

  function main() {
    var status = document.createElement('p');
    status.id = 'draw-status';
    status.className = 'draw-status';
    list.parentNode.insertBefore(status, list);
    if (data.page === 'compare') {
      var names = serverNames(data.a.summary);
      serverNames(data.b.summary).forEach(function (n) { if (names.indexOf(n) < 0) names.push(n); });
      names.forEach(color);
      toggles(names);
      compareCharts(data.a, data.b);
      var only = document.getElementById('only-beyond');
      if (only) {
        only.addEventListener('change', function () { document.body.classList.toggle('only-beyond', only.checked); });
      }
    } else {
      var s = data.summary;
      var all = serverNames(s);
      all.forEach(color);
      toggles(all);
      clientsCharts(s);
      fanOutChart(s);
      rateCharts(s);
      curveCharts(s, data.latency_curves);
      costCharts(s, data.cost_ranges);
      steadyChart(s);
    }
    charts.forEach(function (c) {
      try {
        build(c);
      } catch (e) {
        (window.iobenchErrors = window.iobenchErrors || []).push('chart "' + c.spec.title + '": ' + e);
        var p = document.createElement('p');
        p.className = 'warn';
        p.textContent = 'This chart could not be drawn: ' + e;
        c.fig.appendChild(p);
      }
    });
    // What each chart plots, point by point: for the browser tests, and for a reader at the console.
    window.iobenchCharts = charts.map(function (c) {
      return { title: c.spec.title, series: c.spec.series.map(function (x) {
        return { label: x.label, pts: x.pts.map(function (p) { return [p[0], p[1]]; }) };
      }) };
    });
    done();
    var timer = null;
    window.addEventListener('resize', function () {
      clearTimeout(timer);
      timer = setTimeout(resizeAll, 120);
    });
    window.addEventListener('beforeprint', function () { printing = true; resizeAll(); });
    window.addEventListener('afterprint', function () { printing = false; resizeAll(); });
  }

  main();
}());
