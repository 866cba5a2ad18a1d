package pulse.server;

import io.micronaut.runtime.Micronaut;

/** Starts Pulse: Kafka (embedded or external), the topology, and the HTTP server. */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
