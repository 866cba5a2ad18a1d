package pulse.server.remind;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import java.util.List;
import pulse.server.period.PeriodService;
import pulse.server.security.Role;

/** What was sent to whom (the county office's view). */
@Controller("/api/reminders")
@Secured(Role.ADMIN)
class ReminderController {

    private final ReminderLedger ledger;

    ReminderController(ReminderLedger ledger) {
        this.ledger = ledger;
    }

    @Get
    List<Reminder> reminders(@Nullable @QueryValue String period) {
        return ledger.of(period == null ? null : PeriodService.period(period).toString());
    }
}
