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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One build at a time per output folder: a lock on the file {@code <out>.lock} beside the output, taken with
 * {@link FileChannel#tryLock()} (the operating system releases it when the process ends, however it ends),
 * and in this process a set of the folders being written, since a file lock does not exclude threads of the
 * same process. A second build does not wait: it is refused ({@link OutputRefused}, exit code 2) with the
 * process id of the build holding the lock.
 *
 * <p>The lock file is also the journal of the folders casebook creates beside the output: its first line is
 * the holder's process id, each further line the name of a folder ({@code site.tmp-<pid>}, {@code site.old-<pid>})
 * written there <em>before</em> the folder is created or renamed to that name. The file is deleted when a build
 * ends; one left by a killed build is taken over by the next, which inherits its list. Only folders named in
 * this list are ever deleted or put back, so a folder of the user's that merely looks like a leftover (a copy
 * {@code site.old-2024}) is never touched. A file of that name whose first line is not a process id is not
 * casebook's, and the build is refused rather than overwrite it.
 */
final class OutputLock implements AutoCloseable {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path target;
    private final Path file;
    private final FileChannel channel;
    /** The handle the lock's checks read through, closed only with the lock (see {@link #tryOnce}). */
    private final FileChannel check;

    private final FileLock lock;
    private final Set<String> journal;

    private OutputLock(
            Path target, Path file, FileChannel channel, FileChannel check, FileLock lock, Set<String> journal) {
        this.target = target;
        this.file = file;
        this.channel = channel;
        this.check = check;
        this.lock = lock;
        this.journal = journal;
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
        if (!HELD.add(target)) {
            throw busy(shown, String.valueOf(ProcessHandle.current().pid()));
        }
        try {
            Path file = fileOf(target);
            // a build that ends deletes the lock file; one that opened it just before must not believe it holds the
            // lock
            for (int attempt = 0; attempt < 5; attempt++) {
                OutputLock l = tryOnce(target, file, shown, pid);
                if (l != null) {
                    return l;
                }
            }
            throw new OutputRefused(
                    "cannot take the lock " + file + ": it keeps changing",
                    "another casebook build may be starting; try again");
        } catch (RuntimeException e) {
            HELD.remove(target);
            throw e;
        }
    }

    private static OutputLock tryOnce(Path target, Path file, Path shown, long pid) {
        if (Files.isSymbolicLink(file)
                || Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                        && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw notOurs(file);
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(
                    file,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new OutputRefused(
                    "cannot create the lock file " + file + ": " + e.getMessage(),
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
            if (lock == null) {
                throw busy(shown, holder(file));
            }
            Set<String> journal = journal(read(ch), file, target.getFileName().toString());
            StringBuilder text = new StringBuilder().append(pid).append('\n');
            for (String name : journal) {
                text.append(name).append('\n');
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            ch.write(ByteBuffer.wrap(bytes), 0); // over the old text, then cut: the list is never lost on the way
            ch.truncate(bytes.length);
            ch.force(false);
            // the path must still name the file we locked (not one deleted by a build that just ended). Read through
            // a second handle that stays open while the lock is held: on Linux, closing any handle on the file
            // would release this process's lock on it (POSIX record locks)
            FileChannel check;
            try {
                check = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null;
            }
            String now = read(check);
            if (!text.toString().equals(now)) {
                check.close(); // another file now: closing it leaves the lock on ours alone, and ours is let go below
                return null;
            }
            keep = true;
            return new OutputLock(target, file, ch, check, lock, journal);
        } catch (IOException e) {
            throw new OutputRefused(
                    "cannot use the lock file " + file + ": " + e.getMessage(),
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

    /** A journal is a process id and a few folder names; anything much longer is not one. */
    private static final int MAX_BYTES = 64 * 1024;

    private static String read(FileChannel ch) throws IOException {
        if (ch.size() > MAX_BYTES) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate((int) ch.size());
        while (b.hasRemaining() && ch.read(b, b.position()) > 0) {}
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    /**
     * The folder names in a lock file's text: complete lines only (a line cut short by a kill is ignored) and
     * only names of leftovers of this output folder. An empty text is a lock file created by a build killed
     * before it wrote it; a text whose first line is not a process id is not casebook's.
     */
    private static Set<String> journal(String text, Path file, String outName) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            throw notOurs(file);
        }
        if (text.isEmpty()) {
            return names;
        }
        String[] lines = text.split("\n", -1);
        if (!lines[0].matches("[0-9]{1,18}")) {
            throw notOurs(file);
        }
        Pattern leftover = Pattern.compile(Pattern.quote(outName) + "\\.(tmp|old)-[0-9]{1,18}(-[0-9]{1,9})?");
        for (int i = 1; i < lines.length - 1; i++) { // the last element follows the last newline: cut short or empty
            if (leftover.matcher(lines[i]).matches()) {
                names.add(lines[i]);
            }
        }
        return names;
    }

    /** True when {@code name} (a folder beside the output) is in the journal: created by casebook. */
    boolean created(String name) {
        return journal.contains(name);
    }

    /** Writes {@code name} into the journal before the folder of that name is created (or renamed to it). */
    void record(String name) throws IOException {
        if (!journal.add(name)) {
            return;
        }
        channel.write(ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.UTF_8)), channel.size());
        channel.force(false);
    }

    /** The process id written in a lock file, or "unknown". */
    private static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            String first = s.contains("\n") ? s.substring(0, s.indexOf('\n')) : "";
            return first.matches("[0-9]{1,18}") ? first : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static OutputRefused busy(Path shown, String pid) {
        return new OutputRefused(
                "another casebook build is writing to " + shown + " (pid " + pid + "); wait for it to finish",
                "run one build at a time per output folder");
    }

    private static OutputRefused notOurs(Path file) {
        return new OutputRefused(
                file + " exists and was not made by casebook (casebook keeps its lock there)",
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
            if (lock.isValid()) {
                lock.release();
            }
            check.close();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel
        } finally {
            HELD.remove(target);
        }
    }
}
