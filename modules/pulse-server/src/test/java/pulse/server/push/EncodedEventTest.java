package pulse.server.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodedEventTest {

    @Test
    void shouldEncodeTheLinesOfAServerSentEventOnce() {
        EncodedEvent event = EncodedEvent.of("k3x-12", "update", "{\"单位\":\"县民政局\"}");

        assertThat(new String(event.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("id: k3x-12\nevent: update\ndata: {\"单位\":\"县民政局\"}\n\n");
        assertThat(event.data()).isEqualTo("{\"单位\":\"县民政局\"}");
        assertThat(event.id()).isEqualTo("k3x-12");
        assertThat(event.name()).isEqualTo("update");
    }

    @Test
    void shouldLeaveOutTheIdWhenThereIsNoneAndTellTheBrowserWhenToRetry() {
        EncodedEvent event = EncodedEvent.of(null, "unavailable", "{\"message\":\"catching up\"}", 1000);

        assertThat(new String(event.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("event: unavailable\nretry: 1000\ndata: {\"message\":\"catching up\"}\n\n");
    }

    @Test
    void shouldRefuseDataOfMoreThanOneLine() {
        // A line break would end the data early and the screen would read half a message.
        assertThatThrownBy(() -> EncodedEvent.of("e-1", "update", "{\n}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
    }
}
