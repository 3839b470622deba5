package trimtab.api.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {
    private static final Instant ISSUED = Instant.parse("2026-11-26T09:30:00Z");
    private static final Instant EXPIRES = ISSUED.plusSeconds(3600);

    /** The JWT verifier's stand-in: knows one token per user, counts the verifications it does. */
    private static final class Verifier implements ReactiveJsonWebTokenValidator<Object, Object> {
        final Map<String, Authentication> valid = new HashMap<>();
        int verifications;

        @Override
        public Publisher<Authentication> validateToken(String token, Object request) {
            verifications++;
            Authentication authentication = valid.get(token);
            return authentication == null ? Publishers.empty() : Publishers.just(authentication);
        }

        @Override
        public Publisher<Object> validate(String token, Object request) {
            throw new UnsupportedOperationException();
        }
    }

    private final Verifier verifier = new Verifier();
    private final Map<String, Integer> generations = new HashMap<>(Map.of("oms", 3));
    private Instant now = ISSUED.plusSeconds(60);
    private final VerifiedTokens<Object> tokens = new VerifiedTokens<>(verifier,
            (user, generation) -> generations.getOrDefault(user, 0) == generation, new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    private static Authentication oms(int generation) {
        return Authentication.build("oms", List.of("ORDER_SYSTEM"),
                Map.of("sub", "oms", "exp", Date.from(EXPIRES), TokenGenerations.CLAIM, generation));
    }

    private Optional<Authentication> validate(String token) {
        return Mono.from(tokens.validateToken(token, null)).blockOptional();
    }

    @Test
    void aTokenIsVerifiedOnceAndThenKnownUntilItExpires() {
        verifier.valid.put("token-a", oms(3));

        assertThat(validate("token-a")).map(Authentication::getName).hasValue("oms");
        assertThat(validate("token-a")).map(Authentication::getName).hasValue("oms");
        assertThat(validate("token-a")).isPresent();
        assertThat(verifier.verifications).isEqualTo(1);

        now = EXPIRES.minusMillis(1);
        assertThat(validate("token-a")).isPresent();
        assertThat(verifier.verifications).isEqualTo(1);

        // at its expiry it goes back to the verifier (which, for a real token, refuses it)
        now = EXPIRES;
        verifier.valid.remove("token-a");
        assertThat(validate("token-a")).isEmpty();
        assertThat(verifier.verifications).isEqualTo(2);
    }

    @Test
    void aKnownTokenOfAUserDisabledOrChangedSinceIsRefusedAtOnce() {
        verifier.valid.put("token-a", oms(3));
        assertThat(validate("token-a")).isPresent();

        generations.put("oms", 4); // password or roles changed: tokens of generation 3 no longer stand
        verifier.valid.remove("token-a");
        assertThat(validate("token-a")).isEmpty();
        assertThat(validate("token-a")).isEmpty();
        assertThat(verifier.verifications).as("refused tokens are verified every time, never kept").isEqualTo(3);
    }

    @Test
    void tokensThatFailVerificationAreNeverKept() {
        assertThat(validate("forged")).isEmpty();
        assertThat(validate("forged")).isEmpty();
        assertThat(verifier.verifications).isEqualTo(2);
    }

    @Test
    void aTokenWithoutExpiryOrGenerationIsVerifiedEveryTime() {
        verifier.valid.put("no-exp", Authentication.build("oms", List.of("ORDER_SYSTEM"), Map.of(TokenGenerations.CLAIM, 3)));
        verifier.valid.put("no-gen", Authentication.build("oms", List.of("ORDER_SYSTEM"), Map.of("exp", Date.from(EXPIRES))));

        validate("no-exp");
        validate("no-exp");
        validate("no-gen");
        validate("no-gen");
        assertThat(verifier.verifications).isEqualTo(4);
    }

    @Test
    void atMostTheLimitIsKept() {
        for (int i = 0; i <= VerifiedTokens.MAX_KEPT; i++) {
            verifier.valid.put("token-" + i, oms(3));
            validate("token-" + i);
        }
        int verified = verifier.verifications;

        // the limit was passed at the last token: everything kept before it was dropped
        validate("token-0");
        validate("token-" + VerifiedTokens.MAX_KEPT);
        assertThat(verifier.verifications).isEqualTo(verified + 1);
    }
}
