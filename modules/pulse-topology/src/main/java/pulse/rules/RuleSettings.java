package pulse.rules;

import java.math.BigDecimal;

/**
 * The thresholds of the rules, with the county's defaults. Each can be changed in the server's
 * configuration ({@code pulse.rules.*}); see the README.
 *
 * @param yellowBelowPoints investment light turns yellow when deviation is below this (−10 points)
 * @param redBelowPoints investment light turns red when deviation is below this (−30 points)
 * @param milestoneRedMonths a planned STARTED or COMPLETED date this many whole months past is red (3)
 * @param reportDueDay last month's report is due by this day of the month (10)
 * @param excellentFrom completion ÷ target from which a unit is 落实好 (1.00)
 * @param goodFrom ... 落实较好 (0.90)
 * @param fairFrom ... 基本落实 (0.80)
 * @param poorFrom ... 落实不力 (0.60); below it 落实较差
 */
public record RuleSettings(
        BigDecimal yellowBelowPoints,
        BigDecimal redBelowPoints,
        int milestoneRedMonths,
        int reportDueDay,
        BigDecimal excellentFrom,
        BigDecimal goodFrom,
        BigDecimal fairFrom,
        BigDecimal poorFrom) {

    public static final RuleSettings DEFAULTS = new RuleSettings(
            new BigDecimal("-10"), new BigDecimal("-30"), 3, 10,
            new BigDecimal("1.00"), new BigDecimal("0.90"), new BigDecimal("0.80"), new BigDecimal("0.60"));
}
