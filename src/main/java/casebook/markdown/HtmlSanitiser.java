package casebook.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes what must never reach a published page from raw HTML an editor wrote in Markdown:
 * script-like elements, {@code on*} event handlers and {@code javascript:} URLs. Runs only on pages
 * whose Markdown contains such HTML (the renderer has already warned about each).
 */
final class HtmlSanitiser {
    private HtmlSanitiser() { }

    static String clean(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        doc.select("script, iframe, object, embed").remove();
        for (Element el : doc.getAllElements()) {
            List<String> drop = new ArrayList<>();
            for (Attribute a : el.attributes()) {
                String v = a.getValue().replaceAll("\\s", "").toLowerCase();
                if (a.getKey().toLowerCase().startsWith("on") || v.startsWith("javascript:")) drop.add(a.getKey());
            }
            drop.forEach(el::removeAttr);
        }
        return doc.body().html();
    }
}
