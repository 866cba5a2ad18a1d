package pulse.model;

import java.math.BigDecimal;

/** One month of the S-curve: planned and actual investment in the month and cumulated to it (万元). */
public record CurvePoint(String period, BigDecimal plan, BigDecimal actual, BigDecimal cumulativePlan,
        BigDecimal cumulativeActual) {}
