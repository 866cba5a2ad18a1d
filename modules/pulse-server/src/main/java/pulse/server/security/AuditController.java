package pulse.server.security;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import pulse.server.web.ListAnswer;
import pulse.server.web.Page;

/** The county office's view of the audit: who logged in, who failed, who was locked out, which accounts changed. */
@Controller("/api/audit")
@Secured(Role.ADMIN)
class AuditController {

    private final LoginAudit audit;

    AuditController(LoginAudit audit) {
        this.audit = audit;
    }

    /** Newest first, of one {@code username} when set; paged like every list ({@code limit}, {@code cursor}). */
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = Page.LIMIT_DOC, schema = @Schema(type = "integer"))
    @Parameter(in = ParameterIn.QUERY, name = "cursor", description = Page.CURSOR_DOC)
    @Parameter(in = ParameterIn.QUERY, name = "format", description = ListAnswer.FORMAT_DOC)
    @Get(uri = "/logins", produces = {MediaType.APPLICATION_JSON, ListAnswer.XLSX})
    HttpResponse<?> logins(HttpRequest<?> request, @Nullable @QueryValue String username) {
        return ListAnswer.of(request, "登录审计", audit.latest(username, LoginAudit.KEPT));
    }
}
