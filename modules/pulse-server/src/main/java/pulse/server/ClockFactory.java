package pulse.server;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulse.model.EventReader;

/** The clock every rule reads "today" from: the system's, or one set back to {@code PULSE_TODAY}. */
@Factory
class ClockFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ClockFactory.class);

    @Singleton
    Clock clock(@Value("${pulse.today:}") String today) {
        Clock system = Clock.system(EventReader.ZONE);
        if (today == null || today.isBlank()) {
            return system;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(today.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("PULSE_TODAY was \"" + today + "\"; expected a date written YYYY-MM-DD");
        }
        // Time still runs (reports get real times of day), starting from that date at this moment's time.
        Duration back = Duration.between(system.instant(), date.atTime(LocalTime.now(system)).atZone(EventReader.ZONE).toInstant());
        LOG.info("Today is {} for the rules (PULSE_TODAY)", date);
        return Clock.offset(system, back);
    }
}
