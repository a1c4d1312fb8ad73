/* casebook: the page contents start closed on a phone, so the key points are near the top; the reader opens
   them with one tap. They are open in the HTML, so they can be read without this script. It is loaded right
   after the contents and runs before the rest of the page is parsed: closing them then moves nothing a reader
   has seen (a deferred script would close them after the first paint, and the page would jump). */
(function () {
  var toc = document.querySelector('.page-toc__details');
  if (toc && window.matchMedia && window.matchMedia('(max-width: 39.99em)').matches && !location.hash) toc.open = false;
})();
