package casebook.pipeline;

import casebook.diag.Diagnostics;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * {@code serve}'s memo around the publish checks ({@link PublishChecks.References}): the files a page loads are
 * found again only when its bytes changed.
 */
final class ReferenceMemo {
    private final Memo<String, List<String>> memo = new Memo<>();

    /** The URLs the page at {@code path} loads with itself, reused while its bytes are the same. */
    List<String> of(String path, byte[] html) {
        return memo.get(
                path,
                List.of(ByteBuffer.wrap(html)),
                new Diagnostics(),
                d -> List.copyOf(PublishChecks.References.DIRECT.of(path, html)));
    }

    void clear() {
        memo.clear();
    }
}
