package pulse.server.ingest;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import pulse.model.EventCodec;
import pulse.model.PulseEvent;
import pulse.server.kafka.EventLog;
import pulse.topology.ProjectState;

/**
 * Recognises an event sent again: a writer whose answer was lost (a timeout, a dropped connection)
 * sends the same request again with the same event ids, as Pulse asks. By then the topology may
 * have counted the first sending, and a batch of a report and its correction then reads as a report
 * changing the correction without a reason. Such an event was accepted already: it is answered as
 * it was the first time, and not written again. Only an event the checks refuse is looked up here,
 * in the project's own latest events on {@code pulse.events}, so a write that passes costs nothing more.
 */
@Singleton
class Resends {

    /** How far back a project's events are searched: a retry comes within minutes, a project has a few events a month. */
    static final int LOOK_BACK = 64;

    private final EventLog log;
    private final EventCodec codec;

    Resends(EventLog log, EventCodec codec) {
        this.log = log;
        this.codec = codec;
    }

    /** Where {@code event} was accepted before, among {@code project}'s latest events; empty when it was not. */
    Optional<Accepted> earlier(PulseEvent event, ProjectState project) {
        if (project == null || project.eventOffsets().isEmpty()) {
            return Optional.empty();
        }
        List<Long> offsets = project.eventOffsets();
        List<Long> latest = offsets.subList(Math.max(0, offsets.size() - LOOK_BACK), offsets.size());
        String id = event.eventId().toString();
        // The offsets are the project's own accepted events: only their ids need reading.
        for (ConsumerRecord<String, byte[]> record : log.at(project.eventPartition(), latest)) {
            if (id.equals(codec.parse(record.value(), "value").path("eventId").asText())) {
                return Optional.of(new Accepted(event.eventId(), event.type(), event.projectId(), record.partition(),
                        record.offset()));
            }
        }
        return Optional.empty();
    }
}
