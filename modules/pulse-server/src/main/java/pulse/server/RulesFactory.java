package pulse.server;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import pulse.rules.RuleSettings;

/** The rule thresholds from {@code pulse.rules.*}, defaulting to the county's. */
@Factory
class RulesFactory {

    @Singleton
    RuleSettings ruleSettings(
            @Value("${pulse.rules.yellow-below-points:-10}") BigDecimal yellowBelow,
            @Value("${pulse.rules.red-below-points:-30}") BigDecimal redBelow,
            @Value("${pulse.rules.milestone-red-months:3}") int milestoneRedMonths,
            @Value("${pulse.rules.report-due-day:10}") int reportDueDay,
            @Value("${pulse.rules.excellent-from:1.00}") BigDecimal excellentFrom,
            @Value("${pulse.rules.good-from:0.90}") BigDecimal goodFrom,
            @Value("${pulse.rules.fair-from:0.80}") BigDecimal fairFrom,
            @Value("${pulse.rules.poor-from:0.60}") BigDecimal poorFrom) {
        return new RuleSettings(yellowBelow, redBelow, milestoneRedMonths, reportDueDay, excellentFrom, goodFrom,
                fairFrom, poorFrom);
    }
}
