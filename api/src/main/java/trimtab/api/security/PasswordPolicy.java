package trimtab.api.security;

import trimtab.api.web.Problem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a password must be. Length is what makes a password strong; composition rules mostly make people write
 * them down. bcrypt only reads the first 72 bytes, so longer passwords are refused rather than silently cut.
 */
final class PasswordPolicy {
    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** The problems with a password, each at the JSON path it was sent under; empty when it is acceptable. */
    static List<Problem.FieldError> check(String path, String password) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add(new Problem.FieldError(path, "a password is required"));
            return errors;
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            errors.add(new Problem.FieldError(path, "a password must have at least " + MIN_LENGTH + " characters"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            errors.add(new Problem.FieldError(path, "a password must fit in " + MAX_BYTES + " bytes (UTF-8)"));
        }
        return errors;
    }
}
