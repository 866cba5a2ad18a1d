package pulse.server.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulse.model.EventReader;
import pulse.server.ingest.IngestService;
import pulse.server.kafka.StreamsRunner;
import pulse.server.query.QueryService;

/**
 * With {@code PULSE_DEMO=true}, loads the demo county (SAMPLE DATA) through the real write path
 * once the topology runs, unless it is already there.
 */
@Singleton
@Requires(property = "pulse.demo", value = "true")
class DemoLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final StreamsRunner streams;
    private final QueryService query;
    private final IngestService ingest;
    private final Clock clock;

    DemoLoader(StreamsRunner streams, QueryService query, IngestService ingest, Clock clock) {
        this.streams = streams;
        this.query = query;
        this.ingest = ingest;
        this.clock = clock;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        Thread loader = new Thread(this::loadWhenRunning, "pulse-demo-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void loadWhenRunning() {
        try {
            while (!streams.isRunning()) {
                Thread.sleep(200);
            }
            if (query.project(DemoCounty.FIRST_PROJECT).isPresent()) {
                LOG.info("The demo county is already loaded");
                return;
            }
            LocalDate today = LocalDate.now(clock.withZone(EventReader.ZONE));
            int sent = ingest.submitAll(DemoCounty.events(today)).size();
            LOG.info("Loaded the demo county (SAMPLE DATA): {} projects, {} events as of {}",
                    DemoCounty.projects().size(), sent, today);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Could not load the demo county", e);
        }
    }
}
