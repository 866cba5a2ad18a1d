package pulse.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The least an HTTP server on this machine does to answer a read: Netty's HTTP codec on NIO event
 * loops, one per core as Micronaut runs them, answering every request with the same headers and bytes
 * that Pulse answered to {@code GET /api/totals}. The benchmark runs it as a process of its own, with
 * the server's JVM options, under the same open-loop reader, so that Pulse's CPU per read can be
 * read against what the socket, the kernel and Netty cost here (as the bare Streams app does for
 * the catch-up).
 *
 * <p>Arguments: the port, and a file of the answer: its header lines ({@code name: value}), an empty
 * line, then the body's bytes.
 */
public final class BareHttpServer {

    private BareHttpServer() {}

    public static void main(String[] args) throws Exception {
        start(Integer.parseInt(args[0]), Path.of(args[1])).channel().closeFuture().sync();
    }

    /** A server listening on {@code port} (0: any free one); closing it stops its event loops. */
    record Running(Channel channel, EventLoopGroup parent, EventLoopGroup children) implements AutoCloseable {

        int port() {
            return ((InetSocketAddress) channel.localAddress()).getPort();
        }

        @Override
        public void close() {
            channel.close().syncUninterruptibly();
            parent.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            children.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    static Running start(int port, Path answerFile) throws Exception {
        byte[] answer = Files.readAllBytes(answerFile);
        int blank = 0;
        while (!(answer[blank] == '\n' && answer[blank + 1] == '\n')) {
            blank++;
        }
        List<String> headers = List.of(new String(answer, 0, blank, StandardCharsets.UTF_8).split("\n"));
        byte[] body = Arrays.copyOfRange(answer, blank + 2, answer.length);
        EventLoopGroup parent = new NioEventLoopGroup(1);
        // One event loop per core, as Micronaut's default (Netty's own is two per core).
        EventLoopGroup children = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors());
        Channel listening = new ServerBootstrap().group(parent, children).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new Answer(headers, body));
                    }
                })
                .bind(port).sync().channel();
        return new Running(listening, parent, children);
    }

    /** Answers each request with the stored answer once its last part has come. */
    private static final class Answer extends SimpleChannelInboundHandler<Object> {
        private final List<String> headers;
        private final byte[] body;
        private boolean keepAlive = true;

        Answer(List<String> headers, byte[] body) {
            this.headers = headers;
            this.body = body;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest request) {
                keepAlive = HttpUtil.isKeepAlive(request);
            }
            if (message instanceof LastHttpContent) {
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
                for (String header : headers) {
                    int colon = header.indexOf(':');
                    response.headers().set(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                }
                HttpUtil.setContentLength(response, body.length);
                HttpUtil.setKeepAlive(response, keepAlive);
                ctx.writeAndFlush(response);
            }
        }
    }
}
