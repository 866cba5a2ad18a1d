package pulse.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
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
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * SSE screens that watch the marker unit's row of the ranking, whose first figure is its
 * investment completed this year: each marker report sets it to a new value, and the time from
 * that report's acknowledgement to the update showing it on a screen is its latency.
 *
 * <p>The screens read on one Netty event loop and look at the bytes as they come: an event's end
 * is searched in the bytes that arrived since the last search, and an update's bytes are searched
 * for the marker's row as Latin-1 text (one char a byte, which {@link String#indexOf} searches with
 * the processor's string instructions), never decoded or parsed, so a thousand screens cost this
 * client little and the figures are the server's. (Searching each event's bytes three times with
 * Netty's byte-by-byte search took a whole core for 40 MB a second, and was what bounded the lag.)
 */
final class MarkerWatch implements AutoCloseable {

    static final String MARKER_UNIT = "基准单位";
    /** The marker unit's row in an update: {@code "基准单位":[completedThisYear,…]} ({@code pulse.server.push.UnitLine}). */
    private static final byte[] MARKER_ROW = ("\"" + MARKER_UNIT + "\":[").getBytes(StandardCharsets.UTF_8);
    private static final String MARKER_ROW_TEXT = latin1(MARKER_ROW);
    private static final String UPDATE = "event: update\n";
    private static final String SNAPSHOT = "event: snapshot\n";
    /** How far into an event its {@code event:} line is: after an {@code id:} line of a few dozen bytes. */
    private static final int NAME_WITHIN = 128;

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
    /** marker value → nanoTime a screen first showed it */
    final Map<Long, Long> shownAt = new ConcurrentHashMap<>();

    /** The screens' reader: one thread, named so that its CPU can be told apart. */
    private final EventLoopGroup loop = new NioEventLoopGroup(1, new DefaultThreadFactory(READER_THREAD));
    static final String READER_THREAD = "pulse-screens";
    private final Queue<Screen> screens = new ConcurrentLinkedQueue<>();
    static final int RECEIVE_BUFFER_BYTES = 32 * 1024;

    /** Starts the measurement again (a warm-up before it): lags, updates and bytes; drops and connections stay counted. */
    void restartMeasuring() {
        latencyMicros.reset();
        shownAt.clear();
        updates.set(0);
        bytes.set(0);
        markerUpdates.set(0);
    }

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

    /** How many screens' latest update showed the marker's {@code value}. */
    long screensShowing(long value) {
        return screens.stream().filter(screen -> screen.lastMarker == value).count();
    }

    @Override
    public void close() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** The marker unit's {@code completedThisYear} in an update (whole 万元); null when the update does not carry its row. */
    static Long markerValue(String update) {
        return markerValueIn(latin1(update.getBytes(StandardCharsets.UTF_8)));
    }

    /** The bytes as Latin-1 text: one char a byte, so a UTF-8 needle's bytes are found as they are. */
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static Long markerValueIn(String event) {
        int row = event.indexOf(MARKER_ROW_TEXT);
        if (row < 0) {
            return null;
        }
        long whole = 0;
        boolean digits = false;
        for (int i = row + MARKER_ROW_TEXT.length(); i < event.length(); i++) {
            char c = event.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            whole = whole * 10 + (c - '0');
            digits = true;
        }
        return digits ? whole : null;
    }

    /** One screen: its stream's bytes gathered into events ({@code \n\n}-ended), each looked at once. */
    private final class Screen extends ChannelInboundHandlerAdapter {
        private final URI uri;
        private final String token;
        private final Set<Long> seen = new HashSet<>();
        /** The marker's value in the latest update that carried it. */
        private volatile long lastMarker = -1;
        private boolean snapshotRead;
        private ByteBuf pending;
        /** Bytes after the reader index already searched for an event's end. */
        private int searched;

        Screen(URI uri, String token) {
            this.uri = uri;
            this.token = token;
            screens.add(this);
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
                    int end;
                    while ((end = endOfEvent()) >= 0) {
                        event(pending.readSlice(end - pending.readerIndex()), receivedAt);
                        pending.skipBytes(2);
                        searched = 0;
                    }
                    pending.discardReadBytes();
                }
            } finally {
                io.netty.util.ReferenceCountUtil.release(message);
            }
        }

        /** Where the blank line that ends the first waiting event starts, or -1: searching only what came since the last search. */
        private int endOfEvent() {
            int to = pending.writerIndex();
            int at = pending.indexOf(pending.readerIndex() + Math.max(0, searched - 1), to, (byte) '\n');
            while (at >= 0 && at + 1 < to) {
                if (pending.getByte(at + 1) == '\n') {
                    return at;
                }
                at = pending.indexOf(at + 1, to, (byte) '\n');
            }
            searched = to - pending.readerIndex();
            return -1;
        }

        private void event(ByteBuf event, long receivedAt) {
            String head = event.toString(event.readerIndex(), Math.min(NAME_WITHIN, event.readableBytes()),
                    StandardCharsets.ISO_8859_1);
            if (!head.contains(UPDATE)) {
                if (!snapshotRead && head.contains(SNAPSHOT)) {
                    snapshotRead = true;
                    snapshots.incrementAndGet();
                }
                return;
            }
            updates.incrementAndGet();
            Long value = markerValueIn(event.toString(StandardCharsets.ISO_8859_1));
            if (value == null) {
                return;
            }
            markerUpdates.incrementAndGet();
            lastMarker = value;
            Long ackedAt = acknowledgedAt.get(value);
            if (ackedAt != null && seen.add(value)) {
                shownAt.putIfAbsent(value, receivedAt);
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
