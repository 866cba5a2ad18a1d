package pulse.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Requests sent at a fixed rate whatever the answers do, as wrk2 does: each is timed from when it
 * was due, not from when a connection was free, so a server that falls behind shows its queue (no
 * coordinated omission). It uses a fixed number of keep-alive connections, one request on each at a
 * time; a request due while all are busy waits for one, and that wait is in its latency. (A client
 * that opened a connection per waiting request, as Java's HttpClient does, ran the server out of
 * file descriptors, and measured its own connection set-up.) All I/O is on one Netty event loop.
 * Its two threads, the one that sends on time and the event loop, run at a raised priority
 * ({@link ReaderPriority}), and how late they had each request in hand is kept apart
 * ({@link #readerLateMicros}).
 */
final class OpenLoop {

    final Histogram latencyMicros = new ConcurrentHistogram(3);
    /**
     * Of each request's latency, the part before this reader's event loop had it in hand (due →
     * offered to a connection): this reader's own threads waiting to run. It is the reader's delay,
     * not the server's; a free connection it then waited for is the server's (it answers one at a time).
     */
    final Histogram readerLateMicros = new ConcurrentHistogram(3);
    final AtomicLong failed = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    /**
     * The requests that took longer than {@link #SLOW_MICROS}: when each was due and when answered
     * (epoch ms), how late this reader's loop had it in hand and how long it then waited for a free
     * connection (µs).
     */
    final List<long[]> slow = Collections.synchronizedList(new ArrayList<>());
    static final long SLOW_MICROS = 20_000;

    private final int connections;

    OpenLoop(int connections) {
        this.connections = connections;
    }

    /** A request due at {@code due}, then in the reader's loop at {@code offered}, then written at {@code sent} (nanoTime). */
    private static final class Due {
        final String path;
        final long due;
        long offered;
        long sent;

        Due(String path, long due) {
            this.path = path;
            this.due = due;
        }
    }

    /** {@code rate} requests a second for {@code duration}, the i-th to {@code url.apply(i)}; returns once all answered or gave up. */
    OpenLoop run(double rate, Duration duration, LongFunction<String> url, String token) {
        URI first = URI.create(url.apply(0));
        long count = (long) (rate * duration.toSeconds());
        CountDownLatch done = new CountDownLatch((int) count);
        EventLoopGroup loop = new NioEventLoopGroup(1);
        Dispatcher dispatcher = new Dispatcher(first, token, done);
        try {
            Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), dispatcher);
                        }
                    });
            for (int i = 0; i < connections; i++) {
                bootstrap.connect(first.getHost(), first.getPort()).addListener(connected -> {
                    if (!connected.isSuccess()) {
                        System.err.println("open loop: a connection failed: " + connected.cause());
                    }
                });
            }
            loop.submit(ReaderPriority::raiseCallingThread).syncUninterruptibly();
            long interval = (long) (1e9 / rate);
            long start = System.nanoTime();
            dispatcher.epochAtStart = System.currentTimeMillis() - start / 1_000_000;
            Thread pacer = new Thread(() -> {
                ReaderPriority.raiseCallingThread();
                for (long i = 0; i < count; i++) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    sent.incrementAndGet();
                    Due request = new Due(URI.create(url.apply(i)).getRawPath(), due);
                    loop.execute(() -> dispatcher.offer(request));
                }
            }, "open-loop-pacer");
            pacer.start();
            pacer.join();
            if (!done.await(30, TimeUnit.SECONDS)) {
                failed.addAndGet(done.getCount());   // still waiting 30 s after the last was due
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        return this;
    }

    /** On the event loop: hands waiting requests to idle connections and takes their answers. */
    @io.netty.channel.ChannelHandler.Sharable
    private final class Dispatcher extends SimpleChannelInboundHandler<FullHttpResponse> {

        private final String host;
        private final String authorization;
        private final CountDownLatch done;
        private final Deque<Due> waiting = new ArrayDeque<>();
        private final Deque<Channel> idle = new ArrayDeque<>();
        private final java.util.Map<Channel, Due> inFlight = new java.util.HashMap<>();
        /** The epoch milliseconds of nanoTime 0, to name a request's times by the wall clock. */
        private volatile long epochAtStart;

        Dispatcher(URI uri, String token, CountDownLatch done) {
            this.host = uri.getHost() + ":" + uri.getPort();
            this.authorization = "Bearer " + token;
            this.done = done;
        }

        void offer(Due request) {
            request.offered = System.nanoTime();
            readerLateMicros.recordValue(Math.max(0, (request.offered - request.due) / 1000));
            Channel channel = idle.pollFirst();
            if (channel == null) {
                waiting.addLast(request);
            } else {
                send(channel, request);
            }
        }

        private void send(Channel channel, Due request) {
            FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, request.path);
            http.headers().set(HttpHeaderNames.HOST, host).set(HttpHeaderNames.AUTHORIZATION, authorization);
            inFlight.put(channel, request);
            request.sent = System.nanoTime();
            channel.writeAndFlush(http);
        }

        private void next(Channel channel) {
            Due request = waiting.pollFirst();
            if (request == null) {
                idle.addLast(channel);
            } else {
                send(channel, request);
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            next(ctx.channel());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Due answered = inFlight.remove(ctx.channel());
            if (answered != null) {
                if (response.status().code() == 200) {
                    long now = System.nanoTime();
                    long micros = Math.max(0, (now - answered.due) / 1000);
                    latencyMicros.recordValue(micros);
                    if (micros > SLOW_MICROS) {
                        slow.add(new long[] {epochAtStart + answered.due / 1_000_000, epochAtStart + now / 1_000_000,
                                (answered.offered - answered.due) / 1000, (answered.sent - answered.offered) / 1000});
                    }
                } else {
                    failed.incrementAndGet();
                }
                done.countDown();
            }
            next(ctx.channel());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            idle.remove(ctx.channel());
            if (inFlight.remove(ctx.channel()) != null) {
                failed.incrementAndGet();
                done.countDown();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
