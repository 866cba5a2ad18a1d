package pulse.server.ingest;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.List;
import pulse.model.EventCodec;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.server.security.Role;
import pulse.server.security.Senders;

/**
 * The JSON write API of DESIGN.md's contract. Bodies are read as bytes and parsed by the model's
 * codec, so every error names its field the same way whichever endpoint it came through; values
 * in the path take part in that same validation.
 */
@Controller("/api")
@Secured({Role.ADMIN, Role.UNIT})
@ExecuteOn(TaskExecutors.BLOCKING)
class WriteController {

    private final IngestService ingest;
    private final EventCodec codec;
    private final Senders senders;

    WriteController(IngestService ingest, EventCodec codec, Senders senders) {
        this.ingest = ingest;
        this.codec = codec;
        this.senders = senders;
    }

    @Post(uri = "/projects", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<Accepted> register(@Nullable @Body byte[] body, Authentication authentication) {
        ObjectNode event = object(body);
        event.put("type", "ProjectRegistered");
        Accepted accepted = ingest.submit(event, senders.of(authentication));
        return HttpResponse.created(accepted, URI.create("/api/projects/" + accepted.projectId()));
    }

    /** A year's plan of a registered project (the county office's): replaces that year's plan. */
    @Put(uri = "/projects/{projectId}/plans/{year}", consumes = MediaType.APPLICATION_JSON)
    Accepted setAnnualPlan(String projectId, String year, @Nullable @Body byte[] body, Authentication authentication) {
        ObjectNode event = object(body);
        event.put("type", "AnnualPlanSet");
        event.put("projectId", projectId);
        if (year.matches("\\d{1,4}")) {
            event.put("year", Integer.parseInt(year));
        } else {
            event.put("year", year);   // refused by the validation, which names it
        }
        return ingest.submit(event, senders.of(authentication));
    }

    @Put(uri = "/projects/{projectId}/investments/{period}", consumes = MediaType.APPLICATION_JSON)
    Accepted reportInvestment(String projectId, String period, @Nullable @Body byte[] body, Authentication authentication) {
        ObjectNode event = object(body);
        event.put("type", "InvestmentReported");
        event.put("projectId", projectId);
        event.put("period", period);
        return ingest.submit(event, senders.of(authentication));
    }

    @Put(uri = "/projects/{projectId}/milestones/{milestone}", consumes = MediaType.APPLICATION_JSON)
    Accepted reportMilestone(String projectId, String milestone, @Nullable @Body byte[] body, Authentication authentication) {
        ObjectNode event = object(body);
        event.put("type", "MilestoneReached");
        event.put("projectId", projectId);
        event.put("milestone", milestone);
        return ingest.submit(event, senders.of(authentication));
    }

    @Post(uri = "/events", consumes = MediaType.APPLICATION_JSON)
    List<Accepted> submitBatch(@Nullable @Body byte[] body, Authentication authentication) {
        return ingest.submitAll(codec.parse(body, "body"), senders.of(authentication));
    }

    private ObjectNode object(byte[] body) {
        JsonNode node = codec.parse(body, "body");
        if (!node.isObject()) {
            throw new InvalidInputException(new FieldError("body", node.getNodeType().name().toLowerCase(),
                    "a JSON object"));
        }
        return (ObjectNode) node;
    }
}
