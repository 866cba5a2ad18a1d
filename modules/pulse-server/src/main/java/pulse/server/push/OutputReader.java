package pulse.server.push;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulse.model.EventCodec;
import pulse.model.EventReader;
import pulse.model.InvalidInputException;
import pulse.model.Payload.InvestmentReported;
import pulse.model.PulseEvent;
import pulse.server.kafka.KafkaBacked;
import pulse.server.kafka.KafkaCluster;
import pulse.server.kafka.TopicFollower;
import pulse.server.kafka.TopicFollower.Follow;
import pulse.server.operations.DeadLetters;
import pulse.server.query.LiveTotals;
import pulse.server.query.QueryService;
import pulse.topology.GroupKey;
import pulse.topology.ProjectSummary;
import pulse.topology.Tally;
import pulse.topology.Topics;

/**
 * Follows ({@link TopicFollower}) the topology's output ({@code pulse.projects}, from its start: every summary goes into
 * this instance's {@link LiveTotals}), the accepted reports ({@code pulse.events}, its last few, for the
 * ticker) and the dead letters ({@code pulse.events.dlq}, counted from its start) on every
 * partition, whichever instance processed them, reading only committed records, and hands each
 * change to the {@link LiveFeed} — the totals' changes once it has caught up with what was there
 * when it started.
 */
@Context
@KafkaBacked
class OutputReader {

    private static final Logger LOG = LoggerFactory.getLogger(OutputReader.class);
    /**
     * The events of each partition read: on start, so the ticker is not empty after a restart, and
     * after every poll; older ones are skipped unread (the ticker shows a dozen).
     */
    private static final int TICKER_BACKLOG_PER_PARTITION = 10;
    private static final Duration NAME_WAIT = Duration.ofSeconds(3);
    private static final org.apache.kafka.common.serialization.Deserializer<ProjectSummary> SUMMARIES =
            Topics.PROJECTS.valueSerde().deserializer();

    private final LiveFeed feed;
    private final QueryService query;
    private final LiveTotals totals;
    private final DeadLetters deadLetters;
    private static final EventCodec CODEC = new EventCodec(EventReader.forReplay(java.time.Clock.systemUTC()));
    /** Events of the current poll looked at for the ticker: the last of them, enough to hold a dozen reports. */
    private static final int LATEST_KEPT = 4 * LiveFeed.MAX_REPORTS_PER_UPDATE;
    private final Deque<byte[]> latest = new ArrayDeque<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Deque<Parked> parked = new ArrayDeque<>();
    private final TopicFollower follower;
    /** Where the feed reads a moved group's totals when it makes the next update. */
    private final Function<GroupKey, Tally> current;

    OutputReader(KafkaCluster cluster, LiveFeed feed, QueryService query, LiveTotals totals, DeadLetters deadLetters) {
        this.feed = feed;
        this.totals = totals;
        this.current = totals::get;
        this.query = query;
        this.deadLetters = deadLetters;
        this.follower = new TopicFollower(cluster, "pulse-push", List.of(
                Follow.fromStart(Topics.PROJECTS.name(), this::projectChanged),
                Follow.tail(Topics.EVENTS.name(), TICKER_BACKLOG_PER_PARTITION, record -> arrived(record.value())),
                Follow.fromStart(Topics.DEAD_LETTERS.name(), this::deadLetter)), this::afterEachPoll);
    }

    private void afterEachPoll() {
        if (!totals.isCaughtUp() && follower.isCaughtUp()) {
            totals.caughtUp();
            LOG.info("Read pulse.projects up to where it ended at start: {} project-years in the totals", totals.size());
        }
        decodeLatest();
        releaseParkedReports();
    }

    /**
     * An event accepted on {@code pulse.events}: kept undecoded, with only the latest few of a poll.
     * Under a backlog a poll brings thousands, and the ticker shows the last dozen reports; decoding
     * every one cost this thread a fifth of the server's CPU during a catch-up.
     */
    private void arrived(byte[] value) {
        latest.addLast(value);
        if (latest.size() > LATEST_KEPT) {
            latest.removeFirst();
        }
    }

    /** The reports among the latest events of the poll, oldest first, for the ticker. */
    private void decodeLatest() {
        Deque<Report> reports = new ArrayDeque<>();
        while (!latest.isEmpty() && reports.size() < LiveFeed.MAX_REPORTS_PER_UPDATE) {
            Report report = report(latest.removeLast());
            if (report != null) {
                reports.addFirst(report);
            }
        }
        latest.clear();
        reports.forEach(report -> parked.add(new Parked(report, System.nanoTime())));
    }

    private void projectChanged(ConsumerRecord<String, byte[]> record) {
        ProjectSummary project = SUMMARIES.deserialize(record.topic(), record.value());
        List<GroupKey> moved = totals.apply(record.key(), project);
        if (totals.isCaughtUp()) {
            moved.forEach(group -> feed.totalsChanged(group, current));
        }
        if (project != null) {
            if (!Objects.equals(project.name(), names.get(project.projectId()))) {   // a read, not a write, for almost every summary
                names.put(project.projectId(), project.name());
            }
            feed.projectChanged(project);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record) {
        feed.deadLettersCounted(deadLetters.add(new DeadLetters.Letter(record.key(),
                header(record, Topics.REASON_HEADER), header(record, Topics.SOURCE_HEADER),
                Instant.ofEpochMilli(record.timestamp()))));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The report an event is, or null for any other event (the ticker shows reports only). */
    private static Report report(byte[] value) {
        PulseEvent event;
        try {
            event = CODEC.decode(value);
        } catch (InvalidInputException e) {
            return null; // the topology sets unreadable records aside
        }
        return event.payload() instanceof InvestmentReported report ? new Report(event.projectId(), event.projectId(),
                event.unitId(), report.period().toString(), report.amount(), report.reason(), event.reportedAt()) : null;
    }

    /** A report waiting for its project's name: a report can arrive before the registration is processed. */
    private record Parked(Report report, long since) {}

    /** Sends parked reports in order once their project's name is known, or after a short wait without it. */
    private void releaseParkedReports() {
        while (!parked.isEmpty()) {
            Parked next = parked.peekFirst();
            String name = name(next.report().projectId());
            boolean waitedEnough = System.nanoTime() - next.since() > NAME_WAIT.toNanos();
            if (name == null && !waitedEnough) {
                return;
            }
            parked.removeFirst();
            Report report = next.report();
            feed.reported(new Report(report.projectId(), name == null ? report.projectId() : name, report.unitId(),
                    report.period(), report.amount(), report.reason(), report.reportedAt()));
        }
    }

    /** The project's name for the ticker, or null while it cannot be known yet. */
    private String name(String projectId) {
        String known = names.get(projectId);
        if (known != null) {
            return known;
        }
        try {
            return query.project(projectId).map(view -> {
                names.put(projectId, view.name());
                return view.name();
            }).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        follower.close();
    }
}
