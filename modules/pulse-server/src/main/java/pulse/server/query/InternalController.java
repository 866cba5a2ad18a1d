package pulse.server.query;

import io.micronaut.security.annotation.Secured;
import pulse.server.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.Hidden;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.WorkArea;
import pulse.server.web.ProjectNotFoundException;
import pulse.topology.ProjectState;
import pulse.topology.ProjectStateSerde;
import pulse.topology.Topics;

/**
 * What one instance holds itself, for the other instances: never routed further, so a read that
 * arrives here cannot bounce between instances.
 */
@Secured(Role.PEER)
@Hidden   // the instances' own peer reads, not an API for people
@Controller("/api/internal")
@ExecuteOn(TaskExecutors.BLOCKING)
class InternalController {

    private static final ProjectStateSerde STATES = new ProjectStateSerde();

    private final ProjectReads reads;

    InternalController(ProjectReads reads) {
        this.reads = reads;
    }

    /**
     * One project's view. A read of one project names its {@code partition}, as the asking instance's
     * Kafka Streams metadata gave it: this instance answers from that partition's store or, when it
     * holds it no more, 503. Without it (an instance of an earlier version asking) every local store
     * is looked through. The reads below take it the same way.
     */
    @Get("/projects/{projectId}")
    ProjectView project(String projectId, @Nullable Integer partition, @Nullable Integer year,
            @QueryValue(defaultValue = "false") boolean stale) {
        return reads.local(projectId, year, partition, stale).orElseThrow(() -> new ProjectNotFoundException(projectId));
    }

    /**
     * The project's state in the store's own format, for another instance's write path; with
     * {@code caughtUp}, once this instance has processed the project's partition as far as it was written.
     */
    @Get(value = "/projects/{projectId}/state", produces = MediaType.APPLICATION_OCTET_STREAM)
    byte[] state(String projectId, @Nullable Integer partition, @QueryValue(defaultValue = "false") boolean stale,
            @QueryValue(defaultValue = "false") boolean caughtUp) {
        ProjectState state = caughtUp ? reads.stateOnceCaughtUp(projectId, partition)
                : reads.state(projectId, partition, stale);
        if (state == null) {
            throw new ProjectNotFoundException(projectId);
        }
        return STATES.serializer().serialize(Topics.EVENTS.name(), state);
    }

    @Get("/projects/{projectId}/history")
    List<JsonNode> history(String projectId, @Nullable Integer partition,
            @QueryValue(defaultValue = "false") boolean stale) {
        return reads.localHistory(projectId, partition, stale);
    }

    @Get("/projects")
    List<ProjectView> projects(int year, @Nullable WorkArea area, @Nullable String unit, @Nullable String township,
            @Nullable ProjectStatus status, @Nullable Light light, @Nullable Boolean planned) {
        return reads.localProjects(new ProjectFilter(year, area, unit, township, status, light, planned));
    }
}
