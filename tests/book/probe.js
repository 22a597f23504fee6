// probe.js - injected into a copy of a built book page by tests/book/check.js.
// Once the page has loaded in headless Chromium it records what the reader
// would actually get (rendered headings, image sizes, MathML boxes, the text
// of every listing, output block and number, every link) and leaves it,
// base64-encoded JSON, in <div id="book-probe"> for --dump-dom to carry out.
// It judges nothing itself: check.js compares these facts with the sources.
(function () {
  function q(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function box(el) { var r = el.getBoundingClientRect(); return { w: r.width, h: r.height }; }
  // TeX that did not become MathML: text outside code and math that still
  // holds $$ or a TeX command.
  function rawTex() {
    var walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), n, found = [];
    while ((n = walk.nextNode())) {
      if (n.parentElement.closest('pre, code, math, script')) continue;
      if (/\$\$|\\(frac|sum|sigma|nabla|partial|eta)\b/.test(n.nodeValue)) found.push(n.nodeValue.slice(0, 60));
    }
    return found;
  }
  // Do Chinese characters render as real glyphs?  Without a CJK font every
  // character is drawn as the same empty box, so two different characters
  // give identical pixels.
  function cjkGlyphs() {
    var c = document.createElement('canvas');
    c.width = c.height = 48;
    var g = c.getContext('2d');
    var font = getComputedStyle(document.body).fontFamily;
    function draw(ch) {
      g.clearRect(0, 0, 48, 48);
      g.font = '32px ' + font;
      g.fillStyle = '#000';
      g.fillText(ch, 4, 38);
      return Array.prototype.join.call(g.getImageData(0, 0, 48, 48).data, ',');
    }
    var a = draw('感'), b = draw('知'), blank = (g.clearRect(0, 0, 48, 48), draw(''));
    return a !== b && a !== blank && b !== blank;
  }
  // Code and output must keep their lines: a pre or its code that wraps.
  function wrapping() {
    return q('pre, pre code').filter(function (el) {
      var cs = getComputedStyle(el);
      var mode = cs.textWrapMode || cs.getPropertyValue('text-wrap-mode');
      return cs.whiteSpace === 'pre-wrap' || cs.whiteSpace === 'pre-line' || cs.whiteSpace === 'normal' ||
             cs.whiteSpace === 'break-spaces' || (mode && mode === 'wrap' && cs.whiteSpace !== 'pre');
    }).map(function (el) {
      return { tag: el.tagName.toLowerCase(), cls: el.className, ws: getComputedStyle(el).whiteSpace,
               text: el.textContent.slice(0, 40) };
    });
  }
  // Elements that stick out of the viewport sideways without a scroll box
  // around them to hold them (overflow-x auto, scroll, hidden or clip).
  function scrollBox(el) {
    for (var p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      var o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  }
  function tooWide() {
    var vw = document.documentElement.clientWidth, out = [];
    q('body *').forEach(function (el) {
      if (el.closest('#book-probe, script, style')) return;
      var r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return;
      if ((r.right > vw + 1 || r.left < -1) && !scrollBox(el))
        out.push({ tag: el.tagName.toLowerCase(), cls: String(el.className || '').slice(0, 40),
                   left: Math.round(r.left), right: Math.round(r.right), text: el.textContent.trim().slice(0, 40) });
    });
    return out;
  }
  function facts() {
    return {
      lang: document.documentElement.getAttribute('lang'),
      title: document.title,
      headings: q('h1, h2').map(function (h) {
        return { level: h.tagName.toLowerCase(), id: h.id, text: h.textContent.trim() };
      }),
      images: q('img').map(function (i) {
        var b = box(i);
        return { src: (i.getAttribute('src') || '').slice(0, 30), alt: i.getAttribute('alt'),
                 complete: i.complete, nw: i.naturalWidth, nh: i.naturalHeight, w: b.w, h: b.h };
      }),
      math: q('math').map(function (m) {
        var b = box(m);
        return { mathml: typeof MathMLElement !== 'undefined' && m instanceof MathMLElement,
                 display: m.getAttribute('display'), w: b.w, h: b.h };
      }),
      eqs: q('span.eq').map(function (e) {
        return { id: e.id, tag: e.getAttribute('data-tag'), hasMath: !!e.querySelector('math'),
                 num: (e.querySelector('.eq-num') || {}).textContent };
      }),
      listings: q('div.listing').map(function (d) {
        var code = d.querySelector('pre code');
        var head = d.querySelector('a.source');
        return { tag: d.getAttribute('data-tag'), file: d.getAttribute('data-file'),
                 text: code ? code.textContent : null, h: code ? box(code).h : 0,
                 head: head ? { href: head.getAttribute('href'), text: head.textContent } : null };
      }),
      exerciseEntries: q('div.exercise').map(function (d) {
        var sig = d.querySelector('pre.signature code, pre.signature');
        return { n: d.getAttribute('data-n'), id: d.getAttribute('data-id'),
                 signature: sig ? sig.textContent : null, visible: sig ? box(sig).h > 0 : false };
      }),
      glossary: q('div.glossary tbody tr').map(function (tr) {
        return Array.prototype.map.call(tr.cells, function (c) { return c.textContent.trim(); });
      }),
      stretchyInline: q('math[display="inline"] mo[stretchy="true"]').length,
      wrapping: wrapping(),
      tooWide: tooWide(),
      viewport: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
      outputs: q('div.output-block').map(function (d) {
        var code = d.querySelector('pre code');
        return { file: d.getAttribute('data-file'), from: d.getAttribute('data-from'),
                 to: d.getAttribute('data-to'), text: code ? code.textContent : null };
      }),
      nums: q('span.num').map(function (s) {
        return { file: s.getAttribute('data-file'), col: s.getAttribute('data-col'),
                 where: s.getAttribute('data-where'), agg: s.getAttribute('data-agg'),
                 fmt: s.getAttribute('data-fmt'), text: s.textContent, visible: box(s).w > 0 };
      }),
      tables: q('table').length,
      links: q('a[href]').map(function (a) {
        var href = a.getAttribute('href');
        var ok = null;
        if (href.charAt(0) === '#')
          ok = href === '#' ? false : !!document.getElementById(decodeURIComponent(href.slice(1)));
        return { href: href, text: a.textContent.trim().slice(0, 40), ok: ok };
      }),
      ids: q('[id]').map(function (e) { return e.id; }).filter(function (id) {
        return !/^cb\d+(-\d+)?$/.test(id);
      }),
      exercises: q('.exercises').map(function (d) {
        return { section: d.getAttribute('data-section'), text: d.textContent };
      }),
      rawTex: rawTex(),
      cjk: cjkGlyphs(),
      height: document.documentElement.scrollHeight
    };
  }
  window.addEventListener('load', function () {
    q('details').forEach(function (d) { d.open = true; });
    var out = document.createElement('div');
    out.id = 'book-probe';
    out.hidden = true;
    var json;
    try { json = JSON.stringify(facts()); } catch (e) { json = JSON.stringify({ error: String(e) }); }
    var b64 = btoa(unescape(encodeURIComponent(json)));
    out.setAttribute('data-b64', b64);
    document.body.appendChild(out);
    // Inside check.js's phone frame (Chromium's window is never narrower
    // than 500 px) the facts go to the page around it.
    if (window.parent !== window) window.parent.postMessage(b64, '*');
  });
})();
