package pulse.server.query;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import pulse.server.kafka.KafkaCluster;
import pulse.server.kafka.KafkaSettings;
import pulse.server.kafka.StoreUnavailableException;
import pulse.server.kafka.TopologyStores;
import pulse.topology.OpenProjectStores;
import pulse.topology.Topics;

/**
 * Whether this instance's topology has processed a project's partition of {@code pulse.events} as
 * far as it was written. A project that the state does not know may simply not be processed yet
 * (after a restart, under a backlog): before the write path says "not registered", the instance
 * that processes the project's partition waits until it has processed everything written there
 * before the question, and if that takes too long it says "retry" (503), never a false 404.
 *
 * <p>The wait is woken by the stream thread as it processes ({@link OpenProjectStores#awaitProcessed}).
 * The committed offset is asked at the start and once a second while waiting: it covers what the
 * task processed before it opened here, and a partition whose last records are transaction markers
 * (written by a transactional producer of another application), which no record processed reaches.
 */
@Singleton
class ProcessedPosition {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration COMMITTED_AGAIN_AFTER = Duration.ofSeconds(1);

    private final Admin admin;
    private final String group;
    private final TopologyStores streams;

    ProcessedPosition(KafkaCluster cluster, KafkaSettings settings, TopologyStores streams) {
        this.admin = Admin.create(cluster.clientConfig());
        this.group = settings.applicationId();
        this.streams = streams;
    }

    /**
     * Returns once everything written to the project's partition before this call is processed
     * here; {@link StoreUnavailableException} if that does not happen within {@link #WAIT}.
     */
    void awaitCaughtUp(String projectId) {
        int partition = streams.partitionOf(projectId);
        TopicPartition events = new TopicPartition(Topics.EVENTS.name(), partition);
        try {
            long end = admin.listOffsets(Map.of(events, OffsetSpec.latest())).partitionResult(events)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS).offset();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (streams.openProjects().processedUpTo(partition) < end && committed(events) < end) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StoreUnavailableException("the live state is catching up with " + events
                            + " (processed " + Math.max(streams.openProjects().processedUpTo(partition), committed(events))
                            + " of " + end + " records), so whether " + projectId + " is registered cannot be told yet");
                }
                streams.openProjects().awaitProcessed(partition, end,
                        Duration.ofNanos(Math.min(left, COMMITTED_AGAIN_AFTER.toNanos())));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Kafka did not say how far " + events + " is processed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for " + events);
        }
    }

    private long committed(TopicPartition partition) throws ExecutionException, InterruptedException, TimeoutException {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS).get(partition);
        return committed == null ? 0 : committed.offset();
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
