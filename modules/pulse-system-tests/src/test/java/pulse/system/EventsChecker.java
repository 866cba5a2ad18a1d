package pulse.system;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import pulse.model.EventCodec;
import pulse.model.EventReader;
import pulse.model.Payload.InvestmentReported;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.PulseEvent;

/**
 * Recomputes the totals from {@code pulse.events} alone, without Pulse's topology: the last
 * report per project and month, summed per unit and for the county, for the plan year.
 */
final class EventsChecker {

    /**
     * @param months the last figure per {@code project/period}
     * @param written every {@code project/period=amount} that is on the topic, whether later replaced or not
     */
    record Expected(Map<String, BigDecimal> completedByUnit, BigDecimal county, Map<String, BigDecimal> months,
            java.util.Set<String> written, long events) {}

    private EventsChecker() {}

    static Expected recompute(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        EventCodec codec = new EventCodec(EventReader.forReplay(Clock.systemUTC()));
        Map<String, String> unitOf = new HashMap<>();
        Map<String, BigDecimal> months = new TreeMap<>();
        java.util.Set<String> written = new java.util.HashSet<>();
        long events = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("pulse.events").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    events++;
                    PulseEvent event = codec.decode(record.value());
                    if (event.payload() instanceof ProjectRegistered) {
                        unitOf.put(event.projectId(), event.unitId());
                    } else if (event.payload() instanceof InvestmentReported report) {
                        months.put(event.projectId() + "/" + report.period(), report.amount());
                        written.add(event.projectId() + "/" + report.period() + "=" + report.amount().toPlainString());
                    }
                }
            }
        }
        Map<String, BigDecimal> byUnit = new TreeMap<>();
        BigDecimal county = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> month : months.entrySet()) {
            String project = month.getKey().substring(0, month.getKey().indexOf('/'));
            if (unitOf.containsKey(project) && month.getKey().contains("/2022-")) {
                byUnit.merge(unitOf.get(project), month.getValue(), BigDecimal::add);
                county = county.add(month.getValue());
            }
        }
        return new Expected(byUnit, county, months, written, events);
    }
}
