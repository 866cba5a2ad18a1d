package pulse.model;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The county's calendar: the zone its days are counted in, whatever zone a server runs in. Every
 * "today" of the rules, the reader's "not in the future" and a closed month's deadline is a day of it.
 */
public final class CountyCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CountyCalendar() {}

    /** The county's date now, by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return dayOf(clock.instant());
    }

    /** The county's date at {@code instant}. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
