package trimtab.api.security;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a bearer token once rather than on every request. The order system sends the same token with each of
 * thousands of orders a second; parsing it, checking its HMAC and validating its claims cost about as much CPU as
 * the HTTP exchange itself. A token that verified is kept, under its exact text (signature included), with the
 * authentication it gave, until it expires.
 *
 * <p>What is still checked on every request: expiry, against the clock, and revocation: the user's token
 * generation must still be the one the token was issued under (see {@link TokenGenerations}), so disabling a user
 * or changing their password or roles stops a kept token at once, as it does an unkept one. A token that fails
 * either check is dropped and goes through full verification, which refuses it. Only tokens that verified are
 * kept, at most {@value #MAX_KEPT} (past that all are dropped and verified again as they come), so tokens sent by
 * an attacker cannot grow the heap.
 */
final class VerifiedTokens<R> implements ReactiveJsonWebTokenValidator<Object, R> {
    static final int MAX_KEPT = 10_000;

    /** Generations still valid: a user's name and the generation a token carries. */
    interface Revocations {
        boolean stands(String username, int generation);
    }

    private record Kept(Authentication authentication, Instant expires, String username, int generation) {
    }

    private final ReactiveJsonWebTokenValidator<Object, R> verifier;
    private final Revocations revocations;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveJsonWebTokenValidator<Object, R> verifier, Revocations revocations, Clock clock) {
        this.verifier = verifier;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, R request) {
        Kept known = kept.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.expires()) && revocations.stands(known.username(), known.generation())) {
                return Publishers.just(known.authentication());
            }
            kept.remove(token);
        }
        return Publishers.then(verifier.validateToken(token, request), authentication -> keep(token, authentication));
    }

    @Override
    public Publisher<Object> validate(String token, R request) {
        return verifier.validate(token, request);
    }

    @Override
    public int getOrder() {
        return verifier.getOrder();
    }

    private void keep(String token, Authentication authentication) {
        Map<String, Object> claims = authentication.getAttributes();
        Instant expires = instant(claims.get(Claims.EXPIRATION_TIME));
        if (expires == null || !(claims.get(TokenGenerations.CLAIM) instanceof Number generation)) {
            return; // a token without expiry or generation is verified every time
        }
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(token, new Kept(authentication, expires, authentication.getName(), generation.intValue()));
    }

    private static Instant instant(Object claim) {
        if (claim instanceof Date date) {
            return date.toInstant();
        }
        return claim instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
    }

    /** Wraps the service's JWT verifier as it is created. */
    @Singleton
    static final class Installer implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<Object, Object>> {
        private final TokenGenerations generations;

        Installer(TokenGenerations generations) {
            this.generations = generations;
        }

        @Override
        public ReactiveJsonWebTokenValidator<Object, Object> onCreated(BeanCreatedEvent<ReactiveJsonWebTokenValidator<Object, Object>> event) {
            return new VerifiedTokens<>(event.getBean(), generations::stands, Clock.systemUTC());
        }
    }
}
