package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.diag.Suggestions;
import casebook.frontmatter.SiteConfig;
import casebook.site.Site;
import casebook.text.Messages;
import casebook.theme.MessagesLoader;
import casebook.theme.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The theme stage: finds the theme named by {@code --theme} or site.yaml's {@code theme:} in the themes
 * folder, loads its UI strings and compiles its templates. Reports (at site.yaml's {@code theme:} line,
 * or line 1 for {@code --theme}) a bad or unknown name, a theme that leads outside the themes folder,
 * and a theme without templates, and then returns null.
 */
final class ThemeLoader {
    private final BuildOptions options;
    private final Path cwd;

    ThemeLoader(BuildOptions options, Path cwd) {
        this.options = options;
        this.cwd = cwd;
    }

    Theme load(Site site, Diagnostics d) {
        String name = options.theme() != null ? options.theme() : site.config().theme();
        int line = options.theme() != null ? 1 : site.config().line("theme");
        Path dir = folder(
                options.themes(), name, options.theme() != null, site.config().display(), line, d);
        if (dir == null) {
            return null;
        }
        Messages messages =
                MessagesLoader.load(dir.resolve("i18n"), site.config().languages(), d, cwd);
        try {
            Templates templates = new Templates(
                    dir.resolve("templates"),
                    cwd.relativize(dir.resolve("templates").toAbsolutePath()));
            return new Theme(dir, messages, templates);
        } catch (IOException e) {
            d.error(
                    site.config().display(),
                    line,
                    1,
                    "cannot read the templates of theme \"" + name + "\": " + e.getMessage(),
                    null);
            return null;
        }
    }

    /** "; did you mean …?" naming the closest theme folder, or "" when none is close. */
    private static String suggestion(Path themes, String name) {
        try (Stream<Path> dirs = Files.list(themes)) {
            List<String> names = dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
            String s = Suggestions.closest(name, names);
            return s == null ? "" : "; did you mean \"" + s + "\"?";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The folder of the theme named {@code name}: a plain name (see {@link SiteConfig#themeNameProblem}) of a
     * folder that, symbolic links resolved, lies inside the themes folder, with its templates, messages and
     * assets inside it too, and a templates folder. Null after reporting why not, at site.yaml's
     * {@code theme:} line (or line 1 when the name came from {@code --theme}).
     */
    private static Path folder(Path themes, String name, boolean fromOption, Path siteYaml, int line, Diagnostics d) {
        String problem = SiteConfig.themeNameProblem(name);
        if (problem != null) {
            // a name from site.yaml was reported at its value by SiteConfig; the command line refuses a bad --theme
            if (fromOption) {
                d.error(siteYaml, 1, 1, "theme " + problem + " (--theme)", SiteConfig.THEME_NAME_FIX);
            } else if (!d.hasErrors()) {
                d.error(siteYaml, line, 1, "theme " + problem, SiteConfig.THEME_NAME_FIX);
            }
            return null;
        }
        Path dir = themes.resolve(name);
        if (!Files.isDirectory(dir)) {
            // the folder as the editor knows it: a relative --themes (the default "themes") is read from the
            // folder the command runs in, which need not be the project's
            Path where = themes.toAbsolutePath().normalize();
            if (!Files.isDirectory(themes)) {
                d.error(
                        siteYaml,
                        line,
                        1,
                        "theme \"" + name + "\" not found: there is no themes folder " + where
                                + (themes.isAbsolute()
                                        ? ""
                                        : " (themes are looked for in the folder the command runs in)"),
                        "run the command from the project folder (the one holding themes/), or pass --themes DIR"
                                + " naming the folder that holds the theme folders");
                return null;
            }
            d.error(
                    siteYaml,
                    line,
                    1,
                    "theme \"" + name + "\" not found in the themes folder " + where + suggestion(themes, name),
                    "set theme: default in site.yaml, pass --theme NAME, or pass --themes DIR if the theme lies in"
                            + " another folder");
            return null;
        }
        try {
            Path realThemes = themes.toRealPath();
            Path real = dir.toRealPath();
            if (!real.startsWith(realThemes) || real.equals(realThemes)) {
                d.error(
                        siteYaml,
                        line,
                        1,
                        "theme \"" + name + "\" is a symbolic link to a folder outside the themes folder " + themes
                                + "; only themes inside it are used",
                        "copy the theme into " + dir);
                return null;
            }
            for (String part : List.of("templates", "i18n", "assets")) {
                Path p = dir.resolve(part);
                if (Files.exists(p) && !p.toRealPath().startsWith(real)) {
                    d.error(
                            siteYaml,
                            line,
                            1,
                            "the " + part + " folder of theme \"" + name + "\" is a symbolic link leading"
                                    + " outside the theme",
                            "copy the folder into " + dir);
                    return null;
                }
            }
        } catch (IOException e) {
            d.error(siteYaml, line, 1, "cannot read theme \"" + name + "\": " + e.getMessage(), null);
            return null;
        }
        if (!Files.isDirectory(dir.resolve("templates"))) {
            d.error(
                    siteYaml,
                    line,
                    1,
                    "theme \"" + name + "\" has no templates folder (" + dir.resolve("templates") + ")",
                    "a theme holds templates/ (layout, page, home, glossary and 404 .ftlh), i18n/ and assets/;"
                            + " start from a copy of themes/default");
            return null;
        }
        return dir;
    }
}
