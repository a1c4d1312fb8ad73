package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.markdown.GlossaryTerms;
import casebook.markdown.MarkdownRenderer;
import casebook.markdown.RenderRequest;
import casebook.theme.Templates;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads and first runs the Markdown engine and the template engine on a background thread while the
 * build reads the content. In a fresh JVM, loading Flexmark's and FreeMarker's classes and running
 * their code for the first time takes several hundred milliseconds that would otherwise sit on the
 * build's critical path; this moves it beside the file reading and the front matter. Nothing it does
 * reaches the output.
 */
final class Warmup {
    private final CompletableFuture<MarkdownRenderer> markdown;

    private Warmup(CompletableFuture<MarkdownRenderer> markdown) {
        this.markdown = markdown;
    }

    /** Set once the engines have run in this JVM: later builds ({@code serve}'s rebuilds) skip the sample. */
    private static final AtomicBoolean WARM = new AtomicBoolean();

    static Warmup start() {
        if (WARM.get()) {
            return new Warmup(CompletableFuture.completedFuture(new MarkdownRenderer()));
        }
        CompletableFuture<MarkdownRenderer> md = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        MarkdownRenderer r = new MarkdownRenderer();
                        r.render(
                                new RenderRequest(
                                        Path.of("warmup.md"),
                                        "en",
                                        SAMPLE,
                                        1,
                                        null,
                                        null,
                                        Map.of(),
                                        GlossaryTerms.NONE,
                                        "glossary/",
                                        true),
                                new Diagnostics());
                        md.complete(r);
                        Templates.warmUp();
                        WARM.set(true);
                    } catch (Throwable e) {
                        md.completeExceptionally(e);
                    }
                },
                "casebook-warmup");
        t.setDaemon(true);
        t.start();
        return new Warmup(md);
    }

    /** The Markdown renderer the warm-up made (a new one if the warm-up failed). */
    MarkdownRenderer markdownRenderer() {
        try {
            return markdown.join();
        } catch (RuntimeException e) {
            return new MarkdownRenderer();
        }
    }

    private static final String SAMPLE = """
            ## 見出し {#heading}

            段落の文章です。
            改行を含む。[リンク](../other/) と **強調** と *斜体*、`コード`。

            - 項目
            - 項目 [基本情報](../other/)

            1. one
            2. two

            | 項目 | 値 |
            |---|---|
            | a | 1 |

            > 引用

            Term
            : Definition
            """;
}
