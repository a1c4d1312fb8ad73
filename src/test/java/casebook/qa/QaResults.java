package casebook.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes the figures of the latest quality-gate run to target/qa/results.yaml, in the same layout as
 * content/accessibility/data.yaml, so that refreshing the published test results is one copy
 * (see docs/accessibility.md). Each gate writes its own part (target/qa/parts/NAME.yaml) and the parts are merged
 * over defaults of "not run"; committed content is never touched by the tests.
 */
final class QaResults {
    static final Path DIR = Path.of("target", "qa");

    private QaResults() {}

    /** Records one gate's figures (nested maps allowed) and regenerates results.yaml from all parts. */
    static synchronized void write(String part, Map<String, Object> figures) {
        try {
            Path parts = DIR.resolve("parts");
            Files.createDirectories(parts);
            Files.writeString(parts.resolve(part + ".yaml"), yaml().dump(figures));
            Map<String, Object> merged = defaults();
            try (Stream<Path> s = Files.list(parts)) {
                for (Path p : s.sorted().toList()) {
                    Object o = new Yaml().load(Files.readString(p));
                    if (o instanceof Map<?, ?> m) {
                        merge(merged, m);
                    }
                }
            }
            String header = "# Written by the quality gates (mvn verify) on " + LocalDate.now() + ".\n"
                    + "# To publish: cp target/qa/results.yaml content/accessibility/data.yaml (see docs/accessibility.md)\n";
            Files.writeString(DIR.resolve("results.yaml"), header + yaml().dump(merged));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<?, ?> from) {
        for (Map.Entry<?, ?> e : from.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (e.getValue() instanceof Map<?, ?> m && into.get(k) instanceof Map<?, ?>) {
                merge((Map<String, Object>) into.get(k), m);
            } else {
                into.put(
                        k,
                        e.getValue() instanceof Map<?, ?> m
                                ? new LinkedHashMap<>((Map<String, Object>) m)
                                : e.getValue());
            }
        }
    }

    /** Every key the accessibility pages reference, so a partial run (e.g. no browser) still gives a usable file. */
    private static Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tested_on", LocalDate.now().toString());
        m.put("target", "JIS X 8341-3:2016 AA");
        Map<String, Object> tools = new LinkedHashMap<>();
        tools.put("validator", "not run");
        tools.put("axe", "not run");
        tools.put("browser", "not run");
        m.put("tools", tools);
        Map<String, Object> html = new LinkedHashMap<>();
        html.put("pages", 0);
        html.put("errors", "not run");
        m.put("html", html);
        Map<String, Object> axe = new LinkedHashMap<>();
        axe.put("runs", 0);
        axe.put("violations", "not run");
        m.put("axe", axe);
        Map<String, Object> manual = new LinkedHashMap<>();
        manual.put("checks", 0);
        manual.put("failed", "not run");
        m.put("manual", manual);
        m.put("pages", new TreeMap<String, Object>());
        return m;
    }

    private static Yaml yaml() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setWidth(200);
        return new Yaml(o);
    }
}
