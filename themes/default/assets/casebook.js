/* casebook: optional progressive enhancement. Every page works without it.
   Sections have the same id in both languages, so the language switcher can carry the reader's
   current section (the URL fragment) over to the twin page. */
(function () {
  function carry() {
    var links = document.querySelectorAll('.lang-switch a[hreflang]');
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var base = a.getAttribute('href').split('#')[0];
      a.setAttribute('href', base + (location.hash || ''));
    }
  }
  carry();
  window.addEventListener('hashchange', carry);

  /* The page contents are open in the HTML, so they can be read without this script. On a phone they
     start closed, so the key points are near the top; the reader opens them with one tap. */
  var toc = document.querySelector('.page-toc__details');
  if (toc && window.matchMedia && window.matchMedia('(max-width: 39.99em)').matches && !location.hash) toc.open = false;
})();
