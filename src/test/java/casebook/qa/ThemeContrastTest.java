package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit check of the theme's colour custom properties with the WCAG 2.x contrast formula (no browser needed). */
class ThemeContrastTest {
    static final Path CSS = Path.of("themes", "default", "assets", "style.css");
    static final Map<String, String> VARS = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws Exception {
        String css = Files.readString(CSS);
        Matcher root = Pattern.compile(":root\\s*\\{([^}]*)}").matcher(css);
        assertTrue(root.find(), "no :root block in " + CSS);
        Matcher m =
                Pattern.compile("--([a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6})\\s*;").matcher(root.group(1));
        while (m.find()) {
            VARS.put(m.group(1), m.group(2));
        }
    }

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double[] c = {(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255};
        for (int i = 0; i < 3; i++) {
            double s = c[i] / 255.0;
            c[i] = s <= 0.04045
                    ? s / 12.92
                    : Math.pow((s + 0.055) / 1.055, 2.4); // WCAG 2.x uses 0.03928; same result for 8-bit values
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static String colour(String v) {
        if (v.startsWith("#")) {
            return v;
        }
        String c = VARS.get(v);
        assertTrue(c != null, "custom property --" + v + " missing from " + CSS);
        return c;
    }

    @Test
    void formula() {
        assertTrue(Math.abs(contrast("#000000", "#ffffff") - 21.0) < 1e-9);
        assertTrue(Math.abs(contrast("#767676", "#ffffff") - 4.54) < 0.01);
    }

    /** foreground, background, minimum: text 4.5:1 (1.4.3); borders of controls and the focus indicator 3:1 (1.4.11). */
    @ParameterizedTest(name = "--{0} on {1} >= {2}:1")
    @CsvSource({
        "text, #ffffff, 4.5", "muted, #ffffff, 4.5", "link, #ffffff, 4.5", "link-visited, #ffffff, 4.5",
                "accent, #ffffff, 4.5",
        "text, panel, 4.5", "muted, panel, 4.5", "link, panel, 4.5", "link-visited, panel, 4.5", "accent, panel, 4.5",
        "text, accent-bg, 4.5", "muted, accent-bg, 4.5", "link, accent-bg, 4.5", "link-visited, accent-bg, 4.5",
                "accent, accent-bg, 4.5",
        "#ffffff, accent, 4.5", "text, focus, 4.5", "border, #ffffff, 3.0", "focus, accent, 3.0"
    })
    void contrastAtLeast(String fg, String bg, double min) {
        double r = contrast(colour(fg), colour(bg));
        assertTrue(r >= min, () -> String.format("%s on %s: %.2f:1 < %.1f:1", fg, bg, r, min));
    }
}
