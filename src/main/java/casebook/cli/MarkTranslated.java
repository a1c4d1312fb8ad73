package casebook.cli;

import casebook.check.TranslationChecker;
import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.diag.Severity;
import casebook.diag.Suggestions;
import casebook.frontmatter.FrontMatter;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.site.Page;
import casebook.site.Placeholders;
import casebook.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code mark-translated <slug>...}: after re-translating, records in each translation's front matter
 * ({@code translated_from}) the hash of every section of the current original, and of its title and label, which
 * clears the
 * staleness warnings and the notices on the translated pages. A translation that still holds a placeholder
 * ({@code TODO(…)}, as a {@code new translation} scaffold does until it is translated) is not marked: that would
 * record an original as translated that is not (an error at the placeholder; the other pages are still marked).
 */
public final class MarkTranslated {
    private MarkTranslated() {}

    public static int run(Arguments a, Console console) throws UsageException {
        if (a.words().isEmpty()) {
            throw new UsageException("mark-translated needs one or more page slugs (or --all)");
        }
        boolean all = a.words().contains("--all");
        if (all && a.words().size() > 1) {
            throw new UsageException("mark-translated takes either --all or page slugs, not both");
        }
        Diagnostics d = new Diagnostics();
        // only the pages' sections are needed: no PDF booklets (they would cost seconds and say nothing here)
        BuildResult r = Build.run(
                a.options()
                        .withWrite(false)
                        .withPdf(new BuildOptions.Pdf(false, a.options().pdf().font())),
                d,
                n -> {});
        if (r.site() == null || r.output() == null) {
            console.diagnostics(d);
            return 1;
        }
        String def = r.site().config().defaultLanguage();
        // every slug named is checked before any file is changed: a mistyped one leaves every page as it was
        if (!all) {
            for (String slug : a.words()) {
                refusal(r.site(), def, slug, a);
            }
        }
        Set<Path> failed = filesWithErrors(d);
        int updated = 0;
        boolean refused = false;
        for (String slug : all ? r.site().order() : a.words()) {
            Page original = r.site().page(def, slug);
            if (original == null) {
                continue; // --all: a page of another language only (reported by the build itself)
            }
            for (String lang : r.site().config().languages()) {
                Page t = r.site().page(lang, slug);
                if (lang.equals(def) || t == null) {
                    continue;
                }
                Path file = a.options().content().resolve(slug).resolve("index." + lang + ".md");
                int[] placeholder = placeholder(file);
                if (placeholder != null) {
                    // a scaffold still being translated: marking it would take the original as translated
                    Diagnostics p = new Diagnostics();
                    p.error(
                            t.display(),
                            placeholder[0],
                            placeholder[1],
                            "not marked as translated: a placeholder is left here, so the page is not translated yet",
                            t.meta().translatedFrom().isEmpty()
                                    ? "translate every TODO(…) first; this page records no translated_from yet (a"
                                            + " scaffold from new case does not), so once it is translated and"
                                            + " matches the original, run mark-translated " + slug
                                            + " once to record that version"
                                    : "translate every TODO(…) first; this page's translated_from already records"
                                            + " the original it was made from (as a scaffold from new translation"
                                            + " does), so mark-translated is needed only after updating a section"
                                            + " that check reports as stale");
                    console.diagnostics(p);
                    refused = true;
                    continue;
                }
                if (failed.contains(original.display())) {
                    // the version on disk is not the one meant: recording it would hide the real update later
                    refused = true;
                    Diagnostics p = new Diagnostics();
                    for (Diagnostic x : d.kept()) {
                        if (x.severity() == Severity.ERROR
                                && x.at() != null
                                && x.at().file().equals(original.display())) {
                            p.report(x);
                        }
                    }
                    // the original's errors first, then the refusal (one list would sort the translation first)
                    console.diagnostics(p);
                    Diagnostics q = new Diagnostics();
                    q.error(
                            t.display(),
                            1,
                            1,
                            "not marked as translated: its original " + original.display() + " has "
                                    + (p.errorCount() == 1 ? "an error" : p.errorCount() + " errors")
                                    + " in this build (listed above), and marking now would record that version",
                            "fix the original first, then run " + Scaffold.command(a, "mark-translated " + slug));
                    console.diagnostics(q);
                    continue;
                }
                try {
                    rewrite(file, TranslationChecker.recorded(original));
                    console.info("marked " + t.display() + " as translated from the current " + original.display());
                    updated++;
                } catch (IOException e) {
                    console.error(t.display() + ": cannot update: " + e.getMessage());
                    return 1;
                }
            }
        }
        if (updated == 0 && !refused) {
            console.info("no translation to mark: no page has one yet");
            return 0;
        }
        return updated > 0 && !refused ? 0 : 1;
    }

    /**
     * Refuses, as a usage error, a slug that names no page of the original language, or a page that has no
     * translation to mark (a page published in the original language only).
     */
    private static void refusal(Site site, String def, String slug, Arguments a) throws UsageException {
        if (site.page(def, slug) == null) {
            String near = Suggestions.closest(slug, site.order());
            throw new UsageException("no page \"" + slug + "\" in " + def
                    + (near != null ? "; did you mean \"" + near + "\"?" : "")
                    + " (nothing was marked)");
        }
        for (String lang : site.config().languages()) {
            if (!lang.equals(def) && site.page(lang, slug) != null) {
                return;
            }
        }
        List<String> others = new ArrayList<>(site.config().languages());
        others.remove(def);
        throw new UsageException(slug + " has no translation to mark: there is no "
                + a.options().content().resolve(slug).resolve("index." + String.join("/", others) + ".md")
                + " (nothing was marked). A page published in " + def + " only needs nothing; to start its"
                + " translation, run " + Scaffold.command(a, "new translation " + slug));
    }

    /** The files that have an error in this build. */
    private static Set<Path> filesWithErrors(Diagnostics d) {
        Set<Path> out = new HashSet<>();
        for (Diagnostic x : d.kept()) {
            if (x.severity() == Severity.ERROR && x.at() != null) {
                out.add(x.at().file());
            }
        }
        return out;
    }

    /** The line and column of the first placeholder ({@code TODO(}) in a file, or null when it holds none. */
    static int[] placeholder(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            int at = text.indexOf(Placeholders.MARK);
            if (at < 0) {
                return null;
            }
            int lineStart = text.lastIndexOf('\n', at) + 1;
            int line = 1;
            for (int i = 0; i < lineStart; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return new int[] {line, at - lineStart + 1};
        } catch (IOException e) {
            return null; // rewrite reports a file it cannot read
        }
    }

    /** Replaces (or adds) the translated_from block at the end of the front matter, leaving the rest as written. */
    static void rewrite(Path file, Map<String, String> hashes) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
        boolean bom = text.startsWith("\uFEFF");
        if (bom) {
            text = text.substring(1);
        }
        FrontMatter fm = FrontMatter.split(text);
        if (fm == null) {
            throw new IOException("no front matter");
        }
        StringBuilder yaml = new StringBuilder();
        boolean skipping = false;
        for (String line : fm.yaml().split("\n")) {
            if (line.startsWith("translated_from:")) {
                skipping = true;
                continue;
            }
            if (skipping && (line.startsWith(" ") || line.startsWith("\t"))) {
                continue;
            }
            skipping = false;
            if (!line.isEmpty()) {
                yaml.append(line).append('\n');
            }
        }
        yaml.append("translated_from:\n");
        for (Map.Entry<String, String> e : hashes.entrySet()) {
            yaml.append("  ")
                    .append(e.getKey().startsWith("_") ? "\"" + e.getKey() + "\"" : e.getKey())
                    .append(": \"")
                    .append(e.getValue())
                    .append("\"\n");
        }
        String out = "---\n" + yaml + "---\n" + fm.body();
        Files.write(file, out.getBytes(StandardCharsets.UTF_8));
    }
}
