/* casebook: runs in the head, before the page is drawn. On a phone the page contents start closed, so the key
   points are near the top (a reader opens them with one tap). This only marks the page; the stylesheet hides the
   list from the first paint, and casebook.js then closes the contents for real and removes the mark, which
   changes nothing on screen: nothing jumps. Without scripts the contents stay open. */
if (window.matchMedia && window.matchMedia('(max-width: 39.99em)').matches && !location.hash) {
  document.documentElement.classList.add('contents-closed');
}
