package pulse.topology;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import pulse.model.CountyCalendar;
import pulse.model.EventCodec;
import pulse.model.EventReader;
import pulse.model.InvalidInputException;
import pulse.model.PulseEvent;

/**
 * Folds each project's events into its {@link ProjectState}, re-derives its summary, and forwards the
 * change when the summary moved. Lights depend on the date, so once the day changes (checked on
 * wall-clock time) every project is re-evaluated too, without waiting for an event.
 *
 * <p>It forwards what goes out as it goes out, key and value bytes: a summary keyed
 * {@code <year>/<projectId>} (null for a tombstone) for {@code pulse.projects}, and a record that
 * cannot be taken (not JSON, an unknown type, a failed check: a direct producer can send anything)
 * with its original key and bytes and the reason in its headers, for the dead-letter topic
 * ({@link PulseTopology#route}); processing goes on with the next record.
 * The state keeps the offset of every accepted event: the project's audit trail, read from the topic.
 */
final class ProjectProcessor implements Processor<String, byte[], String, byte[]> {

    private final Clock clock;
    private final ProjectEvaluator evaluator;
    private final Duration dayCheckInterval;
    private static final ProjectSummarySerde SUMMARIES = new ProjectSummarySerde();
    private final EventCodec codec;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, ProjectState> store;
    private LocalDate evaluatedOn;

    private final OpenProjectStores open;
    private OpenProjectStores.Progress progress;

    ProjectProcessor(Clock clock, ProjectEvaluator evaluator, Duration dayCheckInterval, OpenProjectStores open) {
        this.open = open;
        this.clock = clock;
        this.evaluator = evaluator;
        this.dayCheckInterval = dayCheckInterval;
        this.codec = new EventCodec(EventReader.forReplay(clock));
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(ProjectStore.NAME);
        context.schedule(dayCheckInterval, PunctuationType.WALL_CLOCK_TIME, timestamp -> reevaluateIfNewDay());
        open.opened(context.taskId().partition(), store);
        progress = open.progress(context.taskId().partition());
        progress.opened();
    }

    @Override
    public void close() {
        open.closed(context.taskId().partition(), store);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        apply(record);
        context.recordMetadata().ifPresent(source -> progress.processed(source.offset()));
    }

    private void apply(Record<String, byte[]> record) {
        PulseEvent event;
        try {
            event = codec.decode(record.value(), Instant.ofEpochMilli(record.timestamp()));
        } catch (InvalidInputException e) {
            refuse(record, e.getMessage());
            return;
        }
        ProjectState before = record.key() == null ? null : store.get(record.key());
        boolean checkedOnWrite = record.headers().lastHeader(Topics.CHECKED_HEADER) != null;
        String refusal = Admission.refusal(record.key(), event, before, checkedOnWrite, evaluator.settings());
        if (refusal != null) {
            refuse(record, refusal);
            return;
        }
        ProjectState after = (before == null ? ProjectState.empty(record.key()) : before).apply(event);
        if (context.recordMetadata().isPresent()) {
            after = after.withEventAt(context.recordMetadata().get().partition(), context.recordMetadata().get().offset());
        }
        publish(after, record.timestamp(), true);
    }

    private void refuse(Record<String, byte[]> record, String reason) {
        Headers headers = record.headers();
        headers.add(Topics.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        context.recordMetadata().ifPresent(source -> headers.add(Topics.SOURCE_HEADER,
                (source.topic() + "-" + source.partition() + "@" + source.offset()).getBytes(StandardCharsets.UTF_8)));
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers));
    }

    /**
     * Evaluates every plan year's view and forwards the summary of each one whose fingerprint
     * differs from the one last published, and a tombstone for a year the project left; stores the
     * state when it changed or a fingerprint did. Only what the summary holds is fingerprinted: a
     * change the totals and the screen do not show (a blocker's text, a milestone's date) sends nothing.
     */
    private void publish(ProjectState state, long timestamp, boolean changed) {
        SortedMap<Integer, Long> before = state.published();
        SortedMap<Integer, Long> after = new TreeMap<>();
        for (Map.Entry<Integer, ProjectSummary> ofYear : evaluator.summaries(state, today()).entrySet()) {
            int year = ofYear.getKey();
            byte[] summary = SUMMARIES.encode(ofYear.getValue());
            long fingerprint = Fingerprint.of(summary);
            after.put(year, fingerprint);
            if (!Objects.equals(before.get(year), fingerprint)) {
                forward(state, year, summary, timestamp);
            }
        }
        for (int year : before.keySet()) {
            if (!after.containsKey(year)) {
                forward(state, year, null, timestamp);
            }
        }
        if (changed || !after.equals(before)) {
            store.put(state.projectId(), state.withPublished(after));
        }
    }

    private void forward(ProjectState state, int year, byte[] summary, long timestamp) {
        context.forward(new Record<>(year + "/" + state.projectId(), summary, timestamp));
    }

    private void reevaluateIfNewDay() {
        LocalDate today = today();
        if (today.equals(evaluatedOn)) {
            return;
        }
        evaluatedOn = today;
        try (KeyValueIterator<String, ProjectState> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, ProjectState> entry = all.next();
                if (entry.value.registered()) {
                    publish(entry.value, clock.millis(), false);
                }
            }
        }
    }

    private LocalDate today() {
        return CountyCalendar.today(clock);
    }
}
