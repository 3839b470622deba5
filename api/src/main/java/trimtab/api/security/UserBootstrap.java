package trimtab.api.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trimtab.api.database.Transactions;
import trimtab.api.web.Problem;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Creates the first users when the service starts on a database that has none. Production: one administrator
 * named by {@code trimtab.security.admin.username} (default {@code admin}) with the password in
 * {@code TRIMTAB_ADMIN_PASSWORD}; there is no default password, and without one the service refuses to start.
 * Demo mode: a user per role, each with the password {@code <username>-demo-pass}, printed in the log.
 */
@Singleton
final class UserBootstrap implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(UserBootstrap.class);
    static final String DEMO_PASSWORD_SUFFIX = "-demo-pass";

    private record InitialUser(String username, String displayName, UserKind kind, Set<Role> roles, String advisorId) {
    }

    private static final List<InitialUser> DEMO_USERS = List.of(
            new InitialUser("ops", "Olga Petrova (operations)", UserKind.PERSON, EnumSet.of(Role.OPERATIONS), null),
            new InitialUser("carol", "Carol Jennings (compliance)", UserKind.PERSON, EnumSet.of(Role.COMPLIANCE_OFFICER), null),
            new InitialUser("dave", "Dave Okafor (compliance)", UserKind.PERSON, EnumSet.of(Role.COMPLIANCE_OFFICER), null),
            new InitialUser("adv01", "Alice Moreno (advisor ADV-01)", UserKind.PERSON, EnumSet.of(Role.ADVISOR), "ADV-01"),
            new InitialUser("adv02", "Ben Whitaker (advisor ADV-02)", UserKind.PERSON, EnumSet.of(Role.ADVISOR), "ADV-02"),
            new InitialUser("oms", "Order management system", UserKind.SERVICE, EnumSet.of(Role.ORDER_SYSTEM), null));

    private final Transactions transactions;
    private final UserStore users;
    private final UserAdministration administration;
    private final TokenGenerations generations;
    private final boolean demo;
    private final String adminName;
    private final @Nullable String adminPassword;

    UserBootstrap(Transactions transactions, UserStore users, UserAdministration administration, TokenGenerations generations,
                  @Value("${trimtab.demo.enabled:false}") boolean demo,
                  @Value("${trimtab.security.admin.username:admin}") String adminName,
                  @Nullable @Value("${trimtab.security.admin.password:}") String adminPassword) {
        this.transactions = transactions;
        this.users = users;
        this.administration = administration;
        this.generations = generations;
        this.demo = demo;
        this.adminName = UserAdministration.normalise(adminName);
        this.adminPassword = adminPassword == null || adminPassword.isBlank() ? null : adminPassword;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (transactions.read(users::count) > 0) {
            return;
        }
        String password = adminPassword;
        if (password == null && !demo) {
            throw new IllegalStateException("The database has no users yet. Set TRIMTAB_ADMIN_PASSWORD (at least "
                    + PasswordPolicy.MIN_LENGTH + " characters) for this first start to create the administrator '" + adminName
                    + "'; there is no default password.");
        }
        if (password == null) {
            password = adminName + DEMO_PASSWORD_SUFFIX;
        } else {
            List<Problem.FieldError> problems = PasswordPolicy.check("TRIMTAB_ADMIN_PASSWORD", password);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("TRIMTAB_ADMIN_PASSWORD is not acceptable: " + problems.get(0).message());
            }
        }
        String adminSecret = password;
        try {
            create(adminSecret);
        } catch (RuntimeException e) {
            if (transactions.read(users::count) == 0) {
                throw e;
            }
            // another instance sharing the database made the first users at the same moment
            LOG.info("The first users were created by another instance");
            return;
        }
        generations.refresh();
        if (demo) {
            LOG.info("Demo users created; each password is <username>{}: {} (ADMIN), ops (OPERATIONS), carol and dave "
                    + "(COMPLIANCE_OFFICER), adv01 (ADVISOR of ADV-01), adv02 (ADVISOR of ADV-02), oms (ORDER_SYSTEM). Log in with "
                    + "POST /api/v1/login and a body like {}", DEMO_PASSWORD_SUFFIX, adminName,
                    "{\"username\":\"carol\",\"password\":\"carol" + DEMO_PASSWORD_SUFFIX + "\"}");
        } else {
            LOG.info("Administrator '{}' created with the password from TRIMTAB_ADMIN_PASSWORD", adminName);
        }
    }

    private void create(String adminSecret) {
        transactions.write(connection -> {
            administration.createInitial(connection, adminName, "Administrator", UserKind.PERSON, adminSecret, EnumSet.of(Role.ADMIN), null);
            if (demo) {
                for (InitialUser user : DEMO_USERS) {
                    administration.createInitial(connection, user.username(), user.displayName(), user.kind(),
                            user.username() + DEMO_PASSWORD_SUFFIX, user.roles(), user.advisorId());
                }
            }
            return null;
        });
    }
}
