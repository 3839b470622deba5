package trimtab.api;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts the Trimtab service: on the configured MariaDB, or on an embedded one when none is configured. */
@OpenAPIDefinition(info = @Info(title = "Trimtab", version = "1",
        description = "Rebalancing triggers and pre-trade compliance: book data, rebalance runs, order screening, "
                + "explanations and the audit trail"))
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
