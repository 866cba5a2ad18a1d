package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one broker: an account that failed five times on one is locked out on the other
 * too, because both read every failure from {@code pulse.audit}.
 */
class LoginLockoutAcrossInstancesTest {

    private static final String SECRET = "a-secret-shared-by-the-two-instances-of-this-test";

    @Test
    void shouldRefuseOnOneInstanceAnAccountLockedOutOnTheOther(@TempDir Path first, @TempDir Path second) {
        Map<String, Object> shared = Map.of("pulse.security.jwt-secret", SECRET, "pulse.security.login.lockout", "60s");
        try (PulseServer one = new PulseServer(first, shared).start()) {
            one.account("roaming", "viewer", null);
            int port = PulseServer.freePort();
            try (PulseServer other = new PulseServer(second, Map.of("pulse.security.jwt-secret", SECRET,
                    "pulse.security.login.lockout", "60s", "pulse.bootstrap-servers", one.kafkaAddress(),
                    "micronaut.server.port", port, "pulse.advertised-address", "localhost:" + port)).startWithoutLogin()) {
                // the account works on the other instance
                assertThat(login(other, "roaming", "roaming-password").status()).isEqualTo(200);

                // five failures on the first
                for (int i = 0; i < 5; i++) {
                    login(one, "roaming", "wrong-" + i).refused(401, "用户名或密码不正确");
                }

                // and the other refuses it, the right password too
                PulseServer.Answer refused = login(other, "roaming", "roaming-password");
                refused.refused(429, "登录失败次数过多");
                assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
            }
        }
    }

    private static PulseServer.Answer login(PulseServer server, String username, String password) {
        return server.as(null).post("/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }
}
