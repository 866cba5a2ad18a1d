package pulse.server.web;

import com.sun.management.UnixOperatingSystemMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes an HTTP connection at once when too many are open. Each is a file descriptor, and so is
 * every socket to Kafka and every file of the state folder and the embedded broker's log: a
 * benchmark's open-loop reader that opened a connection per waiting request used up the process's
 * limit, and a stream thread failed. By default half the process's open-file limit, at most 10,000
 * ({@code PULSE_MAX_CONNECTIONS}); Netty has no such limit of its own, nor has Micronaut.
 */
@Singleton
class ConnectionLimit implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);
    private static final int AT_MOST = 10_000;

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final Counter refused;
    private volatile long lastWarning;

    ConnectionLimit(@Value("${pulse.http.max-connections:0}") int configured, MeterRegistry meters) {
        this.max = configured > 0 ? configured : byDefault();
        this.refused = Counter.builder("pulse.http.connections.refused")
                .description("HTTP connections closed at once because too many were open").register(meters);
        Gauge.builder("pulse.http.connections.open", open, AtomicInteger::get).register(meters);
    }

    private static int byDefault() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            return (int) Math.max(64, Math.min(AT_MOST, unix.getMaxFileDescriptorCount() / 2));
        }
        return AT_MOST;
    }

    int max() {
        return max;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(customizer());
        return event.getBean();
    }

    /** What the server calls for each new channel. */
    NettyServerCustomizer customizer() {
        return new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? admit(channel, this) : this;
            }
        };
    }

    private NettyServerCustomizer admit(Channel channel, NettyServerCustomizer admitted) {
        int now = open.incrementAndGet();
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        if (now <= max) {
            return admitted;
        }
        refused.increment();
        long time = System.nanoTime();
        if (time - lastWarning > 10_000_000_000L) {
            lastWarning = time;
            LOG.warn("{} HTTP connections are open, more than {} (PULSE_MAX_CONNECTIONS): new ones are closed at once", now, max);
        }
        return new NettyServerCustomizer() {
            @Override
            public void onInitialPipelineBuilt() {
                channel.close();
            }
        };
    }
}
