package pulse.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulse.model.PulseJson;
import pulse.server.PulseClock;
import pulse.server.ingest.IngestService;
import pulse.server.period.CarryForward;
import pulse.server.period.PeriodArchive;
import pulse.server.period.PeriodService;
import pulse.server.security.Sender;
import pulse.server.kafka.StoreUnavailableException;
import pulse.server.kafka.TopologyStores;
import pulse.server.query.QueryService;

/**
 * With {@code PULSE_DEMO=true}, loads the demo county (SAMPLE DATA) through the real write path
 * once the topology runs, unless it is already there. With {@code PULSE_DEMO_SPEED} (e.g. 10s) it
 * replays the year instead: "today" steps one month-end at a time, and each month's reports and
 * milestones are sent as that month closes, so the screen moves.
 *
 * <p>The demo county's plan year is 2022. As the office would, the demo closes each month two months
 * later (June's close comes at the end of August), and once "today" is in 2023 it carries the
 * unfinished projects into 2023 with a plan of what remains ({@code PULSE_TODAY=2023-01-15} shows
 * both years, January to November closed, December's late reports missing).
 */
@Singleton
@Requires(property = "pulse.demo", value = "true")
class DemoLoader {

    /** Who the demo's events are recorded as sent by. */
    private static final Sender SENDER = Sender.system("demo");
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private static final Duration AVAILABLE_WITHIN = Duration.ofMinutes(2);

    private final TopologyStores streams;
    private final QueryService query;
    private final IngestService ingest;
    private final PeriodService periods;
    private final PeriodArchive archive;
    private final CarryForward carryForward;
    private final PulseClock clock;
    private final String speed;

    DemoLoader(TopologyStores streams, QueryService query, IngestService ingest, PeriodService periods,
            PeriodArchive archive, CarryForward carryForward, PulseClock clock, @Value("${pulse.demo-speed:}") String speed) {
        this.streams = streams;
        this.query = query;
        this.ingest = ingest;
        this.periods = periods;
        this.archive = archive;
        this.carryForward = carryForward;
        this.clock = clock;
        this.speed = speed;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        Thread loader = new Thread(this::load, "pulse-demo-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        try {
            while (!streams.isRunning()) {
                Thread.sleep(200);
            }
            if (whenAvailable(() -> query.project(DemoCounty.FIRST_PROJECT).isPresent())) {
                LOG.info("The demo county is already loaded");
                return;
            }
            if (speed == null || speed.isBlank()) {
                LocalDate today = clock.today();
                int sent = whenAvailable(() -> ingest.submitAll(DemoCounty.events(today), SENDER)).size();
                LOG.info("Loaded the demo county (SAMPLE DATA): {} projects, {} events as of {}",
                        DemoCounty.projects().size(), sent, today);
                runTheCycle(today);
            } else {
                replay(parse(speed));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Could not load the demo county", e);
        }
    }

    /**
     * Runs {@code step} until the live state answers it: Kafka Streams may rebalance once more just
     * after it first runs, and a read or a write's checks then find the store unavailable for a
     * moment. Safe to repeat: what throws {@link StoreUnavailableException} has published nothing.
     */
    private static <T> T whenAvailable(Supplier<T> step) throws InterruptedException {
        long deadline = System.nanoTime() + AVAILABLE_WITHIN.toNanos();
        while (true) {
            try {
                return step.get();
            } catch (StoreUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.info("The live state is not available yet ({}); the demo waits", e.getMessage());
                Thread.sleep(500);
            }
        }
    }

    /** Steps today through the month-ends up to the target day, sending each month's new events. */
    private void replay(Duration perMonth) throws InterruptedException {
        LocalDate target = clock.today();
        LOG.info("Replaying the demo county's year (SAMPLE DATA) up to {}, one month every {}", target, perMonth);
        Set<String> sent = new HashSet<>();
        for (YearMonth month = YearMonth.of(DemoCounty.YEAR, 1); ; month = month.plusMonths(1)) {
            LocalDate today = month.atEndOfMonth().isBefore(target) ? month.atEndOfMonth() : target;
            clock.setToday(today);
            ArrayNode fresh = PulseJson.mapper().createArrayNode();
            for (JsonNode event : DemoCounty.events(today)) {
                if (sent.add(event.get("eventId").asText())) {
                    fresh.add(event);
                }
            }
            if (!fresh.isEmpty()) {
                whenAvailable(() -> ingest.submitAll(fresh, SENDER));
            }
            runTheCycle(today);
            LOG.info("Demo replay: {} ({} new events)", today, fresh.size());
            if (!today.isBefore(target)) {
                return;
            }
            Thread.sleep(perMonth.toMillis());
        }
    }

    /** What the office has done by {@code today}: the months closed two months on, the new year's plans carried forward. */
    private void runTheCycle(LocalDate today) {
        if (today.getYear() > DemoCounty.YEAR) {
            int carried = carryForward.into(today.getYear(), false, SENDER).written().size();
            LOG.info("Demo: carried {} unfinished projects into {}", carried, today.getYear());
        }
        YearMonth lastToClose = YearMonth.from(today).minusMonths(2);
        for (YearMonth month = YearMonth.of(DemoCounty.YEAR, 1); !month.isAfter(lastToClose)
                && month.getYear() == DemoCounty.YEAR; month = month.plusMonths(1)) {
            if (archive.latestRevision(month.toString()) == 0) {
                periods.close(month, SENDER, false, null);
            }
        }
    }

    static Duration parse(String speed) {
        String text = speed.strip().toLowerCase();
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PULSE_DEMO_SPEED was \"" + speed + "\"; expected the time per "
                    + "simulated month, such as 10s or 500ms");
        }
    }
}
