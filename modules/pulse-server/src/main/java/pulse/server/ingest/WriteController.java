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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import pulse.model.EventCodec;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Text;
import pulse.server.security.Role;
import pulse.server.security.Senders;
import pulse.server.web.ErrorBody;

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

    @Operation(summary = "登记重点项目 Register a key project (county office)",
            description = "The project list's entry with its first year's plan; again with the same projectId replaces it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(value = """
            {"projectId":"TZ-2022-001","name":"城南污水处理厂","area":"ECOLOGY","township":"玉泉镇","unitId":"县住建局",
             "level":"COUNTY","totalInvestment":5000.00,"year":2022,"annualPlan":1200.00,
             "monthlyPlan":[0,0,100,150,150,150,150,150,150,100,100,0],
             "plannedMilestones":{"STARTED":"2022-03-15","COMPLETED":"2023-06-30"},"investedBeforeYear":0}""")))
    @ApiResponse(responseCode = "201", description = "Accepted: Kafka acknowledged the event")
    @ApiResponse(responseCode = "400", description = "Bad input: every field that was wrong",
            content = @Content(schema = @Schema(implementation = ErrorBody.class), examples = @ExampleObject(value = """
                    {"message":"输入有误：annualPlan：填写的是 9000，应为不超过总投资（5000.00）的年度计划","errors":[{"field":"annualPlan",
                     "value":"9000","expected":"不超过总投资（5000.00）的年度计划","message":"annualPlan：填写的是 9000，应为不超过总投资（5000.00）的年度计划"}]}""")))
    @ApiResponse(responseCode = "403", description = "Not the county office",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Post(uri = "/projects", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<Accepted> register(@Nullable @Body byte[] body, Authentication authentication) {
        ObjectNode event = object(body);
        event.put("type", "ProjectRegistered");
        Accepted accepted = ingest.submit(event, senders.of(authentication));
        return HttpResponse.created(accepted, URI.create("/api/projects/" + accepted.projectId()));
    }

    /** A year's plan of a registered project (the county office's): replaces that year's plan. */
    @Operation(summary = "设定年度计划 Set a year's plan (county office)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(value = """
            {"annualPlan":3800.00,"plannedMilestones":{"COMPLETED":"2023-06-30"}}""")))
    @ApiResponse(responseCode = "400", description = "Bad input, or a year before the project's first plan year",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "Project not registered",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
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

    @Operation(summary = "报送月度投资 Report a month's investment (unit or office)",
            description = "A second report for the month is a correction and needs a reason. A figure far above the plan"
                    + " (over 3× the month's plan, above what remains of the year's plan, or above the total investment"
                    + " since the start) is refused unless confirm is true with a reason; one that looks like 元 instead"
                    + " of 万元 is refused.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "report", value = "{\"amount\":88.80}"),
            @ExampleObject(name = "correction", value = "{\"amount\":90.00,\"reason\":\"核对发票后更正\"}"),
            @ExampleObject(name = "confirmed", value = "{\"amount\":950.00,\"confirm\":true,\"reason\":\"设备集中到货\"}")}))
    @ApiResponse(responseCode = "200", description = "Accepted: Kafka acknowledged the event")
    @ApiResponse(responseCode = "400", description = "Bad input, a correction without reason, or an unusual figure",
            content = @Content(schema = @Schema(implementation = ErrorBody.class), examples = @ExampleObject(value = """
                    {"message":"输入有误：confirm：填写的是 1200.00，应为核实无误后确认报送（confirm 为 true，并写明原因）：1200.00超过当月计划（100.00）的3倍",
                     "errors":[{"field":"confirm","value":"1200.00","expected":"核实无误后确认报送（confirm 为 true，并写明原因）：1200.00超过当月计划（100.00）的3倍",
                     "message":"confirm：填写的是 1200.00，应为核实无误后确认报送（confirm 为 true，并写明原因）：1200.00超过当月计划（100.00）的3倍"}]}""")))
    @ApiResponse(responseCode = "403", description = "A project of another unit",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "Project not registered",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; retrying counts nothing twice",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Put(uri = "/projects/{projectId}/investments/{period}", consumes = MediaType.APPLICATION_JSON)
    Accepted reportInvestment(String projectId, String period, @Nullable @Body byte[] body, Authentication authentication) {
        ObjectNode event = object(body);
        event.put("type", "InvestmentReported");
        event.put("projectId", projectId);
        event.put("period", period);
        return ingest.submit(event, senders.of(authentication));
    }

    @Operation(summary = "报送形象进度节点 Report a milestone reached",
            description = "milestone: APPROVED, STARTED, STRUCTURE_DONE, COMPLETED, IN_OPERATION, OPEN_TO_TRAFFIC;"
                    + " in their order (竣工 not before 开工).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(value = """
            {"date":"2022-03-18","note":"开工仪式"}""")))
    @ApiResponse(responseCode = "400", description = "Bad input, or out of order",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Put(uri = "/projects/{projectId}/milestones/{milestone}", consumes = MediaType.APPLICATION_JSON)
    Accepted reportMilestone(String projectId, String milestone, @Nullable @Body byte[] body, Authentication authentication) {
        ObjectNode event = object(body);
        event.put("type", "MilestoneReached");
        event.put("projectId", projectId);
        event.put("milestone", milestone);
        return ingest.submit(event, senders.of(authentication));
    }

    @Operation(summary = "批量报送 A batch of events, all or nothing",
            description = "Any event types of /api/schema/events.json; errors name their place ([3].amount).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(value = """
            [{"type":"InvestmentReported","projectId":"TZ-2022-001","period":"2022-05","amount":150.00},
             {"type":"MilestoneReached","projectId":"TZ-2022-001","milestone":"STARTED","date":"2022-03-18"}]""")))
    @ApiResponse(responseCode = "400", description = "Bad input: nothing of the batch was written",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Post(uri = "/events", consumes = MediaType.APPLICATION_JSON)
    List<Accepted> submitBatch(@Nullable @Body byte[] body, Authentication authentication) {
        return ingest.submitAll(codec.parse(body, "body"), senders.of(authentication));
    }

    private ObjectNode object(byte[] body) {
        JsonNode node = codec.parse(body, "body");
        if (!node.isObject()) {
            throw new InvalidInputException(new FieldError("body", node.getNodeType().name().toLowerCase(),
                    Text.of("json.object")));
        }
        return (ObjectNode) node;
    }
}
