package pulse.server.period;

import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import pulse.model.ProjectView;
import pulse.model.PulseJson;
import pulse.rules.CarryForwardRule;
import pulse.rules.CarryForwardRule.Proposal;
import pulse.server.ingest.Accepted;
import pulse.server.ingest.IngestService;
import pulse.rules.RuleSettings;
import pulse.server.PulseClock;
import pulse.server.kafka.EventLog;
import pulse.server.security.Sender;
import pulse.topology.LogFold;

/**
 * Carries the unfinished projects of one year into the next with a plan of what remains
 * ({@link CarryForwardRule}), as they stand in the event log now ({@link LogFold}): the proposal does
 * not depend on how far the topology has got, so it can follow a bulk load at once.
 */
@Singleton
public class CarryForward {

    /** What a carry-forward proposed and, unless it was a dry run, wrote (one AnnualPlanSet per proposal). */
    public record Result(int year, boolean dryRun, List<Proposal> proposals, List<Accepted> written) {}

    private final EventLog log;
    private final IngestService ingest;
    private final RuleSettings rules;
    private final PulseClock clock;

    CarryForward(EventLog log, IngestService ingest, RuleSettings rules, PulseClock clock) {
        this.log = log;
        this.ingest = ingest;
        this.rules = rules;
        this.clock = clock;
    }

    public Result into(int year, boolean dryRun, Sender sender) {
        LogFold fold = log.recount(log.end());
        LocalDate today = clock.today();
        List<ProjectView> yearBefore = fold.views(year - 1, today, rules);
        Set<String> planned = fold.views(year, today, rules).stream().filter(ProjectView::planned)
                .map(ProjectView::projectId).collect(Collectors.toSet());
        List<Proposal> proposals = CarryForwardRule.propose(yearBefore, planned, year);
        if (dryRun || proposals.isEmpty()) {
            return new Result(year, dryRun, proposals, List.of());
        }
        ArrayNode plans = PulseJson.mapper().createArrayNode();
        for (Proposal proposal : proposals) {
            plans.addObject().put("type", "AnnualPlanSet").put("projectId", proposal.projectId())
                    .put("year", year).put("annualPlan", proposal.annualPlan());
        }
        return new Result(year, false, proposals, ingest.submitAll(plans, sender));
    }
}
