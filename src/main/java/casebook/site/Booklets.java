package casebook.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The PDF booklets a build made, by language: each booklet's file name in its language's folder and its size in
 * bytes; {@link #NONE} when the build makes none. Made by the booklet stage ({@code casebook.pipeline.BookletStage}),
 * before the pages, and given to the view models ({@code casebook.theme.PageRenderer}), so every footer links its
 * language's booklet with its size. A value: equal booklets make equal view models, which {@code serve}'s memos compare.
 */
public record Booklets(Map<String, Pdf> byLanguage) {
    /** No booklet: site.yaml has no {@code pdf:}, {@code --no-pdf}, no usable font, or none could be made. */
    public static final Booklets NONE = new Booklets(Map.of());

    /** One language's booklet: its file name ({@code casebook.pdf}) and its size in bytes. */
    public record Pdf(String file, long bytes) {
        public Pdf {
            Objects.requireNonNull(file, "file");
        }
    }

    /** @param byLanguage the booklets made, by language, in the site's language order (copied) */
    public Booklets {
        byLanguage = Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    }
}
