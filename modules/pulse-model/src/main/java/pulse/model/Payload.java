package pulse.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** What an event says happened; one record per event type of the contract. */
public sealed interface Payload {

    /** Enters the key-project list, or replaces its plan. Amounts in 万元. */
    record ProjectRegistered(
            String name,
            WorkArea area,
            String township,
            Level level,
            BigDecimal totalInvestment,
            int year,
            BigDecimal annualPlan,
            List<BigDecimal> monthlyPlan,
            Map<Milestone, LocalDate> plannedMilestones,
            BigDecimal investedBeforeYear) implements Payload {}

    /**
     * The plan of one year of a project that runs for several (the county office's, per year):
     * what is to be invested that year, by month where given, and the milestones planned.
     * The registration sets the first year's plan; this sets any year's, replacing it.
     */
    record AnnualPlanSet(
            int year,
            BigDecimal annualPlan,
            List<BigDecimal> monthlyPlan,
            Map<Milestone, LocalDate> plannedMilestones) implements Payload {}

    /**
     * Investment completed in {@code period}; a later report for the same period replaces it.
     * {@code confirm} (true, or null when not given): the writer confirms, with {@code reason}, a
     * figure the plausibility checks would otherwise refuse (well above the plan).
     */
    record InvestmentReported(YearMonth period, BigDecimal amount, String reason, Boolean confirm) implements Payload {

        public InvestmentReported(YearMonth period, BigDecimal amount, String reason) {
            this(period, amount, reason, null);
        }

        public boolean confirmed() {
            return Boolean.TRUE.equals(confirm);
        }
    }

    record MilestoneReached(Milestone milestone, LocalDate date, String note) implements Payload {}

    record ProjectSuspended(String reason) implements Payload {}

    record ProjectResumed(String reason) implements Payload {}

    /**
     * A blocker that needs the county's help (问题清单), owned by the unit that must solve it (by
     * default the project's own), to be solved by {@code dueDate} when one is set.
     */
    record IssueRaised(String issueId, IssueKind kind, String text, String ownerUnit, LocalDate dueDate)
            implements Payload {}

    /** A blocker solved; {@code text} says how (the resolution, kept with it). */
    record IssueResolved(String issueId, IssueKind kind, String text) implements Payload {}

    /** The wire names of the event types, as the {@code type} field spells them. */
    List<String> TYPES = List.of(
            "ProjectRegistered", "AnnualPlanSet", "InvestmentReported", "MilestoneReached", "ProjectSuspended",
            "ProjectResumed", "IssueRaised", "IssueResolved");
}
