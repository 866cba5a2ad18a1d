package pulse.server.query;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.function.Function;
import pulse.server.web.SecurityHeaders;

/**
 * On one HTTP/1 connection: answers {@code GET /api/totals} itself when {@code answer} gives the
 * bytes, and passes every other request on. Answers leave in the order the requests came: while a
 * request passed on has not been answered yet (a client may send the next before), the totals go
 * on to Micronaut too.
 */
final class TotalsHandler extends ChannelDuplexHandler {

    static final String PATH = "/api/totals";

    private final Function<String, EncodedTotals.Encoded> answer;
    /** Requests passed on and not yet answered. */
    private int pending;
    /** The rest of a request answered here (its body, if any) is dropped. */
    private boolean dropping;

    TotalsHandler(Function<String, EncodedTotals.Encoded> answer) {
        this.answer = answer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof HttpRequest request) {
            EncodedTotals.Encoded totals = pending == 0 && request.method() == HttpMethod.GET && PATH.equals(request.uri())
                    && request.decoderResult().isSuccess() ? answer.apply(request.headers().get(HttpHeaderNames.AUTHORIZATION))
                    : null;
            if (totals != null) {
                dropping = true;
                ReferenceCountUtil.release(message);
                respond(ctx, request, totals);
                return;
            }
            dropping = false;
            pending++;
        } else if (dropping && message instanceof HttpContent) {
            ReferenceCountUtil.release(message);
            return;
        }
        ctx.fireChannelRead(message);
    }

    private static void respond(ChannelHandlerContext ctx, HttpRequest request, EncodedTotals.Encoded totals) {
        boolean notModified = totals.etag().equals(request.headers().get(HttpHeaderNames.IF_NONE_MATCH));
        FullHttpResponse response = notModified
                ? new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.NOT_MODIFIED)
                : new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK,
                        Unpooled.wrappedBuffer(totals.json()));
        HttpHeaders headers = response.headers();
        if (!notModified) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
        headers.set(HttpHeaderNames.CONTENT_LENGTH, notModified ? 0 : totals.json().length);
        headers.set(HttpHeaderNames.ETAG, totals.etag());
        SecurityHeaders.ON_EVERY_ANSWER.forEach(headers::set);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof LastHttpContent && pending > 0) {
            pending--;   // a FullHttpResponse is a LastHttpContent too
        }
        ctx.write(message, promise);
    }
}
