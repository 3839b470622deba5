package trimtab.engine.rules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/** The exact bytes of an uploaded or shipped workbook, with the file name it came under. */
public record Workbook(String fileName, byte[] bytes) {

    public enum Format { XLSX, CSV }

    public Workbook {
        Objects.requireNonNull(fileName, "file name");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** XLSX unless the name ends in .csv; the content is checked when it is compiled. */
    public Format format() {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? Format.CSV : Format.XLSX;
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return fileName + " (" + bytes.length + " bytes)";
    }
}
