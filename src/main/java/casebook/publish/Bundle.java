package casebook.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The portal bundle: {@code <out>.zip} beside the output folder, holding every file of the published site
 * at the zip's root, {@code SHA256SUMS} (in {@code sha256sum}'s format, so {@code sha256sum -c SHA256SUMS}
 * verifies an unpacked copy) and any extra files given (the page-weight report). Byte-reproducible: the
 * entries are sorted by name, every entry carries the same fixed time (written as the DOS date and time the
 * zip format stores, the same in every time zone), no extra fields, and the same compression.
 *
 * <p>casebook never replaces a file it did not make: its zips carry the comment {@link #MARKER}, and an
 * existing {@code <out>.zip} without it is refused. The zip is written to a new temporary file beside it and
 * renamed over the old one in one step, so a reader never sees half a zip; the temporary file is deleted
 * if the build stops.
 */
public final class Bundle {
    /** The zip comment that marks a zip as casebook's (and so replaceable by the next bundle). */
    public static final String MARKER = "casebook portal bundle; made by casebook, replaced by its next build --bundle";

    /** Files of the output folder left out of the bundle: the output marker is casebook's own bookkeeping. */
    public static final Set<String> LEFT_OUT = Set.of(".casebook-output");

    private Bundle() {}

    /** The bundle's path for an output folder: {@code site} → {@code site.zip} beside it. */
    public static Path pathFor(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".zip");
    }

    /** Why {@code zip} may not be replaced, or null when it does not exist or is casebook's. */
    /** What follows a refusal: casebook's rule. */
    public static final String RULE = "; casebook replaces only the bundles it made";

    /** The fix for a refused zip. */
    public static String fix(Path zip) {
        return "move " + zip.getFileName() + " away, or build into another --out";
    }

    public static String refusal(Path zip) {
        if (!Files.exists(zip, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isRegularFile(zip, LinkOption.NOFOLLOW_LINKS)) {
            return zip.getFileName() + " exists and is not a file";
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            if (MARKER.equals(z.getComment())) {
                return null;
            }
        } catch (IOException e) {
            return zip.getFileName() + " exists and is not a zip made by casebook";
        }
        return zip.getFileName() + " exists and was not made by casebook";
    }

    /** Every file under {@code dir}, path (forward slashes) to file, sorted; symbolic links and the left-out files skipped. */
    public static Map<String, Path> files(Path dir) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (!LEFT_OUT.contains(rel)) {
                    out.put(rel, f);
                }
            }
        }
        return out;
    }

    /**
     * The zip's bytes: {@code files} (path to content) and {@code SHA256SUMS}, sorted, every entry at
     * {@code time}.
     */
    public static byte[] zip(Map<String, byte[]> files, LocalDateTime time) throws IOException {
        Map<String, byte[]> all = new TreeMap<>(files);
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
            sums.append(sha256(e.getValue())).append("  ").append(e.getKey()).append('\n');
        }
        all.put("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        // the DOS time the zip stores is the local time of this instant, whatever the zone: the same fields everywhere
        long millis = time.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(buf, StandardCharsets.UTF_8)) {
            z.setComment(MARKER);
            z.setLevel(9);
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(millis);
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return buf.toByteArray();
    }

    /**
     * Writes the bundle of the folder {@code site} to {@code zip}: to a new temporary file beside it, then
     * renamed over it. The caller has checked {@link #refusal}; checked again here just before the rename.
     *
     * @param extra files added to the bundle beside the site's (path to bytes)
     * @return the number of files in the zip (the site's, the extra ones and SHA256SUMS)
     */
    public static int write(Path site, Path zip, Map<String, byte[]> extra, LocalDateTime time) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (Map.Entry<String, Path> e : files(site).entrySet()) {
            files.put(e.getKey(), Files.readAllBytes(e.getValue()));
        }
        files.putAll(extra);
        byte[] bytes = zip(files, time);
        Path dir = zip.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, zip.getFileName() + ".tmp-", "");
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                o.write(bytes);
            }
            try { // a temporary file is private; the bundle is meant to be handed on
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its default permissions stay
            }
            String refused = refusal(zip);
            if (refused != null) {
                throw new IOException(refused);
            }
            try {
                Files.move(tmp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp); // ours: made above; gone already after a successful rename
        }
        return files.size() + 1;
    }

    /** The entries of a zip in their stored order (tests and the content guide's check). */
    public static List<String> entries(Path zip) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().forEach(e -> out.add(e.getName()));
        }
        return out;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
