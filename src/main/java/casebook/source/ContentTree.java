package casebook.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the scanner found: the site config, the glossary, data files and page sources, each decoded.
 * Pages are keyed by slug ("" for the top page's introduction), then by language code.
 */
public record ContentTree(
        Path root,
        SourceFile siteConfig,
        SourceFile glossary,
        Map<String, Map<String, SourceFile>> pages,
        Map<String, SourceFile> dataFiles,
        List<Path> assets) {}
