package pulse.topology;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/** The topics Pulse reads and writes. */
public final class Topics {

    /**
     * Every accepted update, key = projectId, value = the event's JSON as units write it. Values
     * are read as bytes and decoded in the topology, so that one unreadable record from a direct
     * producer is set aside instead of stopping the stream.
     */
    public static final Topic<String, byte[]> EVENTS =
            new Topic<>("pulse.events", Serdes.String(), Serdes.ByteArray());

    /**
     * Records of {@code pulse.events} that could not be taken, as they came (key and value bytes),
     * with {@code pulse.error.reason} and {@code pulse.error.source} (topic-partition@offset) headers.
     */
    public static final Topic<String, byte[]> DEAD_LETTERS =
            new Topic<>("pulse.events.dlq", Serdes.String(), Serdes.ByteArray());
    /** Header of a dead letter: why it was refused, naming the field, the value and what was expected. */
    public static final String REASON_HEADER = "pulse.error.reason";
    /** Header of a dead letter: where it was on {@code pulse.events}, as {@code topic-partition@offset}. */
    public static final String SOURCE_HEADER = "pulse.error.source";

    /**
     * Header of an event Pulse's write path published: its figure was checked there (plausibility),
     * so the topology does not check it again against later state (that could set aside an
     * acknowledged write). Records written straight to Kafka lack it and are checked by the topology.
     */
    public static final String CHECKED_HEADER = "pulse.checked";

    /**
     * The segments of a compacted topic that is read whole at every start ({@code pulse.projects} by
     * every instance, the projects store's changelog by the instance restoring it): small, so that
     * the cleaner compacts all but the newest few MB down to each key's latest record, and the read
     * stays about one record per key however many events there were.
     */
    public static final Map<String, String> SMALL_SEGMENTS = Map.of(
            TopicConfig.SEGMENT_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024),
            TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis()));

    /**
     * The audit of logins and accounts (one partition, kept 400 days): every login, failure and
     * lock-out, every account created or deleted, as JSON. Every instance reads it, so a lock-out
     * holds on all of them.
     */
    public static final Topic<String, byte[]> AUDIT = new Topic<>("pulse.audit", Serdes.String(), Serdes.ByteArray());

    /**
     * Every project's latest summary of each plan year ({@link ProjectSummary}), key =
     * {@code <year>/<projectId>} (compacted; a tombstone when a project leaves a year's list): what
     * every instance sums its totals from ({@link TotalsBook}) and the screen's push channel follows.
     */
    public static final Topic<String, ProjectSummary> PROJECTS =
            new Topic<>("pulse.projects", Serdes.String(), new ProjectSummarySerde());

    /** Accounts of the HTTP API, key = username, value = the account's JSON (compacted, one partition). */
    public static final Topic<String, byte[]> ACCOUNTS =
            new Topic<>("pulse.accounts", Serdes.String(), Serdes.ByteArray());

    /**
     * Closed periods, key = {@code <YYYY-MM>/<revision>}, value = the frozen snapshot's JSON, kept
     * forever and served byte for byte (compacted, one partition; the first record of a key wins).
     */
    public static final Topic<String, byte[]> PERIODS =
            new Topic<>("pulse.periods", Serdes.String(), Serdes.ByteArray());

    /** Reminders sent, key = {@code <YYYY-MM>/<unit>/<kind>}: each is sent once across restarts and instances. */
    public static final Topic<String, byte[]> REMINDERS =
            new Topic<>("pulse.reminders", Serdes.String(), Serdes.ByteArray());

    private Topics() {}
}
