package pulse.server.operations;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

/** The operator's view: how many records were set aside, and the latest with their reasons. */
@Controller("/api/operations")
@Secured(SecurityRule.IS_AUTHENTICATED)
class OperationsController {

    record Operations(long deadLetters, List<DeadLetters.Letter> recentDeadLetters) {}

    private final DeadLetters deadLetters;

    OperationsController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Get
    Operations operations() {
        return new Operations(deadLetters.count(), deadLetters.recent());
    }
}
