/* casebook site search. Loaded by the search page only; the page explains itself without it.
   The index files beside the page (index.js, t/N.js, p/N.js) are loaded with <script>, not fetch, so search
   works from disk (file://) and under any sub-path. normalize, runs and the ranking are the same steps as
   casebook.search.SearchNormalizer, Tokenizer and Searcher in Java; the browser suite feeds both the same
   strings. */
(function () {
  'use strict';

  /* ---------------------------------------------------------------- normalisation (SearchNormalizer) */

  var LONG = '\u30FC';
  var MARK = /\p{M}/u;
  var HAN = /\p{Script=Han}/u;
  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var WORD = /[\p{L}\p{N}\p{M}]/u;

  function isCombining(cp) {
    if (cp < 0x300) return false;
    if (cp === 0xFF9E || cp === 0xFF9F) return true;
    return MARK.test(String.fromCodePoint(cp));
  }
  function isHiragana(c) { var n = c.charCodeAt(0); return n >= 0x3041 && n <= 0x3096; }
  function isDash(c) {
    var n = c.charCodeAt(0);
    return c === LONG || c === '-' || (n >= 0x2010 && n <= 0x2015) || n === 0x2212;
  }
  function isAscii(s) { for (var i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false; return true; }

  function fold(c, prev) {
    var n = c.charCodeAt(0);
    if ((n >= 0x30A1 && n <= 0x30F6) || n === 0x30FD || n === 0x30FE) { c = String.fromCharCode(n - 0x60); n -= 0x60; }
    if (isDash(c) && prev && isHiragana(prev)) return LONG;
    if ((n === 0x3005 || n === 0x303B) && prev && HAN.test(prev) && prev !== '\u3005') return prev;
    if (n === 0x309D && prev && isHiragana(prev)) return prev;
    if (n === 0x309E && prev && isHiragana(prev)) {
      var v = (prev + '\u3099').normalize('NFC');
      return v.length === 1 ? v : prev;
    }
    return c;
  }

  /* Normalised text, and for each of its UTF-16 units the input range [start, end) it came from. */
  function normalizeWithOffsets(s) {
    var out = [], start = [], end = [];
    var i = 0, n = s.length;
    while (i < n) {
      var j = i + (s.codePointAt(i) > 0xFFFF ? 2 : 1);
      while (j < n && isCombining(s.codePointAt(j))) j += s.codePointAt(j) > 0xFFFF ? 2 : 1;
      var cluster = s.slice(i, j);
      var folded = isAscii(cluster) ? cluster.toLowerCase() : cluster.normalize('NFKC').toLowerCase();
      for (var k = 0; k < folded.length; k++) {
        var c = fold(folded.charAt(k), out.length ? out[out.length - 1] : '');
        out.push(c); start.push(i); end.push(j);
      }
      i = j;
    }
    var text = '', st = [], en = [];
    for (var m = 0; m < out.length; m++) {
      var ch = out[m];
      if (ch === LONG && m > 0 && isHiragana(out[m - 1])
          && (m + 1 === out.length || (!isHiragana(out[m + 1]) && out[m + 1] !== LONG))) continue;
      text += ch; st.push(start[m]); en.push(end[m]);
    }
    return { text: text, start: st, end: en };
  }
  function normalize(s) { return normalizeWithOffsets(s).text; }

  /* ---------------------------------------------------------------- runs and terms (Tokenizer) */

  function isCjk(cp) {
    if (cp < 0x1100) return false;
    if (cp === 0x30FC) return true;
    return CJK.test(String.fromCodePoint(cp));
  }
  function isWordChar(cp) {
    if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
    return WORD.test(String.fromCodePoint(cp));
  }
  function isDigit(c) { return c >= '0' && c <= '9'; }
  function size(cp) { return cp > 0xFFFF ? 2 : 1; }

  function stem(w) {
    var n = w.length;
    if (n < 4 || w.charAt(n - 1) !== 's') return w;
    if (!/^[a-z]+$/.test(w)) return w;
    if (n > 4 && w.slice(-3) === 'ies') return w.slice(0, n - 3) + 'y';
    if (/(ss|us|is)$/.test(w)) return w;
    return w.slice(0, n - 1);
  }

  function runs(norm) {
    var out = [], n = norm.length, i = 0;
    while (i < n) {
      var c = norm.codePointAt(i);
      if (isCjk(c)) {
        var j = i;
        while (j < n && isCjk(norm.codePointAt(j))) j += size(norm.codePointAt(j));
        out.push({ text: norm.slice(i, j), cjk: true, start: i, end: j });
        i = j;
      } else if (isWordChar(c)) {
        var k = i, w = '';
        while (k < n) {
          var d = norm.codePointAt(k);
          if (isWordChar(d) && !isCjk(d)) { w += String.fromCodePoint(d); k += size(d); }
          else if ((d === 44 || d === 46) && k > i && isDigit(norm.charAt(k - 1)) && k + 1 < n && isDigit(norm.charAt(k + 1))) {
            if (d === 46) w += '.';
            k++;
          } else break;
        }
        out.push({ text: stem(w), cjk: false, start: i, end: k });
        i = k;
      } else {
        i += size(c);
      }
    }
    return out;
  }

  function bigrams(t) {
    var cps = Array.from(t), out = [];
    for (var k = 0; k + 1 < cps.length; k++) out.push(cps[k] + cps[k + 1]);
    return out;
  }

  /* ---------------------------------------------------------------- the index files (Postings, Shards) */

  var DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  var DIGIT = {};
  for (var di = 0; di < DIGITS.length; di++) DIGIT[DIGITS.charAt(di)] = di;

  /* Into map: section key (page * 65536 + section) -> highest class. */
  function decodeInto(s, map) {
    var acc = 0, page = 0, first = true;
    for (var i = 0; i < s.length; i++) {
      var d = DIGIT[s.charAt(i)];
      acc = acc * 32 + (d & 31);
      if (d >= 32) continue;
      if (first) page += acc;
      else {
        var key = page * 65536 + (acc >>> 2), cls = acc & 3;
        if (!(key in map) || map[key] < cls) map[key] = cls;
      }
      first = !first;
      acc = 0;
    }
  }

  function shardKey(term) {
    var c = term.codePointAt(0);
    if (isCjk(c)) return String.fromCodePoint(c);
    return term.length <= 2 ? term : term.slice(0, 2);
  }
  function shardOf(term, shards) {
    if (shards <= 1) return 0;
    var k = shardKey(term), h = 0x811c9dc5;
    for (var i = 0; i < k.length; i++) { h ^= k.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    return (h >>> 0) % shards;
  }

  var state = { manifest: null, shards: {}, pages: {}, loading: {}, bridges: null };

  function load(src) {
    if (state.loading[src]) return state.loading[src];
    state.loading[src] = new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = function () { resolve(); };
      s.onerror = function () { delete state.loading[src]; reject(new Error('cannot load ' + src)); };
      document.head.appendChild(s);
    });
    return state.loading[src];
  }

  var api = window.casebookSearch = {
    i: function (m) {
      state.manifest = m;
      if (!m.shards) { state.shards[0] = m.terms; for (var p = 0; p < m.pages.length; p++) state.pages[p] = m.pages[p]; }
    },
    t: function (n, terms) { state.shards[n] = terms; },
    p: function (n, page) { state.pages[n] = page; },
    normalize: normalize,
    normalizeWithOffsets: normalizeWithOffsets,
    runs: runs
  };

  function manifest() {
    if (state.manifest) return Promise.resolve(state.manifest);
    return load(base + 'index.js').then(function () {
      if (!state.manifest) throw new Error('index.js did not load');
      return state.manifest;
    });
  }
  function shard(n) {
    if (state.shards[n]) return Promise.resolve(state.shards[n]);
    return load(base + 't/' + n + '.js').then(function () { return state.shards[n] || {}; });
  }
  function page(n) {
    if (state.pages[n]) return Promise.resolve(state.pages[n]);
    return load(base + 'p/' + n + '.js').then(function () { return state.pages[n]; });
  }

  /* ---------------------------------------------------------------- ranking (Searcher) */

  var WEIGHTS = [1, 1.5, 2.5, 4];
  var PREFIX_LIMIT = 50;
  var PAGE_SIZE = 10;
  var TITLE = 2;
  var EXACT = 0, PREFIX = 1, CHAR = 2;

  function wordy(c) { var cp = c.codePointAt(0); return isWordChar(cp) && !isCjk(cp); }
  function containsTerm(norm, term) {
    var from = 0;
    while (true) {
      var at = norm.indexOf(term, from);
      if (at < 0) return false;
      var end = at + term.length;
      var startOk = at === 0 || !wordy(term.charAt(0)) || !wordy(norm.charAt(at - 1));
      var endOk = end === norm.length || !wordy(term.charAt(term.length - 1)) || !wordy(norm.charAt(end));
      if (startOk && endOk) return true;
      from = at + 1;
    }
  }

  function variant(norm, typing) {
    var rs = runs(norm), slots = [], seen = {}, phrases = [];
    for (var i = 0; i < rs.length; i++) {
      var r = rs[i], last = i === rs.length - 1;
      if (!r.cjk) {
        var kind = last && typing && r.end === norm.length && r.text.length >= 2 ? PREFIX : EXACT;
        if (!seen[kind + r.text]) { seen[kind + r.text] = 1; slots.push({ term: r.text, kind: kind }); }
        continue;
      }
      var len = Array.from(r.text).length;
      if (len >= 3) phrases.push(r.text);
      if (len === 1) {
        if (!seen['c' + r.text]) { seen['c' + r.text] = 1; slots.push({ term: r.text, kind: CHAR }); }
        continue;
      }
      bigrams(r.text).forEach(function (t) {
        if (!seen[EXACT + t]) { seen[EXACT + t] = 1; slots.push({ term: t, kind: EXACT }); }
      });
    }
    return { slots: slots, phrases: phrases, runs: rs };
  }

  function postings(slot) {
    var n = state.manifest.shards;
    return shard(shardOf(slot.term, n)).then(function (terms) {
      var keys = [];
      if (slot.kind === EXACT) {
        if (Object.prototype.hasOwnProperty.call(terms, slot.term)) keys.push(slot.term);
      } else {
        var all = Object.keys(terms).sort();
        var cp = slot.term.codePointAt(0);
        for (var i = 0; i < all.length; i++) {
          var k = all[i];
          var match = slot.kind === PREFIX ? k.indexOf(slot.term) === 0 : k.codePointAt(0) === cp;
          if (match) keys.push(k);
          if (slot.kind === PREFIX && keys.length >= PREFIX_LIMIT) break;
        }
      }
      var map = {};
      keys.forEach(function (k) { decodeInto(terms[k], map); });
      return map;
    });
  }

  function bridgesOf(m) {
    if (!state.bridges) state.bridges = m.bridges.map(function (b) { return [normalize(b[0]), b[1], b[0]]; });
    return state.bridges;
  }

  /* The ranked pages of a query: {pages: [{page, sections: {section: [score per variant]}}], variants, notes}. */
  function rank(query) {
    return manifest().then(function (m) {
      var norm = normalize(query);
      var typing = query.length > 0 && ' \t\n\u3000'.indexOf(query.charAt(query.length - 1)) < 0;
      var variants = [variant(norm, typing)], notes = [];
      bridgesOf(m).forEach(function (b) {
        if (variants.length > 3) return;
        if (b[0] && containsTerm(norm, b[0])) {
          variants.push(variant(norm.split(b[0]).join(normalize(b[1])), typing));
          notes.push([b[2], b[1]]);
        }
      });
      var total = m.sections;
      var jobs = variants.map(function (v) { return Promise.all(v.slots.map(postings)); });
      return Promise.all(jobs).then(function (perVariant) {
        var scores = {}, full = false, absent = [];
        perVariant.forEach(function (lists, vi) {
          var slots = variants[vi].slots.length;
          if (!slots) return;
          var acc = {}, perPage = {};
          lists.forEach(function (map, si) {
            var keys = Object.keys(map);
            var slot = variants[vi].slots[si];
            if (!keys.length && vi === 0 && slot.kind !== CHAR && !isCjk(slot.term.codePointAt(0))) absent.push(slot.term);
            if (!keys.length) return;
            var hit = {};
            keys.forEach(function (k) { hit[Math.floor(+k / 65536)] = 1; });
            Object.keys(hit).forEach(function (p) { perPage[p] = (perPage[p] || 0) + 1; });
            var idf = Math.log(1 + total / keys.length);
            keys.forEach(function (k) {
              var a = acc[k] || (acc[k] = [0, 0]);
              a[0] += idf * WEIGHTS[map[k]];
              a[1]++;
            });
          });
          Object.keys(perPage).forEach(function (p) { if (perPage[p] === slots) full = true; });
          Object.keys(acc).forEach(function (k) {
            var mm = acc[k][1];
            if (mm * 2 < slots) return;
            var cov = mm / slots;
            var per = scores[k] || (scores[k] = variants.map(function () { return 0; }));
            per[vi] = acc[k][0] * cov * cov * cov * (+k % 65536 === 0 ? TITLE : 1);
          });
        });
        var byPage = {};
        Object.keys(scores).forEach(function (k) {
          var key = +k, p = Math.floor(key / 65536);
          (byPage[p] || (byPage[p] = [])).push(key);
        });
        var pages = Object.keys(byPage).map(function (p) {
          var r = { page: +p, keys: byPage[p] };
          r.score = pageScore(r, scores, null, variants).score;
          return r;
        });
        pages.sort(byScore);
        /* partial: no page holds every term of the query (nor of a glossary variant), so the pages shown hold
           only part of it; absent: the query's words that are nowhere in the collection */
        return {
          pages: pages, scores: scores, variants: variants, notes: notes, norm: norm,
          partial: pages.length > 0 && !full, absent: absent
        };
      });
    });
  }

  function byScore(a, b) { return b.score - a.score || a.page - b.page; }

  /* The page's score from its best sections (with its text: after the phrase check) and those sections. */
  function pageScore(r, scores, text, variants) {
    var secs = r.keys.map(function (key) {
      var per = scores[key], section = key % 65536, best = 0, sec = null, hay = null;
      if (text) { sec = text[2][section]; hay = normalize(sec[1] + ' ' + sec[2]); }
      for (var v = 0; v < per.length; v++) {
        var s = per[v];
        if (s > 0 && hay !== null) {
          var found = 0;
          variants[v].phrases.forEach(function (ph) { if (hay.indexOf(ph) >= 0) found++; });
          s *= 1 + found;
        }
        if (s > best) best = s;
      }
      return { section: section, score: best, sec: sec };
    });
    secs.sort(function (a, b) { return b.score - a.score || a.section - b.section; });
    var score = 0, hits = [];
    for (var i = 0; i < secs.length && i < 3; i++) {
      score += (i === 0 ? 1 : 0.25) * secs[i].score;
      if (secs[i].sec) hits.push(secs[i]);
    }
    return { score: score, hits: hits };
  }

  /* Pages [from, from + count) of a ranking, with their text, re-ranked among themselves after the phrase check. */
  function details(ranked, from, count) {
    var slice = ranked.pages.slice(from, from + count);
    return Promise.all(slice.map(function (r) { return page(r.page); })).then(function (texts) {
      var out = slice.map(function (r, i) {
        var s = pageScore(r, ranked.scores, texts[i], ranked.variants);
        return { page: r.page, score: s.score, url: texts[i][0], title: texts[i][1], hits: s.hits };
      });
      out.sort(byScore);
      return out;
    });
  }

  /* For tests and other scripts: the first page of results of a query, as plain data. */
  api.search = function (query) {
    return rank(query).then(function (ranked) {
      return details(ranked, 0, PAGE_SIZE).then(function (list) {
        return {
          total: ranked.pages.length,
          notes: ranked.notes,
          partial: ranked.partial,
          absent: ranked.absent,
          results: list.map(function (r) {
            return { url: r.url, title: r.title, score: r.score, sections: r.hits.map(function (h) { return h.sec[0]; }) };
          })
        };
      });
    });
  };

  /* ---------------------------------------------------------------- snippets */

  /* Ranges [a, b) of normalised text to mark: the query's runs whole, else their bigrams; words as prefixes. */
  function needles(ranked) {
    var out = [];
    ranked.variants.forEach(function (v) {
      v.runs.forEach(function (r) { out.push(r); });
    });
    return out;
  }

  /* A word ends at e in norm: at a boundary, or before a plural ending (s, es) and a boundary. */
  function wordEnds(norm, e) {
    if (e >= norm.length || !wordy(norm.charAt(e))) return e;
    var rest = norm.slice(e, e + 3);
    if (/^s(?![\p{L}\p{N}])/u.test(rest)) return e + 1;
    if (/^es(?![\p{L}\p{N}])/u.test(rest)) return e + 2;
    return -1;
  }

  function markRanges(norm, runsToFind, prefix) {
    var ranges = [];
    function all(needle, word, open) {
      if (!needle) return 0;
      var from = 0, found = 0;
      while (true) {
        var at = norm.indexOf(needle, from);
        if (at < 0) break;
        var e = at + needle.length;
        if (word) e = at > 0 && wordy(norm.charAt(at - 1)) ? -1 : open ? e : wordEnds(norm, e);
        if (e >= 0) { ranges.push([at, e]); found++; }
        from = at + needle.length;
      }
      return found;
    }
    runsToFind.forEach(function (r) {
      if (!r.cjk) { all(r.text, true, r === prefix); return; }
      if (all(r.text, false) === 0) bigrams(r.text).forEach(function (b) { all(b, false); });
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  /* Where a cut at i falls inside a word (letters on both sides), the nearest space within 20 characters in the
     direction given (+1 forward, -1 back), so a snippet never starts or ends with half a word; i itself when
     there is none (Japanese text, which has no spaces, is cut anywhere). */
  function wordCut(text, i, dir) {
    if (i <= 0 || i >= text.length || !wordy(text.charAt(i - 1)) || !wordy(text.charAt(i))) return i;
    for (var k = 1; k <= 20; k++) {
      var j = i + dir * k;
      if (j <= 0 || j >= text.length) return i;
      if (text.charAt(j) === ' ') return dir > 0 ? j + 1 : j;
    }
    return i;
  }

  /* A snippet of text around the first match, as DOM nodes with <mark>; a heading (whole) is shown in full. */
  function snippet(text, runsToFind, whole, prefix) {
    var frag = document.createDocumentFragment();
    if (!text) return frag;
    var n = normalizeWithOffsets(text);
    var ranges = markRanges(n.text, runsToFind, prefix).map(function (r) { return [n.start[r[0]], n.end[r[1] - 1]]; });
    var first = ranges.length ? ranges[0][0] : 0;
    var a = whole ? 0 : wordCut(text, Math.max(0, first - 30), 1);
    var b = whole ? text.length : wordCut(text, Math.min(text.length, first + 90), -1);
    if (a > first) a = Math.max(0, first - 30);
    if (b <= first) b = Math.min(text.length, first + 90);
    if (a > 0) frag.appendChild(document.createTextNode('…'));
    var at = a;
    ranges.forEach(function (r) {
      if (r[1] <= a || r[0] >= b) return;
      var s = Math.max(r[0], a), e = Math.min(r[1], b);
      if (s > at) frag.appendChild(document.createTextNode(text.slice(at, s)));
      var mk = document.createElement('mark');
      mk.textContent = text.slice(s, e);
      frag.appendChild(mk);
      at = e;
    });
    if (at < b) frag.appendChild(document.createTextNode(text.slice(at, b)));
    if (b < text.length) frag.appendChild(document.createTextNode('…'));
    return frag;
  }

  /* ---------------------------------------------------------------- the page */

  var root = document.getElementById('search');
  var base = '';
  if (!root) return;
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var note = document.getElementById('search-note');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var nojs = document.getElementById('search-nojs');
  var text = root.dataset;
  base = text.base || '';

  form.hidden = false;
  if (nojs) nojs.hidden = true;
  root.classList.add('search--ready');

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, k) { return values[k] !== undefined ? values[k] : all; });
  }

  var current = null, shown = 0, seq = 0, timer = 0;

  function clear() {
    current = null; shown = 0;
    list.textContent = '';
    status.textContent = '';
    note.hidden = true; note.textContent = '';
    more.hidden = true;
    root.removeAttribute('aria-busy');
  }

  function setUrl(q) {
    try {
      var u = new URL(location.href);
      if (q) u.searchParams.set('q', q); else u.searchParams.delete('q');
      history.replaceState(null, '', u.toString());
    } catch (e) { /* file:// in some browsers: the address just does not follow */ }
  }

  function run(q, fromUrl) {
    var my = ++seq;
    if (!q.trim()) { clear(); setUrl(''); return Promise.resolve(); }
    root.setAttribute('aria-busy', 'true');
    if (!fromUrl) setUrl(q);
    return rank(q).then(function (ranked) {
      if (my !== seq) return;
      current = ranked; shown = 0;
      list.textContent = '';
      var said = ranked.notes.map(function (x) { return fill(text.bridge, { from: x[0], to: x[1] }); });
      if (ranked.partial) {
        said.push(fill(text.partial, { q: q.trim() }));
        ranked.absent.forEach(function (w) { said.push(fill(text.absent, { w: w })); });
      }
      note.hidden = !said.length;
      note.textContent = said.join(' ');
      return showMore(my);
    }).catch(function () {
      if (my !== seq) return;
      root.removeAttribute('aria-busy');
      status.textContent = text.failed;
    });
  }

  function showMore(my) {
    var ranked = current;
    var from = shown;
    return details(ranked, from, PAGE_SIZE).then(function (pages) {
      if (my !== seq) return;
      var finds = needles(ranked);
      /* the word being typed is marked wherever a word starts with it */
      var typed = null;
      ranked.variants.forEach(function (v) {
        v.slots.forEach(function (sl) {
          if (sl.kind === PREFIX) typed = v.runs.filter(function (r) { return !r.cjk && r.text === sl.term; }).pop() || typed;
        });
      });
      var firstNew = null;
      pages.forEach(function (r) {
        var li = document.createElement('li');
        li.className = 'search-result';
        var h = document.createElement('h2');
        h.className = 'search-result__title';
        var a = document.createElement('a');
        a.href = '../' + r.url;
        a.textContent = r.title;
        h.appendChild(a);
        li.appendChild(h);
        if (!firstNew) firstNew = a;
        var ul = document.createElement('ul');
        ul.className = 'search-result__sections';
        r.hits.forEach(function (hit) {
          var sec = hit.sec;
          var item = document.createElement('li');
          item.className = 'search-result__section';
          if (sec[0]) {
            var link = document.createElement('a');
            link.href = '../' + r.url + '#' + encodeURIComponent(sec[0]);
            link.className = 'search-result__heading';
            link.appendChild(snippet(sec[1], finds, true, typed));
            item.appendChild(link);
          }
          if (sec[2]) {
            var p = document.createElement('p');
            p.className = 'search-result__snippet';
            p.appendChild(snippet(sec[2], finds, false, typed));
            item.appendChild(p);
          }
          if (item.firstChild) ul.appendChild(item);
        });
        if (ul.firstChild) li.appendChild(ul);
        list.appendChild(li);
      });
      shown = from + pages.length;
      var total = ranked.pages.length;
      status.textContent = total === 0 ? fill(text.none, { q: input.value.trim() })
          : fill(total === 1 ? text.one : text.many, { n: total });
      more.hidden = shown >= total;
      root.removeAttribute('aria-busy');
      return firstNew;
    });
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 250);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  more.addEventListener('click', function () {
    if (!current) return;
    showMore(seq).then(function (first) { if (first) first.focus(); });
  });
  root.addEventListener('keydown', function (e) {
    var ls, i;
    if (e.key === 'Escape') {
      if (!input.value && !list.firstChild) return;
      e.preventDefault();
      clearTimeout(timer);
      seq++;
      input.value = '';
      clear();
      setUrl('');
      input.focus();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    ls = links();
    if (!ls.length) return;
    i = ls.indexOf(document.activeElement);
    if (document.activeElement === input) {
      if (e.key !== 'ArrowDown') return;
      e.preventDefault();
      ls[0].focus();
      return;
    }
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowDown') { if (i + 1 < ls.length) ls[i + 1].focus(); }
    else if (i === 0) input.focus();
    else ls[i - 1].focus();
  });
  /* the index starts loading when the reader is about to search, not with the page */
  input.addEventListener('focus', function () { manifest().catch(function () { }); }, { once: true });

  var q = new URLSearchParams(location.search).get('q');
  if (q) { input.value = q; run(q, true); }
})();
