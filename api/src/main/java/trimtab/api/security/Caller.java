package trimtab.api.security;

import io.micronaut.security.authentication.Authentication;
import trimtab.api.web.Actor;
import trimtab.engine.book.AdvisorId;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated user behind a request, as the token says: username (their permanent id), roles and, for an
 * advisor, the advisor id whose households they look after.
 */
public record Caller(String username, Set<Role> roles, Optional<AdvisorId> advisorId) {
    /** The token claim that carries the advisor id. */
    public static final String ADVISOR_CLAIM = "advisorId";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : authentication.getRoles()) {
            try {
                roles.add(Role.valueOf(role));
            } catch (IllegalArgumentException ignored) {
                // a role this version does not know grants nothing
            }
        }
        Object advisor = authentication.getAttributes().get(ADVISOR_CLAIM);
        Optional<AdvisorId> advisorId = advisor instanceof String s && !s.isBlank() ? Optional.of(AdvisorId.of(s)) : Optional.empty();
        return new Caller(authentication.getName(), roles, advisorId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Who the audit trail records. */
    public Actor actor() {
        return new Actor(username);
    }

    /**
     * Compliance officers and operations see the whole firm; an advisor sees their own households; anyone else
     * (the order system, an administrator) sees none.
     */
    public HouseholdScope households() {
        if (has(Role.COMPLIANCE_OFFICER) || has(Role.OPERATIONS)) {
            return HouseholdScope.FIRM;
        }
        if (has(Role.ADVISOR) && advisorId.isPresent()) {
            return HouseholdScope.of(advisorId.get());
        }
        return HouseholdScope.NONE;
    }
}
