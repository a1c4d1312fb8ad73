package casebook.text;

/** Finding a run of bytes in bytes (an ASCII marker in UTF-8 text or in a PDF), without decoding them. */
public final class Bytes {
    private Bytes() {}

    /** Where {@code key} first occurs in {@code b} at or after {@code from}, or -1. */
    public static int indexOf(byte[] b, byte[] key, int from) {
        byte first = key[0];
        for (int i = Math.max(0, from); i <= b.length - key.length; i++) {
            if (b[i] == first && at(b, key, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Where {@code key} last occurs in {@code b}, or -1. */
    public static int lastIndexOf(byte[] b, byte[] key) {
        byte first = key[0];
        for (int i = b.length - key.length; i >= 0; i--) {
            if (b[i] == first && at(b, key, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean at(byte[] b, byte[] key, int i) {
        for (int j = 0; j < key.length; j++) {
            if (b[i + j] != key[j]) {
                return false;
            }
        }
        return true;
    }
}
