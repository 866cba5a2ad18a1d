package pulse.system;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import pulse.model.EventCodec;
import pulse.model.EventReader;
import pulse.model.InvalidInputException;
import pulse.model.Payload.InvestmentReported;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.PulseEvent;

/**
 * Recomputes every total from {@code pulse.events} alone (read_committed, from the start), with
 * none of Pulse's topology code: each project's latest registration and its last figure per month,
 * then sums per group. Records the reader refuses are the ones the topology must have set aside.
 */
public final class TotalsChecker {

    /** What one group should show. */
    public record Group(int projects, BigDecimal annualPlan, BigDecimal completedThisYear, BigDecimal completedSinceStart) {
        Group plus(Group other) {
            return new Group(projects + other.projects, annualPlan.add(other.annualPlan),
                    completedThisYear.add(other.completedThisYear), completedSinceStart.add(other.completedSinceStart));
        }
    }

    /**
     * @param groups by {@code <dimension>/<key>}, e.g. {@code unit/单位3}, {@code county/全县}
     * @param projects each project's completed investment this year
     * @param months the last figure per {@code project/period}
     * @param written every {@code project/period=amount} on the topic, whether later replaced or not
     * @param refused records the reader refuses: the topology must have set them aside
     */
    public record Expected(Map<String, Group> groups, Map<String, BigDecimal> projects, Map<String, BigDecimal> months,
            Set<String> written, Set<String> eventIds, long records, long refused) {

        public Group group(String key) {
            return groups.get(key);
        }

        /** Completed this year per key of one dimension, e.g. {@code unit}. */
        public Map<String, BigDecimal> completedBy(String dimension) {
            Map<String, BigDecimal> by = new TreeMap<>();
            groups.forEach((key, group) -> {
                if (key.startsWith(dimension + "/")) {
                    by.put(key.substring(dimension.length() + 1), group.completedThisYear());
                }
            });
            return by;
        }
    }

    private TotalsChecker() {}

    public static Expected recompute(String bootstrap) {
        EventCodec codec = new EventCodec(EventReader.forReplay(Clock.systemUTC()));
        Map<String, ProjectRegistered> registrations = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> months = new TreeMap<>();
        Set<String> eventIds = new HashSet<>();
        Set<String> written = new HashSet<>();
        Map<String, BigDecimal> lastFigures = new TreeMap<>();
        long records = 0;
        long refused = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("pulse.events").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    PulseEvent event;
                    try {
                        event = codec.decode(record.value(), Instant.ofEpochMilli(record.timestamp()));
                    } catch (InvalidInputException e) {
                        refused++;
                        continue;
                    }
                    eventIds.add(event.eventId().toString());
                    if (event.payload() instanceof ProjectRegistered registration) {
                        registrations.put(event.projectId(), registration);
                        units.put(event.projectId(), event.unitId());
                    } else if (event.payload() instanceof InvestmentReported report) {
                        months.computeIfAbsent(event.projectId(), id -> new TreeMap<>())
                                .put(report.period().toString(), report.amount());
                        lastFigures.put(event.projectId() + "/" + report.period(), report.amount());
                        written.add(event.projectId() + "/" + report.period() + "=" + report.amount().toPlainString());
                    }
                }
            }
        }
        Map<String, Group> groups = new TreeMap<>();
        Map<String, BigDecimal> projects = new TreeMap<>();
        registrations.forEach((id, plan) -> {
            BigDecimal thisYear = BigDecimal.ZERO.setScale(2);
            BigDecimal sinceStart = plan.investedBeforeYear();
            for (Map.Entry<String, BigDecimal> month : months.getOrDefault(id, Map.of()).entrySet()) {
                if (month.getKey().compareTo(plan.year() + "-01") >= 0) {
                    sinceStart = sinceStart.add(month.getValue());
                }
                if (month.getKey().startsWith(plan.year() + "-")) {
                    thisYear = thisYear.add(month.getValue());
                }
            }
            projects.put(id, thisYear);
            Group one = new Group(1, plan.annualPlan(), thisYear, sinceStart);
            for (String group : List.of("county/全县", "unit/" + units.get(id), "township/" + plan.township(),
                    "area/" + plan.area().name(), "level/" + plan.level().name())) {
                groups.merge(group, one, Group::plus);
            }
        });
        return new Expected(groups, projects, lastFigures, written, eventIds, records, refused);
    }
}
