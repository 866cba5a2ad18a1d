package pulse.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import pulse.model.Grade;

/**
 * The thresholds of the rules, with the county's defaults. Each can be changed in the server's
 * configuration ({@code pulse.rules.*}); see docs/using-pulse.md.
 *
 * @param yellowBelowPoints investment light turns yellow when deviation is below this (−10 points)
 * @param redBelowPoints investment light turns red when deviation is below this (−30 points)
 * @param milestoneRedMonths a planned STARTED or COMPLETED date this many whole months past is red (3)
 * @param reportDueDay last month's report is due by this day of the month (10)
 * @param excellentFrom completion ÷ target from which a unit is 落实好 (1.00)
 * @param goodFrom ... 落实较好 (0.90)
 * @param fairFrom ... 基本落实 (0.80)
 * @param poorFrom ... 落实不力 (0.60); below it 落实较差
 * @param noPlanYellowFromMonth an unfinished project without a plan for the year is yellow from this
 *     month on (2: after January); before it the reason is shown on a green light
 * @param interviewFrom units graded this or worse in a closed period are called in (约谈) (落实不力)
 * @param interviewRedPeriods a unit with a project red in this many consecutive closed periods is called in (2)
 * @param issueRedAfterDays an open blocker past its due date is yellow, and red once this many days late (30)
 * @param reminderDaysBefore units with missing reports are reminded this many days before the deadline (3), and on it
 * @param monthFactor a month above this many times its plan needs confirming (3)
 * @param yuanFactor a month this many times its plan or more looks like 元 typed as 万元, and is refused (10,000)
 */
public record RuleSettings(
        BigDecimal yellowBelowPoints,
        BigDecimal redBelowPoints,
        int milestoneRedMonths,
        int reportDueDay,
        BigDecimal excellentFrom,
        BigDecimal goodFrom,
        BigDecimal fairFrom,
        BigDecimal poorFrom,
        int noPlanYellowFromMonth,
        Grade interviewFrom,
        int interviewRedPeriods,
        int issueRedAfterDays,
        int reminderDaysBefore,
        BigDecimal monthFactor,
        BigDecimal yuanFactor) {

    /** The day the reports for {@code period} are due: day {@code reportDueDay} of the month after it. */
    public LocalDate reportDeadline(YearMonth period) {
        return period.plusMonths(1).atDay(reportDueDay);
    }

    public static final RuleSettings DEFAULTS = new RuleSettings(
            new BigDecimal("-10"), new BigDecimal("-30"), 3, 10,
            new BigDecimal("1.00"), new BigDecimal("0.90"), new BigDecimal("0.80"), new BigDecimal("0.60"),
            2, Grade.POOR, 2, 30, 3, new BigDecimal("3"), new BigDecimal("10000"));
}
