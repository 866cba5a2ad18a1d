package pulse.server.period;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import pulse.model.PeriodSnapshot;
import pulse.model.PulseJson;
import pulse.server.kafka.KafkaBacked;
import pulse.server.kafka.KafkaCluster;
import pulse.server.kafka.TopicTable;
import pulse.topology.Topics;

/**
 * Every closed period, every revision, as the bytes written when it was closed: kept on the
 * compacted topic {@code pulse.periods} (key {@code <YYYY-MM>/<revision>}) and read whole by every
 * instance, so a snapshot reads byte for byte the same on any instance, after any restart and after
 * any later correction. Two instances closing the same month at once both write the same key: the
 * first record on the topic is the close, the other is ignored and its writer told so.
 */
@Context
@KafkaBacked
public class PeriodArchive {

    private final ObjectMapper json = PulseJson.mapper();
    private final Map<String, NavigableMap<Integer, byte[]>> periods = new ConcurrentSkipListMap<>();
    /** Who closed each revision and when, read once as it arrives: listing never parses whole snapshots. */
    private final Map<String, PeriodSnapshot.Closed> closed = new ConcurrentSkipListMap<>();
    private final TopicTable table;

    PeriodArchive(KafkaCluster cluster) {
        table = new TopicTable(cluster, Topics.PERIODS.name(), "pulse-periods", this::apply);
    }

    private void apply(String key, byte[] value, long timestamp) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (value == null || slash < 0) {
            return;
        }
        byte[] first = periods.computeIfAbsent(key.substring(0, slash), period -> new ConcurrentSkipListMap<>())
                .putIfAbsent(Integer.parseInt(key.substring(slash + 1)), value);
        if (first == null) {
            closed.put(key.substring(0, slash) + "/" + String.format("%06d", Integer.parseInt(key.substring(slash + 1))),
                    read(value).closed());
        }
    }

    /** The snapshot's bytes: of {@code revision}, or the latest when it is null. */
    public Optional<byte[]> bytes(String period, Integer revision) {
        NavigableMap<Integer, byte[]> versions = periods.get(period);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(revision == null ? versions.lastEntry().getValue() : versions.get(revision));
    }

    public Optional<PeriodSnapshot> latest(String period) {
        return bytes(period, null).map(this::read);
    }

    /** The latest revision of the period, 0 while it is not closed. */
    public int latestRevision(String period) {
        NavigableMap<Integer, byte[]> versions = periods.get(period);
        return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
    }

    /** Every closed period and revision, by period then revision. */
    public List<PeriodSnapshot.Closed> list() {
        return List.copyOf(closed.values());
    }

    /** Writes a revision; true when it is the one on record (no other close of the same revision came first). */
    boolean store(PeriodSnapshot snapshot, byte[] bytes) {
        table.write(snapshot.period() + "/" + snapshot.revision(), bytes);
        return Arrays.equals(bytes(snapshot.period(), snapshot.revision()).orElse(null), bytes);
    }

    PeriodSnapshot read(byte[] bytes) {
        try {
            return json.readValue(bytes, PeriodSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] encode(PeriodSnapshot snapshot) {
        try {
            return json.writeValueAsBytes(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() {
        table.close();
    }
}
