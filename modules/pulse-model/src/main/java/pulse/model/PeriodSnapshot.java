package pulse.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A closed month (期): the county as it stood at the end of {@code period}, counted from exactly the
 * events on {@code pulse.events} below {@code position}, frozen when the office closed it. The
 * bulletin (通报), the list of late units and the 约谈 list are made from this, never from live figures.
 *
 * @param title the bulletin's title, e.g. 关于2022年1-6月全县重点项目推进情况的通报
 * @param asOf the day the figures are counted as of: the period's last day
 * @param deadline the day the period's reports were due (the 10th of the next month, a setting)
 * @param revision 1 for the first close; a revision is a new version beside the earlier ones
 * @param reason why a revision was made (null for the first close)
 * @param position per partition of {@code pulse.events}, the offset below which every event counted
 * @param eventsRead how many records below the position were read (refused ones included)
 * @param groups totals per dimension ({@code unit}, {@code township}, {@code area}, {@code level}) by key
 * @param curve the county's S-curve of the plan year, reported months up to the period
 * @param projects every project of the plan year, as it stood
 */
public record PeriodSnapshot(
        String period,
        int year,
        int revision,
        String title,
        LocalDate asOf,
        LocalDate deadline,
        Instant closedAt,
        String closedBy,
        String reason,
        Map<Integer, Long> position,
        long eventsRead,
        Totals county,
        Map<String, List<Totals>> groups,
        List<CurvePoint> curve,
        List<UnitRank> ranking,
        List<Warning> warnings,
        List<MissingReports> missing,
        List<Interview> interviews,
        List<ProjectLine> projects) {

    /** A unit whose projects had not reported the period by the close, each project by id and name. */
    public record MissingReports(String unitId, List<ProjectRef> projects, boolean overdue) {}

    public record ProjectRef(String projectId, String name) {}

    /** A unit the county office calls in (约谈), with every reason. */
    public record Interview(String unitId, List<String> reasons) {}

    /** One project's line in the bulletin's project sheet. */
    public record ProjectLine(String projectId, String name, String unitId, String township, WorkArea area,
            Level level, ProjectStatus status, BigDecimal totalInvestment, BigDecimal annualPlan,
            BigDecimal completedThisYear, BigDecimal completedSinceStart, BigDecimal completionRate,
            BigDecimal targetRate, BigDecimal deviationPoints, Light light, List<String> reasons) {

        public static ProjectLine of(ProjectView view) {
            return new ProjectLine(view.projectId(), view.name(), view.unitId(), view.township(), view.area(),
                    view.level(), view.status(), view.totalInvestment(), view.annualPlan(), view.completedThisYear(),
                    view.completedSinceStart(), view.completionRate(), view.targetRate(), view.deviationPoints(),
                    view.light(), view.reasons());
        }
    }

    /** The listing of a closed period, without its figures. */
    public record Closed(String period, int revision, Instant closedAt, String closedBy, String reason) {}

    public Closed closed() {
        return new Closed(period, revision, closedAt, closedBy, reason);
    }
}
