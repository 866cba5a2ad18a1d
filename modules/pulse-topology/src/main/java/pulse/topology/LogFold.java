package pulse.topology;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import pulse.model.CountyCalendar;
import pulse.model.EventCodec;
import pulse.model.EventReader;
import pulse.model.InvalidInputException;
import pulse.model.Light;
import pulse.model.PeriodSnapshot;
import pulse.model.PeriodSnapshot.MissingReports;
import pulse.model.PeriodSnapshot.ProjectLine;
import pulse.model.PeriodSnapshot.ProjectRef;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.PulseEvent;
import pulse.model.Totals;
import pulse.model.UnitRank;
import pulse.model.Warning;
import pulse.rules.InterviewRule;
import pulse.rules.RuleSettings;

/**
 * Recounts the county from the event log, for what must stand on one exact position of it (closing
 * a month, carrying a year forward): fed every record of {@code pulse.events} below a position, in
 * order per partition, it folds each project's events with the topology's own code
 * ({@link Admission}, {@link ProjectState}, {@link ProjectEvaluator}, {@link Tally}). A period is then
 * evaluated as it stood at its end. Because it reads exactly the records below the position, a
 * snapshot holds exactly the events committed before the close, whatever arrives meanwhile, and
 * does not depend on how far the topology has got.
 */
public final class LogFold {

    private final EventCodec codec = new EventCodec(EventReader.forReplay(Clock.systemUTC()));
    private final Map<String, ProjectState> states = new HashMap<>();
    private final RuleSettings settings;
    private long read;

    /** {@code settings}: the rules the topology runs with, so the same events are admitted. */
    public LogFold(RuleSettings settings) {
        this.settings = settings;
    }

    /**
     * One record of {@code pulse.events}; records the topology sets aside are left out here too.
     * {@code checkedOnWrite}: it carries {@link Topics#CHECKED_HEADER}.
     */
    public void accept(String key, byte[] value, long timestamp, boolean checkedOnWrite) {
        read++;
        PulseEvent event;
        try {
            event = codec.decode(value, Instant.ofEpochMilli(timestamp));
        } catch (InvalidInputException e) {
            return;
        }
        ProjectState before = key == null ? null : states.get(key);
        if (Admission.refusal(key, event, before, checkedOnWrite, settings) == null) {
            states.put(key, (before == null ? ProjectState.empty(key) : before).apply(event));
        }
    }

    /**
     * The frozen figures of {@code period}.
     *
     * @param redBefore the red projects of the closed periods just before, the closest first
     */
    public PeriodSnapshot snapshot(YearMonth period, int revision, Instant closedAt, String closedBy, String reason,
            Map<Integer, Long> position, List<Set<String>> redBefore, RuleSettings rules) {
        int year = period.getYear();
        LocalDate asOf = period.atEndOfMonth();
        LocalDate deadline = rules.reportDeadline(period);
        List<ProjectView> views = views(year, asOf, rules);

        TotalsBook book = new TotalsBook();
        for (ProjectView view : views) {
            book.apply(year + "/" + view.projectId(), ProjectSummary.of(view));
        }
        Map<String, List<Totals>> groups = new LinkedHashMap<>();
        for (Dimension dimension : List.of(Dimension.UNIT, Dimension.TOWNSHIP, Dimension.AREA, Dimension.LEVEL)) {
            List<Totals> totals = new ArrayList<>();
            book.all(year, dimension).forEach((group, tally) ->
                    totals.add(tally.toTotals(group, dimension == Dimension.UNIT, rules)));
            groups.put(dimension.path(), totals);
        }
        Map<String, Tally> units = book.all(year, Dimension.UNIT);
        Tally countyTally = Objects.requireNonNullElse(book.get(GroupKey.county(year)), Tally.zero());
        Totals county = countyTally.toTotals(Dimension.COUNTY_KEY, false, rules);
        List<UnitRank> ranking = Standings.rank(units, rules);
        List<Warning> warnings = Standings.warnings(views);
        boolean overdue = CountyCalendar.dayOf(closedAt).isAfter(deadline);
        return new PeriodSnapshot(period.toString(), year, revision, title(period), asOf, deadline, closedAt, closedBy,
                reason, new TreeMap<>(position), read, county, groups, countyTally.curve(), ranking, warnings,
                missing(views, period, overdue), InterviewRule.interviews(ranking, warnings, redBefore, rules),
                views.stream().map(ProjectLine::of).toList());
    }

    /** Every project of the plan year as it stood at the end of {@code asOf}, by id. */
    public List<ProjectView> views(int year, LocalDate asOf, RuleSettings rules) {
        ProjectEvaluator evaluator = new ProjectEvaluator(rules);
        List<ProjectView> views = new ArrayList<>();
        for (ProjectState state : states.values()) {
            if (state.registered()) {
                ProjectView view = evaluator.views(state.asAtEndOf(asOf), asOf).get(year);
                if (view != null) {
                    views.add(view);
                }
            }
        }
        views.sort(Comparator.comparing(ProjectView::projectId));
        return views;
    }

    /** Per unit, the projects that should have reported {@code period} and had not by the close. */
    public static List<MissingReports> missing(List<ProjectView> views, YearMonth period, boolean overdue) {
        Map<String, List<ProjectRef>> byUnit = new TreeMap<>();
        for (ProjectView view : views) {
            boolean reporting = view.status() == ProjectStatus.PREPARING || view.status() == ProjectStatus.UNDER_CONSTRUCTION;
            if (reporting && period.getYear() >= view.startYear() && !view.months().containsKey(period.toString())) {
                byUnit.computeIfAbsent(view.unitId(), unit -> new ArrayList<>())
                        .add(new ProjectRef(view.projectId(), view.name()));
            }
        }
        List<MissingReports> missing = new ArrayList<>();
        byUnit.forEach((unit, projects) -> missing.add(new MissingReports(unit, projects, overdue)));
        return missing;
    }

    /** 关于2022年1-6月全县重点项目推进情况的通报 (for January: 关于2022年1月…). */
    public static String title(YearMonth period) {
        String months = period.getMonthValue() == 1 ? "1月" : "1-" + period.getMonthValue() + "月";
        return "关于" + period.getYear() + "年" + months + "全县重点项目推进情况的通报";
    }

    /** The red projects of a snapshot, for the next period's 约谈 list. */
    public static Set<String> redProjects(PeriodSnapshot snapshot) {
        Set<String> red = new java.util.HashSet<>();
        snapshot.warnings().stream().filter(w -> w.light() == Light.RED).forEach(w -> red.add(w.projectId()));
        return red;
    }
}
