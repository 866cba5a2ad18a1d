package pulse.server.web;

import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import java.util.function.Supplier;

/**
 * Puts one of Pulse's own Netty handlers on every HTTP/1 connection, right after the HTTP codec,
 * where it sees each request before Micronaut's routing does. HTTP/2 streams are left to Micronaut.
 */
public final class CodecHandlers {

    private CodecHandlers() {}

    /** Registers {@code handler}, one new per connection, under {@code name}; answers the registry. */
    public static NettyServerCustomizer.Registry addAfterCodec(NettyServerCustomizer.Registry registry, String name,
            Supplier<ChannelHandler> handler) {
        registry.register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role != ChannelRole.CONNECTION ? this : new NettyServerCustomizer() {
                    @Override
                    public void onStreamPipelineBuilt() {
                        if (channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                            channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, name,
                                    handler.get());
                        }
                    }
                };
            }
        });
        return registry;
    }
}
