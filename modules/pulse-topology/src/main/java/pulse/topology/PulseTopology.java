package pulse.topology;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
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
     * builds and runs); answers the processor's outcomes, from which the two output topics are fed.
     */
    public static KStream<String, ?> define(StreamsBuilder builder, Clock clock, RuleSettings settings,
            Duration dayCheckInterval, OpenProjectStores open) {
        builder.addStateStore(ProjectStore.builder());
        ProjectEvaluator evaluator = new ProjectEvaluator(settings);
        KStream<String, Outcome> outcomes = builder
                .stream(Topics.EVENTS.name(), Consumed.with(Topics.EVENTS.keySerde(), Topics.EVENTS.valueSerde()))
                .process(() -> new ProjectProcessor(clock, evaluator, dayCheckInterval, open), ProjectStore.NAME);
        outcomes.filter((projectId, outcome) -> outcome instanceof Outcome.Refused)
                .mapValues(outcome -> ((Outcome.Refused) outcome).original())
                .to(Topics.DEAD_LETTERS.name(),
                        Produced.with(Topics.DEAD_LETTERS.keySerde(), Topics.DEAD_LETTERS.valueSerde()));
        // The summaries leave as the bytes the processor encoded once, to fingerprint them.
        outcomes.filter((projectId, outcome) -> outcome instanceof Outcome.Changed)
                .map((projectId, outcome) -> KeyValue.pair(((Outcome.Changed) outcome).projectYear(),
                        ((Outcome.Changed) outcome).summary()))
                .to(Topics.PROJECTS.name(), Produced.with(Topics.PROJECTS.keySerde(), Serdes.ByteArray()));
        return outcomes;
    }
}
