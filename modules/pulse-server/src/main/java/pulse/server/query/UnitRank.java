package pulse.server.query;

import java.math.BigDecimal;
import pulse.model.Grade;
import pulse.model.Totals;

/**
 * A unit's place in the county's ranking.
 *
 * @param achievement completed this year ÷ due by today (null while nothing is due)
 */
public record UnitRank(int rank, String unitId, Grade grade, BigDecimal achievement, Totals totals) {}
