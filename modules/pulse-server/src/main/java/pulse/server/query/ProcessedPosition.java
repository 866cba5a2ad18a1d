package pulse.server.query;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import pulse.server.kafka.KafkaCluster;
import pulse.server.kafka.KafkaSettings;
import pulse.server.kafka.StoreUnavailableException;
import pulse.topology.Topics;

/**
 * Whether the topology has processed {@code pulse.events} as far as it was written. A project that
 * the state does not know may simply not be processed yet (after a restart, under a backlog): before
 * the write path says "not registered", it waits until the project's partition is processed up to
 * where it ended when asked, and if that takes too long it says "retry" (503), never a false 404.
 */
@Singleton
class ProcessedPosition {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 100;

    private final Admin admin;
    private final String group;
    private volatile int partitions;

    ProcessedPosition(KafkaCluster cluster, KafkaSettings settings) {
        this.admin = Admin.create(cluster.clientConfig());
        this.group = settings.applicationId();
    }

    /** Returns once everything written to the project's partition before this call is processed. */
    void awaitCaughtUp(String projectId) {
        TopicPartition partition = new TopicPartition(Topics.EVENTS.name(), partitionOf(projectId));
        try {
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS).offset();
            long deadline = System.nanoTime() + WAIT.toNanos();
            long processed;
            while ((processed = processed(partition)) < end) {
                if (System.nanoTime() > deadline) {
                    throw new StoreUnavailableException("the live state is catching up with " + partition
                            + " (processed " + processed + " of " + end + " records), so whether " + projectId
                            + " is registered cannot be told yet");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Kafka did not say how far " + partition + " is processed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for " + partition);
        }
    }

    private long processed(TopicPartition partition) throws ExecutionException, InterruptedException, TimeoutException {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS).get(partition);
        return committed == null ? 0 : committed.offset();
    }

    /** Kafka's default partitioner for a String key, as the producer placed the project's events. */
    private int partitionOf(String projectId) {
        if (partitions == 0) {
            try {
                partitions = admin.describeTopics(List.of(Topics.EVENTS.name())).allTopicNames()
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS).get(Topics.EVENTS.name()).partitions().size();
            } catch (ExecutionException | TimeoutException e) {
                throw new StoreUnavailableException("Kafka did not describe " + Topics.EVENTS.name() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while describing " + Topics.EVENTS.name());
            }
        }
        return Utils.toPositive(Utils.murmur2(projectId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
