package casebook.testing;

import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Small content trees written inline, Hugo-txtar style:
 * <pre>
 * -- site.yaml --
 * title: {ja: T, en: T}
 * -- a/index.ja.md --
 * ---
 * title: A
 * ---
 * </pre>
 */
public final class SiteFixture {
    public static final String SITE_YAML = """
            title: {ja: テスト事例集, en: Test collection}
            languages: [ja, en]
            default_language: ja
            publisher: {ja: 発行者, en: Publisher}
            published: 2025-03
            """;

    private SiteFixture() {}

    public static Path write(Path root, String txtar) {
        try {
            String[] parts = ("\n" + txtar).split("\n-- ");
            for (String part : parts) {
                if (part.isBlank()) {
                    continue;
                }
                int end = part.indexOf(" --\n");
                String name = part.substring(0, end).strip();
                String body = part.substring(end + 4);
                Path file = root.resolve(name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, body, StandardCharsets.UTF_8);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BuildResult build(Path content, Path out) {
        return Build.run(BuildOptions.defaults().withContent(content).withOut(out));
    }

    public static String messages(BuildResult r) {
        return r.diagnostics().kept().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    public static List<Diagnostic> errors(BuildResult r) {
        return r.diagnostics().kept().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .toList();
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
