package casebook.markdown;

import casebook.text.LinkTargets;
import casebook.text.Formats;
import casebook.diag.Diagnostics;
import casebook.frontmatter.YamlNode;
import casebook.safety.RawHtml;
import casebook.safety.UrlPolicy;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 3 (per slug, beside the translation checks and the templates): renders a page body to HTML.
 * One Flexmark {@link Parser} and {@link HtmlRenderer} are built per build and shared by all threads
 * (both are immutable once built). The body is first split into Markdown and fenced containers
 * ({@link ContainerSplitter}); containers are rendered by {@link Containers}. Problems (unknown ids, a
 * data key that data.yaml lacks, raw HTML the safelist removes) are reported at their Markdown line.
 */
public final class MarkdownRenderer {
    public static final List<String> CONTAINERS = List.of("keypoint", "basic-info", "summary-table", "figure", "note",
            "credit", "infocard", "participants", "dialogue");

    private static final Pattern DATA_REF = Pattern.compile("\\{\\{\\s*data\\.([A-Za-z0-9_.-]+)\\s*\\}\\}");

    private final Parser parser;
    private final HtmlRenderer flexmarkRenderer;
    private final AstRenderer renderer;
    private final Containers containers = new Containers(this);

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), DefinitionExtension.create()));
        options.set(TablesExtension.CLASS_NAME, "table");
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        // Heading ids are ours (HeadingIds); Flexmark's generator would walk every document for nothing.
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        // Write the HTML as rendered: no per-character line, indent and whitespace bookkeeping.
        options.set(HtmlRenderer.FORMAT_FLAGS, HtmlRenderer.PASS_THROUGH);
        parser = LinearInlineParser.install(Parser.builder(options)).build();
        flexmarkRenderer = HtmlRenderer.builder(options).nodeRendererFactory(o -> new CasebookNodeRenderer()).build();
        renderer = new AstRenderer(flexmarkRenderer, options, TablesExtension.CLASS_NAME.get(options));
    }

    public RenderedBody render(RenderRequest request, Diagnostics diagnostics) {
        Diagnostics local = new Diagnostics();
        PageState state = new PageState(request, local);
        CasebookNodeRenderer.STATE.set(state);
        try {
            List<Segment> segments = ContainerSplitter.split(request.body(), request.bodyStartLine(), request.display(),
                    CONTAINERS, diagnostics);
            StringBuilder html = new StringBuilder(request.body().length() * 2);
            renderSegments(segments, state, html);
            String out = html.toString();
            List<OutlineHeading> headings = List.copyOf(state.headings);
            return new RenderedBody(out, headings, state.ids, List.copyOf(state.links),
                    List.copyOf(state.structure), new SectionHashes(request.body(), request.bodyStartLine(), headings), local.kept());
        } catch (StackOverflowError e) {
            // a last resort: MarkdownLimits keeps every known construct within the stack
            local.error(request.display(), request.bodyStartLine(), 1, "page too deeply nested to render",
                    "flatten nested lists, quotes, emphasis and containers (docs/security.md, Limits)");
            return new RenderedBody("", List.of(), state.ids, List.of(), List.of(),
                    new SectionHashes(request.body(), request.bodyStartLine(), List.of()), local.kept());
        } finally {
            CasebookNodeRenderer.STATE.remove();
            for (casebook.diag.Diagnostic x : local.kept()) diagnostics.report(x);
        }
    }

    void renderSegments(List<Segment> segments, PageState state, StringBuilder out) {
        for (Segment s : segments) {
            if (s instanceof Segment.Markdown md) {
                out.append(html(parse(md, state)));
            } else {
                containers.render((Segment.Container) s, state, out);
            }
        }
    }

    /** Parses one Markdown segment and records its headings, links, lists and tables. */
    Document parse(Segment.Markdown md, PageState state) {
        String text = substituteData(md.text(), md.startLine(), state);
        Document doc = MarkdownLimits.parse(parser, text, md.startLine(), state);
        if (analyse(doc, md.startLine(), state)) state.rawHtmlDocuments.add(doc);
        return doc;
    }

    /**
     * The HTML of a parsed node. When its segment holds raw HTML, the segment's rendered HTML goes
     * through {@link RawHtml#clean} (jsoup's Cleaner with casebook's safelist). Why the rendered HTML of
     * the whole run of Markdown rather than each raw HTML node: inline raw HTML is split by Flexmark into
     * one node per tag ({@code <span>}, the text, {@code </span>}), and an HTML block that opens a
     * {@code <div>} is often closed by another block after some Markdown; only the run as a whole is
     * balanced HTML, and cleaning it whole also keeps an unclosed tag from reaching into the page's own
     * markup. Runs without raw HTML (almost all of them) are not parsed again, so they cost nothing and
     * their bytes stay exactly as rendered. What Markdown itself writes is on the safelist, so the
     * cleaning removes only what the editor's raw HTML brought (each removal was reported when parsed).
     */
    String html(Node node) {
        String html = renderer.render(node);
        PageState state = CasebookNodeRenderer.STATE.get();
        return state != null && !state.rawHtmlDocuments.isEmpty() && state.rawHtmlDocuments.contains(node.getDocument())
                ? RawHtml.clean(html) : html;
    }

    /** The same node through Flexmark's own renderer (what {@link AstRenderer} must match). */
    String flexmarkHtml(Node node) {
        return flexmarkRenderer.render(node);
    }

    /** Renders one line of inline Markdown (a caption, a dialogue turn) without its paragraph tags. */
    String inline(String text, int line, PageState state) {
        return stripParagraph(html(parse(new Segment.Markdown(text, line), state)));
    }

    /** The HTML of a single paragraph without its {@code <p>} tags (tight list items have none). */
    static String stripParagraph(String html) {
        String h = html.strip();
        return h.startsWith("<p>") && h.endsWith("</p>") ? h.substring(3, h.length() - 4) : h;
    }

    static String headingId(Heading node) {
        PageState state = CasebookNodeRenderer.STATE.get();
        return state == null ? null : state.headingNodeIds.get(node);
    }

    /** Records headings, links, lists, tables and raw HTML of a parsed segment; true when it holds raw HTML. */
    private boolean analyse(Document doc, int startLine, PageState state) {
        boolean rawHtml = false;
        List<Node> refused = new ArrayList<>();
        List<RefNode> refs = new ArrayList<>();
        for (Node node : doc.getDescendants()) {
            if (node instanceof Heading h) {
                heading(h, doc, startLine, state);
            } else if (node instanceof Link link) {
                String url = link.getUrl().unescape();
                state.links.add(new LinkUse(url, line(doc, node, startLine), column(doc, node)));
                if (!UrlPolicy.allows(url)) {
                    refused.add(node);
                } else {
                    String file = LinkTargets.withIndexFile(url);
                    if (!file.equals(url)) link.setUrl(literal(file));
                }
            } else if (node instanceof Image image) {
                String url = image.getUrl().unescape();
                state.links.add(new LinkUse(url, line(doc, node, startLine), column(doc, node)));
                if (!UrlPolicy.allows(url)) refused.add(node);
            } else if (node instanceof AutoLink link) {
                String url = link.getText().toString();
                if (!UrlPolicy.allows(url)) {
                    state.links.add(new LinkUse(url, line(doc, node, startLine), column(doc, node)));
                    refused.add(node);
                }
            } else if (node instanceof Reference ref) {
                // a definition is checked once, where its URL is written; its uses become plain links below
                int at = ref.getUrl().isNull() ? ref.getStartOffset() : ref.getUrl().getStartOffset();
                state.links.add(new LinkUse(ref.getUrl().unescape(), lineAt(doc, at, startLine), columnAt(doc, at)));
            } else if (node instanceof RefNode ref && ref.isDefined()) {
                refs.add(ref);
            } else if (node instanceof ListBlock list) {
                int items = 0;
                for (Node c = list.getFirstChild(); c != null; c = c.getNext()) items++;
                state.structure(list instanceof OrderedList ? StructureKind.OL : StructureKind.UL, String.valueOf(items), line(doc, node, startLine));
            } else if (node instanceof TableBlock table) {
                int rows = 0;
                // the rows a reader sees: Flexmark keeps the |---| line as a row of its own
                for (Node r : table.getDescendants()) {
                    if (r instanceof TableRow && !(r.getParent() instanceof com.vladsch.flexmark.ext.tables.TableSeparator)) rows++;
                }
                state.structure(StructureKind.TABLE, String.valueOf(rows), line(doc, node, startLine));
            } else if (node instanceof HtmlBlock || node instanceof HtmlInline) {
                rawHtml = true;
                inspectRawHtml(node, doc, startLine, state);
            }
        }
        for (RefNode ref : refs) resolveReference(ref, doc, refused);
        for (Node node : refused) neutralise(node);
        return rawHtml;
    }

    /**
     * A reference link ({@code [text][ref]}, {@code ![alt][ref]}) becomes the plain link or image its
     * definition describes, so it is rewritten ({@link LinkTargets#withIndexFile}), refused by the
     * {@link UrlPolicy} and rendered exactly like an inline one. Its definition was checked where it is written.
     */
    private static void resolveReference(RefNode ref, Document doc, List<Node> refused) {
        Reference def = ref.getReferenceNode(doc);
        if (def == null) return;
        String url = def.getUrl().unescape();
        boolean allowed = UrlPolicy.allows(url);
        LinkNodeBase plain = ref instanceof ImageRef ? new Image() : new Link();
        plain.setChars(ref.getChars());
        plain.setUrl(literal(allowed && plain instanceof Link ? LinkTargets.withIndexFile(url) : url));
        if (def.getTitle().isNotNull()) plain.setTitle(def.getTitle());
        for (Node c = ref.getFirstChild(); c != null; ) {
            Node next = c.getNext();
            c.unlink();
            plain.appendChild(c);
            c = next;
        }
        ref.insertBefore(plain);
        ref.unlink();
        if (!allowed) refused.add(plain);
    }

    /**
     * A link or image whose URL the {@link UrlPolicy} refuses (reported by the link check) is published
     * without it: a link keeps its text, an autolink becomes its text, an image is left out.
     */
    private static void neutralise(Node node) {
        if (node instanceof AutoLink a) {
            node.insertBefore(new Text(a.getText()));
        } else if (node instanceof Link) {
            for (Node c = node.getFirstChild(); c != null; ) {
                Node next = c.getNext();
                c.unlink();
                node.insertBefore(c);
                c = next;
            }
        }
        node.unlink();
    }

    /** A sequence whose unescaped text is {@code s} (backslashes and ampersands escaped for Flexmark). */
    private static BasedSequence literal(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('&') < 0) return BasedSequence.of(s);
        return BasedSequence.of(s.replace("\\", "\\\\").replace("&", "\\&"));
    }

    /**
     * Raw HTML is parsed as the cleaner will parse it ({@link RawHtml#inspect}): each thing the cleaning
     * removes is a warning at its own line and column, a URL the policy refuses goes to the link check
     * (an error there), and the kept href, src and id attributes are checked and collected like
     * Markdown links and heading ids.
     */
    private static void inspectRawHtml(Node node, Document doc, int startLine, PageState state) {
        List<RawHtml.Removal> removals = new ArrayList<>();
        List<RawHtml.Kept> kept = new ArrayList<>();
        RawHtml.inspect(node.getChars().toString(), removals, kept);
        for (RawHtml.Kept k : kept) {
            int at = node.getStartOffset() + k.offset();
            if (k.attribute().equals("id")) state.ids.add(k.value());
            else state.links.add(new LinkUse(k.value(), lineAt(doc, at, startLine), columnAt(doc, at)));
        }
        for (RawHtml.Removal r : removals) {
            int at = node.getStartOffset() + r.offset();
            if (r.url() != null) {
                state.links.add(new LinkUse(r.url(), lineAt(doc, at, startLine), columnAt(doc, at)));
            } else {
                state.diagnostics.warning(state.request.display(), lineAt(doc, at, startLine), columnAt(doc, at),
                        "raw HTML removed: " + r.removed() + " (" + r.why() + ")", "delete it from the Markdown");
            }
        }
    }

    private void heading(Heading h, Document doc, int startLine, PageState state) {
        int line = line(doc, h, startLine);
        String explicit = null;
        Node last = h.getLastChild();
        String lastText = last instanceof Text ? NodeHtml.string(last.getChars()) : null;
        if (lastText != null && lastText.indexOf('{') >= 0) {
            Text t = (Text) last;
            Matcher m = HeadingIds.EXPLICIT.matcher(lastText);
            if (m.find()) {
                explicit = m.group(1);
                t.setChars(t.getChars().subSequence(0, m.start()));
            }
        }
        String text = plainText(h).strip();
        String id;
        if (explicit != null) {
            if (!HeadingIds.VALID.matcher(explicit).matches()) {
                state.diagnostics.error(state.request.display(), line, 1, "heading id \"" + explicit + "\" is not valid",
                        "use ASCII letters, digits and hyphens, starting with a letter, e.g. {#basic-info}");
            }
            if (state.headingIds.isUsed(explicit)) {
                state.diagnostics.error(state.request.display(), line, 1, "heading id \"" + explicit + "\" is used twice on this page",
                        "give this heading another id");
            }
            id = state.headingIds.claim(explicit);
        } else {
            id = state.headingIds.claim(HeadingIds.slugify(text));
        }
        state.headingNodeIds.put(h, id);
        state.ids.add(id);
        state.headings.add(new OutlineHeading(h.getLevel(), text, id, line, state.request.markJapanese()));
        state.lastHeadingId = id;
        if (h.getLevel() <= 3) state.section = id;
        state.structure(StructureKind.heading(h.getLevel()), id, line);
    }

    /** The text of a heading's inline content (text, code, link text), without markup. */
    private static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node n : node.getDescendants()) {
            if (n instanceof Text || n instanceof com.vladsch.flexmark.ast.Code
                    || n instanceof com.vladsch.flexmark.ast.HtmlEntity) {
                sb.append(n instanceof com.vladsch.flexmark.ast.Code c ? c.getText() : NodeHtml.plain(n.getChars()));
            } else if (n instanceof com.vladsch.flexmark.ast.SoftLineBreak) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private String substituteData(String text, int startLine, PageState state) {
        if (text.indexOf("{{") < 0) return text;
        Matcher m = DATA_REF.matcher(text);
        StringBuilder out = new StringBuilder();
        int checked = 0;
        while (m.find()) {
            warnMalformedReferences(text, checked, m.start(), startLine, state);
            checked = m.end();
            YamlNode value = lookup(state.request.data(), m.group(1));
            if (value == null && state.request.dataUnreadable()) {
                m.appendReplacement(out, "");
            } else if (value == null || !value.isScalar()) {
                int line = textLine(text, m.start(), startLine);
                int column = textColumn(text, m.start());
                if (value != null && value.value() != null) {
                    state.diagnostics.error(state.request.display(), line, column, "data key \"" + m.group(1)
                            + "\" in " + state.request.dataDisplay() + " holds a " + (value.isList() ? "list" : "set of keys")
                            + ", not one value", "refer to one value inside it (e.g. {{ data." + m.group(1) + ".<key> }}),"
                            + " or show it with a container such as :::basic-info");
                } else {
                    state.diagnostics.error(state.request.display(), line, column,
                            "data key \"" + m.group(1) + "\" is not in " + (state.request.dataDisplay() == null
                                    ? "a data.yaml (this page has none)" : state.request.dataDisplay()),
                            "add \"" + m.group(1) + ": <value>\" to data.yaml beside this page, or correct the key");
                }
                m.appendReplacement(out, "");
            } else {
                String v = value.value() instanceof Long n ? Formats.number(n) : value.text();
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
        }
        m.appendTail(out);
        warnMalformedReferences(text, checked, text.length(), startLine, state);
        return out.toString();
    }

    /**
     * Whether the "{{" at {@code i} is example text rather than a mistyped reference: escaped with a
     * backslash, inside a code span (an odd number of backticks before it on its line), on an indented
     * code line, or inside a fenced code block. A close reading of Markdown, not a full one: at worst a
     * warning is not given.
     */
    static boolean inCodeOrEscaped(String text, int i) {
        if (i > 0 && text.charAt(i - 1) == '\\') return true;
        TextIndex idx = TextIndex.of(text);
        int line = idx.lineOf(i);
        int lineStart = idx.starts[line];
        int ticks = idx.ticks[i] - idx.ticks[lineStart];
        if (ticks % 2 == 1 || text.startsWith("    ", lineStart) || text.startsWith("\t", lineStart)) return true;
        return idx.fenced[line];
    }

    /** The file line of an offset into a segment's text (before it is parsed), which starts on {@code startLine}. */
    private static int textLine(String text, int offset, int startLine) {
        return TextIndex.of(text).lineOf(offset) + startLine;
    }

    /**
     * A segment's raw text read once: line starts, backticks before each offset and whether each line
     * starts inside a fenced code block. Positions of many data references then cost O(log n) each, not
     * a scan from the start of the text (quadratic for thousands of references).
     */
    private static final class TextIndex {
        private static final ThreadLocal<TextIndex> LAST = new ThreadLocal<>();
        final String text;
        final int[] starts;
        final int[] ticks;
        final boolean[] fenced;

        private TextIndex(String text) {
            this.text = text;
            int[] found = new int[64];
            int n = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (n == found.length) found = java.util.Arrays.copyOf(found, n * 2);
                found[n++] = i + 1;
            }
            starts = java.util.Arrays.copyOf(found, n);
            ticks = new int[text.length() + 1];
            for (int i = 0; i < text.length(); i++) ticks[i + 1] = ticks[i] + (text.charAt(i) == '`' ? 1 : 0);
            fenced = new boolean[n];
            boolean inFence = false;
            for (int k = 0; k < n; k++) {
                fenced[k] = inFence;
                int end = k + 1 < n ? starts[k + 1] - 1 : text.length();
                String l = text.substring(starts[k], end).stripLeading();
                if (l.startsWith("```") || l.startsWith("~~~")) inFence = !inFence;
            }
        }

        static TextIndex of(String text) {
            TextIndex idx = LAST.get();
            if (idx == null || idx.text != text) {
                idx = new TextIndex(text);
                LAST.set(idx);
            }
            return idx;
        }

        /** 0-based line of an offset. */
        int lineOf(int offset) {
            int i = java.util.Arrays.binarySearch(starts, offset);
            return i >= 0 ? i : -i - 2;
        }
    }

    /** The 1-based column of an offset into a segment's text. */
    private static int textColumn(String text, int offset) {
        TextIndex idx = TextIndex.of(text);
        return offset - idx.starts[idx.lineOf(offset)] + 1;
    }

    /** A "{{" between two data references that starts none: a mistyped reference would be published as it is. */
    private static void warnMalformedReferences(String text, int from, int to, int startLine, PageState state) {
        for (int i = text.indexOf("{{", from); i >= 0 && i < to; i = text.indexOf("{{", i + 2)) {
            if (inCodeOrEscaped(text, i)) continue;
            // what was meant: up to the first "}}", the next "{{" or the end of the line, at most 40 characters
            // searches bounded by those 40 characters, so a long line of "{{" stays linear
            int end = Math.min(text.length(), i + 40);
            for (int k = i; k < end; k++) {
                if (text.charAt(k) == '\n') {
                    end = k;
                    break;
                }
            }
            int next = text.indexOf("{{", i + 2);
            if (next >= 0 && next < end) end = next;
            for (int k = i + 2; k + 2 <= end; k++) {
                if (text.charAt(k) == '}' && text.charAt(k + 1) == '}') {
                    end = k + 2;
                    break;
                }
            }
            String shown = text.substring(i, end);
            state.diagnostics.warning(state.request.display(), textLine(text, i, startLine), textColumn(text, i),
                    "\"" + shown + "\" is not a data reference and is published as written",
                    "write a data reference as {{ data.key }} (the key as in data.yaml, no spaces inside it)");
        }
    }

    static YamlNode lookup(YamlNode data, String path) {
        YamlNode n = data;
        for (String part : path.split("\\.")) {
            if (n == null) return null;
            n = n.get(part);
        }
        return n;
    }

    static int line(Document doc, Node node, int startLine) {
        return lineAt(doc, node.getStartOffset(), startLine);
    }

    /** The file line of an offset into the parsed document. */
    private static int lineAt(Document doc, int offset, int startLine) {
        return lineIndex(doc).lineOf(offset) + startLine;
    }

    /** The 1-based column of an offset into the parsed document. */
    private static int columnAt(Document doc, int offset) {
        LineIndex idx = lineIndex(doc);
        return offset - idx.starts[idx.lineOf(offset)] + 1;
    }

    /** Offsets of line starts in a document's text, computed once: a node's line is a binary search. */
    private static final class LineIndex {
        final CharSequence text;
        final int[] starts;

        /** {@code text} identifies the document; {@code chars} is the same text, read faster when a String. */
        LineIndex(CharSequence text, CharSequence chars) {
            this.text = text;
            int[] found = new int[64];
            int n = 1;
            if (chars instanceof String s && s.length() == text.length()) {
                for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
                    if (n == found.length) found = java.util.Arrays.copyOf(found, n * 2);
                    found[n++] = i + 1;
                }
            } else {
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) != '\n') continue;
                    if (n == found.length) found = java.util.Arrays.copyOf(found, n * 2);
                    found[n++] = i + 1;
                }
            }
            starts = java.util.Arrays.copyOf(found, n);
        }

        /** 0-based line of an offset. */
        int lineOf(int offset) {
            int i = java.util.Arrays.binarySearch(starts, offset);
            return i >= 0 ? i : -i - 2;
        }
    }

    private static final ThreadLocal<LineIndex> LAST_INDEX = new ThreadLocal<>();

    private static LineIndex lineIndex(Document doc) {
        LineIndex idx = LAST_INDEX.get();
        CharSequence text = doc.getChars().getBaseSequence();
        if (idx == null || idx.text != text) {
            idx = new LineIndex(text, text instanceof com.vladsch.flexmark.util.sequence.BasedSequence b
                    && b.getBase() instanceof String s ? s : text);
            LAST_INDEX.set(idx);
        }
        return idx;
    }

    static int column(Document doc, Node node) {
        return columnAt(doc, node.getStartOffset());
    }
}
