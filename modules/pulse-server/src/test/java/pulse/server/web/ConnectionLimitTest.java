package pulse.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer.ChannelRole;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionLimitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final NettyServerCustomizer server = new ConnectionLimit(3, meters).customizer();

    private EmbeddedChannel connect() {
        EmbeddedChannel channel = new EmbeddedChannel();
        server.specializeForChannel(channel, ChannelRole.CONNECTION).onInitialPipelineBuilt();
        return channel;
    }

    @Test
    void shouldCloseConnectionsBeyondTheLimitAndTakeNewOnesOnceOthersClosed() {
        List<EmbeddedChannel> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(connect());
        }
        assertThat(open).allSatisfy(channel -> assertThat(channel.isOpen()).isTrue());

        EmbeddedChannel fourth = connect();
        assertThat(fourth.isOpen()).isFalse();
        assertThat(meters.counter("pulse.http.connections.refused").count()).isEqualTo(1);

        open.get(0).close();
        EmbeddedChannel again = connect();
        assertThat(again.isOpen()).isTrue();
        assertThat(meters.get("pulse.http.connections.open").gauge().value()).isEqualTo(3);
    }

    @Test
    void shouldLeaveRequestStreamsAlone() {
        for (int i = 0; i < 5; i++) {
            EmbeddedChannel stream = new EmbeddedChannel();
            server.specializeForChannel(stream, ChannelRole.REQUEST_STREAM).onInitialPipelineBuilt();
            assertThat(stream.isOpen()).isTrue();
        }
        assertThat(meters.get("pulse.http.connections.open").gauge().value()).isZero();
    }
}
