package casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Options that parse, and options that are refused with a usage message rather than failing later. */
class ArgumentsTest {
    @Test
    void threadsWithinAPoolsLimitAreTaken() throws UsageException {
        assertEquals(
                3,
                Arguments.parse(new String[] {"build", "--threads", "3"})
                        .options()
                        .threads());
        assertEquals(
                32767,
                Arguments.parse(new String[] {"build", "--threads", "32767"})
                        .options()
                        .threads());
    }

    @Test
    void moreThreadsThanAPoolCanHoldIsAUsageError() {
        UsageException e =
                assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"check", "--threads", "40000"}));
        assertTrue(e.getMessage().contains("--threads takes at most 32767, not 40000"), e.getMessage());
    }

    @Test
    void strayWordsAndARelativeBaseUrlAreUsageErrors() throws UsageException {
        UsageException e = assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"build", "extra"}));
        assertTrue(e.getMessage().contains("build takes only options, not \"extra\""), e.getMessage());
        e = assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"build", "--base-url", "notaurl"}));
        assertTrue(e.getMessage().contains("--base-url needs an absolute URL"), e.getMessage());
        assertEquals(
                "https://example.go.jp/cb/",
                Arguments.parse(new String[] {"build", "--base-url", "https://example.go.jp/cb/"})
                        .options()
                        .baseUrl());
        assertEquals(
                List.of("case", "nagano"),
                Arguments.parse(new String[] {"new", "case", "nagano"}).words());
        for (String ok : new String[] {
            "HTTPS://Example.go.jp/", "https://例え.jp/", "https://my_host.example.com/", "http://localhost:8080/", ""
        }) {
            assertEquals(
                    ok,
                    Arguments.parse(new String[] {"build", "--base-url", ok})
                            .options()
                            .baseUrl(),
                    ok);
        }
    }

    @Test
    void zeroThreadsIsAUsageError() {
        UsageException e =
                assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"build", "--threads", "0"}));
        assertTrue(e.getMessage().contains("--threads needs a positive whole number"), e.getMessage());
    }
}
