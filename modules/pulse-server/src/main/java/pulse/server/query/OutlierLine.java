package pulse.server.query;

import java.math.BigDecimal;

/**
 * A monthly figure its unit confirmed although it was far above the plan (or above what remained
 * of it), with the reason given: the office looks at these before a bulletin.
 *
 * @param plannedMonth what the month's plan was (a twelfth of the annual plan without a monthly plan)
 */
public record OutlierLine(String projectId, String projectName, String unitId, String period, BigDecimal amount,
        BigDecimal plannedMonth, String reason) {}
