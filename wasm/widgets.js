// widgets.js - the book's live figures (issue 18).  Each <div class="widget"
// data-widget=NAME> (book/filters/widgets.lua) holds the static figure (if
// the section has one) and a hidden live part; once the WebAssembly module
// is running, the live part is built here and shown below the figure.
// Without JavaScript the reader sees the static figure only.  Every number comes from the teaching
// library compiled to wasm (wasm/glue.js); nothing is computed twice.
(function () {
  'use strict';
  var zh = /^zh/.test(document.documentElement.lang || '');
  var T = {
    c: ['scale c', '缩放 c'],
    sigmoidAt: ['σ(c·z) at z = 1: ', 'z = 1 处 σ(c·z) = '],
    stepAt: ['step(z) at z = 1: ', 'z = 1 处 step(z) = '],
    sigmoidLegend: ['σ(c·z), the sigmoid neuron', 'σ(c·z)，S 型神经元'],
    stepLegend: ['step(z), the perceptron', 'step(z)，感知器'],
    dw: ['Δw₁, the change in weight 1', 'Δw₁，权重 1 的变化'],
    trueChange: ['true Δoutput', '真实 Δoutput'],
    linear: ['linear estimate σ′(z)·x₁·Δw₁', '线性估计 σ′(z)·x₁·Δw₁'],
    perceptronOut: ['perceptron output', '感知器输出'],
    sigmoidOut: ['sigmoid neuron output', 'S 型神经元输出'],
    dry: ['x₁ the weather is dry', 'x₁ 天气晴朗'],
    friend: ['x₂ a friend comes', 'x₂ 朋友同行'],
    train: ['x₃ near a train station', 'x₃ 靠近火车站'],
    weight: ['weight ', '权重 '],
    threshold: ['threshold', '阈值'],
    go: ['Go hiking? ', '去远足吗？'],
    yes: ['yes', '去'], no: ['no', '不去'],
    bit: ['input bit ', '输入位 '],
    sum: ['sum bit', '和位'], carry: ['carry bit', '进位'],
    gate: ['NAND gate ', 'NAND 门 '],
    eta: ['learning rate η', '学习率 η'],
    valley: ['valley', '山谷'],
    round: ['round (a = 1, b = 1)', '圆形（a = 1，b = 1）'],
    long: ['long (a = 1, b = 5)', '狭长（a = 1，b = 5）'],
    sgd: ['stochastic gradient descent (mini-batches)', '随机梯度下降（小批量）'],
    batch: ['mini-batch size', '小批量大小'],
    stepBtn: ['Step', '走一步'], run: ['Run 30 steps', '走 30 步'], reset: ['Back to the start', '回到起点'],
    ball: ['Valley: click (or use the arrow keys) to place the ball', '山谷：点击（或用方向键）放置小球'],
    stepN: ['step ', '第 '], stepSuffix: ['', ' 步'],
    diverges: ['η is too large: C grows, the ball flies off', 'η 太大：C 增大，小球飞出山谷'],
    converges: ['C falls', 'C 在下降'],
    input: ['input ', '输入 '],
    network: ['the network [6, 4, 3, 1]: each neuron shaded by its activation', '网络 [6, 4, 3, 1]：每个神经元的深浅表示其激活值'],
    layer: ['layer ', '第 '], layerSuffix: ['', ' 层'],
    hidden: ['hidden neurons H', '隐藏神经元 H'],
    seed: ['seed', '种子'], epochs: ['epochs', '轮数'],
    trainN: ['training images', '训练图像'],
    start: ['Train', '开始训练'], stop: ['Stop', '停止'],
    accuracy: ['test accuracy (%)', '测试准确率（%）'], epoch: ['epoch', '轮'],
    training: ['training…', '训练中…'], stopped: ['stopped', '已停止'], finished: ['finished', '完成'],
    perEpoch: [' s per epoch', ' 秒每轮'],
    drawHere: ['Draw a digit here with the mouse or a finger', '用鼠标或手指在这里写一个数字'],
    seen: ['what the network sees (28 × 28, after digit_to_mnist)', '网络看到的（28 × 28，经 digit_to_mnist 处理）'],
    outputs: ['the 10 output activations', '10 个输出激活值'],
    hiddenActs: ['the 30 hidden activations', '30 个隐藏层激活值'],
    itIs: ['The network says: ', '网络认为是：'],
    clear: ['Clear', '清除'], testImage: ['A test image', '一张测试图像']
  };
  function t(k) { return T[k][zh ? 1 : 0]; }
  function fmt(x, d) { var s = x.toFixed(d); return s === (-0).toFixed(d) ? (0).toFixed(d) : s; }

  // h('div', {class: 'x'}, [children]): a small element builder.
  function h(tag, attrs, kids) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  var uid = 0;
  // A labelled range input with its value beside it; onInput(value).
  function slider(label, name, min, max, step, value, digits, onInput) {
    var id = 'nndl-' + name + '-' + (++uid);
    var out = h('output', { for: id, 'data-name': name });
    var input = h('input', { type: 'range', id: id, min: min, max: max, step: step, value: value, 'data-name': name });
    function show() { out.textContent = fmt(Number(input.value), digits); }
    input.addEventListener('input', function () { show(); onInput(Number(input.value)); });
    show();
    return { el: h('div', { class: 'w-control' }, [h('label', { for: id, text: label }), input, out]), input: input,
      value: function () { return Number(input.value); } };
  }
  // A toggle button (aria-pressed); onChange(on).
  function toggle(label, name, on, onChange) {
    var b = h('button', { type: 'button', class: 'w-toggle', 'aria-pressed': String(!!on), 'data-name': name, text: label });
    b.addEventListener('click', function () {
      var now = b.getAttribute('aria-pressed') !== 'true';
      b.setAttribute('aria-pressed', String(now));
      onChange(now);
    });
    return b;
  }
  function readout(name) { return h('output', { class: 'w-readout', 'data-name': name, 'aria-live': 'polite' }); }

  // A canvas that keeps its drawing sharp and fits the column (>= 280 px).
  function canvas(label, ratio, draw) {
    var c = h('canvas', { role: 'img', 'aria-label': label, class: 'w-canvas' });
    function paint() {
      var w = Math.max(200, Math.min(640, c.parentNode ? c.parentNode.clientWidth : 560));
      var dpr = window.devicePixelRatio || 1;
      c.style.width = w + 'px'; c.style.height = Math.round(w * ratio) + 'px';
      c.width = Math.round(w * dpr); c.height = Math.round(w * ratio * dpr);
      var g = c.getContext('2d');
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.clearRect(0, 0, w, w * ratio);
      draw(g, w, Math.round(w * ratio));
    }
    c.paint = paint;
    window.addEventListener('resize', paint);
    return c;
  }
  // Axes for a plot of [x0, x1] x [y0, y1] in a w x hgt box; returns the
  // maps from data to pixels.
  function axes(g, w, hgt, x0, x1, y0, y1, xticks, yticks) {
    var L = 40, R = 10, T = 10, B = 26;
    var X = function (x) { return L + (x - x0) / (x1 - x0) * (w - L - R); };
    var Y = function (y) { return hgt - B - (y - y0) / (y1 - y0) * (hgt - T - B); };
    g.strokeStyle = '#999'; g.fillStyle = '#444'; g.lineWidth = 1; g.font = '11px sans-serif';
    g.beginPath(); g.moveTo(L, T); g.lineTo(L, hgt - B); g.lineTo(w - R, hgt - B); g.stroke();
    g.textAlign = 'center';
    xticks.forEach(function (x) { g.fillText(String(x), X(x), hgt - B + 14); });
    g.textAlign = 'right';
    yticks.forEach(function (y) { g.fillText(String(y), L - 4, Y(y) + 4); });
    return { X: X, Y: Y };
  }
  function line(g, pts, color, width, dash) {
    g.strokeStyle = color; g.lineWidth = width || 2; g.setLineDash(dash || []);
    g.beginPath();
    pts.forEach(function (p, i) { if (i) g.lineTo(p[0], p[1]); else g.moveTo(p[0], p[1]); });
    g.stroke(); g.setLineDash([]);
  }
  function dot(g, x, y, r, color) { g.fillStyle = color; g.beginPath(); g.arc(x, y, r, 0, 2 * Math.PI); g.fill(); }
  function legend(items) {
    return h('p', { class: 'w-legend' }, items.map(function (it) {
      return h('span', {}, [h('span', { class: 'w-swatch', style: 'background:' + it[1] }), it[0]]);
    }));
  }
  var BLUE = '#1f5fa8', RED = '#c0392b', GREY = '#888';

  // ---- 1.2 The sigmoid against the step, with a scale c -------------------
  function sigmoidWidget(live, api) {
    var out = readout('sigmoid');
    var c = slider(t('c'), 'c', 0.1, 20, 0.1, 1, 1, redraw);
    var cv = canvas(t('sigmoidLegend'), 0.5, function (g, w, hg) {
      var s = c.value(), A = axes(g, w, hg, -6, 6, 0, 1, [-6, -4, -2, 0, 2, 4, 6], [0, 0.5, 1]);
      var stepPts = [], sig = [];
      for (var i = 0; i <= 480; i++) {
        var z = -6 + 12 * i / 480;
        stepPts.push([A.X(z), A.Y(api.step(z))]);
        sig.push([A.X(z), A.Y(api.sigmoid(s * z))]);
      }
      line(g, stepPts, GREY, 2, [5, 4]);
      line(g, sig, BLUE, 2.5);
    });
    function redraw() {
      var sig = api.sigmoid(c.value() * 1);
      out.textContent = t('sigmoidAt') + fmt(sig, 4) + ' · ' + t('stepAt') + api.step(1);
      out.setAttribute('data-sigma', fmt(sig, 4));
      cv.paint();
    }
    live.append(legend([[t('sigmoidLegend'), BLUE], [t('stepLegend'), GREY]]), cv, c.el, out);
    return redraw;
  }

  // ---- 1.2 A small change in one weight ------------------------------------
  // The neuron of bin/1.2-sigmoid-neurons, part 2 (its printed values).
  function deltaWWidget(live, api) {
    var x = [0.851, 0.574, 0.697], w0 = [0.082, -0.435, -1.426], b = 1.124;
    var out = readout('delta-w');
    var dw = slider(t('dw'), 'dw', -1, 1, 0.001, 0, 3, redraw);
    function at(d) { var w = w0.slice(); w[0] += d; return w; }
    function outputs(d) {
      return { sig: api.neuron('sigmoid', at(d), x, b), per: api.neuron('perceptron', at(d), x, b) };
    }
    var base = outputs(0).sig, z0 = api.exports.neuron_z;
    function zOf(d) {
      var pw = api.put(Float64Array, at(d)), px = api.put(Float64Array, x);
      var z = z0(pw, px, b, 3);
      api.exports.free(pw); api.exports.free(px);
      return z;
    }
    var slope = api.exports.sigmoid_prime(zOf(0)) * x[0];
    var cv = canvas(t('trueChange'), 0.5, function (g, wd, hg) {
      var A = axes(g, wd, hg, -1, 1, -0.25, 0.25, [-1, -0.5, 0, 0.5, 1], [-0.2, 0, 0.2]);
      var tru = [], lin = [];
      for (var i = 0; i <= 200; i++) {
        var d = -1 + 2 * i / 200;
        tru.push([A.X(d), A.Y(outputs(d).sig - base)]);
        lin.push([A.X(d), A.Y(slope * d)]);
      }
      line(g, lin, RED, 2, [5, 4]);
      line(g, tru, BLUE, 2.5);
      var d = dw.value();
      dot(g, A.X(d), A.Y(outputs(d).sig - base), 5, BLUE);
    });
    function redraw() {
      var d = dw.value(), o = outputs(d);
      out.textContent = 'z = ' + fmt(zOf(d), 3) + ' · ' + t('perceptronOut') + ' ' + o.per + ' · ' +
        t('sigmoidOut') + ' ' + fmt(o.sig, 4) + ' · ' + t('trueChange') + ' ' + fmt(o.sig - base, 5) +
        ' · ' + t('linear') + ' ' + fmt(slope * d, 5);
      out.setAttribute('data-perceptron', String(o.per));
      out.setAttribute('data-sigmoid', String(o.sig));
      cv.paint();
    }
    live.append(legend([[t('trueChange'), BLUE], [t('linear'), RED]]), cv, dw.el, out);
    return redraw;
  }

  // ---- 1.1 A perceptron that decides ----------------------------------------
  // bin/1.1-perceptrons' hiking decision: w = (6, 2, 2), threshold 5.
  function perceptronWidget(live, api) {
    var xs = [1, 0, 0], names = ['dry', 'friend', 'train'], out = readout('perceptron');
    var toggles = names.map(function (n, j) {
      return toggle(t(n), 'x' + (j + 1), xs[j], function (on) { xs[j] = on ? 1 : 0; redraw(); });
    });
    var ws = [6, 2, 2].map(function (v, j) { return slider(t('weight') + 'w' + (j + 1), 'w' + (j + 1), -10, 10, 1, v, 0, redraw); });
    var th = slider(t('threshold'), 'threshold', -10, 20, 1, 5, 0, redraw);
    function redraw() {
      var w = ws.map(function (s) { return s.value(); });
      var wx = w[0] * xs[0] + w[1] * xs[1] + w[2] * xs[2];
      var fire = api.neuron('perceptron', w, xs, -th.value());
      out.textContent = 'w·x = ' + wx + ' · ' + t('go') + '(w·x > ' + th.value() + ') ' + (fire ? t('yes') : t('no'));
      out.setAttribute('data-output', String(fire));
      out.className = 'w-readout ' + (fire ? 'w-yes' : 'w-no');
    }
    live.append(h('div', { class: 'w-row' }, toggles),
      h('div', { class: 'w-controls' }, ws.map(function (s) { return s.el; }).concat([th.el])), out);
    return redraw;
  }

  // ---- 1.1 The NAND adder, clickable -----------------------------------------
  function adderWidget(live, api) {
    var bits = [0, 0], svgNS = 'http://www.w3.org/2000/svg', out = readout('adder');
    function s(tag, attrs, text) {
      var e = document.createElementNS(svgNS, tag);
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      if (text !== undefined) e.textContent = text;
      return e;
    }
    // Gate positions (x, y) and inputs, as in perceptron_adder.
    var G = { x1: [30, 40], x2: [30, 160], n1: [140, 100], n2: [250, 40], n3: [250, 160], sum: [370, 100], carry: [370, 200] };
    var wires = [['x1', 'n1'], ['x2', 'n1'], ['x1', 'n2'], ['n1', 'n2'], ['n1', 'n3'], ['x2', 'n3'], ['n2', 'sum'], ['n3', 'sum'], ['n1', 'carry']];
    var svg = s('svg', { viewBox: '0 0 420 240', class: 'w-adder', role: 'img', 'aria-label': t('sum') + ', ' + t('carry') });
    var wireEls = wires.map(function (wi) {
      var a = G[wi[0]], b = G[wi[1]];
      return svg.appendChild(s('line', { x1: a[0] + 18, y1: a[1], x2: b[0] - 18, y2: b[1] }));
    });
    var nodes = {};
    Object.keys(G).forEach(function (k) {
      var g = svg.appendChild(s('g', {}));
      g.appendChild(s('circle', { cx: G[k][0], cy: G[k][1], r: 18 }));
      var label = k[0] === 'x' ? k : k[0] === 'n' ? 'NAND' : k;
      g.appendChild(s('text', { x: G[k][0], y: G[k][1] - 24, 'text-anchor': 'middle', class: 'w-small' }, label));
      nodes[k] = { g: g, text: g.appendChild(s('text', { x: G[k][0], y: G[k][1] + 5, 'text-anchor': 'middle' }, '0')) };
    });
    var buttons = [0, 1].map(function (i) {
      return toggle(t('bit') + 'x' + (i + 1), 'x' + (i + 1), 0, function (on) { bits[i] = on ? 1 : 0; redraw(); });
    });
    function redraw() {
      var v = { x1: bits[0], x2: bits[1] };
      v.n1 = api.nand(v.x1, v.x2); v.n2 = api.nand(v.x1, v.n1); v.n3 = api.nand(v.x2, v.n1);
      var r = api.adder(bits[0], bits[1]);   // the library's adder gives the answer
      v.sum = r.sum; v.carry = r.carry;
      Object.keys(nodes).forEach(function (k) {
        nodes[k].text.textContent = String(v[k]);
        nodes[k].g.setAttribute('class', v[k] ? 'on' : 'off');
      });
      wires.forEach(function (wi, i) { wireEls[i].setAttribute('class', v[wi[0]] ? 'on' : 'off'); });
      out.textContent = bits[0] + ' + ' + bits[1] + ' = ' + r.carry + r.sum + ' (' + t('carry') + ' ' + r.carry + ', ' + t('sum') + ' ' + r.sum + ')';
      // What the drawing shows, for tests.
      out.setAttribute('data-sum', String(v.sum)); out.setAttribute('data-carry', String(v.carry));
      out.setAttribute('data-gates', [v.n1, v.n2, v.n3].join(' '));
    }
    live.append(h('div', { class: 'w-row' }, buttons), svg, out);
    return redraw;
  }

  // ---- 1.5 The valley ---------------------------------------------------------
  // C(v) = (a v1^2 + b v2^2) / 2 of bin/1.5-gradient-descent, from (-2, 1.5).
  function valleyWidget(live, api) {
    var st = { ab: [1, 5], v: [-2, 1.5], k: 0, path: [], timer: 0 };
    var out = readout('valley');
    var sel = h('select', { 'data-name': 'valley', id: 'nndl-valley-' + (++uid), onchange: function () { st.ab = sel.value === 'round' ? [1, 1] : [1, 5]; recompute(); } },
      [h('option', { value: 'long', text: t('long') }), h('option', { value: 'round', text: t('round') })]);
    var eta = slider(t('eta'), 'eta', 0.01, 2.2, 0.01, 0.15, 2, recompute);
    var batch = slider(t('batch'), 'batch', 1, 100, 1, 10, 0, recompute);
    var sgd = toggle(t('sgd'), 'sgd', false, function () { batch.el.hidden = !isSgd(); recompute(); });
    batch.el.hidden = true;
    function isSgd() { return sgd.getAttribute('aria-pressed') === 'true'; }
    var R = 2.5, cv = canvas(t('ball'), 1, paint);
    cv.setAttribute('tabindex', '0');
    var map;
    function paint(g, w, hg) {
      var A = axes(g, w, hg, -R, R, -R, R, [-2, -1, 0, 1, 2], [-2, -1, 0, 1, 2]);
      map = A;
      var a = st.ab[0], b = st.ab[1];
      g.strokeStyle = '#c8d4e4'; g.lineWidth = 1;
      [0.25, 0.5, 1, 2, 4, 8, 16].forEach(function (c) {   // ellipses C = c
        g.beginPath();
        for (var i = 0; i <= 90; i++) {
          var th = 2 * Math.PI * i / 90, x = Math.sqrt(2 * c / a) * Math.cos(th), y = Math.sqrt(2 * c / b) * Math.sin(th);
          if (i) g.lineTo(A.X(x), A.Y(y)); else g.moveTo(A.X(x), A.Y(y));
        }
        g.stroke();
      });
      g.save(); g.beginPath(); g.rect(A.X(-R), A.Y(R), A.X(R) - A.X(-R), A.Y(-R) - A.Y(R)); g.clip();
      var shown = st.path.slice(0, st.k + 1);
      line(g, shown.map(function (r) { return [A.X(r[0]), A.Y(r[1])]; }), RED, 1.5);
      shown.forEach(function (r, i) { dot(g, A.X(r[0]), A.Y(r[1]), i === shown.length - 1 ? 6 : 2.5, i === shown.length - 1 ? RED : '#e08070'); });
      g.restore();
      dot(g, A.X(0), A.Y(0), 3, '#333');
    }
    function recompute() {
      stop();
      var o = { a: st.ab[0], b: st.ab[1], v1: st.v[0], v2: st.v[1], eta: eta.value(), steps: 30 };
      if (isSgd()) { o.batch = batch.value(); o.spread = 0.5; o.seed = 1; }
      st.path = api.valley(o);
      st.k = 0;
      show();
    }
    function show() {
      var r = st.path[st.k], c0 = st.path[0][2], last = st.path[st.path.length - 1];
      var grows = st.path.length < 31 || last[2] > c0 || !isFinite(last[2]);
      out.textContent = t('stepN') + st.k + t('stepSuffix') + ': v = (' + fmt(r[0], 4) + ', ' + fmt(r[1], 4) + '), C = ' + fmt(r[2], 4) +
        (st.k > 0 ? ' · ' + (grows ? t('diverges') : t('converges')) : '');
      out.setAttribute('data-step', String(st.k));
      out.setAttribute('data-row', JSON.stringify(r));      // full precision, for tests
      out.setAttribute('data-diverges', String(grows));
      cv.paint();
    }
    function stepOnce() { if (st.k < st.path.length - 1) { st.k++; show(); return true; } return false; }
    function stop() { if (st.timer) clearInterval(st.timer); st.timer = 0; }
    function place(x, y) { st.v = [Math.max(-R, Math.min(R, x)), Math.max(-R, Math.min(R, y))]; recompute(); }
    cv.addEventListener('click', function (e) {
      var rect = cv.getBoundingClientRect(), px = e.clientX - rect.left, py = e.clientY - rect.top;
      // invert the maps of axes(): linear in x and y
      var x = -R + (px - map.X(-R)) / (map.X(R) - map.X(-R)) * 2 * R;
      var y = -R + (py - map.Y(-R)) / (map.Y(R) - map.Y(-R)) * 2 * R;
      place(Math.round(x * 100) / 100, Math.round(y * 100) / 100);
    });
    cv.addEventListener('keydown', function (e) {
      var d = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, 0.1], ArrowDown: [0, -0.1] }[e.key];
      if (!d) return;
      e.preventDefault();
      place(Math.round((st.v[0] + d[0]) * 100) / 100, Math.round((st.v[1] + d[1]) * 100) / 100);
    });
    var buttons = h('div', { class: 'w-row' }, [
      h('button', { type: 'button', 'data-name': 'step', text: t('stepBtn'), onclick: function () { stop(); stepOnce(); } }),
      h('button', { type: 'button', 'data-name': 'run', text: t('run'), onclick: function () {
        stop(); st.timer = setInterval(function () { if (!stepOnce()) stop(); }, 60);
      } }),
      h('button', { type: 'button', 'data-name': 'reset', text: t('reset'), onclick: function () { stop(); st.k = 0; show(); } }),
      sgd]);
    live.append(cv, h('div', { class: 'w-controls' }, [
      h('div', { class: 'w-control' }, [h('label', { for: sel.id, text: t('valley') }), sel]), eta.el, batch.el]), buttons, out);
    return recompute;
  }

  // ---- 1.3 A forward pass through [6, 4, 3, 1] ------------------------------
  // The network of bin/1.3-architecture: network_create with seed 1.
  function forwardWidget(live, api) {
    var sizes = [6, 4, 3, 1], net = api.trainer(sizes, 1), x = [0.832, 0.817, 0.590, 0.623, 0.701, 0.562];
    var out = readout('forward');
    var inputs = x.map(function (v, k) {
      return slider(t('input') + 'a' + (k + 1), 'x' + (k + 1), 0, 1, 0.001, v, 3, function (val) { x[k] = val; redraw(); });
    });
    var W = net.weights(0);
    var cv = canvas(t('network'), 0.55, function (g, w, hg) {
      var layers = net.feedforward(Float32Array.from(x)), acts = [x].concat(layers.map(function (l) { return l.a; }));
      var pos = sizes.map(function (n, l) {
        return acts[l].map(function (_, j) { return [40 + l * (w - 80) / 3, (j + 0.5) * hg / n]; });
      });
      for (var l = 0; l < 3; l++) {
        var wl = net.weights(l);
        pos[l + 1].forEach(function (p, j) {
          pos[l].forEach(function (q, k) {
            var v = wl[j * sizes[l] + k];
            g.strokeStyle = v > 0 ? 'rgba(31,95,168,' : 'rgba(192,57,43,'; g.strokeStyle += Math.min(1, 0.15 + Math.abs(v) / 3) + ')';
            g.lineWidth = 0.5 + Math.min(3, Math.abs(v));
            g.beginPath(); g.moveTo(q[0], q[1]); g.lineTo(p[0], p[1]); g.stroke();
          });
        });
      }
      g.font = '11px sans-serif'; g.textAlign = 'center';
      pos.forEach(function (layer, l) {
        layer.forEach(function (p, j) {
          var a = acts[l][j], shade = Math.round(255 * (1 - a));
          g.fillStyle = 'rgb(' + shade + ',' + shade + ',' + shade + ')'; g.strokeStyle = '#333'; g.lineWidth = 1;
          g.beginPath(); g.arc(p[0], p[1], 12, 0, 2 * Math.PI); g.fill(); g.stroke();
          g.fillStyle = '#000';
          g.fillText(fmt(a, 2), p[0], p[1] + 24);
        });
      });
    });
    function redraw() {
      var layers = net.feedforward(Float32Array.from(x));
      out.textContent = '';
      layers.forEach(function (l, i) {
        out.appendChild(h('div', { 'data-layer': String(i + 1) }, [t('layer') + (i + 1) + t('layerSuffix') + ': z = (' +
          l.z.map(function (v) { return fmt(v, 3); }).join(', ') + '), a = (' + l.a.map(function (v) { return fmt(v, 3); }).join(', ') + ')']));
      });
      cv.paint();
    }
    var wrow = h('p', { class: 'w-small', 'data-name': 'w1' }, ['w (' + t('layer') + '0 → 1): ' +
      [0, 1, 2, 3].map(function (j) { return '[' + W.slice(j * 6, j * 6 + 6).map(function (v) { return fmt(v, 3); }).join(' ') + ']'; }).join(' ')]);
    live.append(cv, h('div', { class: 'w-controls' }, inputs.map(function (s) { return s.el; })), out, wrow);
    return redraw;
  }

  // ---- 1.6 Train in the page -------------------------------------------------
  var subsetPromise = null;
  function subset() {
    if (!subsetPromise) {
      var el = document.getElementById('nndl-mnist');
      subsetPromise = NndlWasm.gunzip(NndlWasm.fromBase64(el.textContent)).then(function (bytes) {
        return { bytes: bytes, nTrain: Number(el.getAttribute('data-train')), nTest: Number(el.getAttribute('data-test')) };
      });
    }
    return subsetPromise;
  }
  function trainWidget(live, api, module) {
    var st = { worker: null, acc: [], epochs: 5 };
    var out = readout('train-status'), log = h('ul', { class: 'w-log', 'data-name': 'epochs' });
    var nTrainMax = Number(document.getElementById('nndl-mnist').getAttribute('data-train'));
    var eta = slider(t('eta'), 'eta', 0.1, 10, 0.1, 3, 1, function () {});
    var hid = slider(t('hidden'), 'hidden', 5, 100, 1, 30, 0, function () {});
    var batch = slider(t('batch'), 'batch', 1, 100, 1, 10, 0, function () {});
    var epochs = slider(t('epochs'), 'epochs', 1, 30, 1, 5, 0, function () {});
    var nTrain = slider(t('trainN'), 'train', 1000, nTrainMax, 1000, nTrainMax, 0, function () {});
    var seedId = 'nndl-seed-' + (++uid);
    var seed = h('input', { type: 'number', id: seedId, min: 0, max: 4294967295, step: 1, value: 1, 'data-name': 'seed' });
    var startBtn = h('button', { type: 'button', 'data-name': 'start', text: t('start'), onclick: start });
    var stopBtn = h('button', { type: 'button', 'data-name': 'stop', text: t('stop'), onclick: function () { stop(t('stopped')); } });
    stopBtn.disabled = true;
    var cv = canvas(t('accuracy'), 0.5, function (g, w, hg) {
      var E = st.epochs, A = axes(g, w, hg, 0, Math.max(1, E - 1), 0, 100, E > 10 ? [0, 5, 10, 15, 20, 25, 29].filter(function (e) { return e < E; }) : Array.from({ length: E }, function (_, i) { return i; }), [0, 25, 50, 75, 100]);
      g.strokeStyle = '#eee';
      [25, 50, 75].forEach(function (y) { g.beginPath(); g.moveTo(A.X(0), A.Y(y)); g.lineTo(A.X(Math.max(1, E - 1)), A.Y(y)); g.stroke(); });
      line(g, st.acc.map(function (a, i) { return [A.X(i), A.Y(a)]; }), BLUE, 2);
      st.acc.forEach(function (a, i) { dot(g, A.X(i), A.Y(a), 3.5, BLUE); });
    });
    function stop(why) {
      if (st.worker) st.worker.terminate();
      st.worker = null;
      startBtn.disabled = false; stopBtn.disabled = true;
      if (why) out.textContent = why + (st.acc.length ? ' · ' + st.last : '');
    }
    function start() {
      stop();
      st.acc = []; st.epochs = epochs.value(); log.textContent = '';
      cv.paint();
      startBtn.disabled = true; stopBtn.disabled = false;
      out.textContent = t('training');
      subset().then(function (s) {
        var src = document.getElementById('nndl-worker').textContent;
        var url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
        var worker = new Worker(url);
        URL.revokeObjectURL(url);
        st.worker = worker;
        var t0 = performance.now(), tEpoch = t0;
        worker.onmessage = function (e) {
          var m = e.data;
          if (m.type === 'epoch') {
            var now = performance.now();
            st.acc.push(100 * m.correct / m.total);
            st.last = 'Epoch ' + m.epoch + ': ' + m.correct + ' / ' + m.total;
            log.appendChild(h('li', { text: st.last }));
            out.textContent = st.last + ' · ' + fmt((now - tEpoch) / 1000, 2) + t('perEpoch');
            out.setAttribute('data-seconds', String((now - tEpoch) / 1000));
            tEpoch = now;
            cv.paint();
          } else if (m.type === 'done') {
            out.setAttribute('data-total-seconds', String((performance.now() - t0) / 1000));
            stop(t('finished'));
          } else if (m.type === 'error') {
            console.error('nndl worker: ' + m.message);
            stop(m.message);
          }
        };
        worker.postMessage({ module: module, subset: s.bytes, nTrain: s.nTrain, nTest: s.nTest,
          use: nTrain.value(), sizes: [784, hid.value(), 10], seed: Number(seed.value) >>> 0,
          epochs: epochs.value(), batch: batch.value(), eta: eta.value() });
      }).catch(function (err) { console.error(err); stop(String(err)); });
    }
    live.append(h('div', { class: 'w-controls' }, [eta.el, hid.el, batch.el, epochs.el, nTrain.el,
      h('div', { class: 'w-control' }, [h('label', { for: seedId, text: t('seed') }), seed])]),
      h('div', { class: 'w-row' }, [startBtn, stopBtn]), cv, out, log);
    return function () { cv.paint(); };
  }

  // ---- 1.4 / 1.6 Draw a digit -----------------------------------------------
  // The network bin/1.6-mnist-sgd saved (wasm/wasm.mk) reads what is drawn,
  // after digit_to_mnist (lib/digit.c) made it look like an MNIST digit.
  var SIDE = 280;
  function digitWidget(live, api) {
    var net = api.loadNetwork(NndlWasm.fromBase64(document.getElementById('nndl-net').textContent));
    var st = { drawing: false, last: null, test: 0 }, out = readout('digit');
    var pad = h('canvas', { width: SIDE, height: SIDE, class: 'w-pad', role: 'img', 'aria-label': t('drawHere') });
    var g = pad.getContext('2d', { willReadFrequently: true });
    var seen = h('canvas', { width: 28, height: 28, class: 'w-seen', role: 'img', 'aria-label': t('seen') });
    var bars = h('div', { class: 'w-bars', 'data-name': 'outputs' }), hidden = h('div', { class: 'w-hidden-units', 'data-name': 'hidden' });
    function pos(e) {
      var r = pad.getBoundingClientRect();
      return [(e.clientX - r.left) * SIDE / r.width, (e.clientY - r.top) * SIDE / r.height];
    }
    function stroke(p) {
      g.strokeStyle = '#000'; g.lineWidth = 22; g.lineCap = 'round'; g.lineJoin = 'round';
      g.beginPath(); g.moveTo(st.last[0], st.last[1]); g.lineTo(p[0], p[1]); g.stroke();
      st.last = p;
    }
    pad.addEventListener('pointerdown', function (e) { st.drawing = true; st.last = pos(e); stroke(pos(e)); pad.setPointerCapture(e.pointerId); e.preventDefault(); });
    pad.addEventListener('pointermove', function (e) { if (st.drawing) stroke(pos(e)); });
    function end() { if (st.drawing) { st.drawing = false; classify(); } }
    pad.addEventListener('pointerup', end);
    pad.addEventListener('pointercancel', end);
    function clear() { g.clearRect(0, 0, SIDE, SIDE); classify(); }
    // Test image i of the embedded subset, 10 pixels per pixel.
    function testImage() {
      subset().then(function (s) {
        var i = st.test++ % s.nTest, base = s.nTrain * 785 + i * 784, img = g.createImageData(SIDE, SIDE);
        for (var y = 0; y < SIDE; y++)
          for (var x = 0; x < SIDE; x++)
            img.data[4 * (y * SIDE + x) + 3] = s.bytes[base + Math.floor(y / 10) * 28 + Math.floor(x / 10)];
        g.putImageData(img, 0, 0);
        out.setAttribute('data-label', String(s.bytes[s.nTrain * 785 + s.nTest * 784 + i]));
        classify();
      });
    }
    function classify() {
      var px = g.getImageData(0, 0, SIDE, SIDE).data, ink = new Float32Array(SIDE * SIDE);
      for (var i = 0; i < ink.length; i++) ink[i] = px[4 * i + 3] / 255;
      var x = api.digit(ink, SIDE, SIDE);
      bars.textContent = ''; hidden.textContent = '';
      var sg = seen.getContext('2d');
      sg.clearRect(0, 0, 28, 28);
      if (!x) {
        out.textContent = t('drawHere');
        out.removeAttribute('data-outputs'); out.removeAttribute('data-digit');
        return;
      }
      var img = sg.createImageData(28, 28);
      for (i = 0; i < 784; i++) img.data[4 * i + 3] = Math.round(255 * x[i]);
      sg.putImageData(img, 0, 0);
      var layers = net.feedforward(x), a = layers[layers.length - 1].a, best = 0;
      for (var j = 1; j < a.length; j++) if (a[j] > a[best]) best = j;   // network_predict's rule
      a.forEach(function (v, j) {
        bars.appendChild(h('div', { class: 'w-bar' + (j === best ? ' w-best' : '') }, [
          h('span', { text: String(j) }), h('span', { class: 'w-barfill', style: 'width:' + (8 * v).toFixed(2) + 'em' }),
          h('span', { text: fmt(v, 3) })]));
      });
      layers[0].a.forEach(function (v) {
        var shade = Math.round(255 * (1 - v));
        hidden.appendChild(h('span', { class: 'w-unit', title: fmt(v, 3), style: 'background:rgb(' + shade + ',' + shade + ',' + shade + ')' }));
      });
      out.textContent = t('itIs') + best;
      out.setAttribute('data-digit', String(best));
      out.setAttribute('data-outputs', JSON.stringify(a));
      out.setAttribute('data-hidden', JSON.stringify(layers[0].a));
    }
    var buttons = h('div', { class: 'w-row' }, [
      h('button', { type: 'button', 'data-name': 'clear', text: t('clear'), onclick: clear }),
      h('button', { type: 'button', 'data-name': 'test-image', text: t('testImage'), onclick: testImage })]);
    live.append(h('div', { class: 'w-digit' }, [pad, h('div', {}, [h('p', { class: 'w-small', text: t('seen') }), seen,
      h('p', { class: 'w-small', text: t('outputs') }), bars, h('p', { class: 'w-small', text: t('hiddenActs') }), hidden])]),
    buttons, out);
    return function () { classify(); };
  }

  var BUILD = { sigmoid: sigmoidWidget, 'delta-w': deltaWWidget, perceptron: perceptronWidget,
    adder: adderWidget, valley: valleyWidget, forward: forwardWidget, train: trainWidget, digit: digitWidget };

  function init() {
    var bytes = NndlWasm.fromBase64(document.getElementById('nndl-wasm').textContent);
    WebAssembly.compile(bytes).then(function (module) {
      return NndlWasm.load(module).then(function (api) {
        document.querySelectorAll('.widget').forEach(function (div) {
          var make = BUILD[div.getAttribute('data-widget')];
          var live = div.querySelector('.widget-live');
          if (!make || !live) return;
          var redraw = make(live, api, module);
          live.hidden = false;      // the static figure stays too, above it
          redraw();
          div.setAttribute('data-ready', 'true');
        });
        document.documentElement.setAttribute('data-widgets', 'ready');
      });
    }).catch(function (err) { console.error('nndl widgets: ' + err); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
