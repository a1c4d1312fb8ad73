package casebook.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The file {@value #NAME} that says "casebook made this folder". It is written into every folder casebook
 * creates for its output: the staging folder ({@code kind: staging}), which becomes the published folder
 * ({@code kind: site}, written just before the swap). casebook replaces or deletes a folder only when it
 * carries this file, so a folder of the user's is never emptied by mistake.
 *
 * <p>A site's marker also lists what the build wrote: a line {@code files: <n>} and then the relative path
 * of each file, sorted, one a line ({@code file: ja/index.html}). A folder is replaced only when it holds
 * nothing else ({@link OutputGuard#unknown}): the marker is published with the site, so a folder the site
 * was copied into (a portal's web root) carries it too, and the list is what tells casebook's files from the
 * portal's. The file is plain text with no time, path of this machine or process id, so two builds of the
 * same content stay byte-identical; it is published with the site and names only the site's own files.
 */
public final class OutputMarker {
    private OutputMarker() {}

    /** The marker's file name, at the top of the folder. */
    public static final String NAME = ".casebook-output";
    /** The first line, by which the marker is recognised. */
    static final String FIRST_LINE = "made-by: casebook";
    /** The kind of a published output folder. */
    static final String SITE = "site";
    /** The kind of a folder a build is still writing. */
    static final String STAGING = "staging";
    /** The first lines of a marker fit in this many bytes; only they are read to tell its kind. */
    private static final int MAX_HEADER = 1024;
    /** A marker with its list of files is at most this long; a longer file is not casebook's. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    /** The line that starts the list of files. */
    private static final String FILES = "files: ";
    /** The start of a listed file's line. */
    private static final String FILE = "file: ";

    /** The marker's text for a folder of this kind. */
    public static String text(String kind) {
        return FIRST_LINE + "\n"
                + "kind: " + kind + "\n"
                + "note: this folder is replaced as a whole by every casebook build; keep nothing else in it\n";
    }

    /** The marker's text for a site, with the list of the files the build wrote (relative paths). */
    public static String text(String kind, Collection<String> files) {
        StringBuilder b =
                new StringBuilder(text(kind)).append(FILES).append(files.size()).append('\n');
        for (String f : new TreeSet<>(files)) {
            b.append(FILE).append(encode(f)).append('\n');
        }
        return b.toString();
    }

    /** A path on one line: {@code %}, line feeds and carriage returns written as {@code %25}, {@code %0A}, {@code %0D}. */
    private static String encode(String path) {
        return path.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D");
    }

    private static String decode(String line) {
        return line.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
    }

    /**
     * The kind written in {@code dir}'s marker ("site", "staging"), or null when {@code dir} carries no marker:
     * the file is missing, is not a regular file (a symbolic link does not count), is too long, or does not
     * start with {@value #FIRST_LINE}.
     */
    static String kind(Path dir) {
        Path f = dir.resolve(NAME);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.size(f) > MAX_BYTES) {
                return null;
            }
            bytes = in.readNBytes(MAX_HEADER);
        } catch (IOException e) {
            return null;
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(FIRST_LINE) || !lines[1].startsWith("kind: ")) {
            return null;
        }
        String kind = lines[1].substring("kind: ".length()).strip();
        return kind.isEmpty() ? null : kind;
    }

    /** True when {@code dir} carries a marker of any kind. */
    public static boolean isMarked(Path dir) {
        return kind(dir) != null;
    }

    /** The result of reading a marker's list of files. */
    public record Manifest(Set<String> files, boolean damaged) {
        /** A marker without a list (written by a casebook older than the list): null files, not damaged. */
        boolean listed() {
            return files != null;
        }
    }

    /**
     * The files {@code dir}'s marker lists. {@code files} is null when the marker has no list (a casebook older
     * than the list wrote it); {@code damaged} when the list is cut short or garbled (the folder is then not
     * replaced).
     */
    static Manifest manifest(Path dir) {
        Path f = dir.resolve(NAME);
        List<String> lines;
        try {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.size(f) > MAX_BYTES) {
                return new Manifest(null, true);
            }
            lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new Manifest(null, true);
        }
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(FILES)) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return new Manifest(null, false);
        }
        String count = lines.get(at).substring(FILES.length()).strip();
        if (!count.matches("[0-9]{1,9}")) {
            return new Manifest(null, true);
        }
        Set<String> files = new TreeSet<>();
        for (int i = at + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith(FILE)) {
                return new Manifest(null, true);
            }
            String path = decode(line.substring(FILE.length()));
            if (!OutputTree.isPlainPath(path)) {
                return new Manifest(null, true);
            }
            files.add(path);
        }
        return files.size() == Integer.parseInt(count) ? new Manifest(files, false) : new Manifest(null, true);
    }

    /**
     * The files under {@code dir} (relative paths, forward slashes), the marker and its {@code .part} left out;
     * symbolic links are listed as files and not followed.
     */
    static List<String> filesUnder(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(dir) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(NAME) && !rel.equals(PART)) {
                    files.add(rel);
                }
            }
        }
        return files;
    }

    /** The name the marker is written under before its one rename into place. */
    static final String PART = NAME + ".part";

    /** Writes (or replaces) {@code dir}'s marker in one rename, so the marker is never half-written. */
    static void write(Path dir, String kind) throws IOException {
        write(dir, kind, null);
    }

    /** The same, with the list of the folder's files when {@code files} is not null. */
    static void write(Path dir, String kind, Collection<String> files) throws IOException {
        Path part = dir.resolve(PART);
        Files.writeString(part, files == null ? text(kind) : text(kind, files), StandardCharsets.UTF_8);
        Files.move(part, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
