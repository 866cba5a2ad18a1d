package pulse.server.screen;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;

/** Serves the pages (the screen, the form, the printable bulletin); their scripts, styles and ECharts come from this server too, never a CDN. */
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

    private HttpResponse<StreamedFile> page(String name) {
        return resources.getResource("classpath:public/" + name)
                .map(url -> HttpResponse.ok(new StreamedFile(url)).contentType(MediaType.TEXT_HTML + ";charset=utf-8"))
                .orElseGet(HttpResponse::notFound);
    }
}
