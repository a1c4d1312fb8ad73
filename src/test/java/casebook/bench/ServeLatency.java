package casebook.bench;

import casebook.cli.Console;
import casebook.pipeline.BuildOptions;
import casebook.serve.DevServer;
import casebook.serve.DevServerProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): time from saving one page to the served page showing the change, through
 * serve's real watcher, rebuild and long-poll reload, over loopback HTTP.
 *
 * <pre>java -cp target/test-classes:target/classes:DEPS casebook.bench.ServeLatency CONTENT_COPY SLUG [EDITS] [KIND]</pre>
 *
 * KIND is what each save changes in SLUG, and what the served page must then show:
 * <ul>
 * <li>{@code append} (the default): a line with a marker word appended to the Japanese page's body;</li>
 * <li>{@code body}: a marker word put into one sentence of the body (its last line ending in 。);</li>
 * <li>{@code title}: a marker word appended to the Japanese page's front-matter title;</li>
 * <li>{@code data}: the first {@code value:} of SLUG's data.yaml set to a new number (shown on the page as
 *     a figure of the basic information, on the top page's card and on the comparison page).</li>
 * </ul>
 * CONTENT_COPY is modified: pass a copy.
 */
public final class ServeLatency {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        String slug = args[1];
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        String kind = args.length > 3 ? args[3] : "append";
        Path page = content.resolve(slug).resolve(kind.equals("data") ? "data.yaml" : "index.ja.md");
        String original = Files.readString(page);
        Edit edit = edit(kind, original);
        HttpClient client = HttpClient.newHttpClient();
        Console quiet = new Console(
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), true);
        long startBuild = System.nanoTime();
        Path out = Files.createTempDirectory("serve-bench");
        try (DevServer s = new DevServer(
                BuildOptions.defaults()
                        .withContent(content)
                        .withOut(out.resolve("site"))
                        // as `serve` on the command line: no PDF booklet unless asked
                        .withPdf(new BuildOptions.Pdf(false, null)),
                0,
                quiet)) {
            System.out.printf("initial build %d ms, %s%n", (System.nanoTime() - startBuild) / 1_000_000, s.url());
            List<Long> times = new ArrayList<>();
            List<Long> rebuilds = new ArrayList<>();
            List<Long> seenTimes = new ArrayList<>();
            for (int i = 0; i < edits + 3; i++) {
                String marker = "計測用の語" + i + "番";
                long v = s.version();
                long t0 = System.nanoTime();
                Files.writeString(page, edit.text(i, marker));
                marker = edit.shown(i, marker);
                while (s.version() == v && System.nanoTime() - t0 < 30_000_000_000L) {
                    Thread.sleep(1); // not a busy wait: the build needs both cores
                }
                long seen = (System.nanoTime() - t0) / 1_000_000;
                if (i >= 3) {
                    seenTimes.add(seen);
                }
                String version = get(client, s.url() + "__casebook/wait?v=" + v);
                String html = get(client, s.url() + "ja/" + slug + "/index.html");
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (!html.contains(marker)) {
                    throw new IllegalStateException("change not served after version " + version);
                }
                if (i >= 3) {
                    times.add(ms);
                    rebuilds.add(s.lastRebuildMillis());
                }
            }
            Collections.sort(times);
            Collections.sort(rebuilds);
            System.out.printf(
                    "save -> reloaded page: median %d ms, min %d, max %d (n=%d; includes the watcher's quiet period, "
                            + DevServerProbe.DEFAULT_QUIET_MILLIS + " ms, for the file to hold still)%n",
                    times.get(times.size() / 2),
                    times.get(0),
                    times.get(times.size() - 1),
                    times.size());
            Collections.sort(seenTimes);
            System.out.printf(
                    "rebuild inside serve: median %d ms; save -> new version ready: median %d ms%n",
                    rebuilds.get(rebuilds.size() / 2), seenTimes.get(seenTimes.size() / 2));
        } finally {
            Files.writeString(page, original);
            try (Stream<Path> w = Files.walk(out)) {
                w.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One kind of save: the file's text for save {@code i}, and what the served page shows after it. */
    private interface Edit {
        String text(int i, String marker);

        default String shown(int i, String marker) {
            return marker;
        }
    }

    private static Edit edit(String kind, String original) {
        switch (kind) {
            case "append":
                return (i, marker) -> original + "\n" + marker + "\n";
            case "body": {
                int end = original.lastIndexOf("。\n");
                if (end < 0) {
                    throw new IllegalArgumentException("no line ending in 。 to edit");
                }
                return (i, marker) -> original.substring(0, end) + marker + original.substring(end);
            }
            case "title": {
                Matcher m = Pattern.compile("(?m)^title: .*$").matcher(original);
                if (!m.find()) {
                    throw new IllegalArgumentException("no front-matter title to edit");
                }
                int at = m.end();
                return (i, marker) -> original.substring(0, at) + marker + original.substring(at);
            }
            case "data": {
                Matcher m = Pattern.compile("(?m)^(\\s*value: )(\\d+)$").matcher(original);
                if (!m.find()) {
                    throw new IllegalArgumentException("no `value: N` in data.yaml to edit");
                }
                long base = Long.parseLong(m.group(2));
                int from = m.start(2);
                int to = m.end(2);
                return new Edit() {
                    @Override
                    public String text(int i, String marker) {
                        return original.substring(0, from) + (base + 1 + i) + original.substring(to);
                    }

                    @Override
                    public String shown(int i, String marker) {
                        return String.format(Locale.ROOT, "%,d", base + 1 + i);
                    }
                };
            }
            default:
                throw new IllegalArgumentException("KIND is append, body, title or data, not " + kind);
        }
    }

    private static String get(HttpClient c, String url) throws IOException, InterruptedException {
        return c.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
