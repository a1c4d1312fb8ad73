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
})();
