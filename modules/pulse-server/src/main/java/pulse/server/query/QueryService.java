package pulse.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import pulse.model.Light;
import pulse.model.ProjectView;
import pulse.model.Totals;
import pulse.rules.RuleSettings;
import pulse.server.kafka.StreamsRunner;
import pulse.topology.Dimension;
import pulse.topology.PulseTopology;
import pulse.topology.Tally;

/**
 * Answers every read from the topology's state stores. When a store cannot be read the
 * {@link pulse.server.kafka.StoreUnavailableException} goes up to the client as a 503: an empty
 * store that is readable is a true zero, an unreadable one is never shown as one.
 */
@Singleton
public class QueryService {

    private final StreamsRunner streams;
    private final ProjectReads projectReads;
    private final RuleSettings rules;

    QueryService(StreamsRunner streams, ProjectReads projectReads, RuleSettings rules) {
        this.streams = streams;
        this.projectReads = projectReads;
        this.rules = rules;
    }

    private ReadOnlyKeyValueStore<String, Tally> totalsStore() {
        return streams.store(PulseTopology.TOTALS_EVERYWHERE_STORE, QueryableStoreTypes.keyValueStore());
    }

    /** One project, from whichever instance holds it. */
    public Optional<ProjectView> project(String projectId) {
        return projectReads.project(projectId).value();
    }

    /** One project, and which instance answered. */
    public Located<Optional<ProjectView>> locatedProject(String projectId) {
        return projectReads.project(projectId);
    }

    /** Every accepted event of a project, oldest first: who sent it, when, and why for a correction. */
    public Located<List<JsonNode>> history(String projectId) {
        return projectReads.history(projectId);
    }

    /** The projects matching the filter, from every instance, by id. */
    public List<ProjectView> projects(ProjectFilter filter) {
        List<ProjectView> views = new ArrayList<>(projectReads.projects(filter));
        views.sort(Comparator.comparing(ProjectView::projectId));
        return views;
    }

    public Totals county() {
        return tally(Dimension.COUNTY, Dimension.COUNTY_KEY).toTotals(Dimension.COUNTY_KEY, false, rules);
    }

    public Tally tally(Dimension dimension, String key) {
        Tally tally = totalsStore().get(dimension.storeKey(key));
        return tally == null ? Tally.zero() : tally;
    }

    /** Every group of a dimension that has projects, by key. */
    public List<Totals> totals(Dimension dimension) {
        List<Totals> groups = new ArrayList<>();
        String prefix = dimension.storePrefix();
        try (KeyValueIterator<String, Tally> scan = totalsStore().prefixScan(prefix, new StringSerializer())) {
            while (scan.hasNext()) {
                KeyValue<String, Tally> entry = scan.next();
                if (entry.value.projects() > 0) {
                    groups.add(entry.value.toTotals(entry.key.substring(prefix.length()),
                            dimension == Dimension.UNIT, rules));
                }
            }
        }
        groups.sort(Comparator.comparing(Totals::key));
        return groups;
    }

    /** Units from best to worst: completed ÷ due, then completion rate, then name. */
    public List<UnitRank> unitRanking() {
        Map<String, Tally> tallies = new java.util.TreeMap<>();
        try (KeyValueIterator<String, Tally> scan =
                totalsStore().prefixScan(Dimension.UNIT.storePrefix(), new StringSerializer())) {
            while (scan.hasNext()) {
                KeyValue<String, Tally> entry = scan.next();
                if (entry.value.projects() > 0) {
                    tallies.put(entry.key.substring(Dimension.UNIT.storePrefix().length()), entry.value);
                }
            }
        }
        List<UnitRank> unranked = new ArrayList<>();
        tallies.forEach((unit, tally) -> {
            BigDecimal achievement = tally.targetAmount().signum() > 0
                    ? tally.completedThisYear().divide(tally.targetAmount(), 4, RoundingMode.HALF_UP) : null;
            Totals totals = tally.toTotals(unit, true, rules);
            unranked.add(new UnitRank(0, unit, totals.grade(), achievement, totals));
        });
        unranked.sort(Comparator
                .comparing((UnitRank r) -> r.achievement() == null ? BigDecimal.valueOf(Long.MAX_VALUE) : r.achievement())
                .reversed()
                .thenComparing(r -> r.totals().completionRate(), Comparator.reverseOrder())
                .thenComparing(UnitRank::unitId));
        List<UnitRank> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            UnitRank r = unranked.get(i);
            ranked.add(new UnitRank(i + 1, r.unitId(), r.grade(), r.achievement(), r.totals()));
        }
        return ranked;
    }

    /** Red projects first, then yellow; the furthest behind first within each. */
    public List<Warning> warnings() {
        return projects(ProjectFilter.ALL).stream()
                .filter(view -> view.light() != Light.GREEN)
                .sorted(Comparator.comparing(ProjectView::light).reversed()
                        .thenComparing(ProjectView::deviationPoints)
                        .thenComparing(ProjectView::projectId))
                .map(view -> new Warning(view.projectId(), view.name(), view.unitId(), view.township(), view.area(),
                        view.light(), view.deviationPoints(), view.reasons()))
                .toList();
    }

    /** Monthly plan vs actual, cumulated, over the plan year's months, for one group (the county by default). */
    public List<CurvePoint> curve(Dimension dimension, String key) {
        Tally tally = tally(dimension, key);
        List<CurvePoint> points = new ArrayList<>();
        BigDecimal cumulativePlan = BigDecimal.ZERO;
        BigDecimal cumulativeActual = BigDecimal.ZERO;
        // Every month of the plan years, including months planned at zero.
        for (String year : tally.plan().keySet().stream().map(period -> period.substring(0, 4)).distinct().toList()) {
            for (int month = 1; month <= 12; month++) {
                String period = year + "-" + (month < 10 ? "0" : "") + month;
                BigDecimal plan = tally.plan().getOrDefault(period, BigDecimal.ZERO);
                BigDecimal actual = tally.actual().getOrDefault(period, BigDecimal.ZERO);
                cumulativePlan = cumulativePlan.add(plan);
                cumulativeActual = cumulativeActual.add(actual);
                points.add(new CurvePoint(period, money(plan), money(actual), money(cumulativePlan),
                        money(cumulativeActual)));
            }
        }
        return points;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
