package pulse.model;

import java.math.BigDecimal;

/**
 * A unit's place in the county's ranking.
 *
 * @param achievement completed this year ÷ due by today (null while nothing is due)
 */
public record UnitRank(int rank, String unitId, Grade grade, BigDecimal achievement, Totals totals) {}
