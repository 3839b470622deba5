package trimtab.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lower-case hex, the one digest the audit trail and idempotency use. */
public final class Hashes {
    /** Cloned for each digest: looking SHA-256 up among the security providers costs more than hashing a decision. */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Hashes() {
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        MessageDigest digest = digest();
        return HexFormat.of().formatHex(digest.digest(bytes));
    }

    /**
     * The SHA-256 of the parts joined by line feeds, as {@code sha256(String.join("\n", parts))} is, without building
     * the joined text (the audit trail hashes each entry's fields, its payload among them, this way).
     */
    public static String sha256Lines(String... parts) {
        byte[][] encoded = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            encoded[i] = parts[i].getBytes(StandardCharsets.UTF_8);
        }
        return sha256Lines(encoded);
    }

    /** As {@link #sha256Lines(String...)}, of parts already encoded in UTF-8. */
    public static String sha256Lines(byte[]... parts) {
        MessageDigest digest = digest();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                digest.update((byte) '\n');
            }
            digest.update(parts[i]);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
