package pulse.server.query;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/** Health is DOWN until this instance's totals have read what {@code pulse.projects} held when it started. */
@Singleton
class TotalsHealthIndicator implements HealthIndicator {

    private final LiveTotals totals;

    TotalsHealthIndicator(LiveTotals totals) {
        this.totals = totals;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("totals", totals.isCaughtUp() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("projectYears", totals.size())).build());
    }
}
