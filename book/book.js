// book.js - the contents of the book page, added at the end of each
// edition by book/filters/book.lua.  Nothing else needs it: without a
// script the page reads the same, with the contents as a list above it.
//  - The contents (pandoc's nav#TOC) go into a <details>: open beside the
//    text on wide screens, folded above it on narrow ones.
//  - The link of the section being read is marked .current.
(function () {
  var nav = document.getElementById('TOC');
  if (!nav) return;
  var title = document.getElementById('toc-title');
  var details = document.createElement('details');
  var summary = document.createElement('summary');
  summary.textContent = title ? title.textContent : 'Contents';
  if (title) title.remove();
  details.appendChild(summary);
  while (nav.firstChild) details.appendChild(nav.firstChild);
  nav.appendChild(details);
  var wide = window.matchMedia('(min-width: 70rem)');
  function fit() { details.open = wide.matches; }
  fit();
  if (wide.addEventListener) wide.addEventListener('change', fit);
  // A click in the folded contents folds them again.
  nav.addEventListener('click', function (e) {
    if (!wide.matches && e.target.closest('a')) details.open = false;
  });

  var links = Array.prototype.slice.call(nav.querySelectorAll('a[href^="#"]'));
  var targets = links.map(function (a) {
    return document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
  });
  function mark() {
    var at = 0;
    for (var i = 0; i < targets.length; i++)
      if (targets[i] && targets[i].getBoundingClientRect().top < 120) at = i;
    links.forEach(function (a, i) { a.classList.toggle('current', i === at); });
    var top = links[at] && links[at].closest('li');
    // the section (h1) that holds the current heading is marked too
    var outer = top && top.parentElement.closest('li');
    if (outer) outer.firstElementChild.classList.add('current');
  }
  var queued = false;
  window.addEventListener('scroll', function () {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(function () { queued = false; mark(); });
  }, { passive: true });
  window.addEventListener('hashchange', mark);
  mark();
})();
