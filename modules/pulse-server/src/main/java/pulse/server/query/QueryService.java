package pulse.server.query;

import pulse.model.UnitRank;
import pulse.model.Warning;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import pulse.model.CurvePoint;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Light;
import pulse.model.ProjectView;
import pulse.model.Totals;
import pulse.model.Text;
import pulse.rules.RuleSettings;
import pulse.server.PulseClock;
import pulse.server.web.Listing;
import pulse.topology.Dimension;
import pulse.topology.GroupKey;
import pulse.topology.ProjectIndex;
import pulse.topology.Standings;
import pulse.topology.Tally;

/**
 * Answers every read: projects from the topology's state store (on whichever instance holds
 * them), totals from this instance's {@link LiveTotals}. When either cannot be read the
 * {@link pulse.server.kafka.StoreUnavailableException} goes up to the client as a 503: an empty
 * store that is readable is a true zero, an unreadable one is never shown as one.
 */
@Singleton
public class QueryService {

    private final LiveTotals totals;
    private final ProjectReads projectReads;
    private final RuleSettings rules;
    private final PulseClock clock;

    QueryService(LiveTotals totals, ProjectReads projectReads, RuleSettings rules, PulseClock clock) {
        this.totals = totals;
        this.projectReads = projectReads;
        this.rules = rules;
        this.clock = clock;
    }

    /** The plan year a read is about: the one asked for, else the year of today. */
    public int year(Integer asked) {
        if (asked == null) {
            return clock.today().getYear();
        }
        if (asked < 2000 || asked > 2100) {
            throw new InvalidInputException(new FieldError("year", String.valueOf(asked), Text.of("field.year")));
        }
        return asked;
    }

    /** One project in the year of today (else its nearest year), from whichever instance holds it. */
    public Optional<ProjectView> project(String projectId) {
        return projectReads.project(projectId, null).value();
    }

    /** One project in {@code year} (null: the year of today, else its nearest year), and which instance answered. */
    public Located<Optional<ProjectView>> locatedProject(String projectId, Integer year) {
        return projectReads.project(projectId, year);
    }

    /** Every accepted event of a project, oldest first: who sent it, when, and why for a correction. */
    public Located<List<JsonNode>> history(String projectId) {
        return projectReads.history(projectId);
    }

    /**
     * The projects matching the filter (of its plan year) by id, each one's view read for the page
     * asked only: which projects, and so the list's size, come from the index of the latest
     * summaries, unless the filter asks for a status or plannedness the index does not keep (or it
     * is still being read); then every matching view is read first.
     */
    public Listing<ProjectView> projectList(ProjectFilter filter) {
        Optional<List<String>> ids = filter.status() == null && filter.planned() == null
                ? totals.candidates(filter) : Optional.empty();
        if (ids.isEmpty()) {
            return Listing.of(projects(filter));
        }
        return Listing.ordered(ids.get(), Comparator.naturalOrder(), id -> id, page -> views(page, filter));
    }

    /**
     * The red and yellow projects of the filter, worst first, each one's warning made for the page
     * asked only; while the index is still being read, the red and the yellow projects read whole.
     */
    public Listing<Warning> warningList(ProjectFilter filter) {
        List<Light> lights = Stream.of(Light.RED, Light.YELLOW)
                .filter(light -> filter.light() == null || filter.light() == light).toList();
        if (!totals.isCaughtUp()) {
            List<ProjectView> views = new ArrayList<>();
            lights.forEach(light -> views.addAll(projectReads.projects(filter.withLight(light))));
            return Listing.of(Standings.warnings(views));
        }
        List<ProjectIndex.Listed> listed;
        if (filter.namesAGroup()) {
            listed = new ArrayList<>();
            for (Light light : lights) {
                for (String projectId : totals.candidates(filter.withLight(light)).orElseThrow()) {
                    ProjectIndex.Listed project = totals.listed(filter.year(), projectId);
                    if (project != null) {
                        listed.add(project);
                    }
                }
            }
        } else {   // the county's: every warning of the year, as the index holds them
            listed = totals.listed(filter.year(), EnumSet.copyOf(lights));
        }
        return Listing.ordered(listed, Standings.WORST_LISTED_FIRST, ProjectIndex.Listed::projectId,
                page -> Standings.warnings(views(page.stream().map(ProjectIndex.Listed::projectId).toList(), filter)));
    }

    /** The views of these projects in the filter's year that match it, in the same order, each read where it lives. */
    private List<ProjectView> views(List<String> projectIds, ProjectFilter filter) {
        List<ProjectView> views = new ArrayList<>(projectIds.size());
        for (String projectId : projectIds) {
            projectReads.project(projectId, filter.year()).value().filter(filter::matches).ifPresent(views::add);
        }
        return views;
    }

    /** The projects matching the filter (of its plan year), from every instance, by id. */
    public List<ProjectView> projects(ProjectFilter filter) {
        List<ProjectView> views = new ArrayList<>(projectReads.projects(filter));
        views.sort(Comparator.comparing(ProjectView::projectId));
        return views;
    }

    public Totals county(int year) {
        return tally(GroupKey.county(year)).toTotals(Dimension.COUNTY_KEY, false, rules);
    }

    public Tally tally(GroupKey group) {
        return totals.get(group);
    }

    /** Every group of a dimension that has projects in {@code year}, by key. */
    public List<Totals> totals(int year, Dimension dimension) {
        List<Totals> groups = new ArrayList<>();
        totals.all(year, dimension).forEach((key, tally) -> {
            if (tally.projects() > 0) {
                groups.add(tally.toTotals(key, dimension == Dimension.UNIT, rules));
            }
        });
        return groups;
    }

    /** One group's totals in {@code year}; empty when it has no project. */
    public Optional<Totals> totals(GroupKey group) {
        Tally tally = totals.get(group);
        return tally == null || tally.projects() == 0 ? Optional.empty()
                : Optional.of(tally.toTotals(group.key(), group.dimension() == Dimension.UNIT, rules));
    }

    /** Units of {@code year} from best to worst ({@link Standings#rank}). */
    public List<UnitRank> unitRanking(int year) {
        return Standings.rank(totals.all(year, Dimension.UNIT), rules);
    }

    /**
     * The blockers of {@code year}'s projects, oldest first: open ones ({@code open} true), solved
     * ones (false) or all (null); of one owner unit when {@code unit} is set.
     */
    public List<IssueLine> issues(int year, Boolean open, String unit) {
        java.time.LocalDate today = clock.today();
        List<IssueLine> lines = new ArrayList<>();
        for (ProjectView view : projects(ProjectFilter.all(year))) {
            if (open == null || open) {
                view.openIssues().forEach(i -> lines.add(new IssueLine(view.projectId(), view.name(), view.unitId(),
                        i.issueId(), i.kind(), i.text(), i.ownerUnit(), i.raisedOn(), i.dueDate(), days(i.raisedOn(), today),
                        i.dueDate() == null ? 0 : Math.max(0, days(i.dueDate(), today)), null, null)));
            }
            if (open == null || !open) {
                view.resolvedIssues().forEach(i -> lines.add(new IssueLine(view.projectId(), view.name(), view.unitId(),
                        i.issueId(), i.kind(), i.text(), i.ownerUnit(), i.raisedOn(), i.dueDate(),
                        days(i.raisedOn(), i.resolvedOn()), 0, i.resolvedOn(), i.resolution())));
            }
        }
        return lines.stream().filter(line -> unit == null || unit.equals(line.ownerUnit()))
                .sorted(Comparator.comparing(IssueLine::raisedOn).thenComparing(IssueLine::projectId)
                        .thenComparing(IssueLine::issueId))
                .toList();
    }

    /** The figures confirmed as unusual in {@code year}, by unit, project and month. */
    public List<OutlierLine> outliers(int year, String unit) {
        List<OutlierLine> lines = new ArrayList<>();
        for (ProjectView view : projects(new ProjectFilter(year, null, unit, null, null, null, null))) {
            view.confirmedMonths().forEach((period, reason) -> {
                if (period.startsWith(year + "-")) {
                    int month = Integer.parseInt(period.substring(5));
                    java.math.BigDecimal planned = view.monthlyPlan() != null ? view.monthlyPlan().get(month - 1)
                            : view.annualPlan().divide(java.math.BigDecimal.valueOf(12), 2, java.math.RoundingMode.HALF_UP);
                    lines.add(new OutlierLine(view.projectId(), view.name(), view.unitId(), period,
                            view.months().get(period), planned, reason));
                }
            });
        }
        lines.sort(Comparator.comparing(OutlierLine::unitId).thenComparing(OutlierLine::projectId)
                .thenComparing(OutlierLine::period));
        return lines;
    }

    private static long days(java.time.LocalDate from, java.time.LocalDate to) {
        return java.time.temporal.ChronoUnit.DAYS.between(from, to);
    }

    /** Monthly plan vs actual, cumulated, over the plan year's months, for one group ({@link Tally#curve()}). */
    public List<CurvePoint> curve(GroupKey group) {
        return tally(group).curve();
    }
}
