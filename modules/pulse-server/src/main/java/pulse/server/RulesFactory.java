package pulse.server;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import pulse.model.Grade;
import pulse.rules.RuleSettings;

/**
 * The rule thresholds from {@code pulse.rules.*}; each one not set is the county's default, which
 * lives only in {@link RuleSettings#DEFAULTS}.
 */
@Factory
class RulesFactory {

    @Singleton
    RuleSettings ruleSettings(Environment env) {
        RuleSettings d = RuleSettings.DEFAULTS;
        return new RuleSettings(
                env.getProperty("pulse.rules.yellow-below-points", BigDecimal.class).orElse(d.yellowBelowPoints()),
                env.getProperty("pulse.rules.red-below-points", BigDecimal.class).orElse(d.redBelowPoints()),
                env.getProperty("pulse.rules.milestone-red-months", Integer.class).orElse(d.milestoneRedMonths()),
                env.getProperty("pulse.rules.report-due-day", Integer.class)
                        .or(() -> env.getProperty("pulse.report-deadline-day", Integer.class))   // PULSE_REPORT_DEADLINE_DAY
                        .orElse(d.reportDueDay()),
                env.getProperty("pulse.rules.excellent-from", BigDecimal.class).orElse(d.excellentFrom()),
                env.getProperty("pulse.rules.good-from", BigDecimal.class).orElse(d.goodFrom()),
                env.getProperty("pulse.rules.fair-from", BigDecimal.class).orElse(d.fairFrom()),
                env.getProperty("pulse.rules.poor-from", BigDecimal.class).orElse(d.poorFrom()),
                env.getProperty("pulse.rules.no-plan-yellow-from-month", Integer.class).orElse(d.noPlanYellowFromMonth()),
                env.getProperty("pulse.rules.interview-from", Grade.class).orElse(d.interviewFrom()),
                env.getProperty("pulse.rules.interview-red-periods", Integer.class).orElse(d.interviewRedPeriods()),
                env.getProperty("pulse.rules.issue-red-after-days", Integer.class).orElse(d.issueRedAfterDays()),
                env.getProperty("pulse.rules.reminder-days-before", Integer.class).orElse(d.reminderDaysBefore()),
                env.getProperty("pulse.rules.month-factor", BigDecimal.class).orElse(d.monthFactor()),
                env.getProperty("pulse.rules.yuan-factor", BigDecimal.class).orElse(d.yuanFactor()));
    }
}
