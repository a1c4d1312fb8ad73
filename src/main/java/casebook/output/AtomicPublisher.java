package casebook.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Stage 6: the output folder is replaced only by a complete, successful build. Files are written to
 * {@code <out>.tmp-<pid>} beside the output folder (while rendering, see {@link OutputTree}); on
 * success the staging folder is swapped in with two renames ({@code out} → {@code out.old-<pid>},
 * staging → {@code out}) and the old copy deleted; on failure the staging folder is deleted and the
 * previous site is left byte for byte as it was. Leftovers of an interrupted run are removed on the
 * next one.
 */
public final class AtomicPublisher {
    private AtomicPublisher() { }

    /** Creates an empty staging folder beside {@code out}. */
    public static Path stage(Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path tmp = parent.resolve(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(parent);
            cleanLeftovers(parent, target.getFileName().toString());
            deleteTree(tmp);
            Files.createDirectories(tmp);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + tmp + ": " + e.getMessage(), e);
        }
    }

    /** Swaps a complete staging folder in as {@code out}. */
    public static void commit(Path staging, Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path old = target.getParent().resolve(target.getFileName() + ".old-" + ProcessHandle.current().pid());
        try {
            if (Files.exists(target)) Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + out + ": " + e.getMessage(), e);
        }
    }

    /** Throws a staging folder away (after a failed build). */
    public static void abort(Path staging) {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + staging + ": " + e.getMessage(), e);
        }
    }

    /** Writes an in-memory tree and swaps it in. */
    public static void publish(OutputTree tree, Path out) {
        Path tmp = stage(out);
        for (Map.Entry<String, byte[]> e : tree.files().entrySet()) {
            Path f = tmp.resolve(e.getKey());
            try {
                Files.createDirectories(f.getParent());
                try (OutputStream o = Files.newOutputStream(f)) {
                    o.write(e.getValue());
                }
            } catch (IOException ex) {
                abort(tmp);
                throw new UncheckedIOException("cannot write " + f, ex);
            }
        }
        commit(tmp, out);
    }

    /** Removes {@code name.tmp-*} and {@code name.old-*} left by an interrupted earlier run. */
    private static void cleanLeftovers(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, name + ".{tmp,old}-*")) {
            for (Path p : ds) deleteTree(p);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
