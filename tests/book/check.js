#!/usr/bin/env node
// check.js - the book, tested in a real browser (issue 5).
//
//   node tests/book/check.js [OUTDIR]      (OUTDIR defaults to build/book-test)
//
// For each edition (book/html/index.html, book/html/zh/index.html) it makes a
// copy with tests/book/probe.js added, opens it in headless Chromium
// (--dump-dom) and reads back what the rendered page holds.  Then it checks
// that against the sources, independently of the pandoc filter:
//   - every section heading of the chapter is there, in order;
//   - every figure referenced in the Markdown is an image that loaded with a
//     non-zero size;
//   - math is MathML that Chromium lays out (non-zero boxes), every
//     equation (1.1)..(1.22) is numbered, and no raw TeX is left;
//   - every listing equals its region of lib/ or chapters/, cut here from the
//     files, and every tagged region appears;
//   - every captured output equals its file; every number equals the value
//     recomputed from results/;
//   - every link inside the book resolves (anchors and the other edition);
//   - every exercise of exercises/manifest.tsv is listed with its command.
// It saves a screenshot of each page under OUTDIR.  Finally it mutates the
// facts (a listing, a number, an image, a heading, a link) and insists that
// each mutation is caught, so a check that silently passes everything fails.
// Exit status 1 on any failure.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { spawnSync } = require('child_process');

const ROOT = process.cwd();
const OUT = process.argv[2] || 'build/book-test';
const EDITIONS = [
  { name: 'en', html: 'book/html/index.html', lang: 'en', md: 'book/en' },
  { name: 'zh', html: 'book/html/zh/index.html', lang: 'zh-Hans', md: 'book/zh' },
].filter(e => !process.env.BOOK_EDITIONS || process.env.BOOK_EDITIONS.split(',').includes(e.name));
// The chapter's sections, headings as in ../shared/seed (both editions).
const SECTIONS = [
  ['perceptrons', '1.1 Perceptrons 感知器'],
  ['sigmoid-neurons', '1.2 Sigmoid neurons Sigmoid神经元'],
  ['architecture', '1.3 The architecture of neural networks 体系结构'],
  ['digit-network', '1.4 A simple network to classify handwritten digits 手写数字分类网络'],
  ['gradient-descent', '1.5 Learning with gradient descent 梯度下降'],
  ['implementation', '1.6 Implementing our network to classify digits 数字分类实现'],
  ['deep-learning', '1.7 Toward deep learning 深度学习'],
];
const EQ_TAGS = Array.from({ length: 22 }, (_, i) => '1.' + (i + 1));

function read(p) { return fs.readFileSync(p, 'utf8'); }
function lines(s) { const t = s.split('\n'); if (t[t.length - 1] === '') t.pop(); return t; }

// ---- the browser -------------------------------------------------------
function chromium(args) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'book-chromium-'));
  const base = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--hide-scrollbars', '--user-data-dir=' + profile, '--virtual-time-budget=15000'];
  const r = spawnSync('chromium', base.concat(args), { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 120000 });
  fs.rmSync(profile, { recursive: true, force: true });
  if (r.error) throw new Error('cannot run chromium: ' + r.error.message);
  return r.stdout;
}

// The page is read at a desktop's width (1200 px) and a phone's (400 px),
// and once more at the narrowest phone it must fit (360 px); screenshots at
// the first two.
const WIDTHS = [1200, 400, 360];
const SHOTS = [1200, 400];
const PHONE = 400, NARROW = 360;

// Headless Chromium lays a page out at least 500 px wide whatever
// --window-size says, so a narrower screen is a frame of that width in a
// page of its own (written into OUT); the probe posts its facts out of it.
function framed(page, w, h) {
  const wrap = path.resolve(OUT, `frame-${path.basename(page, '.html')}-${w}.html`);
  fs.writeFileSync(wrap, '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">' +
    `<iframe src="${'file://' + page}" style="border:0;display:block;width:${w}px;height:${h}px"></iframe>` +
    '<script>addEventListener("message", function (e) { var d = document.createElement("div");' +
    ' d.id = "book-probe"; d.setAttribute("data-b64", e.data); document.body.appendChild(d); });</script></body></html>');
  return wrap;
}

function probe(ed) {
  const html = read(ed.html);
  const script = '<script>' + read('tests/book/probe.js') + '</script>';
  if (!html.includes('</body>')) throw new Error(ed.html + ': no </body>');
  const copy = path.resolve(OUT, ed.name + '.html');
  fs.writeFileSync(copy, html.replace(/<\/body>(?![\s\S]*<\/body>)/, script + '\n</body>'));
  const at = {}, shots = [];
  try {
    for (const w of WIDTHS) {
      const dom = chromium(['--window-size=' + Math.max(w, 600) + ',900', '--dump-dom', 'file://' + framed(copy, w, 900)]);
      const m = dom.match(/id="book-probe"[^>]*data-b64="([A-Za-z0-9+/=]*)"/) ||
                dom.match(/data-b64="([A-Za-z0-9+/=]*)"[^>]*id="book-probe"/);
      if (!m) throw new Error(ed.name + ': the probe left no facts at ' + w + ' px (page did not load in Chromium?)');
      const facts = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'));
      if (facts.error) throw new Error(ed.name + ': the probe failed: ' + facts.error);
      at[w] = facts;
    }
    // the screenshots show the page as it opens, before the probe runs
    for (const w of SHOTS) {
      const shot = path.resolve(OUT, `${ed.name}-${w}.png`);
      const height = Math.max(800, Math.min(at[w].height || 3000, 16000));
      chromium(['--screenshot=' + shot, `--window-size=${w},${height}`, 'file://' + framed(path.resolve(ed.html), w, height)]);
      shots.push(shot);
    }
  } finally {
    fs.rmSync(copy, { force: true });
  }
  return { facts: at[WIDTHS[0]], phone: at[PHONE], narrow: at[NARROW], shots };
}

// The head of each function an exercise asks for, cut from its stub here
// (independently of the filter): return type to closing parenthesis, one line.
function stubSignatures(ex) {
  const text = read('exercises/stubs/' + ex.file);
  return ex.funcs.split(',').map(f => {
    const m = text.match(new RegExp('\\n([A-Za-z_][^\\n]*?[\\s*]' + f + '\\([\\s\\S]*?\\))\\s*\\n\\{'));
    return m ? m[1].replace(/\s+/g, ' ') : undefined;
  });
}

// ---- what the page should hold, from the sources -----------------------
function sourceTags() {
  const tags = {};
  const files = [];
  for (const dir of ['lib', 'lib/fast', 'chapters'])
    for (const f of fs.readdirSync(dir).sort())
      if (/\.[ch]$/.test(f)) files.push(dir + '/' + f);
  for (const f of files) {
    let open = null, body = [];
    for (const line of lines(read(f))) {
      const t = line.trim();
      let m;
      if ((m = t.match(/^\/\* book: (\S+) \*\/$/))) { open = m[1]; body = []; }
      else if ((m = t.match(/^\/\* end book: (\S+) \*\/$/))) { tags[open] = { file: f, text: body.join('\n') }; open = null; }
      else if (open) body.push(line);
    }
  }
  return tags;
}

const tsvCache = {};
function tsv(file) {
  if (!tsvCache[file]) {
    const ls = lines(read(file)).filter(l => l !== '');
    const header = ls[0].split('\t');
    tsvCache[file] = { header, rows: ls.slice(1).map(l => {
      const c = l.split('\t'), r = {};
      header.forEach((h, i) => { r[h] = c[i]; });
      return r;
    }) };
  }
  return tsvCache[file];
}

function expectedNumber(n) {
  const t = tsv(n.file);
  let rows = t.rows;
  for (const kv of (n.where || '').split(',').filter(Boolean)) {
    const [k, v] = kv.split('=');
    rows = rows.filter(r => r[k] === v);
  }
  if (rows.length === 0) return undefined;
  let pick;
  if (n.agg === 'last') pick = rows[rows.length - 1];
  else if (n.agg === 'first') pick = rows[0];
  else {
    const max = n.agg === 'max' || n.agg === 'argmax';
    for (const r of rows)
      if (!pick || (max ? +r[n.col] > +pick[n.col] : +r[n.col] < +pick[n.col])) pick = r;
  }
  const value = /^arg/.test(n.agg) ? pick[t.header[0]] : pick[n.col];
  return n.fmt === 'pct' ? (Number(value) * 100).toFixed(2) : value;
}

function sliceOutput(o) {
  const all = lines(read(o.file));
  let first = 0, last = all.length - 1;
  if (o.from) first = all.findIndex(l => l.includes(o.from));
  if (first < 0) return undefined;
  if (o.to) { last = all.findIndex((l, i) => i >= first && l.includes(o.to)); if (last < 0) return undefined; }
  return all.slice(first, last + 1).join('\n');
}

function manifest() {
  return lines(read('exercises/manifest.tsv')).filter(l => l && !l.startsWith('#'))
    .map(l => { const f = l.split('\t'); return { n: f[0], id: f[1], section: f[2], file: f[4], funcs: f[5] }; });
}

function figuresIn(mdDir) {
  const figs = [];
  for (const f of fs.readdirSync(mdDir).filter(f => f.endsWith('.md')).sort())
    for (const m of read(path.join(mdDir, f)).matchAll(/!\[(?:[^[\]]|\[[^\]]*\])*\]\(([^)\s]+)/g)) figs.push(m[1]);
  return figs;
}

function glossary() {
  return lines(read('book/glossary.tsv')).slice(1).filter(Boolean)
    .map(l => { const [en, zh, note] = l.split('\t'); return { en, zh, note }; });
}

// The Chinese prose uses the glossary's terms: a term the English text
// uses appears, in its Chinese form, in the Chinese text (both without
// code blocks).  Checked on the Markdown sources.
function glossaryInProse() {
  const prose = dir => fs.readdirSync(dir).filter(f => f.endsWith('.md')).sort()
    .map(f => read(path.join(dir, f))).join('\n').replace(/```[\s\S]*?```/g, '');
  const en = prose('book/en'), zh = prose('book/zh');
  const bad = [];
  for (const t of glossary()) {
    const used = new RegExp('\\b' + t.en.replace(/[-\s]/g, '[-\\s]') + 's?\\b', 'i').test(en);
    if (used && !zh.includes(t.zh)) bad.push(`the Chinese text never says ${t.zh} (${t.en}, book/glossary.tsv)`);
  }
  return bad;
}

// ---- the checks ---------------------------------------------------------
function verify(ed, facts, tags, pages, phone) {
  const bad = [];
  const fail = (what) => bad.push(ed.name + ': ' + what);
  let checks = 0;
  const ok = (cond, what) => { checks++; if (!cond) fail(what); };

  ok(facts.lang === ed.lang, `html lang is ${facts.lang}, expected ${ed.lang}`);
  ok(facts.cjk === true, 'Chinese characters do not render (install a CJK font: fonts-droid-fallback)');
  // headings, in the chapter's order, plus the introduction and appendix
  const h1 = facts.headings.filter(h => h.level === 'h1');
  let at = -1;
  for (const [id, text] of SECTIONS) {
    const i = h1.findIndex(h => h.id === id);
    ok(i >= 0 && h1[i].text === text, `section heading "${text}" (#${id}) missing or reads "${i >= 0 ? h1[i].text : ''}"`);
    ok(i > at, `section #${id} out of order`);
    if (i >= 0) at = i;
  }
  for (const id of ['intro', 'appendix']) ok(h1.some(h => h.id === id), `heading #${id} missing`);
  // images
  const figs = figuresIn(ed.md);
  ok(figs.length >= 8, `only ${figs.length} figures referenced in ${ed.md}`);
  ok(facts.images.length === figs.length, `${facts.images.length} images on the page, ${figs.length} in the Markdown`);
  facts.images.forEach((im, i) => ok(im.complete && im.nw > 0 && im.nh > 0 && im.w > 0 && im.h > 0,
    `image ${i + 1} (${im.alt}) did not load with a size: ${JSON.stringify(im)}`));
  // math
  ok(facts.math.length >= 30, `only ${facts.math.length} MathML elements`);
  const flat = facts.math.filter(m => !(m.mathml && m.w > 0 && m.h > 0));
  ok(flat.length === 0, `${flat.length} math elements are not laid out as MathML`);
  ok(facts.stretchyInline === 0, `${facts.stretchyInline} brackets in inline maths stretch (taller than the line)`);
  ok(facts.rawTex.length === 0, `raw TeX left in the text: ${JSON.stringify(facts.rawTex.slice(0, 3))}`);
  const tagsOnPage = new Set(facts.eqs.map(e => e.tag));
  for (const t of EQ_TAGS) ok(tagsOnPage.has(t), `equation (${t}) missing`);
  facts.eqs.forEach(e => ok(e.hasMath && e.num === `(${e.tag})`, `equation #${e.id} has no math or number`));
  // listings
  const seen = new Set();
  for (const l of facts.listings) {
    const t = tags[l.tag];
    seen.add(l.tag);
    ok(t && t.file === l.file, `listing ${l.tag}: no such region in ${l.file}`);
    ok(t && l.text !== null && l.text.replace(/\s+$/, '') === t.text.replace(/\s+$/, ''),
      `listing ${l.tag} differs from its region in ${l.file}`);
    ok(l.h > 0, `listing ${l.tag} is not rendered`);
  }
  for (const name of Object.keys(tags)) ok(seen.has(name), `tagged region ${name} (${tags[name].file}) is not in the book`);
  // outputs and numbers
  ok(facts.outputs.length >= 7, `only ${facts.outputs.length} program outputs`);
  for (const o of facts.outputs) {
    const want = fs.existsSync(o.file) ? sliceOutput(o) : undefined;
    ok(want !== undefined && o.text === want, `output from ${o.file} (${o.from || 'start'} .. ${o.to || 'end'}) differs from the file`);
  }
  ok(facts.nums.length >= 100, `only ${facts.nums.length} numbers from results/`);
  ok(facts.tables >= 5, `only ${facts.tables} tables`);
  for (const n of facts.nums) {
    const want = fs.existsSync(n.file) ? expectedNumber(n) : undefined;
    ok(want !== undefined && n.text === want,
      `number ${n.text} (${n.file} ${n.col} ${n.agg} ${n.where || ''}) should be ${want}`);
    ok(n.visible, `number from ${n.file} is not visible`);
  }
  // links inside the book
  const here = path.dirname(ed.html);
  let other = false;
  for (const a of facts.links) {
    if (/^[a-z]+:/i.test(a.href)) continue;          // outside the book
    if (a.href.startsWith('#')) { ok(a.ok === true, `broken link ${a.href} ("${a.text}")`); continue; }
    const [file, frag] = a.href.split('#');
    const target = path.normalize(path.join(here, file));
    const page = pages[target];
    ok(fs.existsSync(target), `link ${a.href} points at a missing file ${target}`);
    ok(!frag || (page && page.ids.includes(decodeURIComponent(frag))), `link ${a.href}: no #${frag} in ${target}`);
    if (page && page !== facts) other = true;
  }
  ok(other, 'no link to the other edition');
  // exercises
  const text = facts.exercises.map(e => e.text).join('\n');
  for (const ex of manifest()) {
    const div = facts.exercises.find(e => e.section === ex.section);
    ok(div && div.text.includes(`make exercise N=${ex.n}`), `exercise ${ex.n} (${ex.id}) is not listed in section ${ex.section}`);
  }
  ok(text.length > 0, 'no exercises');
  // each exercise shows the function(s) to write, as its stub declares them
  for (const ex of manifest()) {
    const e = facts.exerciseEntries.find(x => x.n === ex.n);
    const want = stubSignatures(ex);
    ok(want.every(Boolean), `exercise ${ex.n}: the stub exercises/stubs/${ex.file} does not define ${ex.funcs}`);
    ok(e && e.signature !== null && e.signature === want.join('\n') && e.visible,
      `exercise ${ex.n} (${ex.id}) does not show its signature ${want.join('; ')} (shows ${e ? e.signature : 'no entry'})`);
  }
  // the glossary: every term of book/glossary.tsv, the edition's language first
  const terms = glossary();
  ok(terms.length >= 30, `book/glossary.tsv has only ${terms.length} terms`);
  for (const t of terms) {
    const row = ed.name === 'en' ? [t.en, t.zh] : [t.zh, t.en];
    ok(facts.glossary.some(r => r[0] === row[0] && r[1] === row[1]),
      `the glossary does not list ${t.en} = ${t.zh}`);
  }
  // every listing's header is a link to its file, and the file is there
  for (const l of facts.listings) {
    const target = l.head && path.normalize(path.join(here, l.head.href));
    ok(l.head && target === path.normalize(l.file) && fs.existsSync(target) && l.head.text.startsWith(l.file),
      `listing ${l.tag}: its header is not a link to ${l.file} (${l.head ? l.head.href : 'no link'})`);
  }
  // code and output keep their lines, at both widths
  for (const [w, f] of [[WIDTHS[0], facts], [PHONE, phone]]) {
    ok(f && f.wrapping.length === 0,
      `at ${w} px ${f ? f.wrapping.length : '?'} code or output boxes wrap their lines: ${JSON.stringify(f && f.wrapping.slice(0, 2))}`);
  }
  // a phone: the page itself never scrolls sideways, only boxes inside it
  for (const [w, p] of [[PHONE, phone], [NARROW, phone && phone.narrow]]) {
    ok(p && p.viewport <= w, `the phone probe ran ${p && p.viewport} px wide, not ${w}`);
    ok(p && p.scrollWidth <= p.viewport, `at ${w} px the page is ${p && p.scrollWidth} px wide: it scrolls sideways`);
    ok(p && p.tooWide.length === 0,
      `at ${w} px ${p && p.tooWide.length} elements stick out of the screen outside a scroll box: ` +
      JSON.stringify(p && p.tooWide.slice(0, 3)));
  }
  return { bad, checks };
}

// Each mutation must be caught, or the checks above are not checking.
function selfTest(ed, facts, tags, pages, phone) {
  const copy = () => JSON.parse(JSON.stringify(facts));
  const mutations = {
    'a listing off by one character': f => { f.listings[0].text = f.listings[0].text.replace(/;/, ','); },
    'a number off by 0.01': f => { f.nums[0].text = (Number(f.nums[0].text) + 0.01).toFixed(2); },
    'an image that did not load': f => { f.images[0].nw = 0; },
    'a missing section heading': f => { f.headings = f.headings.filter(h => h.id !== 'gradient-descent'); },
    'a broken anchor': f => { f.links.push({ href: '#nowhere', ok: false, text: 'x' }); },
    'a math element drawn as nothing': f => { f.math[0].w = 0; },
    'an output that differs': f => { f.outputs[0].text += ' '; },
    'Chinese drawn as empty boxes': f => { f.cjk = false; },
    'an output box that wraps its lines': f => { f.wrapping.push({ tag: 'code', ws: 'pre-wrap' }); },
    'a phone page that scrolls sideways': (f, p) => { p.scrollWidth = p.viewport + 173; },
    'an element wider than the phone': (f, p) => { p.tooWide.push({ tag: 'table', right: 573 }); },
    'a listing header that is plain text': f => { f.listings[0].head = null; },
    'a listing header linking to another file': f => {
      f.listings[0].head = Object.assign({ text: f.listings[0].file }, f.listings[0].head, { href: 'elsewhere.c' }); },
    'a stretchy bracket in inline maths': f => { f.stretchyInline = 1; },
    'a glossary term left out': f => { f.glossary.pop(); },
    'an exercise without its signature': f => { if (f.exerciseEntries[0]) f.exerciseEntries[0].signature = null; else f.exerciseEntries = []; },
  };
  const bad = [];
  for (const [what, mutate] of Object.entries(mutations)) {
    const f = copy(), p = JSON.parse(JSON.stringify(phone));
    mutate(f, p);
    if (verify(ed, f, tags, pages, p).bad.length === 0) bad.push(`${ed.name}: self-test: ${what} went unnoticed`);
  }
  return { bad, n: Object.keys(mutations).length };
}

function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const ed of EDITIONS)
    if (!fs.existsSync(ed.html)) { console.error(`book check: ${ed.html} is missing (run make book)`); process.exit(1); }
  const tags = sourceTags();
  const pages = {};
  const shots = {};
  const phones = {};
  for (const ed of EDITIONS) {
    const { facts, phone, narrow, shots: s } = probe(ed);
    pages[path.normalize(ed.html)] = facts;
    phones[ed.name] = Object.assign(phone, { narrow });
    shots[ed.name] = s;
  }
  let bad = [], total = 0, planted = 0;
  for (const ed of EDITIONS) {
    const facts = pages[path.normalize(ed.html)];
    const r = verify(ed, facts, tags, pages, phones[ed.name]);
    const st = selfTest(ed, facts, tags, pages, phones[ed.name]);
    bad = bad.concat(r.bad, st.bad);
    planted = st.n;
    total += r.checks;
    for (const shot of shots[ed.name])
      if (!fs.existsSync(shot) || fs.statSync(shot).size === 0) bad.push(`${ed.name}: no screenshot ${shot}`);
    console.log(`book check: ${ed.name}: ${facts.headings.length} headings, ${facts.images.length} images, ` +
      `${facts.math.length} MathML, ${facts.listings.length} listings, ${facts.outputs.length} outputs, ` +
      `${facts.nums.length} numbers, ${facts.links.length} links; screenshots ${shots[ed.name].map(s => path.relative(ROOT, s)).join(', ')}`);
  }
  // the two editions show the same listings, outputs, numbers, equations, figures
  if (EDITIONS.length === 2) {
    const [a, b] = EDITIONS.map(ed => pages[path.normalize(ed.html)]);
    const same = (what, f) => {
      total++;
      const x = JSON.stringify(f(a)), y = JSON.stringify(f(b));
      if (x !== y) bad.push(`en and zh differ in their ${what}`);
    };
    same('listings', p => p.listings.map(l => [l.tag, l.text]));
    // each edition shows the output in its own language: the same runs and
    // the same numbers in the same order (timings left out, as tests/lang/numbers.sh)
    const numbers = t => t.replace(/[0-9]+(\.[0-9]+)? ?(s([^A-Za-z]|$)|秒)/g, '$3')
      .match(/[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/g);
    same('program outputs', p => p.outputs.map(o => [path.basename(o.file), numbers(o.text)]));
    same('numbers', p => p.nums.map(n => [n.file, n.col, n.where, n.agg, n.text]));
    same('equations', p => p.eqs.map(e => [e.id, e.tag]));
    same('number of figures', p => p.images.length);
    same('section headings', p => p.headings.filter(h => h.level === 'h1' && h.id).map(h => [h.id, h.text]));
  }
  const prose = glossaryInProse();
  total += glossary().length;
  bad = bad.concat(prose.map(b => 'zh: ' + b));
  if (bad.length) {
    for (const b of bad.slice(0, 60)) console.error('FAIL ' + b);
    if (bad.length > 60) console.error(`... and ${bad.length - 60} more`);
    console.error(`book check: ${bad.length} of ${total} checks failed`);
    process.exit(1);
  }
  console.log(`book check: all ${total} checks passed in Chromium (and ${planted} planted faults caught per edition)`);
}

try { main(); } catch (e) { console.error('book check: ' + e.message); process.exit(1); }
