package pulse.server.kafka;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import pulse.model.EventCodec;
import pulse.model.EventReader;

/** Hands Micronaut the Kafka connection and the codec, built by plain classes. */
@Factory
class KafkaFactory {

    @Singleton
    @Bean(preDestroy = "close")
    @KafkaBacked
    KafkaCluster kafkaCluster(KafkaSettings settings) {
        return KafkaCluster.connect(settings);
    }

    @Singleton
    EventReader eventReader(Clock clock) {
        return EventReader.forInput(clock);
    }

    @Singleton
    EventCodec eventCodec(EventReader reader) {
        return new EventCodec(reader);
    }
}
