package pulse.topology;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import pulse.model.ProjectView;
import pulse.rules.RuleSettings;

/**
 * Pulse's topology, built without any running Kafka so that the TopologyTestDriver runs exactly it.
 *
 * <pre>
 * pulse.events ─► ProjectProcessor [projects, history stores] ─► view changes
 *                                 └► records it cannot take ─► pulse.events.dlq
 *   ─► one delta per group the project is in (county, unit, township, area, level),
 *       summed per task for 50 ms [pending-deltas store]
 *   ─► repartition by group ─► sum [totals store] ─► pulse.totals
 * view changes ─► pulse.projects (each project's latest view of each plan year)
 * </pre>
 *
 * A project has a view per plan year, and a group's totals are per year too ({@link GroupKey}).
 * Totals are sums of deltas (new view − old view), so moving a project between units, a
 * correction, or a new day's lights shift exactly what changed and nothing is counted twice.
 */
public final class PulseTopology {

    public static final String PROJECTS_STORE = "projects";
    public static final String TOTALS_STORE = "totals";
    /** Each task's deltas per group, summed until they are sent to the totals: {@link DeltaCombiner}. */
    public static final String PENDING_DELTAS_STORE = "pending-deltas";
    /** Every accepted event of every project, key {@link HistoryKeys}: the audit trail, read per project. */
    public static final String HISTORY_STORE = "history";
    /**
     * Every group's totals on every instance: a global table over {@code pulse.totals}. The groups
     * are few (units, townships, areas, levels, the county), so any instance answers county and
     * dimension totals from its own copy, with no fan-out to the others.
     */
    public static final String TOTALS_EVERYWHERE_STORE = "totals-everywhere";

    private PulseTopology() {}

    public static Topology build(Clock clock, RuleSettings settings, Duration dayCheckInterval) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PROJECTS_STORE), Serdes.String(), new SmileSerde<>(ProjectState.class)));
        ProjectEvaluator evaluator = new ProjectEvaluator(settings);

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(HISTORY_STORE), Serdes.String(), Serdes.ByteArray()));

        KStream<String, Outcome> outcomes = builder
                .stream(Topics.EVENTS.name(), Consumed.with(Topics.EVENTS.keySerde(), Topics.EVENTS.valueSerde()))
                .process(() -> new ProjectProcessor(clock, evaluator, dayCheckInterval), PROJECTS_STORE, HISTORY_STORE);
        outcomes.filter((projectId, outcome) -> outcome instanceof Outcome.Refused)
                .mapValues(outcome -> ((Outcome.Refused) outcome).original())
                .to(Topics.DEAD_LETTERS.name(),
                        Produced.with(Topics.DEAD_LETTERS.keySerde(), Topics.DEAD_LETTERS.valueSerde()));
        KStream<String, ViewChange> changes = outcomes
                .filter((projectId, outcome) -> outcome instanceof Outcome.Changed)
                .mapValues(outcome -> ((Outcome.Changed) outcome).change());
        changes.map((projectId, change) -> KeyValue.pair(change.projectYearKey(), change.after()))
                .to(Topics.PROJECTS.name(), Produced.with(Topics.PROJECTS.keySerde(), Topics.PROJECTS.valueSerde()));
        // The deltas and the totals store are the topology's own (Smile); pulse.totals is JSON.
        SmileSerde<Tally> internal = new SmileSerde<>(Tally.class);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(PENDING_DELTAS_STORE), Serdes.String(), internal).withCachingEnabled());
        changes.process(DeltaCombiner::new, PENDING_DELTAS_STORE)
                .groupByKey(Grouped.with("by-group", Serdes.String(), internal))
                .aggregate(Tally::zero, (group, delta, tally) -> tally.plus(delta),
                        Materialized.<String, Tally, KeyValueStore<Bytes, byte[]>>as(TOTALS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(internal))
                .toStream()
                .to(Topics.TOTALS.name(), Produced.with(Topics.TOTALS.keySerde(), Topics.TOTALS.valueSerde()));
        builder.globalTable(Topics.TOTALS.name(), Consumed.with(Topics.TOTALS.keySerde(), Topics.TOTALS.valueSerde()),
                Materialized.<String, Tally, KeyValueStore<Bytes, byte[]>>as(TOTALS_EVERYWHERE_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.TOTALS.valueSerde()));
        return builder.build();
    }

    /** For each group: minus the old view where the project was, plus the new view where it is. */
    static List<KeyValue<String, Tally>> deltas(ViewChange change) {
        List<KeyValue<String, Tally>> deltas = new ArrayList<>();
        Tally before = Tally.of(change.before());
        Tally after = Tally.of(change.after());
        Tally difference = after.minus(before);
        Tally removed = Tally.zero().minus(before);
        for (Dimension dimension : Dimension.values()) {
            String from = key(dimension, change.before());
            String to = key(dimension, change.after());
            if (from != null && from.equals(to)) {
                add(deltas, to, difference);
            } else {
                if (from != null) {
                    add(deltas, from, removed);
                }
                if (to != null) {
                    add(deltas, to, after);
                }
            }
        }
        return deltas;
    }

    private static String key(Dimension dimension, ProjectView view) {
        return view == null ? null : GroupKey.of(view, dimension).format();
    }

    private static void add(List<KeyValue<String, Tally>> deltas, String group, Tally delta) {
        if (!delta.isZero()) {
            deltas.add(KeyValue.pair(group, delta));
        }
    }
}
