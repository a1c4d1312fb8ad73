/**
 * Site search that reads Japanese: the build-time index (text taken from each rendered page's sections,
 * normalised, cut into CJK bigrams and single characters or into words, weighted by where the text
 * stands) written as JavaScript files the browser script {@code search.js} loads with {@code <script>},
 * so it works from disk and under any sub-path. {@link casebook.search.SearchNormalizer} and
 * {@link casebook.search.Tokenizer} are written a second time in that script; the browser suite feeds
 * both the same strings. {@link casebook.search.Searcher} is the script's ranking in Java, for tests and
 * for measuring what a query loads.
 */
package casebook.search;
