package pulse.server.operations;

import pulse.server.remind.Reminder;
import pulse.server.remind.ReminderLedger;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

/** The operator's view: how many records were set aside, the latest with their reasons, and reminders failing to go out. */
@Controller("/api/operations")
@Secured(SecurityRule.IS_AUTHENTICATED)
class OperationsController {

    record Operations(long deadLetters, List<DeadLetters.Letter> recentDeadLetters, List<Reminder> failingReminders) {}

    private final DeadLetters deadLetters;
    private final ReminderLedger reminders;

    OperationsController(DeadLetters deadLetters, ReminderLedger reminders) {
        this.deadLetters = deadLetters;
        this.reminders = reminders;
    }

    @Get
    Operations operations() {
        return new Operations(deadLetters.count(), deadLetters.recent(), reminders.failing());
    }
}
