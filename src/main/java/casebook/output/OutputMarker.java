package casebook.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file {@value #NAME} that says "casebook made this folder". It is written into every folder casebook
 * creates for its output: the staging folder ({@code kind: staging}), which becomes the published folder
 * ({@code kind: site}, written just before the swap). casebook replaces or deletes a folder only when it
 * carries this file, so a folder of the user's is never emptied by mistake. The file is a few lines of plain
 * text, the same in every build (no time, no path, no process id), so two builds stay byte-identical; it is
 * published with the site and says nothing a reader could use.
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
    /** A marker is a few lines; anything longer is not one. */
    private static final int MAX_BYTES = 1024;

    /** The marker's text for a folder of this kind. */
    public static String text(String kind) {
        return FIRST_LINE + "\n"
                + "kind: " + kind + "\n"
                + "note: this folder is replaced as a whole by every casebook build; keep nothing else in it\n";
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
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return null;
        }
        if (bytes.length > MAX_BYTES) {
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

    /** Writes (or replaces) {@code dir}'s marker in one rename, so the marker is never half-written. */
    static void write(Path dir, String kind) throws IOException {
        Path part = dir.resolve(NAME + ".part");
        Files.writeString(part, text(kind), StandardCharsets.UTF_8);
        Files.move(part, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
