package pulse.server.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.uri.UriBuilder;
import java.util.List;
import pulse.documents.ListXlsx;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Text;

/**
 * A list of the API as JSON, one {@link Page} at a time (the whole list's size in {@code X-Total-Count},
 * the next page in {@code X-Next-Cursor} and a {@code Link rel="next"}), or whole as an Excel workbook
 * when the client asks for one: {@code ?format=xlsx}, or {@code Accept:
 * application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}. Endpoints answering lists
 * declare both types and return {@link #of}.
 */
public final class ListAnswer {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String TOTAL_COUNT = "X-Total-Count";
    public static final String NEXT_CURSOR = "X-Next-Cursor";
    public static final String FORMAT_DOC = "xlsx: the whole list as an Excel workbook (also Accept: " + XLSX + ")";

    private ListAnswer() {}

    /** {@code rows} as the client asked: a page of JSON, or a workbook of them all whose one sheet is named {@code sheet}. */
    public static HttpResponse<?> of(HttpRequest<?> request, String sheet, List<?> rows) {
        return of(request, sheet, Listing.of(rows));
    }

    /** A list as the client asked, its rows made for the page asked only (or all of them for a workbook). */
    public static HttpResponse<?> of(HttpRequest<?> request, String sheet, Listing<?> list) {
        if (wantsWorkbook(request)) {
            return Download.of(ListXlsx.write(sheet, list.all()), XLSX, "pulse.xlsx", sheet + ".xlsx");
        }
        Listing.Slice<?> page = list.page(request.getParameters().get("limit"), request.getParameters().get("cursor"));
        MutableHttpResponse<?> response = HttpResponse.ok(page.rows())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(TOTAL_COUNT, String.valueOf(list.size()));
        if (page.next() != null) {
            String next = UriBuilder.of(request.getUri()).replaceQueryParam("cursor", page.next()).build().toString();
            response.header(NEXT_CURSOR, page.next()).header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response;
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
