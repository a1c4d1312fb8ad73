package casebook.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses output folders that would cost the editor their sources. Publishing replaces the whole
 * output folder ({@link AtomicPublisher}), so an output folder that holds the content, the themes or
 * the folder casebook runs in, or lies inside the themes, would delete them. (One inside the content,
 * as with {@code --content . --out site}, is fine: the content scan skips it.) Paths are compared after
 * resolving symbolic links, so another name for the same folder is caught too.
 */
public final class OutputGuard {
    private OutputGuard() { }

    /** The hint printed with every refusal. */
    public static final String FIX = "choose a folder of its own, e.g. --out site";

    /** What is wrong with publishing to {@code out}, or null when it is safe. */
    public static String problem(Path out, Path content, Path themes, Path cwd) {
        Path o = real(out);
        if (Files.exists(o) && !Files.isDirectory(o)) {
            return "--out " + out + " is a file, not a folder";
        }
        if (real(content).startsWith(o)) {
            return "--out " + out + " is or holds the content folder " + content + ": publishing replaces the whole"
                    + " output folder and would delete it";
        }
        if (real(themes).startsWith(o) || o.startsWith(real(themes))) {
            return "--out " + out + " is, holds or lies inside the themes folder " + themes + ": publishing replaces the whole"
                    + " output folder and would delete it";
        }
        if (real(cwd).startsWith(o)) {
            return "--out " + out + " is or holds the folder casebook runs in: publishing replaces the whole output"
                    + " folder and would delete it";
        }
        return null;
    }

    /** The absolute path with symbolic links resolved as far as the path exists; the rest appended as given. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
