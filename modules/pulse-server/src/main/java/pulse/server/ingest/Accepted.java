package pulse.server.ingest;

import java.util.UUID;

/** What a write answers once Kafka acknowledged it: the event and where it now lives. */
public record Accepted(UUID eventId, String type, String projectId, int partition, long offset) {}
