package pulse.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Pulse server (and its embedded broker) for every test class of this module that needs no
 * settings of its own: the first class that asks for a {@link PulseServer} parameter starts it,
 * and it closes once every test of the run is done. A class that shares it registers projects and
 * accounts under names no other class uses, and checks what it changed, never the whole county:
 * a class that must see a county of its own ({@link VerticalSliceTest}) or settings of its own
 * starts its own server.
 */
final class SharedServer implements ParameterResolver {

    /** Signs the tokens. */
    static final String JWT_SECRET = "a-signing-secret-for-the-shared-test-server-only";
    /** What Prometheus sends to scrape {@code /prometheus}. */
    static final String METRICS_TOKEN = "scrape-secret-for-tests-0123456789";
    /** The lock-out window after five failed logins (15 minutes in production), short so a test sees it end. */
    static final int LOCKOUT_SECONDS = 4;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PulseServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> new Running(),
                Running.class).server;
    }

    /** The server and its folder; JUnit closes it with the root context, after the last test. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {

        private final Path dataDir;
        private final PulseServer server;

        private Running() {
            try {
                dataDir = Files.createTempDirectory("pulse-shared-server");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = new PulseServer(dataDir, Map.of("pulse.security.jwt-secret", JWT_SECRET,
                    "pulse.metrics-token", METRICS_TOKEN,
                    "pulse.security.login.lockout", LOCKOUT_SECONDS + "s")).start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
