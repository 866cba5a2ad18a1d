package pulse.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * SSE screens that watch the marker unit's row of the ranking, whose first figure is its
 * investment completed this year: each marker report sets it to a new value, and the time from
 * that report's acknowledgement to the update showing it on a screen is its latency.
 *
 * <p>The screens read on one Netty event loop and look at the bytes as they come: an update is
 * searched for the marker's row, never decoded to text or parsed, so a thousand screens cost this
 * client little and the figures are the server's.
 */
final class MarkerWatch implements AutoCloseable {

    static final String MARKER_UNIT = "基准单位";
    /** The marker unit's row in an update: {@code "基准单位":[completedThisYear,…]} ({@code pulse.server.push.UnitLine}). */
    private static final byte[] MARKER_ROW = ("\"" + MARKER_UNIT + "\":[").getBytes(StandardCharsets.UTF_8);
    private static final byte[] UPDATE = "\"kind\":\"update\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SNAPSHOT = "\"kind\":\"snapshot\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.UTF_8);

    final Histogram latencyMicros = new ConcurrentHistogram(3);
    final AtomicLong updates = new AtomicLong();
    /** Bytes of the streams read, headers aside: with {@link #updates}, the size of an update. */
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong ended = new AtomicLong();
    final AtomicLong connected = new AtomicLong();
    /** Screens that have read their first snapshot. */
    final AtomicLong snapshots = new AtomicLong();
    /** Updates that carried the marker unit, whether or not their value was acknowledged yet. */
    final AtomicLong markerUpdates = new AtomicLong();
    final AtomicLong markersAcknowledged = new AtomicLong();
    /** marker value (whole 万元) → nanoTime of its acknowledgement */
    final Map<Long, Long> acknowledgedAt = new ConcurrentHashMap<>();

    private final EventLoopGroup loop = new NioEventLoopGroup(1);
    static final int RECEIVE_BUFFER_BYTES = 32 * 1024;

    /** Opens {@code screens} streams; they read until {@link #close()}. */
    MarkerWatch connect(int screens, String url, String token) {
        URI uri = URI.create(url + "/api/stream");
        // A small receive buffer (the kernel would grow it to megabytes): a screen this one thread reads
        // slowly then holds a few updates in its socket, and what it has not read waits in the server,
        // which merges it, as for a slow browser; with megabytes, the lag measured was the kernel's queue.
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new Screen(uri, token));
                    }
                });
        for (int i = 0; i < screens; i++) {
            bootstrap.connect(uri.getHost(), uri.getPort()).addListener(done -> {
                if (!done.isSuccess()) {
                    ended.incrementAndGet();
                }
            });
        }
        return this;
    }

    @Override
    public void close() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** The marker unit's {@code completedThisYear} in an update (whole 万元); null when the update does not carry its row. */
    static Long markerValue(String update) {
        byte[] bytes = update.getBytes(StandardCharsets.UTF_8);
        return markerValue(Unpooled.wrappedBuffer(bytes));
    }

    private static Long markerValue(ByteBuf event) {
        int row = ByteBufUtil.indexOf(Unpooled.wrappedBuffer(MARKER_ROW), event);
        if (row < 0) {
            return null;
        }
        long whole = 0;
        boolean digits = false;
        for (int i = row + MARKER_ROW.length; i < event.writerIndex(); i++) {
            byte b = event.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            whole = whole * 10 + (b - '0');
            digits = true;
        }
        return digits ? whole : null;
    }

    /** One screen: its stream's bytes gathered into events ({@code \n\n}-ended), each looked at once. */
    private final class Screen extends ChannelInboundHandlerAdapter {
        private final URI uri;
        private final String token;
        private final Set<Long> seen = new HashSet<>();
        private boolean snapshotRead;
        private ByteBuf pending;

        Screen(URI uri, String token) {
            this.uri = uri;
            this.token = token;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            pending = ctx.alloc().buffer();
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri.getRawPath());
            request.headers().set(HttpHeaderNames.HOST, uri.getHost() + ":" + uri.getPort())
                    .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)
                    .set(HttpHeaderNames.ACCEPT, "text/event-stream");
            ctx.writeAndFlush(request);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (message instanceof HttpResponse response) {
                    if (response.status().code() == 200) {
                        connected.incrementAndGet();
                    } else {
                        ctx.close();
                    }
                }
                if (message instanceof HttpContent content) {
                    long receivedAt = System.nanoTime();
                    bytes.addAndGet(content.content().readableBytes());
                    pending.writeBytes(content.content());
                    ByteBuf end = Unpooled.wrappedBuffer(EVENT_END);
                    int at;
                    while ((at = ByteBufUtil.indexOf(end, pending)) >= 0) {
                        event(pending.readSlice(at - pending.readerIndex()), receivedAt);
                        pending.skipBytes(EVENT_END.length);
                    }
                    pending.discardReadBytes();
                }
            } finally {
                io.netty.util.ReferenceCountUtil.release(message);
            }
        }

        private void event(ByteBuf event, long receivedAt) {
            if (ByteBufUtil.indexOf(Unpooled.wrappedBuffer(UPDATE), event) < 0) {
                if (!snapshotRead && ByteBufUtil.indexOf(Unpooled.wrappedBuffer(SNAPSHOT), event) >= 0) {
                    snapshotRead = true;
                    snapshots.incrementAndGet();
                }
                return;
            }
            updates.incrementAndGet();
            Long value = markerValue(event);
            if (value == null) {
                return;
            }
            markerUpdates.incrementAndGet();
            Long ackedAt = acknowledgedAt.get(value);
            if (ackedAt != null && seen.add(value)) {
                latencyMicros.recordValue(Math.max(0, (receivedAt - ackedAt) / 1000));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            ended.incrementAndGet();
            pending.release();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
