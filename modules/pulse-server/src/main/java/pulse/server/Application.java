package pulse.server;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts Pulse: Kafka (embedded or external), the topology, and the HTTP server. */
@OpenAPIDefinition(
        info = @Info(title = "Pulse", version = "0.1",
                description = "Live key-project monitoring: units report investment and milestones; the county office"
                        + " reads live totals, lights, grades, closed months and bulletins. Amounts in 万元."
                        + " Errors answer in Chinese, or in English with Accept-Language: en."
                        + " Events written straight to Kafka: /api/schema/events.json."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        in = SecuritySchemeIn.HEADER, description = "POST /login with {\"username\",\"password\"}; send the access_token")
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
