package trimtab.api.database;

/**
 * The keys MariaDB stores as {@code ascii_bin} (generated ids, hex digests, entry types: migration V12). A text
 * with any other character cannot be one of them, and comparing it with one is an error in MariaDB ("illegal mix
 * of collations"), not a miss: a lookup by such a text answers "not found" without asking.
 */
public final class AsciiKeys {
    private AsciiKeys() {
    }

    public static boolean couldBeOne(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
