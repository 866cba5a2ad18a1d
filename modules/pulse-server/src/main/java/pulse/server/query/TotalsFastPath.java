package pulse.server.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import jakarta.inject.Singleton;
import pulse.server.security.SecuritySettings;
import pulse.server.security.VerifiedTokens;
import pulse.server.web.CodecHandlers;

/**
 * {@code GET /api/totals} answered on the connection's own thread, before Micronaut's routing and
 * filters: every screen and dashboard asks for it, the answer is bytes encoded once per change
 * ({@link EncodedTotals}), and Micronaut's request path cost about 0.6 ms of CPU per request around
 * them. Only what this can decide at once is answered here ({@link TotalsHandler}): anything else —
 * another path, a query string, a token not yet verified, totals still being read — goes on to
 * Micronaut as before, which answers it the same way.
 */
@Singleton
class TotalsFastPath implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final EncodedTotals encoded;
    private final QueryService query;
    private final VerifiedTokens tokens;
    private final boolean anonymousReads;
    /** What this path answered; Micronaut's {@code http.server.requests} counts only what it answers itself. */
    private final Counter answered;

    TotalsFastPath(EncodedTotals encoded, QueryService query, VerifiedTokens tokens, SecuritySettings security,
            MeterRegistry meters) {
        this.encoded = encoded;
        this.query = query;
        this.tokens = tokens;
        this.anonymousReads = security.anonymousReads();
        this.answered = Counter.builder(METER).description("GET /api/totals answered before Micronaut's routing")
                .register(meters);
    }

    static final String METER = "pulse.totals.fast.answers";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        return CodecHandlers.addAfterCodec(event.getBean(), "pulse-totals", () -> new TotalsHandler(this::answer));
    }

    /** The county's totals of this year, or null when the request must go to Micronaut. */
    private EncodedTotals.Encoded answer(String authorization) {
        if (!anonymousReads && !tokens.isVerified(VerifiedTokens.bearer(authorization))) {
            return null;
        }
        try {
            EncodedTotals.Encoded county = encoded.county(query.year(null));
            answered.increment();
            return county;
        } catch (RuntimeException e) {
            return null;   // still catching up, or anything else: Micronaut answers it as it always does
        }
    }
}
