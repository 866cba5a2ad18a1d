package pulse.server.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class ScreenSocketsTest {

    @Test
    void shouldGiveAStreamsConnectionSmallBuffersAndThenLeaveIt() {
        EmbeddedChannel channel = new EmbeddedChannel(new ScreenSockets.OnStreamRequest(16_384));
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/stream?year=2022");

        channel.writeInbound(request);

        assertThat(channel.config().getWriteBufferHighWaterMark()).isEqualTo(16_384);
        assertThat(channel.config().getWriteBufferLowWaterMark()).isEqualTo(8_192);
        assertThat(channel.pipeline().get(ScreenSockets.OnStreamRequest.class)).as("left the pipeline").isNull();
        assertThat((Object) channel.readInbound()).as("the request goes on").isSameAs(request);
    }

    @Test
    void shouldLeaveOtherRequestsBuffersAsTheyAre() {
        EmbeddedChannel channel = new EmbeddedChannel(new ScreenSockets.OnStreamRequest(16_384));
        int netty = channel.config().getWriteBufferHighWaterMark();

        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/totals"));

        assertThat(channel.config().getWriteBufferHighWaterMark()).isEqualTo(netty).isNotEqualTo(16_384);
        assertThat(channel.pipeline().get(ScreenSockets.OnStreamRequest.class)).as("still watching").isNotNull();
    }
}
