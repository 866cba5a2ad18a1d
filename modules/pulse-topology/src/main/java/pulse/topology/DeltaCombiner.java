package pulse.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sums one task's deltas per group and sends the sums every {@link #FLUSH_INTERVAL}, instead of
 * one delta per group per event. The county, its work areas and its levels are in every event:
 * one delta each made their partition of the totals the bottleneck (one stream thread busy with
 * it while the others idled), and most deltas crossed the repartition topic only to be added up.
 *
 * <p>The pending sums live in a logged store, so they are part of the same transaction as the
 * events they came from: a commit between two flushes keeps them, and after a crash they are sent
 * from the restored store — never lost, never counted twice.
 */
final class DeltaCombiner implements Processor<String, ViewChange, String, Tally> {

    /** How long a delta may wait to be combined with others: a small part of the screen's one second. */
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(50);

    private ProcessorContext<String, Tally> context;
    private KeyValueStore<String, Tally> pending;

    @Override
    public void init(ProcessorContext<String, Tally> context) {
        this.context = context;
        this.pending = context.getStateStore(PulseTopology.PENDING_DELTAS_STORE);
        context.schedule(FLUSH_INTERVAL, PunctuationType.WALL_CLOCK_TIME, timestamp -> flush(timestamp));
    }

    @Override
    public void process(Record<String, ViewChange> record) {
        for (KeyValue<String, Tally> delta : PulseTopology.deltas(record.value())) {
            Tally sum = pending.get(delta.key);
            Tally combined = sum == null ? delta.value : sum.plus(delta.value);
            if (combined.isZero()) {
                pending.delete(delta.key);
            } else {
                pending.put(delta.key, combined);
            }
        }
    }

    private void flush(long timestamp) {
        List<KeyValue<String, Tally>> sums = new ArrayList<>();
        try (KeyValueIterator<String, Tally> all = pending.all()) {
            all.forEachRemaining(sums::add);
        }
        for (KeyValue<String, Tally> sum : sums) {
            context.forward(new Record<>(sum.key, sum.value, timestamp));
            pending.delete(sum.key);
        }
    }
}
