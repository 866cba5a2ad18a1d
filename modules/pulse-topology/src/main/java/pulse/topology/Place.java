package pulse.topology;

import java.math.BigDecimal;
import java.math.RoundingMode;
import pulse.model.Light;

/**
 * A project's place in the order of the warnings ({@link Standings#WORST_FIRST}), its id aside, as
 * one {@code long}: its light, then how far behind it is, so that the smaller value comes first.
 *
 * <p>The push channel's reader keeps one for every project of a province and changes it in place
 * with each summary. Kept as a light and a {@code BigDecimal}, each summary's deviation and the
 * record holding it were new objects that lived until the project's next summary, long enough for
 * the collector's young pauses to copy them; one word also reads whole from another thread, with
 * no light of one summary beside the deviation of another.
 */
public final class Place {

    /** Deviations are kept in hundredths of a point: the rule writes them with two decimals ({@code TargetRule.deviationPoints}). */
    private static final int SCALE = 2;
    private static final int DEVIATION_BITS = 60;
    /** Hundredths are kept within ±2^59: far beyond any rate (a project at 10^15 % of its plan). */
    private static final long LIMIT = (1L << (DEVIATION_BITS - 1)) - 1;
    private static final BigDecimal MOST = BigDecimal.valueOf(LIMIT);
    private static final BigDecimal LEAST = BigDecimal.valueOf(-LIMIT);
    private static final long DEVIATION_MASK = (1L << DEVIATION_BITS) - 1;
    private static final Light[] LIGHTS = Light.values();

    private Place() {}

    /** The place of a project with {@code light} that is {@code deviationPoints} behind (negative) or ahead. */
    public static long of(Light light, BigDecimal deviationPoints) {
        BigDecimal hundredths = deviationPoints.setScale(SCALE, RoundingMode.HALF_UP).movePointRight(SCALE);
        long bounded = hundredths.compareTo(MOST) > 0 ? LIMIT
                : hundredths.compareTo(LEAST) < 0 ? -LIMIT : hundredths.longValue();
        long worstFirst = LIGHTS.length - 1 - light.ordinal();   // red 0, yellow 1, green 2
        return worstFirst << DEVIATION_BITS | (bounded + LIMIT + 1);
    }

    public static Light light(long place) {
        return LIGHTS[LIGHTS.length - 1 - (int) (place >>> DEVIATION_BITS)];
    }

    /** The deviation in points, with the rule's two decimals. */
    public static BigDecimal deviationPoints(long place) {
        return BigDecimal.valueOf((place & DEVIATION_MASK) - LIMIT - 1, SCALE);
    }

    /** {@link Standings#WORST_FIRST}: by place, then by id. */
    public static int compare(long placeA, String idA, long placeB, String idB) {
        int byPlace = Long.compare(placeA, placeB);
        return byPlace != 0 ? byPlace : idA.compareTo(idB);
    }
}
