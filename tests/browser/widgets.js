#!/usr/bin/env node
// widgets.js - the book's live figures driven in Debian's Chromium with real
// input events (clicks, key presses, slider drags), their numbers checked
// against the native programs' (make test-widgets).
//
//   node tests/browser/widgets.js BIN_DIR MNIST_DIR OUT_DIR REF NET [--bench]
// (REF is build/wasm/ref, NET the network the book embeds)
//
// For both editions (book/html/index.html, book/html/zh/index.html):
//   - every live figure is built, with no console error or page error;
//   - 1.1 the perceptron's decision for all eight inputs, clicked, at
//     threshold 5 and (keys) 3, against bin/1.1-perceptrons' two tables;
//     the adder's gates, sum and carry for the four clicked inputs, against
//     bin/1.1's adder table;
//   - 1.2 sigmoid: c set by dragging and by keys, sigma(c) against
//     bin/1.2-sigmoid-neurons' table; delta-w: the perceptron flips and the
//     sigmoid creeps as in bin/1.2's part 2;
//   - 1.3 the network's weights and activations against bin/1.3-architecture;
//   - 1.5 the eta slider and the Step button: every step of the path against
//     bin/1.5-gradient-descent's paths; a click places the ball; a too large
//     eta diverges;
//   - 1.6 two epochs trained in the page against bin/1.6-mnist-sgd
//     --textbook on the same images and seed; stop; restart;
//   - 1.6 draw a digit: a real test image put on the canvas by its button,
//     and another drawn as mouse strokes, classified to the same float bits
//     (the hidden and output activations) as the same ink run natively through lib/digit.c and the
//     saved network (build/wasm/ref classify);
//   - every control is reached with Tab; at 400 px nothing is wider than
//     the window; without JavaScript only the static figures show.
// WIDGETS_EDITIONS=en (or zh) tests one edition only.
// With --bench it instead times one epoch on the embedded subset in the page
// and prints it (make bench-book).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const puppeteer = require('puppeteer-core');

const [BIN, MNIST, OUT, REF, NET] = process.argv.slice(2);
const BENCH = process.argv.includes('--bench');
if (!NET) { console.error('usage: node widgets.js BIN_DIR MNIST_DIR OUT_DIR REF NET [--bench]'); process.exit(2); }
fs.mkdirSync(OUT, { recursive: true });
const EDITIONS = [
  { name: 'en', file: 'book/html/index.html', label: 'learning rate η' },
  { name: 'zh', file: 'book/html/zh/index.html', label: '学习率 η' },
].filter(e => !process.env.WIDGETS_EDITIONS || process.env.WIDGETS_EDITIONS.split(',').includes(e.name));
let failures = 0;
function check(ok, what) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failures++;
}
function native(prog, args) {
  return execFileSync(path.join(BIN, prog), args || [], { maxBuffer: 1 << 26 }).toString();
}

// ---- helpers on a page ----------------------------------------------------
const W = (name) => `.widget[data-widget="${name}"] .widget-live`;
async function text(page, sel) { return page.$eval(sel, e => e.textContent); }
async function attr(page, sel, a) { return page.$eval(sel, (e, a) => e.getAttribute(a), a); }
async function key(page, sel, k, times) {
  await page.focus(sel);
  for (let i = 0; i < (times === undefined ? 1 : times); i++) await page.keyboard.press(k);
}
async function click(page, sel) { await page.click(sel); }
// Drags a range input's thumb with the mouse to the fraction f of its track.
async function drag(page, sel, f) {
  await page.$eval(sel, e => e.scrollIntoView({ block: 'center' }));
  const b = await (await page.$(sel)).boundingBox();
  const y = b.y + b.height / 2;
  const v = await page.$eval(sel, e => (e.value - e.min) / (e.max - e.min));
  await page.mouse.move(b.x + 8 + v * (b.width - 16), y);
  await page.mouse.down();
  await page.mouse.move(b.x + 8 + f * (b.width - 16), y, { steps: 8 });
  await page.mouse.up();
}
async function pressed(page, sel) { return (await attr(page, sel, 'aria-pressed')) === 'true'; }
async function setToggle(page, sel, on) { if ((await pressed(page, sel)) !== !!on) await click(page, sel); }

// ---- 1.1 ----------------------------------------------------------------
function perceptronTables() {
  const out = native('1.1-perceptrons'), tables = [];
  let cur = null;
  for (const l of out.split('\n')) {
    const m = /^\s+([01])\s+([01])\s+([01])\s+\|\s+(\d+)\s+\|\s+(yes|no)$/.exec(l);
    if (m) { if (!cur) tables.push(cur = {}); cur[m[1] + m[2] + m[3]] = m[5] === 'yes' ? '1' : '0'; } else cur = null;
  }
  return tables;
}
async function testPerceptron(page) {
  const tables = perceptronTables(), sel = W('perceptron');
  const thresholds = [5, 3];
  for (let t = 0; t < 2; t++) {
    if (t === 1) await key(page, `${sel} input[data-name=threshold]`, 'ArrowLeft', 2);
    let same = 0;
    for (let i = 0; i < 8; i++) {
      const bits = [(i >> 2) & 1, (i >> 1) & 1, i & 1];
      for (let j = 0; j < 3; j++) await setToggle(page, `${sel} button[data-name=x${j + 1}]`, bits[j]);
      same += (await attr(page, `${sel} output[data-name=perceptron]`, 'data-output')) === tables[t][bits.join('')];
    }
    check(tables.length >= 2 && same === 8, `1.1 perceptron, threshold ${thresholds[t]}: ${same} of 8 clicked inputs decide as bin/1.1's table`);
  }
  const adder = native('1.1-perceptrons').split('\n').map(l =>
    /^\s+([01])\s+([01]) \|\s+([01])\s+([01])\s+([01]) \|\s+([01])\s+([01])\s+\|/.exec(l)).filter(Boolean);
  let same = 0;
  for (const m of adder) {
    await setToggle(page, `${W('adder')} button[data-name=x1]`, m[1] === '1');
    await setToggle(page, `${W('adder')} button[data-name=x2]`, m[2] === '1');
    const o = `${W('adder')} output[data-name=adder]`;
    same += (await attr(page, o, 'data-gates')) === `${m[3]} ${m[4]} ${m[5]}` &&
      (await attr(page, o, 'data-sum')) === m[6] && (await attr(page, o, 'data-carry')) === m[7];
  }
  check(adder.length === 4 && same === 4, `1.1 adder: ${same} of 4 clicked inputs give bin/1.1's gates, sum and carry`);
}

// ---- 1.2 ----------------------------------------------------------------
async function testSigmoid(page) {
  const table = {};
  const out = native('1.2-sigmoid-neurons', ['--out-dir', path.join(OUT, '1.2')]);
  for (const l of out.split('\n')) {
    const m = /^\s+(-?\d+)\s+\|\s+[01]\s+\|\s+([0-9.]+)\s+\|/.exec(l);
    if (m) table[m[1]] = m[2];
  }
  const sel = `${W('sigmoid')} input[data-name=c]`, o = `${W('sigmoid')} output[data-name=sigmoid]`;
  await drag(page, sel, 1);
  const dragged = await page.$eval(sel, e => Number(e.value));
  check(dragged === 20, `1.2 sigmoid: dragging the c slider to its end gives c = 20 (got ${dragged})`);
  await key(page, sel, 'Home');
  await key(page, sel, 'ArrowRight', 9);     // c = 1.0
  const s1 = await attr(page, o, 'data-sigma');
  await key(page, sel, 'ArrowRight', 10);    // c = 2.0
  const s2 = await attr(page, o, 'data-sigma');
  check(s1 === table['1'] && s2 === table['2'],
    `1.2 sigmoid: keys to c = 1 and c = 2 show sigma(c) = ${s1}, ${s2}; bin/1.2 prints ${table['1']}, ${table['2']}`);

  const dsel = `${W('delta-w')} input[data-name=dw]`, dout = `${W('delta-w')} output[data-name=delta-w]`;
  const rows = out.split('\n').map(l => /^\s+\+([0-9.]+) \| [-+0-9.]+ \|\s+([01])\s+\|\s+([0-9.]+)$/.exec(l)).filter(Boolean);
  let ok = 0;
  for (const r of rows) {
    await key(page, dsel, 'Home'); await key(page, dsel, 'PageUp', 5);   // -1, then 5 tenths of the range up: 0
    await key(page, dsel, 'ArrowRight', Math.round(Number(r[1]) * 1000));
    const value = await page.$eval(dsel, e => Number(e.value));
    const per = await attr(page, dout, 'data-perceptron'), sig = Number(await attr(page, dout, 'data-sigmoid'));
    ok += Math.abs(value - Number(r[1])) < 1e-9 && per === r[2] && Math.abs(sig - Number(r[3])) <= 2e-4;
  }
  check(rows.length === 3 && ok === 3, `1.2 delta-w: at ${rows.length} changes of w1 the perceptron and the sigmoid neuron agree with bin/1.2 (${ok}; inputs printed to 3 decimals, so 2e-4)`);
}

// ---- 1.3 ----------------------------------------------------------------
async function testForward(page) {
  const out = native('1.3-architecture');
  const w = [...out.split('layer 0 -> 1')[1].split('b     =')[0].matchAll(/-?\d+\.\d+/g)].map(m => m[0]);
  const shown = (await text(page, `${W('forward')} [data-name=w1]`)).match(/-?\d+\.\d{3}/g);
  check(w.length === 24 && JSON.stringify(shown) === JSON.stringify(w), '1.3 forward: the page\'s network has bin/1.3\'s weights (24 shown)');
  const z1 = (/z1\s+= \(([^)]*)\)/.exec(out) || [])[1].split(', ').map(Number);
  const a1 = (/a1\s+= \(([^)]*)\)/.exec(out) || [])[1].split(', ').map(Number);
  const row = await text(page, `${W('forward')} [data-layer="1"]`);
  const [pz, pa] = [/z = \(([^)]*)\)/, /a = \(([^)]*)\)/].map(re => re.exec(row)[1].split(', ').map(Number));
  const close = (p, q) => p.length === q.length && p.every((v, i) => Math.abs(v - q[i]) <= 6e-3);
  check(close(pz, z1) && close(pa, a1), `1.3 forward: layer 1's z and a as bin/1.3 prints them (inputs to 3 decimals, so 6e-3)`);
  await key(page, `${W('forward')} input[data-name=x1]`, 'End');
  const moved = await text(page, `${W('forward')} [data-layer="3"]`);
  check(moved !== row && /a = \(0\.\d{3}\)/.test(moved), '1.3 forward: End on input 1 changes the output neuron');
}

// ---- 1.5 ----------------------------------------------------------------
async function testValley(page) {
  const dir = path.join(OUT, '1.5');
  const out = native('1.5-gradient-descent', ['--out-dir', dir]);
  const sel = W('valley'), eta = `${sel} input[data-name=eta]`, o = `${sel} output[data-name=valley]`;
  let steps = 0, same = 0;
  for (const [valley, e] of [['long', 0.15], ['long', 0.35], ['round', 0.3]]) {
    await page.select(`${sel} select[data-name=valley]`, valley);
    await drag(page, eta, 0.5);
    const v = await page.$eval(eta, e => Number(e.value));
    await key(page, eta, v > e ? 'ArrowLeft' : 'ArrowRight', Math.round(Math.abs(v - e) * 100));
    const rows = fs.readFileSync(path.join(dir, `valley-${valley}-eta${e}.tsv`), 'utf8').trim().split('\n').slice(1);
    for (let k = 0; k < rows.length; k++) {
      if (k) await click(page, `${sel} button[data-name=step]`);
      const r = JSON.parse(await attr(page, o, 'data-row')).map(x => x.toFixed(6));
      steps++;
      same += (await attr(page, o, 'data-step')) === String(k) && r.join('\t') === rows[k].split('\t').slice(1).join('\t');
    }
  }
  check(steps === 93 && same === steps, `1.5 valley: eta slider (drag, then keys) and Step: ${same} of ${steps} steps as bin/1.5's paths`);
  // Too large: bin/1.5 calls eta = 2.1 on the round valley too large.
  const said = /eta = 2.1\n(?:.*\n)*?\s+-> too large/.test(out);
  await key(page, eta, 'End'); await key(page, eta, 'ArrowLeft', 10);
  await click(page, `${sel} button[data-name=step]`);
  check(said && (await attr(page, o, 'data-diverges')) === 'true', '1.5 valley: eta = 2.1 diverges in the page as in bin/1.5');
  // A click places the ball; arrow keys move it.
  const c = await page.$(`${sel} canvas`), b = await c.boundingBox();
  const xy = await page.$eval(`${sel} canvas`, e => { const w = e.clientWidth; return [40 + (1 + 2.5) / 5 * (w - 50), w - 26 - (0.5 + 2.5) / 5 * (w - 36)]; });
  await page.mouse.click(b.x + xy[0], b.y + xy[1]);
  const placed = JSON.parse(await attr(page, o, 'data-row'));
  await key(page, `${sel} canvas`, 'ArrowLeft');
  const moved = JSON.parse(await attr(page, o, 'data-row'));
  check(Math.abs(placed[0] - 1) <= 0.02 && Math.abs(placed[1] - 0.5) <= 0.02 && Math.abs(moved[0] - (placed[0] - 0.1)) < 1e-9,
    `1.5 valley: a click at (1, 0.5) places the ball at (${placed[0]}, ${placed[1]}); ArrowLeft moves it to ${moved[0]}`);
  await click(page, `${sel} button[data-name=sgd]`);
  const sgdRow = JSON.parse(await attr(page, o, 'data-row'));
  await click(page, `${sel} button[data-name=step]`);
  check(sgdRow[0] === moved[0] && sgdRow[1] === moved[1], '1.5 valley: the SGD toggle keeps the start');
}

// ---- 1.6 ----------------------------------------------------------------
async function setRange(page, sel, value) {
  const [min, step] = await page.$eval(sel, e => [Number(e.min), Number(e.step)]);
  await key(page, sel, 'Home');
  await key(page, sel, 'ArrowRight', Math.round((value - min) / step));
}
async function trainInPage(page, o) {
  const sel = W('train');
  await setRange(page, `${sel} input[data-name=train]`, o.train);
  await setRange(page, `${sel} input[data-name=epochs]`, o.epochs);
  await setRange(page, `${sel} input[data-name=hidden]`, o.hidden);
  await page.focus(`${sel} input[data-name=seed]`);
  await page.keyboard.down('Control'); await page.keyboard.press('a'); await page.keyboard.up('Control');
  await page.keyboard.type(String(o.seed));
  await click(page, `${sel} button[data-name=start]`);
  await page.waitForFunction(s => document.querySelectorAll(s + ' .w-log li').length >= 1 &&
    !document.querySelector(s + ' button[data-name=start]').disabled, { timeout: 600000 }, sel);
  return page.$$eval(`${sel} .w-log li`, ls => ls.map(l => l.textContent));
}
async function testTrain(page) {
  const o = { train: 2000, epochs: 2, hidden: 30, seed: 3 };
  const lines = await trainInPage(page, o);
  const want = native('1.6-mnist-sgd', ['--textbook', '--train', String(o.train), '--test', '1000', '--epochs', String(o.epochs),
    '--sizes', `784,${o.hidden},10`, '--seed', String(o.seed), '--data', MNIST]).split('\n').filter(l => /^Epoch/.test(l));
  check(want.length === 2 && lines.join('|') === want.join('|'),
    `1.6 train in the page (${JSON.stringify(o)}): [${lines.join(', ')}], bin/1.6 --textbook [${want.join(', ')}]`);
  // Stop, then restart.
  const sel = W('train');
  await setRange(page, `${sel} input[data-name=epochs]`, 30);
  await click(page, `${sel} button[data-name=start]`);
  await page.waitForFunction(s => document.querySelectorAll(s + ' .w-log li').length >= 1, { timeout: 120000 }, sel);
  await key(page, `${sel} button[data-name=stop]`, 'Enter');
  const n = (await page.$$(`${sel} .w-log li`)).length;
  await new Promise(r => setTimeout(r, 1500));
  const after = (await page.$$(`${sel} .w-log li`)).length;
  check(n === after && !(await page.$eval(`${sel} button[data-name=start]`, e => e.disabled)),
    `1.6 train: Stop (Enter) ends training (${n} epoch(s), none after)`);
  await setRange(page, `${sel} input[data-name=epochs]`, 1);
  await click(page, `${sel} button[data-name=start]`);
  await page.waitForFunction(s => !document.querySelector(s + ' button[data-name=start]').disabled, { timeout: 120000 }, sel);
  const again = await page.$$eval(`${sel} .w-log li`, ls => ls.map(l => l.textContent));
  check(again.length === 1 && again[0] === lines[0], `1.6 train: restarted with the same seed, epoch 0 again: ${again[0]}`);
}

// ---- 1.6 draw a digit -------------------------------------------------------
// The page's last classification against build/wasm/ref classify on the
// canvas's ink: [pixels equal, hidden equal, outputs equal, digit].
async function againstNative(page, tag) {
  const sel = W('digit'), o = `${sel} output[data-name=digit]`;
  // The ink is read here from the canvas's pixels (alpha / 255: drawn in
  // black on a transparent canvas), not taken from the page's own reading.
  const alpha = await page.$eval(`${sel} canvas.w-pad`, c =>
    Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data.filter((_, i) => i % 4 === 3)));
  const file = path.join(OUT, `ink-${tag}.f32`);
  fs.writeFileSync(file, Buffer.from(Float32Array.from(alpha, a => a / 255).buffer));
  const b = execFileSync(REF, ['classify', NET, file, '280', '280']);
  const nat = new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  const hidden = JSON.parse(await attr(page, o, 'data-hidden')), outputs = JSON.parse(await attr(page, o, 'data-outputs'));
  const eq = (p, q) => p.length === q.length && p.every((v, i) => Math.fround(v) === q[i]);
  const best = nat.slice(784 + hidden.length).reduce((b, v, j, a) => v > a[b] ? j : b, 0);
  return { hidden: eq(hidden, nat.slice(784, 784 + hidden.length)), outputs: eq(outputs, nat.slice(784 + hidden.length)),
    digit: await attr(page, o, 'data-digit'), nativeDigit: String(best), label: await attr(page, o, 'data-label') };
}
async function testDigit(page) {
  const sel = W('digit');
  await click(page, `${sel} button[data-name=test-image]`);
  await page.waitForSelector(`${sel} output[data-name=digit][data-digit]`);
  let r = await againstNative(page, 'button');
  check(r.hidden && r.outputs && r.digit === r.nativeDigit,
    `1.6 digit: the test-image button: the page says ${r.digit} (label ${r.label}), native ${r.nativeDigit}; hidden and output activations the same bits: ${r.hidden}, ${r.outputs}`);
  // Test image 1 of t10k drawn as strokes: each row's runs of ink.
  const img = fs.readFileSync(path.join(MNIST, 't10k-images-idx3-ubyte')).subarray(16 + 784, 16 + 2 * 784);
  const label = fs.readFileSync(path.join(MNIST, 't10k-labels-idx1-ubyte'))[8 + 1];
  await click(page, `${sel} button[data-name=clear]`);
  const pad = await page.$(`${sel} canvas.w-pad`);
  await page.$eval(`${sel} canvas.w-pad`, e => e.scrollIntoView({ block: 'center' }));
  const box = await pad.boundingBox(), k = box.width / 28;
  let strokes = 0;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      if (img[y * 28 + x] < 128) continue;
      let e = x;
      while (e + 1 < 28 && img[y * 28 + e + 1] >= 128) e++;
      await page.mouse.move(box.x + (x + 0.5) * k, box.y + (y + 0.5) * k);
      await page.mouse.down();
      await page.mouse.move(box.x + (e + 0.5) * k, box.y + (y + 0.5) * k, { steps: Math.max(1, e - x) });
      await page.mouse.up();
      strokes++;
      x = e;
    }
  }
  r = await againstNative(page, 'strokes');
  check(strokes > 5 && r.hidden && r.outputs && r.digit === r.nativeDigit,
    `1.6 digit: test image 1 (a ${label}) drawn in ${strokes} mouse strokes: the page says ${r.digit}, native ${r.nativeDigit}; activations the same bits: ${r.hidden}, ${r.outputs}`);
}

// ---- every edition --------------------------------------------------------
async function keyboardReach(page) {
  // Every enabled, visible control (Stop is disabled while nothing trains).
  const controls = await page.$$eval('.widget-live', ls => ls.reduce((n, l) =>
    n + [...l.querySelectorAll('input, button, select, [tabindex="0"]')].filter(e => !e.disabled && e.offsetParent).length, 0));
  await page.$eval('.widget-live', e => { const a = document.createElement('a'); a.href = '#'; a.id = 'nndl-tab-start'; e.parentNode.insertBefore(a, e); });
  await page.focus('#nndl-tab-start');
  const seen = new Set();
  for (let i = 0; i < 2000 && seen.size < controls; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || !e.closest('.widget-live')) return null;
      if (!e.dataset.tabSeen) e.dataset.tabSeen = String(Math.random());
      return e.dataset.tabSeen;
    });
    if (id) seen.add(id);
  }
  return [seen.size, controls];
}

async function edition(browser, ed) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.setViewport({ width: 1000, height: 900 });
  await page.goto('file://' + path.resolve(ed.file), { waitUntil: 'load' });
  await page.waitForSelector('html[data-widgets=ready]', { timeout: 30000 });
  const built = await page.$$eval('.widget', ws => ws.filter(w => w.dataset.ready === 'true' && !w.querySelector('.widget-live').hidden).length);
  const all = await page.$$eval('.widget', ws => ws.length);
  check(all >= 8 && built === all, `${ed.name}: ${built} of ${all} live figures built and shown`);
  check(await page.evaluate(l => document.body.textContent.includes(l), ed.label), `${ed.name}: labels in the edition's language ("${ed.label}")`);
  if (BENCH) return bench(page, ed);
  await testPerceptron(page);
  await testSigmoid(page);
  await testForward(page);
  await testValley(page);
  await testDigit(page);
  if (ed.name === 'en') await testTrain(page);
  const [reached, controls] = await keyboardReach(page);
  check(reached === controls, `${ed.name}: Tab reaches ${reached} of the ${controls} controls of the live figures`);
  await page.setViewport({ width: 400, height: 800 });
  await new Promise(r => setTimeout(r, 300));
  const wide = await page.evaluate(() => {
    const bad = [];
    document.querySelectorAll('.widget-live, .widget-live *').forEach(e => {
      const r = e.getBoundingClientRect();
      if (r.width && r.right > document.documentElement.clientWidth + 0.5) bad.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right));
    });
    return bad;
  });
  check(wide.length === 0, `${ed.name}: at 400 px every part of the live figures fits (${wide.slice(0, 3).join(', ') || 'none wider'})`);
  await page.screenshot({ path: path.join(OUT, `${ed.name}-400px.png`), fullPage: false });
  check(errors.length === 0, `${ed.name}: no console errors${errors.length ? ': ' + errors.slice(0, 3).join(' | ') : ''}`);
  // Without JavaScript: the static figures, no live part.
  const off = await browser.newPage();
  await off.setJavaScriptEnabled(false);
  await off.goto('file://' + path.resolve(ed.file), { waitUntil: 'load' });
  const s = await off.evaluate(() => {
    const imgs = [...document.querySelectorAll('.widget .widget-static img')];
    return { hidden: [...document.querySelectorAll('.widget-live')].every(l => l.hidden && l.getBoundingClientRect().height === 0),
      imgs: imgs.length, shown: imgs.filter(i => i.naturalWidth > 0 && i.getBoundingClientRect().height > 0).length };
  });
  check(s.hidden && s.imgs >= 2 && s.shown === s.imgs, `${ed.name}: with JavaScript off, no live part and ${s.shown} of ${s.imgs} static figures shown`);
  await off.close();
  await page.close();
}

// Times in-page training on the whole embedded subset (one epoch, as in
// bin/1.6-mnist-sgd --textbook --train N --test M --epochs 1).
async function bench(page, ed) {
  if (ed.name !== 'en') return;
  const n = await page.$eval('#nndl-mnist', e => Number(e.dataset.train));
  const sel = W('train');
  await setRange(page, `${sel} input[data-name=train]`, n);
  const lines = await trainInPage(page, { train: n, epochs: 1, hidden: 30, seed: 1 });
  const secs = Number(await attr(page, `${sel} output[data-name=train-status]`, 'data-total-seconds'));
  if (!(secs > 0)) throw new Error('bench-book: the page reported no training time');
  console.log(`bench-book: in-page epoch (${n} images, [784, 30, 10], textbook code in wasm, test 1000 included): ${secs.toFixed(3)} s  (${lines[0]})`);
  fs.writeFileSync(path.join(OUT, 'bench-page.txt'), `${secs}\n${lines[0]}\n`);
}

(async () => {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
  try {
    for (const ed of EDITIONS) await edition(browser, ed);
  } finally {
    await browser.close();
  }
  if (failures) { console.error(`widgets.js: ${failures} check(s) failed`); process.exit(1); }
  if (!BENCH) console.log('widgets.js: every live figure works and agrees with the native programs');
})().catch(e => { console.error(e); process.exit(1); });
