package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no PULSE_ADMIN_PASSWORD, the embedded server makes the first admin's password and prints it once. */
class FirstAdminTest {

    private static final Pattern PRINTED = Pattern.compile("password: (\\S+)");

    @Test
    void shouldPrintAGeneratedAdminPasswordOnTheFirstStartOnly(@TempDir Path dataDir) {
        Map<String, Object> noPassword = Map.of("pulse.security.admin-password", "");

        String firstOutput = console(() -> {
            try (PulseServer server = new PulseServer(dataDir, noPassword)) {
                server.startWithoutLogin();
            }
        });
        Matcher printed = PRINTED.matcher(firstOutput);
        assertThat(printed.find()).as(firstOutput).isTrue();
        String password = printed.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);

        String secondOutput = console(() -> {
            try (PulseServer server = new PulseServer(dataDir, noPassword)) {
                server.startWithoutLogin();
                assertThat(server.login("admin", password)).isNotBlank();
                server.as(null).post("/login", "{\"username\":\"admin\",\"password\":\"guess-password\"}")
                        .refused(401, "用户名或密码不正确");
            }
        });
        assertThat(secondOutput).doesNotContain("first admin account created").doesNotContain(password);
    }

    private static String console(Runnable run) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);
        return output;
    }
}
