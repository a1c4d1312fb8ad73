package casebook.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One build at a time per output folder: a lock on the file {@code <out>.lock} beside the output, taken with
 * {@link FileChannel#tryLock()} (the operating system releases it when the process ends, however it ends),
 * and in this process a set of the folders being written, since a file lock does not exclude threads of the
 * same process. A second build does not wait: it is refused ({@link OutputRefused}, exit code 2) with the
 * process id of the build holding the lock. The lock file holds that process id; it is deleted when the build
 * ends, and one left by a killed build is taken over by the next. A file of that name that does not hold a
 * process id is not casebook's, and the build is refused rather than overwrite it.
 */
final class OutputLock implements AutoCloseable {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path target;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path target, Path file, FileChannel channel, FileLock lock) {
        this.target = target;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of an output folder. */
    static Path fileOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".lock");
    }

    /**
     * Takes the lock on {@code target} (absolute, links resolved) or refuses.
     *
     * @param shown the output folder as the user named it, for messages
     */
    static OutputLock acquire(Path target, Path shown, long pid) {
        if (!HELD.add(target)) throw busy(shown, String.valueOf(ProcessHandle.current().pid()));
        try {
            Path file = fileOf(target);
            // a build that ends deletes the lock file; one that opened it just before must not believe it holds the lock
            for (int attempt = 0; attempt < 5; attempt++) {
                OutputLock l = tryOnce(target, file, shown, pid);
                if (l != null) return l;
            }
            throw new OutputRefused("cannot take the lock " + file + ": it keeps changing",
                    "another casebook build may be starting; try again");
        } catch (RuntimeException e) {
            HELD.remove(target);
            throw e;
        }
    }

    private static OutputLock tryOnce(Path target, Path file, Path shown, long pid) {
        if (Files.isSymbolicLink(file) || Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw notOurs(file);
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new OutputRefused("cannot create the lock file " + file + ": " + e.getMessage(),
                    "choose an output folder in a folder you can write to");
        }
        boolean keep = false;
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) throw busy(shown, holder(file));
            String before = read(ch);
            if (!before.isEmpty() && !before.matches("[0-9]{1,18}\n?")) throw notOurs(file);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            // the path must still name the file we locked (not one deleted by a build that just ended)
            String now;
            try {
                now = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (NoSuchFileException e) {
                now = "";
            }
            if (!now.equals(pid + "\n")) return null;
            keep = true;
            return new OutputLock(target, file, ch, lock);
        } catch (IOException e) {
            throw new OutputRefused("cannot use the lock file " + file + ": " + e.getMessage(),
                    "choose an output folder in a folder you can write to");
        } finally {
            if (!keep) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing a file we only read and wrote a few bytes to
                }
            }
        }
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII);
    }

    /** The process id written in a lock file, or "unknown". */
    private static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return s.matches("[0-9]{1,18}") ? s : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static OutputRefused busy(Path shown, String pid) {
        return new OutputRefused("another casebook build is writing to " + shown + " (pid " + pid + "); wait for it to finish",
                "run one build at a time per output folder");
    }

    private static OutputRefused notOurs(Path file) {
        return new OutputRefused(file + " exists and was not made by casebook (casebook keeps its lock there)",
                "rename or delete that file, or choose another --out");
    }

    /** Deletes the lock file and releases the lock. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a lock file left behind is taken over by the next build
        }
        release();
    }

    /** Releases the lock and leaves the file, as the operating system does for a process that was killed (tests). */
    void release() {
        try {
            if (lock.isValid()) lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel
        } finally {
            HELD.remove(target);
        }
    }
}
