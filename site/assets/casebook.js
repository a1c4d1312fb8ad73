/* casebook: optional progressive enhancement. Every page works without it.
   Sections have the same id in both languages, so the language switcher can carry the reader's place
   over to the twin page. Without this script the switcher leads to the top of the twin page. */
(function () {
  var links = document.querySelectorAll('.lang-switch a[hreflang]');
  var main = document.getElementById('main');
  var header = document.querySelector('.site-header');
  var bases = [];
  for (var i = 0; i < links.length; i++) bases.push(links[i].getAttribute('href').split('#')[0]);

  function carry(id) {
    for (var i = 0; i < links.length; i++) links[i].setAttribute('href', bases[i] + (id ? '#' + encodeURIComponent(id) : ''));
  }

  /* The section being read: the nearest heading with an id at or above the top of the window. */
  function section() {
    var hs = main ? main.querySelectorAll('h2[id], h3[id], h4[id]') : [];
    var line = 1, id = null;
    for (var i = 0; i < hs.length; i++) {
      if (hs[i].getBoundingClientRect().top <= line) id = hs[i].id; else break;
    }
    return id;
  }

  /* The place the reader is reading: taken at once while the reader scrolls down through the page (never
     after a pause, so a reader who goes straight back up and switches keeps it), not while the page passes
     by on the way back up to the switcher, and never while the header (and so the switcher) is in view. A
     reader who scrolls up to an earlier section and stops there (one second) is reading that one. Moving the
     focus with Tab scrolls the page too, but that is not reading: the place stays. */
  var place = null, lastY = window.scrollY, timer = 0, tabbing = false;
  function headerInView() { return header && header.getBoundingClientRect().bottom > 0; }
  function take() {
    if (tabbing || headerInView()) return;
    place = section();
    carry(place);
  }
  function scrolled() {
    var y = window.scrollY;
    clearTimeout(timer);
    if (y > lastY) take(); else timer = setTimeout(take, 1000);
    lastY = y;
  }
  /* The link's address is worked out when the reader reaches for it (pointer, key, focus, click): the
     section at the top of the window if the header has scrolled away, otherwise the place read last. */
  function reach() { carry(headerInView() || tabbing ? place : section() || place); }
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && document.getElementById(id)) { place = id; carry(id); }
  }
  if (links.length) {
    fromHash();
    window.addEventListener('hashchange', fromHash);
    window.addEventListener('scroll', scrolled, { passive: true });
    document.addEventListener('keydown', function (e) { tabbing = e.key === 'Tab'; });
    ['wheel', 'touchstart', 'pointerdown'].forEach(function (t) {
      window.addEventListener(t, function () { tabbing = false; }, { passive: true });
    });
    for (var k = 0; k < links.length; k++) {
      ['pointerdown', 'keydown', 'focus', 'click'].forEach(function (t) { links[k].addEventListener(t, reach); });
    }
  }

  /* A printout names the page's address. Without a configured base URL the page knows only its path in the
     site; a page served over the web knows its whole address. */
  var url = document.querySelector('[data-page-url]'), sheet = document.querySelector('style[data-print-page]');
  if (url && /^https?:$/.test(location.protocol) && !/^https?:/.test(url.textContent)) {
    var path = url.textContent, here = location.href.split('#')[0];
    url.textContent = here;
    // the address at the foot of each printed sheet (a CSS string: quotes and backslashes escaped)
    if (sheet && path) sheet.textContent = sheet.textContent.replace('"' + path, '"' + here.replace(/[\\"]/g, '\\$&'));
  }

  /* contents.js marked the page on a phone and the stylesheet hid the contents' list: close them for real
     (so the disclosure reads "collapsed") and drop the mark; nothing moves. */
  var html = document.documentElement, toc = document.querySelector('.page-toc__details');
  if (html.classList.contains('contents-closed')) {
    if (toc) toc.open = false;
    html.classList.remove('contents-closed');
  }
})();
