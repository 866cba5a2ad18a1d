package pulse.server.push;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import pulse.model.Grade;
import pulse.model.UnitRank;

/**
 * A unit's row of the ranking as an update carries it: what the row shows and what orders it, as
 * a JSON array ({@code [completedThisYear, completionRate, achievement, grade]}) because an update
 * may carry hundreds of units to every screen. The screen re-ranks from these as
 * {@link pulse.topology.Standings} does; a unit with no project left is sent as null.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"completedThisYear", "completionRate", "achievement", "grade"})
public record UnitLine(BigDecimal completedThisYear, BigDecimal completionRate, BigDecimal achievement, Grade grade) {

    static UnitLine of(UnitRank standing) {
        return new UnitLine(standing.totals().completedThisYear(), standing.totals().completionRate(),
                standing.achievement(), standing.grade());
    }
}
