package pulse.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pulse.server.kafka.StoreUnavailableException;

/** A write waits out a partition on the move, and only so long. */
class StoreProjectDirectoryTest {

    @Test
    void shouldAskAgainWhileThePartitionIsUnavailableAndAnswerOnceItIsReadable() {
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger paused = new AtomicInteger();

        String answer = StoreProjectDirectory.patiently(() -> {
            if (asked.incrementAndGet() < 3) {
                throw new StoreUnavailableException("partition 1 is moving");
            }
            return "state of P-1";
        }, Duration.ofMinutes(1), paused::incrementAndGet);

        assertThat(answer).isEqualTo("state of P-1");
        assertThat(asked).hasValue(3);
        assertThat(paused).hasValue(2);
    }

    @Test
    void shouldGiveUpWithTheLastRefusalOncePatienceIsSpent() {
        AtomicInteger asked = new AtomicInteger();

        assertThatThrownBy(() -> StoreProjectDirectory.patiently(() -> {
            throw new StoreUnavailableException("refusal " + asked.incrementAndGet());
        }, Duration.ZERO, () -> {}))
                .isInstanceOf(StoreUnavailableException.class).hasMessage("refusal 1");
    }

    @Test
    void shouldNotRetryAnythingButAnUnavailableStore() {
        AtomicInteger asked = new AtomicInteger();

        assertThatThrownBy(() -> StoreProjectDirectory.patiently(() -> {
            asked.incrementAndGet();
            throw new IllegalStateException("a bug, not a rebalance");
        }, Duration.ofMinutes(1), () -> {})).isInstanceOf(IllegalStateException.class);
        assertThat(asked).hasValue(1);
    }
}
