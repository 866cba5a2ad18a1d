package pulse.topology;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.RecordContext;
import pulse.rules.RuleSettings;

/**
 * Pulse's topology, built without any running Kafka so that the TopologyTestDriver runs exactly it.
 *
 * <pre>
 * pulse.events ─► ProjectProcessor [projects store] ─► each plan year's summary that moved ─► pulse.projects
 *                                                   └► records it cannot take ─► pulse.events.dlq
 * </pre>
 *
 * That is all it writes: per event the project's state (its changelog) and, when what the totals
 * and the screen show of it moved, its {@link ProjectSummary}. The totals of every group are summed from {@code pulse.projects} by each instance
 * ({@link TotalsBook}); the audit trail is {@code pulse.events} itself, read at the offsets the
 * state keeps.
 */
public final class PulseTopology {

    private PulseTopology() {}

    public static Topology build(Clock clock, RuleSettings settings, Duration dayCheckInterval) {
        return build(clock, settings, dayCheckInterval, new OpenProjectStores());
    }

    /** The topology, whose tasks list their projects store in {@code open} while they process. */
    public static Topology build(Clock clock, RuleSettings settings, Duration dayCheckInterval, OpenProjectStores open) {
        StreamsBuilder builder = new StreamsBuilder();
        define(builder, clock, settings, dayCheckInterval, open);
        return builder.build();
    }

    /**
     * Adds the topology to {@code builder} (the server's is the one Micronaut's Kafka Streams support
     * builds and runs); answers the records the processor sends out, which one sink writes to the
     * topic {@link #route} picks. (A filter and a mapping for each topic took a tenth of the
     * stream threads' samples in a catch-up.)
     */
    public static KStream<String, byte[]> define(StreamsBuilder builder, Clock clock, RuleSettings settings,
            Duration dayCheckInterval, OpenProjectStores open) {
        builder.addStateStore(ProjectStore.builder());
        ProjectEvaluator evaluator = new ProjectEvaluator(settings);
        KStream<String, byte[]> out = builder
                .stream(Topics.EVENTS.name(), Consumed.with(Topics.EVENTS.keySerde(), Topics.EVENTS.valueSerde()))
                .process(() -> new ProjectProcessor(clock, evaluator, dayCheckInterval, open), ProjectStore.NAME);
        out.to(PulseTopology::route, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return out;
    }

    /**
     * Where a record the processor sent goes: one it refused carries the reason in its headers and
     * goes to the dead-letter topic; every other is a summary (already encoded, to fingerprint it)
     * for {@code pulse.projects}.
     */
    static String route(String key, byte[] value, RecordContext record) {
        return record.headers().lastHeader(Topics.REASON_HEADER) != null ? Topics.DEAD_LETTERS.name()
                : Topics.PROJECTS.name();
    }
}
