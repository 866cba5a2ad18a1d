package pulse.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulse.model.EventCodec;
import pulse.model.EventReader;
import pulse.model.InvalidInputException;
import pulse.model.ProjectView;
import pulse.model.PulseEvent;

/**
 * Folds each project's events into its {@link ProjectState}, re-derives its view, and forwards the
 * change when the view moved. Lights depend on the date, so once the day changes (checked on
 * wall-clock time) every project is re-evaluated too, without waiting for an event.
 */
final class ProjectProcessor implements Processor<String, byte[], String, ViewChange> {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectProcessor.class);

    private final Clock clock;
    private final ProjectEvaluator evaluator;
    private final Duration dayCheckInterval;
    private final EventCodec codec;
    private ProcessorContext<String, ViewChange> context;
    private KeyValueStore<String, ProjectState> store;
    private LocalDate evaluatedOn;

    ProjectProcessor(Clock clock, ProjectEvaluator evaluator, Duration dayCheckInterval) {
        this.clock = clock;
        this.evaluator = evaluator;
        this.dayCheckInterval = dayCheckInterval;
        this.codec = new EventCodec(EventReader.forReplay(clock));
    }

    @Override
    public void init(ProcessorContext<String, ViewChange> context) {
        this.context = context;
        this.store = context.getStateStore(PulseTopology.PROJECTS_STORE);
        context.schedule(dayCheckInterval, PunctuationType.WALL_CLOCK_TIME, timestamp -> reevaluateIfNewDay());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        PulseEvent event;
        try {
            event = codec.decode(record.value());
        } catch (InvalidInputException e) {
            LOG.warn("Skipped an unreadable event for key {}: {}", record.key(), e.getMessage());
            return;
        }
        if (!event.projectId().equals(record.key())) {
            LOG.warn("Skipped event {}: its key {} is not its projectId {}", event.eventId(), record.key(),
                    event.projectId());
            return;
        }
        ProjectState before = store.get(record.key());
        ProjectState after = (before == null ? ProjectState.empty(record.key()) : before).apply(event);
        publish(after, record.timestamp());
    }

    private void publish(ProjectState state, long timestamp) {
        ProjectView before = state.view();
        ProjectView after = evaluator.view(state, today());
        store.put(state.projectId(), state.withView(after));
        if (!Objects.equals(before, after)) {
            context.forward(new Record<>(state.projectId(), new ViewChange(before, after), timestamp));
        }
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
                    publish(entry.value, clock.millis());
                }
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(EventReader.ZONE));
    }
}
