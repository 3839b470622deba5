package trimtab.api.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret tokens are signed with (HMAC-SHA256). Instances that share a database must share it, and it must
 * survive restarts for tokens to: set {@code TRIMTAB_JWT_SECRET} (at least 32 characters). Without it the
 * service makes up a random one at start, which is fine for one instance and a demo: tokens then end with it.
 */
public final class SigningSecret {
    public static final String ENVIRONMENT = "TRIMTAB_JWT_SECRET";
    public static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    private static final int MIN_LENGTH = 32;

    private SigningSecret() {
    }

    /** The configured secret, or a random one; refuses a configured secret too short to be safe. */
    public static String fromEnvironmentOrRandom() {
        Optional<String> configured = Optional.ofNullable(System.getenv(ENVIRONMENT)).filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            if (configured.get().length() < MIN_LENGTH) {
                throw new IllegalStateException(ENVIRONMENT + " must have at least " + MIN_LENGTH + " characters");
            }
            return configured.get();
        }
        return random();
    }

    public static boolean configured() {
        String value = System.getenv(ENVIRONMENT);
        return value != null && !value.isBlank();
    }

    public static String random() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
