package pulse.topology;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import pulse.model.CountyCalendar;

/** A clock a test moves by hand, for "today"-dependent rules. */
final class MutableClock extends Clock {

    private Instant now;

    MutableClock(LocalDate today) {
        setToday(today);
    }

    LocalDate today() {
        return LocalDate.ofInstant(now, CountyCalendar.ZONE);
    }

    void setToday(LocalDate today) {
        now = today.atTime(12, 0).atZone(CountyCalendar.ZONE).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return CountyCalendar.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
