package pulse.server.push;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Header;
import org.reactivestreams.Publisher;

/** {@code GET /api/stream}: the screen's Server-Sent Events. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/api/stream")
class StreamController {

    private final LiveFeed feed;

    StreamController(LiveFeed feed) {
        this.feed = feed;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<EncodedEvent> stream(@Nullable @Header("Last-Event-ID") String lastEventId,
            @Nullable @QueryValue Integer year) {
        return year == null || year == feed.liveYear() ? feed.subscribe(lastEventId) : feed.otherYear(year);
    }
}
