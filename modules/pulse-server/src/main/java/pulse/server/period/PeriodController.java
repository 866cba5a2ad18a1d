package pulse.server.period;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import pulse.model.Text;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import pulse.documents.BulletinDocx;
import pulse.documents.BulletinHtml;
import pulse.documents.BulletinXlsx;
import pulse.model.EventCodec;
import pulse.model.PeriodSnapshot;
import pulse.model.PeriodSnapshot.MissingReports;
import pulse.server.security.Role;
import pulse.server.security.Senders;
import pulse.server.web.Download;
import pulse.server.web.ListAnswer;
import pulse.server.web.Page;
import pulse.server.web.NotFoundException;

/**
 * The monthly close over HTTP: close a month (the county office), list and read the closed ones,
 * what changed since, the live missing reports, and the bulletin as Word and Excel.
 */
@Controller("/api/periods")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PeriodController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final PeriodService periods;
    private final PeriodArchive archive;
    private final Senders senders;
    private final EventCodec codec;

    PeriodController(PeriodService periods, PeriodArchive archive, Senders senders, EventCodec codec) {
        this.periods = periods;
        this.archive = archive;
        this.senders = senders;
        this.codec = codec;
    }

    @Get
    List<PeriodSnapshot.Closed> list() {
        return archive.list();
    }

    /** The frozen snapshot as it was written at the close, byte for byte (the latest revision unless one is asked). */
    @Get(uri = "/{period}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> snapshot(String period, @Nullable @QueryValue Integer revision) {
        return HttpResponse.ok(bytes(period, revision)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Closes the month; {@code ?revise=true} with {@code {"reason": ...}} makes a new revision of a closed one. */
    @RequestBody(required = false, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
                    value = "{\"reason\":\"县交通局补报5月投资\"}", description = "only with ?revise=true")))
    @Post(uri = "/{period}/close", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(Role.ADMIN)
    HttpResponse<byte[]> close(String period, @QueryValue(defaultValue = "false") boolean revise,
            @Nullable @Body byte[] body, Authentication authentication) {
        String reason = null;
        if (body != null && body.length > 0) {
            JsonNode given = codec.parse(body, "body").get("reason");
            reason = given == null || given.isNull() ? null : given.asText();
        }
        PeriodSnapshot closed = periods.close(PeriodService.period(period), senders.of(authentication), revise, reason);
        return HttpResponse.created(bytes(closed.period(), closed.revision()),
                URI.create("/api/periods/" + closed.period() + "?revision=" + closed.revision()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Live: the projects that have not reported the month yet, per unit; overdue after the deadline. */
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = Page.LIMIT_DOC, schema = @Schema(type = "integer"))
    @Parameter(in = ParameterIn.QUERY, name = "cursor", description = Page.CURSOR_DOC)
    @Parameter(in = ParameterIn.QUERY, name = "format", description = ListAnswer.FORMAT_DOC)
    @Get(uri = "/{period}/missing", produces = {MediaType.APPLICATION_JSON, ListAnswer.XLSX})
    HttpResponse<?> missing(HttpRequest<?> request, String period) {
        YearMonth month = PeriodService.period(period);
        return ListAnswer.of(request, "未报送-" + month, periods.missing(month));
    }

    /** When the month's reports are due, and whether today is past it. */
    @Get("/{period}/deadline")
    PeriodService.Deadline deadline(String period) {
        return periods.deadline(PeriodService.period(period));
    }

    @Get("/{period}/changes")
    List<JsonNode> changes(String period) {
        return periods.changes(PeriodService.period(period));
    }

    @Get(uri = "/{period}/bulletin.docx", produces = DOCX)
    HttpResponse<byte[]> bulletinDocx(String period, @Nullable @QueryValue Integer revision) {
        PeriodSnapshot snapshot = archive.read(bytes(period, revision));
        return attachment(BulletinDocx.write(snapshot), snapshot, "docx", DOCX);
    }

    @Get(uri = "/{period}/bulletin.xlsx", produces = ListAnswer.XLSX)
    HttpResponse<byte[]> bulletinXlsx(String period, @Nullable @QueryValue Integer revision) {
        PeriodSnapshot snapshot = archive.read(bytes(period, revision));
        return attachment(BulletinXlsx.write(snapshot), snapshot, "xlsx", ListAnswer.XLSX);
    }

    /** The bulletin as an HTML fragment, for the printable page {@code /bulletin/YYYY-MM}. */
    @Get(uri = "/{period}/bulletin.html", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    String bulletinHtml(String period, @Nullable @QueryValue Integer revision) {
        return BulletinHtml.write(archive.read(bytes(period, revision)));
    }

    private byte[] bytes(String period, Integer revision) {
        YearMonth month = PeriodService.period(period);
        return archive.bytes(month.toString(), revision).orElseThrow(() -> new NotFoundException(revision == null
                ? Text.of("period.notClosed", month) : Text.of("period.noRevision", month, revision)));
    }

    /** The file, named as the office would save it (通报-2022-06-r1.docx), in UTF-8 per RFC 6266. */
    private static HttpResponse<byte[]> attachment(byte[] file, PeriodSnapshot snapshot, String extension, String type) {
        return Download.of(file, type, "bulletin-" + snapshot.period() + "." + extension,
                "通报-" + snapshot.period() + "-r" + snapshot.revision() + "." + extension);
    }
}
