package pulse.server.push;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;
import pulse.server.web.CodecHandlers;

/**
 * Gives a screen's connection small buffers: a socket send buffer of a few updates, and a Netty
 * outbound buffer that stops taking frames at {@code sendBufferBytes} too (Netty's default is
 * 64 KB). A screen is sent the latest of what it shows, merged while its connection cannot take
 * more ({@link Screen}); but the kernel grows a connection's send buffer up to 4 MB by itself,
 * hundreds of updates, and a screen that read slowly was shown what those held, seconds old,
 * before anything merged. With buffers of a few updates, what waits is merged in the server.
 */
@Singleton
class ScreenSockets implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final int sendBufferBytes;

    ScreenSockets(@Value("${pulse.push.socket-send-buffer-bytes:16384}") int sendBufferBytes) {
        this.sendBufferBytes = sendBufferBytes;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        return CodecHandlers.addAfterCodec(event.getBean(), "pulse-screen-socket",
                () -> new OnStreamRequest(sendBufferBytes));
    }

    /** Sets the buffers when a request for the stream comes, and leaves the connection's pipeline. */
    static final class OnStreamRequest extends ChannelInboundHandlerAdapter {

        private final int sendBufferBytes;

        OnStreamRequest(int sendBufferBytes) {
            this.sendBufferBytes = sendBufferBytes;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest request && request.uri().startsWith("/api/stream")) {
                ctx.channel().config().setOption(ChannelOption.SO_SNDBUF, sendBufferBytes);
                ctx.channel().config().setWriteBufferWaterMark(new WriteBufferWaterMark(sendBufferBytes / 2, sendBufferBytes));
                ctx.pipeline().remove(this);
            }
            ctx.fireChannelRead(message);
        }
    }
}
