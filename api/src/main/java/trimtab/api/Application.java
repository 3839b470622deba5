package trimtab.api;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.slf4j.LoggerFactory;
import trimtab.api.security.SigningSecret;

import java.util.Map;

/** Starts the Trimtab service: on the configured MariaDB, or on an embedded one when none is configured. */
@OpenAPIDefinition(info = @Info(title = "Trimtab", version = "1",
        description = "Rebalancing triggers and pre-trade compliance: book data, rebalance runs, order screening, "
                + "explanations and the audit trail. Log in with POST /api/v1/login and send the token as "
                + "'Authorization: Bearer <token>'."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (!SigningSecret.configured()) {
            LoggerFactory.getLogger(Application.class).warn("{} is not set: tokens are signed with a random secret made up "
                    + "for this start, so they end when the service stops and other instances do not accept them",
                    SigningSecret.ENVIRONMENT);
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(Map.of(SigningSecret.PROPERTY, SigningSecret.fromEnvironmentOrRandom()))
                .start();
    }
}
