package casebook.publish;

import casebook.text.HtmlText;
import casebook.text.Phrases;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart as static SVG, made at build time (no script): one bar per row, its label above
 * it and its value written after it, so the value never depends on reading a bar's length or colour. The
 * SVG is an image (role="img") named by its {@code <title>} and described by its {@code <desc>}, which
 * lists every value; the page puts the same values in a table beside it.
 *
 * <p>The drawing is 280 units wide and scales to its box: on a 320 px screen (288 px of text width) its
 * 13-unit text is drawn at about 13 px, and the stylesheet caps its width (24rem) on wide screens. Bars are the theme's accent colour
 * (#00576b, 7.9:1 against white, above the 3:1 that graphics need); the baseline is #4d4d4d.
 */
public final class BarChart {
    /**
     * A bar: its label, made of a name (in {@code nameLang} when that is not the page's language, else null) and a
     * suffix in the page's language (" (Core city)", may be empty); its value, the value as written, and an optional
     * mark ("※1").
     */
    public record Bar(String name, String nameLang, String suffix, BigDecimal value, String valueText, String mark) {
        String label() {
            return name + suffix;
        }
    }

    static final int WIDTH = 280;
    static final int FONT = 13;
    static final int LINE = 17;
    static final int BAR = 18;
    static final int VALUE_SPACE = 84;

    private BarChart() {}

    /**
     * @param id    a prefix for the ids of the title and description, unique on the page
     * @param lang  the page's language (for wrapping labels)
     */
    public static String svg(String id, String title, String desc, List<Bar> bars, String lang) {
        BigDecimal max = BigDecimal.ZERO;
        for (Bar b : bars) {
            if (b.value().compareTo(max) > 0) {
                max = b.value();
            }
        }
        // room after the longest bar for its value and marks ("179.0 ※1 ※2"), at least VALUE_SPACE
        double valueSpace = VALUE_SPACE;
        for (Bar b : bars) {
            String written = b.valueText() + (b.mark() == null || b.mark().isEmpty() ? "" : " " + b.mark());
            valueSpace = Math.max(valueSpace, measure(written) + 16);
        }
        int span = WIDTH - (int) Math.ceil(valueSpace) - 2;
        StringBuilder body = new StringBuilder();
        int y = 4;
        for (Bar b : bars) {
            body.append("<g class=\"chart__row\">");
            // only the name is in another language: a line is split where the name ends
            String label = b.label();
            int at = 0;
            for (String line : wrap(label, WIDTH - 4)) {
                int start = label.indexOf(line, at);
                at = start + line.length();
                int nameEnd = Math.max(0, Math.min(line.length(), b.name().length() - start));
                y += LINE;
                body.append("<text class=\"chart__label\" x=\"2\" y=\"")
                        .append(y)
                        .append("\">");
                if (b.nameLang() != null && nameEnd > 0) {
                    body.append("<tspan lang=\"")
                            .append(b.nameLang())
                            .append("\">")
                            .append(HtmlText.escape(line.substring(0, nameEnd)))
                            .append("</tspan>")
                            .append(HtmlText.escape(line.substring(nameEnd)));
                } else {
                    body.append(HtmlText.escape(line));
                }
                body.append("</text>");
            }
            y += 5;
            int w = max.signum() == 0
                    ? 0
                    : b.value()
                            .multiply(BigDecimal.valueOf(span))
                            .divide(max, 0, RoundingMode.HALF_UP)
                            .intValue();
            body.append("<rect class=\"chart__bar\" x=\"2\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(w)
                    .append("\" height=\"")
                    .append(BAR)
                    .append("\"/>");
            body.append("<text class=\"chart__value\" x=\"")
                    .append(2 + w + 6)
                    .append("\" y=\"")
                    .append(y + BAR - 5)
                    .append("\">")
                    .append(HtmlText.escape(b.valueText()));
            if (b.mark() != null && !b.mark().isEmpty()) {
                body.append("<tspan class=\"chart__mark\">")
                        .append(HtmlText.escape(" " + b.mark()))
                        .append("</tspan>");
            }
            body.append("</text></g>");
            y += BAR + 10;
        }
        int height = y + 2;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\">")
                .append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(HtmlText.escape(title))
                .append("</title>")
                .append("<desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(HtmlText.escape(desc))
                .append("</desc>")
                .append("<line class=\"chart__axis\" x1=\"1.5\" y1=\"4\" x2=\"1.5\" y2=\"")
                .append(height - 2)
                .append("\"/>")
                .append(body)
                .append("</svg>");
        return s.toString();
    }

    /**
     * Lines of at most {@code width} units at the chart's font size: Latin text breaks at spaces, Japanese between
     * phrases ({@link Phrases}, as the tables' names do), and a phrase longer than a line anywhere.
     */
    static List<String> wrap(String text, int width) {
        if (!text.contains("&") && !text.contains("<") && Phrases.text(text).contains("<wbr>")) {
            List<String> lines = new ArrayList<>();
            String line = "";
            for (String phrase : Phrases.name(text).split("<wbr>")) {
                if (measure(line + phrase) <= width) {
                    line += phrase;
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.strip());
                }
                List<String> parts = wrapAnywhere(phrase, width);
                lines.addAll(parts.subList(0, parts.size() - 1));
                line = parts.get(parts.size() - 1);
            }
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
            return lines;
        }
        return wrapAnywhere(text, width);
    }

    private static List<String> wrapAnywhere(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double used = 0;
        int lastSpace = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            double w = width(cp);
            if (used + w > width && line.length() > 0) {
                if (lastSpace > 0 && cp != ' ') {
                    String rest = line.substring(lastSpace + 1);
                    lines.add(line.substring(0, lastSpace));
                    line = new StringBuilder(rest);
                } else {
                    lines.add(line.toString().strip());
                    line = new StringBuilder();
                }
                used = measure(line);
                lastSpace = -1;
                if (cp == ' ') {
                    continue;
                }
            }
            if (cp == ' ') {
                lastSpace = line.length();
            }
            line.appendCodePoint(cp);
            used += w;
        }
        if (line.length() > 0) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    private static double measure(CharSequence s) {
        double u = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            u += width(cp);
        }
        return u;
    }

    /** A character's width in units, roughly: full width for CJK and the reference mark ※, less for Latin. */
    private static double width(int cp) {
        return (cp > 0x2E7F || cp == '※' ? 1.0 : cp == ' ' ? 0.3 : Character.isUpperCase(cp) ? 0.68 : 0.55) * FONT;
    }
}
