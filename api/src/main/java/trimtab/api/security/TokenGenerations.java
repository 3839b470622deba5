package trimtab.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trimtab.api.database.Transactions;

import java.util.Map;

/**
 * Makes a token stop working when its user is disabled or their password or roles change, without a database
 * read per request: tokens carry the user's token generation from when they were issued, and this keeps every
 * user's current generation in memory, read again every second (so another instance's change is seen within a
 * second) and at once after a change made here. A signed token naming a user or generation not seen yet (made on
 * another instance within that second) makes it read them again before answering.
 */
@Singleton
final class TokenGenerations implements GenericJwtClaimsValidator<HttpRequest<?>> {
    static final String CLAIM = "gen";
    private static final Logger LOG = LoggerFactory.getLogger(TokenGenerations.class);

    private final Transactions transactions;
    private final UserStore users;
    private volatile Map<String, Integer> current = Map.of();

    TokenGenerations(Transactions transactions, UserStore users) {
        this.transactions = transactions;
        this.users = users;
        refresh();
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        Object generation = claims.get(CLAIM);
        return subject instanceof String username && generation instanceof Number issuedUnder
                && stands(username, issuedUnder.intValue());
    }

    /** Whether a token of this user issued under this generation still stands (0 is a disabled user's). */
    boolean stands(String username, int issuedUnder) {
        Integer now = current.get(username);
        if (now == null || now < issuedUnder) {
            // a user created, or a token issued after a change, on another instance within the last second
            refresh();
            now = current.get(username);
        }
        return now != null && now != 0 && now == issuedUnder;
    }

    @Scheduled(fixedDelay = "${trimtab.security.user-refresh:1s}")
    synchronized void refresh() {
        try {
            current = Map.copyOf(transactions.read(users::tokenGenerations));
        } catch (RuntimeException e) {
            // keep the last known state: an unreachable database must not let revoked tokens back in, nor lock all out
            LOG.warn("could not read users' token generations: {}", e.getMessage());
        }
    }
}
