package pulse.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import pulse.model.PulseJson;
import pulse.server.kafka.KafkaCluster;

/**
 * An oracle for a plan year's investment, independent of Pulse's code: reads {@code pulse.events}
 * as plain JSON and keeps the last figure per project and month of registered projects, summed per
 * unit and for the county. It knows nothing of the topology; it only knows the contract.
 */
final class EventLogRecount {

    record Logged(int partition, long offset, JsonNode event) {}

    private final List<Logged> events = new ArrayList<>();

    /** Every committed record of {@code pulse.events}, as it is now. */
    static EventLogRecount read(PulseServer server) {
        Map<String, Object> config = server.context().getBean(KafkaCluster.class).clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        EventLogRecount recount = new EventLogRecount();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("pulse.events").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    recount.events.add(new Logged(record.partition(), record.offset(), parse(record.value())));
                }
            }
        }
        return recount;
    }

    private static JsonNode parse(byte[] value) {
        try {
            return PulseJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Logged> events() {
        return events;
    }

    /** Completed investment of {@code year} up to {@code lastPeriod}, per unit and under "全县", of the events below {@code position}. */
    Map<String, BigDecimal> completed(int year, String lastPeriod, Map<Integer, Long> position) {
        Map<String, String> units = new HashMap<>();
        Map<String, BigDecimal> lastFigure = new TreeMap<>();
        for (Logged logged : events) {
            if (logged.offset() >= position.getOrDefault(logged.partition(), 0L)) {
                continue;
            }
            JsonNode event = logged.event();
            String project = event.get("projectId").asText();
            if (event.get("type").asText().equals("ProjectRegistered") && event.get("year").asInt() <= year) {
                units.put(project, event.get("unitId").asText());
            } else if (event.get("type").asText().equals("InvestmentReported")) {
                String period = event.get("period").asText();
                if (period.startsWith(year + "-") && period.compareTo(lastPeriod) <= 0) {
                    lastFigure.put(project + "|" + period, event.get("amount").decimalValue());
                }
            }
        }
        Map<String, BigDecimal> sums = new TreeMap<>();
        lastFigure.forEach((key, amount) -> {
            String unit = units.get(key.substring(0, key.indexOf('|')));
            if (unit != null) {
                sums.merge(unit, amount, BigDecimal::add);
                sums.merge("全县", amount, BigDecimal::add);
            }
        });
        return sums;
    }
}
