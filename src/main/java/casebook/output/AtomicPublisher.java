package casebook.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Stage 7: writes a complete {@link OutputTree} to {@code <out>.tmp-<pid>} beside the output folder,
 * then swaps it in with two renames ({@code out} → {@code out.old-<pid>}, tmp → {@code out}) and deletes
 * the old copy. A failed or interrupted build therefore never leaves a half-written site; leftovers of
 * an interrupted swap are cleaned up on the next run.
 */
public final class AtomicPublisher {
    private AtomicPublisher() { }

    public static void publish(OutputTree tree, Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        long pid = ProcessHandle.current().pid();
        Path tmp = parent.resolve(target.getFileName() + ".tmp-" + pid);
        Path old = parent.resolve(target.getFileName() + ".old-" + pid);
        try {
            Files.createDirectories(parent);
            cleanLeftovers(parent, target.getFileName().toString());
            deleteTree(tmp);
            writeAll(tree, tmp);
            if (Files.exists(target)) Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + out + ": " + e.getMessage(), e);
        }
    }

    private static void writeAll(OutputTree tree, Path dir) throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(tree.files().entrySet());
        Files.createDirectories(dir);
        entries.stream().map(e -> dir.resolve(e.getKey()).getParent()).distinct().forEach(p -> {
            try { Files.createDirectories(p); } catch (IOException e) { throw new UncheckedIOException(e); }
        });
        try {
            entries.parallelStream().forEach(e -> {
                try (OutputStream o = Files.newOutputStream(dir.resolve(e.getKey()))) {
                    o.write(e.getValue());
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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
