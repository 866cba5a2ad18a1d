package pulse.server.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import java.util.List;
import pulse.documents.ListXlsx;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Text;

/**
 * A list of the API as JSON, or as an Excel workbook when the client asks for one: {@code ?format=xlsx},
 * or {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}. Endpoints
 * answering lists declare both types and return {@link #of}.
 */
public final class ListAnswer {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ListAnswer() {}

    /** {@code rows} as the client asked: JSON, or a workbook whose one sheet is named {@code sheet}. */
    public static HttpResponse<?> of(HttpRequest<?> request, String sheet, List<?> rows) {
        if (!wantsWorkbook(request)) {
            return HttpResponse.ok(rows).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return Download.of(ListXlsx.write(sheet, rows), XLSX, "pulse.xlsx", sheet + ".xlsx");
    }

    static boolean wantsWorkbook(HttpRequest<?> request) {
        String format = request.getParameters().get("format");
        if (format != null && !format.equals("xlsx") && !format.equals("json")) {
            throw new InvalidInputException(new FieldError("format", "\"" + format + "\"", Text.of("field.oneOf", "xlsx, json")));
        }
        return "xlsx".equals(format)
                || (format == null && request.getHeaders().accept().stream().anyMatch(type -> type.getName().equals(XLSX)));
    }
}
