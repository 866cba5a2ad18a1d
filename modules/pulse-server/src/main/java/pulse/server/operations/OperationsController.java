package pulse.server.operations;

import pulse.server.remind.Reminder;
import pulse.server.remind.ReminderLedger;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulse.server.kafka.TopologyStores;
import pulse.server.security.Role;

/**
 * The operator's view: how many records were set aside, the latest with their reasons, reminders
 * failing to go out, and whether this instance's processing is paused; and the county office's
 * switch to pause and resume it.
 */
@Controller("/api/operations")
@Secured(SecurityRule.IS_AUTHENTICATED)
class OperationsController {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsController.class);

    record Operations(long deadLetters, List<DeadLetters.Letter> recentDeadLetters, List<Reminder> failingReminders,
            boolean processingPaused) {}

    record Processing(boolean paused) {}

    private final DeadLetters deadLetters;
    private final ReminderLedger reminders;
    private final TopologyStores topology;

    OperationsController(DeadLetters deadLetters, ReminderLedger reminders, TopologyStores topology) {
        this.deadLetters = deadLetters;
        this.reminders = reminders;
        this.topology = topology;
    }

    @Get
    Operations operations() {
        return new Operations(deadLetters.count(), deadLetters.recent(), reminders.failing(), topology.isPaused());
    }

    @Operation(summary = "暂停处理 Pause this instance's processing (county office)",
            description = "Reports are still accepted and kept on pulse.events; this instance's figures, lights and"
                    + " screens stop moving until resumed. Not kept across a restart; in a cluster, per instance.")
    @Put("/processing/pause")
    @Secured(Role.ADMIN)
    Processing pause(Authentication operator) {
        topology.pause();
        LOG.warn("Processing paused by {}: reports are kept, figures stand still until resumed", operator.getName());
        return new Processing(topology.isPaused());
    }

    @Operation(summary = "恢复处理 Resume this instance's processing (county office)",
            description = "It goes on from where it stopped, with every report accepted meanwhile.")
    @Put("/processing/resume")
    @Secured(Role.ADMIN)
    Processing resume(Authentication operator) {
        topology.resume();
        LOG.warn("Processing resumed by {}", operator.getName());
        return new Processing(topology.isPaused());
    }
}
