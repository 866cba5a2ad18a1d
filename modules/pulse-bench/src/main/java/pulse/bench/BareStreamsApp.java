package pulse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import pulse.model.PulseJson;

/**
 * The least a Kafka Streams application must do for Pulse's investment totals, written the way
 * the framework's DSL suggests: exactly-once, a per-project table of months (a later report
 * replaces the month), and per-unit and county sums. No validation, no rules, no lights, no views,
 * no audit trail. The benchmark runs it on the same events, so that Pulse's rate can be read
 * against what Kafka Streams itself costs on this machine.
 */
final class BareStreamsApp implements AutoCloseable {

    static final String APPLICATION_ID = "bare";

    /** A project's unit and its reported months (1–12 of one year), in 0.01 万元. */
    record Months(String unit, long[] cents) {

        long total() {
            long sum = 0;
            for (long month : cents) {
                sum += month;
            }
            return sum;
        }
    }

    private record Report(String unit, int month, long cents) {}

    private final KafkaStreams streams;

    BareStreamsApp(String bootstrap, Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Runtime.getRuntime().availableProcessors());
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        streams = new KafkaStreams(topology(), config);
    }

    static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, Months> projects = builder.stream("pulse.events", Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .flatMapValues(BareStreamsApp::report)
                .groupByKey(Grouped.with(Serdes.String(), REPORT))
                .aggregate(() -> null, (project, report, months) -> with(months, report),
                        inMemory("months", MONTHS));
        projects.groupBy((project, months) -> KeyValue.pair(months.unit(), months.total()), Grouped.with(Serdes.String(), Serdes.Long()))
                .reduce(Long::sum, (sum, old) -> sum - old, inMemory("unit-sums", Serdes.Long()));
        projects.groupBy((project, months) -> KeyValue.pair("county", months.total()), Grouped.with(Serdes.String(), Serdes.Long()))
                .reduce(Long::sum, (sum, old) -> sum - old, inMemory("county-sum", Serdes.Long()));
        return builder.build();
    }

    /**
     * A table kept in memory (with its changelog and Streams' record cache), as Pulse keeps its
     * projects: the two then differ in the work they do, not in where they store it.
     */
    private static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> inMemory(String name, Serde<V> values) {
        return Materialized.<String, V>as(Stores.inMemoryKeyValueStore(name)).withKeySerde(Serdes.String())
                .withValueSerde(values);
    }

    private static List<Report> report(byte[] json) {
        try {
            JsonNode event = PulseJson.mapper().readTree(json);
            if (!"InvestmentReported".equals(event.path("type").asText())) {
                return List.of();
            }
            return List.of(new Report(event.get("unitId").asText(), Integer.parseInt(event.get("period").asText().substring(5)),
                    event.get("amount").decimalValue().movePointRight(2).longValueExact()));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Months with(Months months, Report report) {
        long[] cents = months == null ? new long[12] : months.cents().clone();
        cents[report.month() - 1] = report.cents();
        return new Months(report.unit(), cents);
    }

    void start() {
        streams.start();
    }

    @Override
    public void close() {
        streams.close();
    }

    private static final Serde<Report> REPORT = Serdes.serdeFrom(
            (Serializer<Report>) (topic, report) -> {
                byte[] unit = report.unit().getBytes(StandardCharsets.UTF_8);
                return ByteBuffer.allocate(4 + unit.length + 4 + 8).putInt(unit.length).put(unit)
                        .putInt(report.month()).putLong(report.cents()).array();
            },
            (Deserializer<Report>) (topic, bytes) -> {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                byte[] unit = new byte[buffer.getInt()];
                buffer.get(unit);
                return new Report(new String(unit, StandardCharsets.UTF_8), buffer.getInt(), buffer.getLong());
            });

    private static final Serde<Months> MONTHS = Serdes.serdeFrom(
            (Serializer<Months>) (topic, months) -> {
                if (months == null) {
                    return null;
                }
                byte[] unit = months.unit().getBytes(StandardCharsets.UTF_8);
                ByteBuffer buffer = ByteBuffer.allocate(4 + unit.length + 12 * 8).putInt(unit.length).put(unit);
                for (long month : months.cents()) {
                    buffer.putLong(month);
                }
                return buffer.array();
            },
            (Deserializer<Months>) (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                byte[] unit = new byte[buffer.getInt()];
                buffer.get(unit);
                long[] cents = new long[12];
                for (int i = 0; i < 12; i++) {
                    cents[i] = buffer.getLong();
                }
                return new Months(new String(unit, StandardCharsets.UTF_8), cents);
            });
}
