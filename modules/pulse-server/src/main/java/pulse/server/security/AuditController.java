package pulse.server.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import pulse.server.web.ListAnswer;

/** The county office's view of the audit: who logged in, who failed, who was locked out, which accounts changed. */
@Controller("/api/audit")
@Secured(Role.ADMIN)
class AuditController {

    private final LoginAudit audit;

    AuditController(LoginAudit audit) {
        this.audit = audit;
    }

    /** Newest first: of one {@code username} when set; at most {@code limit} entries (default 200). */
    @Get(uri = "/logins", produces = {MediaType.APPLICATION_JSON, ListAnswer.XLSX})
    HttpResponse<?> logins(HttpRequest<?> request, @Nullable @QueryValue String username, @Nullable @QueryValue Integer limit) {
        int shown = limit == null ? 200 : Math.max(1, Math.min(limit, LoginAudit.KEPT));
        return ListAnswer.of(request, "登录审计", audit.latest(username, shown));
    }
}
