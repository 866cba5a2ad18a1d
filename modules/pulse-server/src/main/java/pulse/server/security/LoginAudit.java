package pulse.server.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import pulse.model.PulseJson;
import pulse.server.kafka.KafkaBacked;
import pulse.server.kafka.KafkaCluster;
import pulse.server.kafka.TopicTable;
import pulse.topology.Topics;

/**
 * The audit of logins and accounts on {@code pulse.audit}: every login and failure, every lock-out,
 * every account created or deleted, with who and from where. Every instance reads the topic: its
 * failures feed the {@link LoginGuard} (a lock-out holds on all instances), and the latest entries
 * are listed for the office ({@code GET /api/audit/logins}).
 */
@Context
@KafkaBacked
public class LoginAudit implements AutoCloseable {

    /** The latest entries kept in memory for the list; the topic keeps 400 days. */
    static final int KEPT = 10_000;

    /** What happened. */
    public enum Kind { LOGIN, LOGIN_FAILED, LOCKED_OUT, ACCOUNT_CREATED, ACCOUNT_DELETED }

    /** One entry: when, what, which account, from which address, by whom (an account change's admin). */
    public record Entry(Instant at, Kind kind, String username, String address, String by) {}

    private final ObjectMapper json = PulseJson.mapper();
    private final LoginGuard guard;
    private final Deque<Entry> latest = new ArrayDeque<>();
    private final TopicTable table;

    LoginAudit(KafkaCluster cluster, LoginGuard guard) {
        this.guard = guard;
        this.table = new TopicTable(cluster, Topics.AUDIT.name(), "pulse-audit-" + UUID.randomUUID(), this::apply);
    }

    /** Records an entry; returns once this instance has read it back (its guard counts it). */
    public void record(Kind kind, String username, String address, String by) {
        try {
            table.write(UUID.randomUUID().toString(),
                    json.writeValueAsBytes(new Entry(Instant.now(), kind, username, address, by)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latest entries, newest first: all, or of one account. */
    public synchronized List<Entry> latest(String username, int limit) {
        List<Entry> entries = new ArrayList<>();
        for (var it = latest.descendingIterator(); it.hasNext() && entries.size() < limit; ) {
            Entry entry = it.next();
            if (username == null || username.equals(entry.username())) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private void apply(String key, byte[] value, long timestamp) {
        Entry entry;
        try {
            entry = json.readValue(value, Entry.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            latest.addLast(entry);
            if (latest.size() > KEPT) {
                latest.removeFirst();
            }
        }
        // A failure older than the lock-out window (read at start) no longer counts.
        boolean recent = entry.at().isAfter(Instant.now().minus(guard.lockout()));
        if (entry.kind() == Kind.LOGIN_FAILED && recent) {
            guard.failed(entry.username(), entry.address());
        } else if (entry.kind() == Kind.LOGIN) {
            guard.succeeded(entry.username());
        }
    }

    @PreDestroy
    @Override
    public void close() {
        table.close();
    }
}
