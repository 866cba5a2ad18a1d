package pulse.server.period;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import pulse.server.query.QueryService;
import pulse.server.security.Role;
import pulse.server.security.Senders;

/** Plan years: carrying the unfinished projects into a new year (the county office's). */
@Controller("/api/years")
@Secured(Role.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class YearController {

    private final CarryForward carryForward;
    private final QueryService query;
    private final Senders senders;

    YearController(CarryForward carryForward, QueryService query, Senders senders) {
        this.carryForward = carryForward;
        this.query = query;
        this.senders = senders;
    }

    /** Proposes ({@code ?dryRun=true}) or sets a plan of the remaining investment for each unfinished project. */
    @Post("/{year}/carry-forward")
    CarryForward.Result carryForward(int year, @QueryValue(defaultValue = "false") boolean dryRun,
            Authentication authentication) {
        return carryForward.into(query.year(year), dryRun, senders.of(authentication));
    }
}
