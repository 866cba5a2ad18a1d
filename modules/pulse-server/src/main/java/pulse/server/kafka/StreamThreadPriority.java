package pulse.server.kafka;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each Kafka Streams thread at a lower CPU priority than the threads that answer requests:
 * Linux's nice {@value #NICE}, whose scheduling weight is a third of the default's. While the cores
 * are all busy, an event loop with a read to answer goes before the stream threads; while nothing
 * else runs, the stream threads have every core as before. In the benchmark's reads during ingest
 * (two cores shared with the broker and the load), the event loops waited 164–564 µs for a core
 * each time they had work in six runs, against 784 µs in a run with every thread at the default
 * (docs/benchmarks.md, the fifteenth pass).
 *
 * <p>Kafka Streams takes no thread factory. This is its main consumer's interceptor, which the
 * stream thread calls at every poll that brings records (an idle thread is not lowered: it takes no
 * CPU); the first such call lowers the calling thread. Each stream thread has a consumer of its own,
 * and so an interceptor of its own. On Linux nice is a setting of each
 * thread ({@code setpriority(2)}, the calling thread when {@code who} is 0), and any process may
 * lower its own threads. Elsewhere, or where the C library cannot be called, the thread runs as it
 * was (said once in the log).
 */
public final class StreamThreadPriority implements ConsumerInterceptor<Object, Object> {

    /** The stream threads' nice value; the JVM's other threads keep the default, 0. */
    public static final int NICE = 5;

    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadPriority.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final int PRIO_PROCESS = 0;
    private static final int CALLING_THREAD = 0;

    private boolean lowered;

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        if (!lowered) {
            lowered = true;
            lowerCallingThread();
        }
        return records;
    }

    /** Sets the calling thread's nice value to {@link #NICE} where that can be done here. */
    private static void lowerCallingThread() {
        if (!Platform.isLinux()) {
            return;   // elsewhere setpriority's "who = 0" is the whole process
        }
        try {
            CLibrary.C.setpriority(PRIO_PROCESS, CALLING_THREAD, NICE);
        } catch (LastErrorException | LinkageError e) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.warn("The stream threads run at the default CPU priority: setpriority failed ({})", e.toString());
            }
        }
    }

    /** The one function of the C library this needs. */
    private interface CLibrary extends Library {
        CLibrary C = Native.load("c", CLibrary.class);

        int setpriority(int which, int who, int prio) throws LastErrorException;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // nothing to do: only the thread that polls matters
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // no settings
    }
}
