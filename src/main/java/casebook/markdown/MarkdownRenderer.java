package casebook.markdown;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.safety.RawHtml;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Set;

/**
 * Stage 4's Markdown step (per page, beside the translation checks and the templates): renders a page
 * body to HTML with what later stages need from it ({@link RenderedBody}). The body is split into Markdown
 * and fenced containers ({@link ContainerSplitter}); each Markdown segment is parsed ({@link SegmentParser}:
 * data references, outline, links, raw HTML) and written by {@link AstRenderer}; each container is read by
 * its block ({@link Blocks}) and written with the theme's markup ({@link BlockMarkup}). Problems are
 * reported at their Markdown line. One instance per build, shared by all threads.
 */
public final class MarkdownRenderer {
    /** The names of the custom blocks ({@code :::name}). */
    public static final List<String> CONTAINERS = Blocks.ALL.names();

    private final SegmentParser parser;
    private final AstRenderer html;
    private final BlockMarkup markup;
    private final Set<String> reservedIds;

    /** A renderer without block markup (the warm-up's): a page holding a custom block needs {@link #withBlocks}. */
    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), DefinitionExtension.create()));
        options.set(TablesExtension.CLASS_NAME, "table");
        parser = new SegmentParser(
                LinearInlineParser.install(Parser.builder(options)).build());
        html = new AstRenderer(options, TablesExtension.CLASS_NAME.get(options));
        markup = BlockMarkup.NONE;
        reservedIds = Set.of();
    }

    private MarkdownRenderer(MarkdownRenderer base, BlockMarkup markup, Set<String> reservedIds) {
        this.parser = base.parser;
        this.html = base.html;
        this.markup = markup;
        this.reservedIds = reservedIds;
    }

    /**
     * The same renderer for a theme whose templates write {@code ids} on the page around the body: a heading id
     * steps aside ({@code main-2}), an id the content writes itself ({@code {#main}}, {@code id="main"}) is an error.
     */
    public MarkdownRenderer withReservedIds(Set<String> ids) {
        return new MarkdownRenderer(this, markup, Set.copyOf(ids));
    }

    /** The same renderer (parser shared) writing custom blocks with {@code markup}, the theme's. */
    public MarkdownRenderer withBlocks(BlockMarkup markup) {
        return new MarkdownRenderer(this, markup, reservedIds);
    }

    /** The parser of Markdown segments (for tests of the rendering of single constructs). */
    SegmentParser parser() {
        return parser;
    }

    /** The HTML writer, outside any page (for tests of the rendering of single constructs). */
    AstRenderer html() {
        return html;
    }

    public RenderedBody render(RenderRequest request, Diagnostics diagnostics) {
        Diagnostics local = new Diagnostics();
        PageState state = new PageState(request, local, reservedIds);
        try {
            List<Segment> segments = ContainerSplitter.split(
                    request.body(), request.bodyStartLine(), request.display(), CONTAINERS, local);
            StringBuilder out = new StringBuilder(request.body().length() * 2);
            new BlockContext(state, parser, html, Blocks.ALL, markup).render(segments, out);
            List<OutlineHeading> headings = List.copyOf(state.headings);
            String body = out.toString();
            if (state.rawHtml) {
                // the ids links may go to are those of the cleaned body: an anchor the cleaning removed is not there
                state.ids.retainAll(RawHtml.ids(body));
            }
            return new RenderedBody(
                    body,
                    headings,
                    state.ids,
                    List.copyOf(state.links),
                    List.copyOf(state.structure),
                    new SectionHashes(request.body(), request.bodyStartLine(), headings),
                    local.kept());
        } catch (StackOverflowError e) {
            // a last resort: MarkdownLimits keeps every known construct within the stack
            local.error(
                    request.display(),
                    request.bodyStartLine(),
                    1,
                    "page too deeply nested to render",
                    "flatten nested lists, quotes, emphasis and containers (docs/security.md, Limits)");
            return new RenderedBody(
                    "",
                    List.of(),
                    state.ids,
                    List.of(),
                    List.of(),
                    new SectionHashes(request.body(), request.bodyStartLine(), List.of()),
                    local.kept());
        } finally {
            for (Diagnostic x : local.kept()) {
                diagnostics.report(x);
            }
        }
    }
}
