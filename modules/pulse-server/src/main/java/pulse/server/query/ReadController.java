package pulse.server.query;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import pulse.model.UnitRank;
import pulse.model.Warning;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import pulse.model.CurvePoint;
import pulse.model.Enums;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.Totals;
import pulse.model.WorkArea;
import pulse.model.Text;
import pulse.server.web.ProjectNotFoundException;
import pulse.server.web.ListAnswer;
import pulse.server.web.NotFoundException;
import pulse.server.web.Page;
import pulse.topology.Dimension;
import pulse.topology.GroupKey;
import pulse.server.security.VerifiedTokens;
import io.micronaut.security.authentication.Authentication;

/** The read API of DESIGN.md's contract. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReadController {

    private final QueryService query;
    private final EncodedTotals encoded;
    private final VerifiedTokens tokens;

    ReadController(QueryService query, EncodedTotals encoded, VerifiedTokens tokens) {
        this.query = query;
        this.encoded = encoded;
        this.tokens = tokens;
    }

    /**
     * The county's totals: bytes encoded once per change, with an {@code ETag}; {@code If-None-Match}
     * answers 304. Without {@code year}, {@link TotalsFastPath} answers most of these before they get
     * here; a login token seen here was verified, and that path takes it from now on.
     */
    @ApiResponse(responseCode = "200", description = "the county's totals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Totals.class)))
    @ApiResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    @Get("/totals")
    HttpResponse<byte[]> county(HttpRequest<?> request, @Nullable @QueryValue Integer year,
            @Nullable Authentication authentication) {
        if (authentication != null) {
            tokens.verified(VerifiedTokens.bearer(request.getHeaders().getAuthorization().orElse(null)));
        }
        EncodedTotals.Encoded county = encoded.county(query.year(year));
        if (county.etag().equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            return HttpResponse.<byte[]>notModified().header(HttpHeaders.ETAG, county.etag());
        }
        return HttpResponse.ok(county.json()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, county.etag());
    }

    /** One group's totals, e.g. {@code /api/totals/unit/县住建局}; 404 when the group has no project that year. */
    @Get("/totals/{dimension}/{key}")
    Totals group(String dimension, String key, @Nullable @QueryValue Integer year) {
        int planYear = query.year(year);
        return query.totals(new GroupKey(planYear, dimension(dimension), key)).orElseThrow(() ->
                new NotFoundException(Text.of("group.notFound", dimension + "/" + key, String.valueOf(planYear))));
    }

    @Parameter(in = ParameterIn.QUERY, name = "limit", description = Page.LIMIT_DOC, schema = @Schema(type = "integer"))
    @Parameter(in = ParameterIn.QUERY, name = "cursor", description = Page.CURSOR_DOC)
    @Parameter(in = ParameterIn.QUERY, name = "format", description = ListAnswer.FORMAT_DOC)
    @Get(uri = "/totals/{dimension}", produces = {MediaType.APPLICATION_JSON, ListAnswer.XLSX})
    HttpResponse<?> totals(HttpRequest<?> request, String dimension, @Nullable @QueryValue Integer year) {
        return ListAnswer.of(request, "合计-" + dimension, query.totals(query.year(year), dimension(dimension)));
    }

    private static Dimension dimension(String path) {
        Dimension parsed = Dimension.fromPath(path);
        if (parsed == null) {
            throw new InvalidInputException(new FieldError("dimension", "\"" + path + "\"",
                    Text.of("field.oneOf", Arrays.stream(Dimension.values()).map(Dimension::path)
                            .collect(Collectors.joining(", ")))));
        }
        return parsed;
    }

    @Parameter(in = ParameterIn.QUERY, name = "limit", description = Page.LIMIT_DOC, schema = @Schema(type = "integer"))
    @Parameter(in = ParameterIn.QUERY, name = "cursor", description = Page.CURSOR_DOC)
    @Parameter(in = ParameterIn.QUERY, name = "format", description = ListAnswer.FORMAT_DOC)
    @Get(uri = "/rankings/units", produces = {MediaType.APPLICATION_JSON, ListAnswer.XLSX})
    HttpResponse<?> unitRanking(HttpRequest<?> request, @Nullable @QueryValue Integer year) {
        return ListAnswer.of(request, "单位排名", query.unitRanking(query.year(year)));
    }

    /**
     * One project in a plan year (by default this year's, else its nearest); {@code X-Pulse-Instance}
     * says which instance's copy answered.
     */
    @Get("/projects/{projectId}")
    HttpResponse<ProjectView> project(String projectId, @Nullable @QueryValue Integer year) {
        Located<java.util.Optional<ProjectView>> located =
                query.locatedProject(projectId, year == null ? null : query.year(year));
        ProjectView view = located.value().orElseThrow(() -> new ProjectNotFoundException(projectId));
        return HttpResponse.ok(view).header("X-Pulse-Instance", located.instance());
    }

    /**
     * The project's audit trail: every accepted event as it is on {@code pulse.events} (with its
     * offset there), oldest first; {@code sentBy} names the account, a correction carries its reason.
     */
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = Page.LIMIT_DOC, schema = @Schema(type = "integer"))
    @Parameter(in = ParameterIn.QUERY, name = "cursor", description = Page.CURSOR_DOC)
    @Parameter(in = ParameterIn.QUERY, name = "format", description = ListAnswer.FORMAT_DOC)
    @Get(uri = "/projects/{projectId}/history", produces = {MediaType.APPLICATION_JSON, ListAnswer.XLSX})
    HttpResponse<?> history(HttpRequest<?> request, String projectId) {
        Located<List<JsonNode>> located = query.history(projectId);
        if (located.value().isEmpty()) {
            throw new ProjectNotFoundException(projectId);
        }
        return ListAnswer.of(request, "报送记录-" + projectId, located.value()).toMutableResponse()
                .header("X-Pulse-Instance", located.instance());
    }

    @Parameter(in = ParameterIn.QUERY, name = "limit", description = Page.LIMIT_DOC, schema = @Schema(type = "integer"))
    @Parameter(in = ParameterIn.QUERY, name = "cursor", description = Page.CURSOR_DOC)
    @Parameter(in = ParameterIn.QUERY, name = "format", description = ListAnswer.FORMAT_DOC)
    @Get(uri = "/projects", produces = {MediaType.APPLICATION_JSON, ListAnswer.XLSX})
    HttpResponse<?> projects(HttpRequest<?> request, @Nullable @QueryValue String area, @Nullable @QueryValue String unit,
            @Nullable @QueryValue String township, @Nullable @QueryValue String status,
            @Nullable @QueryValue String light, @Nullable @QueryValue Integer year,
            @Nullable @QueryValue Boolean planned) {
        return ListAnswer.of(request, "项目", query.projectList(new ProjectFilter(query.year(year),
                Enums.parameter("area", area, WorkArea.class), blankToNull(unit), blankToNull(township),
                Enums.parameter("status", status, ProjectStatus.class), Enums.parameter("light", light, Light.class), planned)));
    }

    @Parameter(in = ParameterIn.QUERY, name = "limit", description = Page.LIMIT_DOC, schema = @Schema(type = "integer"))
    @Parameter(in = ParameterIn.QUERY, name = "cursor", description = Page.CURSOR_DOC)
    @Parameter(in = ParameterIn.QUERY, name = "format", description = ListAnswer.FORMAT_DOC)
    @Get(uri = "/warnings", produces = {MediaType.APPLICATION_JSON, ListAnswer.XLSX})
    HttpResponse<?> warnings(HttpRequest<?> request, @Nullable @QueryValue String area, @Nullable @QueryValue String unit,
            @Nullable @QueryValue Integer year) {
        return ListAnswer.of(request, "红黄灯项目", query.warningList(new ProjectFilter(query.year(year),
                Enums.parameter("area", area, WorkArea.class), blankToNull(unit), null, null, null, null)));
    }

    /** The county's blockers (问题清单), oldest first, with their age: {@code open}, of one owner {@code unit}. */
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = Page.LIMIT_DOC, schema = @Schema(type = "integer"))
    @Parameter(in = ParameterIn.QUERY, name = "cursor", description = Page.CURSOR_DOC)
    @Parameter(in = ParameterIn.QUERY, name = "format", description = ListAnswer.FORMAT_DOC)
    @Get(uri = "/issues", produces = {MediaType.APPLICATION_JSON, ListAnswer.XLSX})
    HttpResponse<?> issues(HttpRequest<?> request, @Nullable @QueryValue Boolean open, @Nullable @QueryValue String unit,
            @Nullable @QueryValue Integer year) {
        return ListAnswer.of(request, "问题清单", query.issues(query.year(year), open, blankToNull(unit)));
    }

    /** Figures confirmed although far above the plan, with the reasons given: of one {@code unit} when set. */
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = Page.LIMIT_DOC, schema = @Schema(type = "integer"))
    @Parameter(in = ParameterIn.QUERY, name = "cursor", description = Page.CURSOR_DOC)
    @Parameter(in = ParameterIn.QUERY, name = "format", description = ListAnswer.FORMAT_DOC)
    @Get(uri = "/outliers", produces = {MediaType.APPLICATION_JSON, ListAnswer.XLSX})
    HttpResponse<?> outliers(HttpRequest<?> request, @Nullable @QueryValue String unit, @Nullable @QueryValue Integer year) {
        return ListAnswer.of(request, "超计划核实", query.outliers(query.year(year), blankToNull(unit)));
    }

    @Get("/curve")
    List<CurvePoint> curve(@Nullable @QueryValue String area, @Nullable @QueryValue String unit,
            @Nullable @QueryValue String township, @Nullable @QueryValue Integer year) {
        int planYear = query.year(year);
        WorkArea workArea = Enums.parameter("area", area, WorkArea.class);
        if (workArea != null) {
            return query.curve(new GroupKey(planYear, Dimension.AREA, workArea.name()));
        }
        if (blankToNull(unit) != null) {
            return query.curve(new GroupKey(planYear, Dimension.UNIT, unit));
        }
        if (blankToNull(township) != null) {
            return query.curve(new GroupKey(planYear, Dimension.TOWNSHIP, township));
        }
        return query.curve(GroupKey.county(planYear));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
