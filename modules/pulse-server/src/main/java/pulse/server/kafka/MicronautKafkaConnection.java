package pulse.server.kafka;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * micronaut-kafka's clients (the topology's, and the admin client its consumer support opens) connect
 * where Pulse's own do: {@link KafkaCluster#clientConfig()}, the embedded broker's address or
 * {@code KAFKA_BOOTSTRAP_SERVERS}, with the client properties file's settings. Its own default,
 * {@code kafka.bootstrap.servers} or else localhost:9092, would be another Kafka than Pulse's.
 */
@Singleton
@KafkaBacked
class MicronautKafkaConnection implements BeanCreatedEventListener<KafkaDefaultConfiguration> {

    private final BeanProvider<KafkaCluster> cluster;

    MicronautKafkaConnection(BeanProvider<KafkaCluster> cluster) {
        this.cluster = cluster;
    }

    @Override
    public KafkaDefaultConfiguration onCreated(BeanCreatedEvent<KafkaDefaultConfiguration> event) {
        KafkaDefaultConfiguration configuration = event.getBean();
        configuration.getConfig().putAll(cluster.get().clientConfig());
        return configuration;
    }
}
