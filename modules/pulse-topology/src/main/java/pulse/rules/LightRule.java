package pulse.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pulse.model.Light;
import pulse.model.Messages;
import pulse.model.Milestone;
import pulse.model.Text;
import pulse.model.ProjectStatus;

/**
 * The warning-light rules. Each returns a finding or nothing; a project's light is the worst of
 * its findings, green when there is none, and every finding's reason is shown.
 */
public final class LightRule {

    private LightRule() {}

    /** Green at or above −10 points against the target; yellow down to −30; red below. */
    public static Optional<Finding> investment(BigDecimal completionRate, BigDecimal targetRate,
            BigDecimal deviationPoints, RuleSettings settings) {
        if (deviationPoints.compareTo(settings.yellowBelowPoints()) >= 0) {
            return Optional.empty();
        }
        Light light = deviationPoints.compareTo(settings.redBelowPoints()) < 0 ? Light.RED : Light.YELLOW;
        return Optional.of(new Finding(light, Text.of("reason.investment", percent(completionRate), percent(targetRate),
                deviationPoints.negate())));
    }

    /**
     * A planned STARTED or COMPLETED date passed without the milestone: yellow while less than
     * three whole months late, red from three.
     */
    public static Optional<Finding> milestone(Milestone milestone, LocalDate planned, boolean reached,
            LocalDate today, RuleSettings settings) {
        if (reached || planned == null || !today.isAfter(planned)) {
            return Optional.empty();
        }
        long monthsLate = Period.between(planned, today).toTotalMonths();
        Light light = monthsLate >= settings.milestoneRedMonths() ? Light.RED : Light.YELLOW;
        Text late = monthsLate >= 1 ? Text.of("reason.late.months", monthsLate)
                : Text.of("reason.late.days", ChronoUnit.DAYS.between(planned, today));
        return Optional.of(new Finding(light, Text.of("reason.milestoneLate", planned, Messages.name(milestone), late)));
    }

    /**
     * Last month's report is due by the 10th: after that, a project that should be reporting (in
     * the key-project list since its first plan year {@code startYear}, not finished, not suspended)
     * and has not is yellow. December's report is due in January, whatever the new year's plan.
     */
    public static Optional<Finding> silence(int startYear, Set<String> reportedPeriods, ProjectStatus status,
            LocalDate today, RuleSettings settings) {
        if (status != ProjectStatus.PREPARING && status != ProjectStatus.UNDER_CONSTRUCTION) {
            return Optional.empty();
        }
        YearMonth due = YearMonth.from(today).minusMonths(1);
        LocalDate deadline = settings.reportDeadline(due);
        if (due.getYear() < startYear || !today.isAfter(deadline)
                || reportedPeriods.contains(due.toString())) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Light.YELLOW, Text.of("reason.silence", due, deadline)));
    }

    /**
     * An unfinished project the office has not planned for {@code year} yet: listed in January with
     * its reason on a green light, yellow from {@code noPlanYellowFromMonth} on.
     */
    public static Optional<Finding> noPlan(int year, boolean planned, boolean finished, LocalDate today,
            RuleSettings settings) {
        if (planned || finished || today.getYear() < year) {
            return Optional.empty();
        }
        boolean yellow = today.getYear() > year || today.getMonthValue() >= settings.noPlanYellowFromMonth();
        return Optional.of(new Finding(yellow ? Light.YELLOW : Light.GREEN, Text.of("reason.noPlan", year)));
    }

    /**
     * An open blocker past its due date: yellow, red once {@code issueRedAfterDays} late. Who owns it
     * is said, so the office knows whom to press.
     */
    public static Optional<Finding> overdueIssue(String issueId, String text, String ownerUnit, LocalDate dueDate,
            LocalDate today, RuleSettings settings) {
        if (dueDate == null || !today.isAfter(dueDate)) {
            return Optional.empty();
        }
        long late = ChronoUnit.DAYS.between(dueDate, today);
        Light light = late > settings.issueRedAfterDays() ? Light.RED : Light.YELLOW;
        return Optional.of(new Finding(light, Text.of("reason.issueOverdue", text, issueId, late, ownerUnit, dueDate)));
    }

    /** A suspended project (停工) is yellow, with the reason it was stopped. */
    public static Optional<Finding> suspension(String reason) {
        return Optional.ofNullable(reason).map(why -> new Finding(Light.YELLOW, Text.of("reason.suspended", why)));
    }

    /** The worst light among the findings; green when there are none. */
    public static Light worst(List<Finding> findings) {
        Light light = Light.GREEN;
        for (Finding finding : findings) {
            light = light.worst(finding.light());
        }
        return light;
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
