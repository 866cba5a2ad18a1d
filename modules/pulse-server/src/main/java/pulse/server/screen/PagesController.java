package pulse.server.screen;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;

/**
 * Serves the pages (the screen, the form, the printable bulletin, the API browser); their scripts,
 * styles, ECharts and Swagger UI come from this server too, never a CDN.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
class PagesController {

    private final ResourceResolver resources;

    PagesController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    HttpResponse<StreamedFile> screen() {
        return page("index.html");
    }

    @Get(uri = "/report", produces = MediaType.TEXT_HTML)
    HttpResponse<StreamedFile> reportForm() {
        return page("report.html");
    }

    /** The printable bulletin of a closed period (A4); its content comes from {@code /api/periods/{period}/bulletin.html}. */
    @Get(uri = "/bulletin/{period}", produces = MediaType.TEXT_HTML)
    HttpResponse<StreamedFile> bulletin(String period) {
        return page("bulletin.html");
    }

    /** The API described (from {@code /swagger/pulse.yml}, made at build time), browsable offline. */
    @Get(uri = "/swagger-ui", produces = MediaType.TEXT_HTML)
    HttpResponse<StreamedFile> apiBrowser() {
        return page("swagger-ui.html");
    }

    /** The JSON Schema of the events, for trusted producers writing straight to {@code pulse.events}. */
    @Get(uri = "/api/schema/events.json", produces = "application/schema+json")
    HttpResponse<StreamedFile> eventsSchema() {
        return resources.getResource("classpath:pulse/model/events.schema.json")
                .map(url -> HttpResponse.ok(new StreamedFile(url)).contentType("application/schema+json"))
                .orElseGet(HttpResponse::notFound);
    }

    private HttpResponse<StreamedFile> page(String name) {
        return resources.getResource("classpath:public/" + name)
                .map(url -> HttpResponse.ok(new StreamedFile(url)).contentType(MediaType.TEXT_HTML + ";charset=utf-8"))
                .orElseGet(HttpResponse::notFound);
    }
}
