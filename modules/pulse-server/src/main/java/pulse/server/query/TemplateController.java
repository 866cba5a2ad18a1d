package pulse.server.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.YearMonth;
import java.util.List;
import pulse.documents.intake.ImportKind;
import pulse.documents.intake.ImportTemplate;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.ProjectView;
import pulse.model.Text;
import pulse.server.PulseClock;
import pulse.server.security.Role;
import pulse.server.security.Sender;
import pulse.server.security.Senders;
import pulse.server.web.Download;
import pulse.server.web.ListAnswer;

/** The spreadsheets to fill in for an import, prefilled from the projects as they stand. */
@Controller("/api/import")
@Secured({Role.ADMIN, Role.UNIT})
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplateController {

    private final QueryService query;
    private final Senders senders;
    private final PulseClock clock;

    TemplateController(QueryService query, Senders senders, PulseClock clock) {
        this.query = query;
        this.senders = senders;
        this.clock = clock;
    }

    /**
     * A template to fill in: {@code kind} projects, plans or reports; prefilled with the projects
     * the account may write for (a unit: its own), in {@code year} (default this year), and for
     * reports with {@code period} (default last month, the one being reported).
     */
    @Get(uri = "/template.xlsx", produces = ListAnswer.XLSX)
    HttpResponse<byte[]> template(@Nullable @QueryValue String kind, @Nullable @QueryValue Integer year,
            @Nullable @QueryValue String period, Authentication authentication) {
        ImportKind sheet = ImportKind.fromParameter(kind == null ? "reports" : kind).orElseThrow(() ->
                new InvalidInputException(new FieldError("kind", "\"" + kind + "\"",
                        Text.of("field.oneOf", "projects, plans, reports"))));
        YearMonth month = period == null ? YearMonth.from(clock.today()).minusMonths(1) : parsePeriod(period);
        int planYear = query.year(year != null ? year : sheet == ImportKind.REPORTS ? month.getYear() : null);
        Sender sender = senders.of(authentication);
        ProjectFilter filter = new ProjectFilter(planYear, null, sender.isAdmin() ? null : sender.unitId(), null, null,
                null, null);
        List<ProjectView> projects = query.projects(filter).stream()
                .filter(p -> sheet != ImportKind.PROJECTS || p.startYear() == planYear)
                .toList();
        byte[] bytes = ImportTemplate.write(sheet, projects, planYear, month);
        String suffix = sheet == ImportKind.REPORTS ? month.toString() : String.valueOf(planYear);
        return Download.of(bytes, ListAnswer.XLSX, "pulse-" + sheet.name().toLowerCase() + "-" + suffix + ".xlsx",
                sheet.sheetName + "-" + suffix + ".xlsx");
    }

    private static YearMonth parsePeriod(String period) {
        try {
            return YearMonth.parse(period);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(new FieldError("period", "\"" + period + "\"", Text.of("field.period")));
        }
    }
}
