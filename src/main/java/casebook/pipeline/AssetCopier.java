package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.output.OutputTree;
import casebook.source.ContentScanner;
import casebook.text.Urls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Publishes every file of the theme's assets folder under {@code assets/}; a symbolic link leading out
 * of it is an error, not read. Editor leftovers ({@link ContentScanner#isIgnored}) are skipped.
 */
final class AssetCopier {
    private final Path cwd;

    AssetCopier(Path cwd) {
        this.cwd = cwd;
    }

    void copy(Path dir, OutputTree out, Diagnostics d) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            Path real = dir.toRealPath();
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (ContentScanner.isIgnored(dir.relativize(f))) {
                    continue;
                }
                if (Files.isSymbolicLink(f) && !f.toRealPath().startsWith(real)) {
                    Path display = ContentFiles.display(f, cwd);
                    d.error(
                            display,
                            1,
                            1,
                            display + " is a symbolic link to a file outside the theme's assets folder; it is"
                                    + " not published",
                            "copy the file in instead");
                    continue;
                }
                out.put(Urls.asset(dir.relativize(f).toString().replace('\\', '/')), Files.readAllBytes(f));
            }
        } catch (IOException | UncheckedIOException e) {
            d.error(ContentFiles.display(dir, cwd), 1, 1, "cannot read the theme's assets: " + e.getMessage(), null);
        }
    }
}
