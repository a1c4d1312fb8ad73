package casebook.frontmatter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebook.diag.Diagnostics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    /** YAML 1.2's booleans: an editor's "no" in a data file is the word no, not false (the "Norway problem"). */
    @Test
    void onlyTrueAndFalseAreBooleans() {
        Diagnostics d = new Diagnostics();
        YamlNode n = YamlReader.read(
                "a: no\nb: yes\nc: on\nd: off\ne: true\nf: False\ng: TRUE\nh: \"false\"\ncountry: NO\n",
                Path.of("data.yaml"),
                0,
                d);
        assertEquals("no", n.get("a").value());
        assertEquals("yes", n.get("b").value());
        assertEquals("on", n.get("c").value());
        assertEquals("off", n.get("d").value());
        assertEquals(Boolean.TRUE, n.get("e").value());
        assertEquals(Boolean.FALSE, n.get("f").value());
        assertEquals(Boolean.TRUE, n.get("g").value());
        assertEquals("false", n.get("h").value(), "a quoted value is text");
        assertEquals("NO", n.get("country").value());
        assertEquals(0, d.kept().size(), d.kept().toString());
    }
}
