package pulse.server.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** {@code pulse.security.*} in application.yml. */
@Singleton
public record SecuritySettings(
        @Value("${pulse.security.admin-password:}") String adminPassword,
        @Value("${pulse.security.jwt-secret:}") String jwtSecret,
        @Value("${pulse.security.anonymous-reads:}") String anonymousReadsSetting,
        @Value("${pulse.demo:false}") boolean demo) {

    /** Reads without a login: as set, else on for the demo and off otherwise. */
    public boolean anonymousReads() {
        return anonymousReadsSetting.isBlank() ? demo : Boolean.parseBoolean(anonymousReadsSetting.strip());
    }
}
