package pulse.server.web;

import static org.mockito.Mockito.mock;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import pulse.server.ingest.IngestService;
import pulse.server.kafka.KafkaBacked;
import pulse.server.query.QueryService;
import pulse.server.security.Accounts;

/**
 * The services behind the controllers, as Mockito stubs, in a context without Kafka
 * ({@link KafkaBacked#ENABLED} false): the controller tests start the web layer on these. A test
 * injects the stub it drives and resets it before each test. Beans of a factory, not
 * {@code @MockBean}, which proxies a class and so builds the real service behind the stub.
 */
@Factory
@Requires(property = KafkaBacked.ENABLED, value = "false")
class StubbedServices {

    @Singleton
    @Replaces(IngestService.class)
    IngestService ingest() {
        return mock(IngestService.class);
    }

    @Singleton
    @Replaces(QueryService.class)
    QueryService query() {
        return mock(QueryService.class);
    }

    /** Not a stub of {@code AccountDirectory}: a bean made of that class would keep its condition, Kafka. */
    @Singleton
    Accounts accounts() {
        return mock(Accounts.class);
    }
}
