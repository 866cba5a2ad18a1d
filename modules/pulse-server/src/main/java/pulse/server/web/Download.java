package pulse.server.web;

import io.micronaut.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A file to save: its bytes, its type, and its name as an office would save it, in UTF-8 per RFC 6266. */
public final class Download {

    private Download() {}

    /** {@code asciiName} for clients that cannot read {@code name} (e.g. 通报-2022-06-r1.docx). */
    public static HttpResponse<byte[]> of(byte[] bytes, String type, String asciiName, String name) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(bytes).contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded);
    }
}
