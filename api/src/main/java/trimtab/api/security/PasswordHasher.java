package trimtab.api.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * bcrypt, by Spring Security's maintained implementation. The work factor is configurable
 * ({@code trimtab.security.bcrypt-strength}, default 12: about a quarter of a second per check on one core,
 * which is what makes a stolen hash expensive to guess).
 */
@Singleton
final class PasswordHasher {
    private final BCryptPasswordEncoder encoder;
    /** Checked against when the user is unknown, so that a wrong username takes as long as a wrong password. */
    private final String decoy;

    PasswordHasher(@Value("${trimtab.security.bcrypt-strength:12}") int strength) {
        this.encoder = new BCryptPasswordEncoder(strength, new SecureRandom());
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.decoy = encoder.encode(Base64.getEncoder().encodeToString(random));
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the time of one check and answers false. */
    boolean decoyCheck(String password) {
        encoder.matches(password, decoy);
        return false;
    }
}
