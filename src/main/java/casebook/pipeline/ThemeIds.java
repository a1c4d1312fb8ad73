package casebook.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids a theme's templates write around a page's body, so that the body cannot use them a second time
 * ({@code id="main"}, the skip link's target; {@code id="top"}; {@code id="site-search-q"}). Read from the
 * templates themselves rather than listed: every literal {@code id="…"} of the templates that hold a page
 * body ({@code page.ftlh}, {@code home.ftlh}) and of every template they {@code <#include>} or
 * {@code <#import>}, at any depth (the layout, its partials). An id made from a value ({@code id="${…}"}) is
 * not one. A template that cannot be read adds nothing (the template stage reports it).
 */
final class ThemeIds {
    private ThemeIds() {}

    /** The templates a page body is written into. */
    static final Set<String> BODY_TEMPLATES = Set.of("page.ftlh", "home.ftlh");

    private static final Pattern ID = Pattern.compile("\\bid=\"([A-Za-z][A-Za-z0-9_-]*)\"");
    private static final Pattern USES = Pattern.compile("<#(?:include|import)\\s+\"([^\"$]+)\"");

    /**
     * The ids for the theme in {@code themeDir}: the ones a body may not take, and the ones the link check finds
     * on every page besides its body's ({@link SiteLinkCheck}).
     */
    static Set<String> of(Path themeDir) {
        Path templates = themeDir.resolve("templates").normalize();
        Set<String> ids = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(new TreeSet<>(BODY_TEMPLATES));
        while (!todo.isEmpty() && seen.size() < 200) {
            String name = todo.pop();
            Path file = templates.resolve(name).normalize();
            if (!seen.add(name) || !file.startsWith(templates) || !Files.isRegularFile(file)) {
                continue;
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            Matcher m = ID.matcher(text);
            while (m.find()) {
                ids.add(m.group(1));
            }
            Matcher u = USES.matcher(text);
            while (u.find()) {
                String used = u.group(1).startsWith("/") ? u.group(1).substring(1) : u.group(1);
                // relative to the including template's folder, as FreeMarker resolves it
                Path parent = Path.of(name).getParent();
                todo.push(
                        parent == null ? used : parent.resolve(used).normalize().toString());
            }
        }
        return ids;
    }
}
