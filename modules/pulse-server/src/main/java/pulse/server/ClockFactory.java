package pulse.server;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulse.model.CountyCalendar;

/** The clock every rule reads "today" from: the system's, or moved to {@code PULSE_TODAY}. */
@Factory
class ClockFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ClockFactory.class);

    @Singleton
    PulseClock clock(@Value("${pulse.today:}") String today) {
        PulseClock clock = new PulseClock(Clock.system(CountyCalendar.ZONE));
        if (today != null && !today.isBlank()) {
            clock.setToday(parse(today));
            LOG.info("Today is {} for the rules (PULSE_TODAY)", clock.today());
        }
        return clock;
    }

    static LocalDate parse(String today) {
        try {
            return LocalDate.parse(today.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("PULSE_TODAY was \"" + today + "\"; expected a date written YYYY-MM-DD");
        }
    }
}
