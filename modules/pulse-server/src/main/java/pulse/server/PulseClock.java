package pulse.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import pulse.model.CountyCalendar;

/**
 * The clock every rule reads "today" from: the system's time, moved to another date when Pulse
 * replays a year ({@code PULSE_TODAY}, or the demo's replay stepping month by month). Time of day
 * still runs, so reports carry real times.
 */
public final class PulseClock extends Clock {

    private final Clock system;
    private volatile Duration offset = Duration.ZERO;

    public PulseClock(Clock system) {
        this.system = system;
    }

    /** From now on, today is {@code date} (in the county's zone), at the current time of day. */
    public void setToday(LocalDate date) {
        Instant now = system.instant();
        Instant then = date.atTime(LocalTime.ofInstant(now, CountyCalendar.ZONE)).atZone(CountyCalendar.ZONE).toInstant();
        offset = Duration.between(now, then);
    }

    public LocalDate today() {
        return CountyCalendar.dayOf(instant());
    }

    @Override
    public ZoneId getZone() {
        return CountyCalendar.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }
}
