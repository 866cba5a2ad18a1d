package pulse.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import pulse.model.PulseJson;
import pulse.server.kafka.KafkaBacked;
import pulse.server.kafka.KafkaCluster;
import pulse.server.kafka.TopicTable;
import pulse.topology.Topics;

/**
 * The accounts, kept on the compacted topic {@code pulse.accounts} (key = username, value = the
 * account, a tombstone when deleted; a {@link TopicTable}) and read whole by every instance, so a login works on any of
 * them and survives restarts. A change is answered once this instance has read it back, so the new
 * account can log in at once.
 *
 * <p>On start, the first admin is made from {@code PULSE_ADMIN_PASSWORD}; with none set and no
 * admin yet, the embedded broker's single server generates a password and prints it once.
 */
@Context
@KafkaBacked
public class AccountDirectory implements Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(AccountDirectory.class);
    public static final String FIRST_ADMIN = "admin";

    private final ObjectMapper json = PulseJson.mapper();
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final TopicTable table;

    AccountDirectory(KafkaCluster cluster, SecuritySettings settings) {
        table = new TopicTable(cluster, Topics.ACCOUNTS.name(), "pulse-accounts", this::apply);
        ensureFirstAdmin(settings, cluster.isEmbedded());
    }

    @Override
    public Optional<Account> find(String username) {
        return Optional.ofNullable(username == null ? null : accounts.get(username));
    }

    public Collection<Account> all() {
        return List.copyOf(accounts.values());
    }

    /** The account when {@code password} is its password. */
    public Optional<Account> authenticate(String username, String password) {
        return find(username).filter(account -> password != null && passwords.matches(password, account.passwordHash()));
    }

    public String hash(String password) {
        return passwords.encode(password);
    }

    /** Writes the account (a new one, or a new version of it) and returns once this instance sees it. */
    public void save(Account account) {
        write(account.username(), encode(account));
    }

    public void delete(String username) {
        write(username, null);
    }

    private void write(String username, byte[] value) {
        table.write(username, value);
    }

    private void ensureFirstAdmin(SecuritySettings settings, boolean embedded) {
        String configured = settings.adminPassword();
        if (!configured.isBlank()) {
            boolean current = find(FIRST_ADMIN)
                    .filter(admin -> Role.ADMIN.equals(admin.role()) && passwords.matches(configured, admin.passwordHash()))
                    .isPresent();
            if (!current) {
                save(new Account(FIRST_ADMIN, hash(configured), Role.ADMIN, null, "PULSE_ADMIN_PASSWORD", Instant.now()));
                LOG.info("Account '{}' set from PULSE_ADMIN_PASSWORD", FIRST_ADMIN);
            }
            return;
        }
        if (accounts.values().stream().anyMatch(account -> Role.ADMIN.equals(account.role()))) {
            return;
        }
        if (!embedded) {
            throw new IllegalStateException("No admin account exists yet on this Kafka cluster: set PULSE_ADMIN_PASSWORD"
                    + " on one instance to create account '" + FIRST_ADMIN + "'");
        }
        String generated = generatedPassword();
        save(new Account(FIRST_ADMIN, hash(generated), Role.ADMIN, null, "generated at first start", Instant.now()));
        // Printed once, on the console only: the next start finds the account and prints nothing.
        System.out.println("""

                ================================================================
                 Pulse: first admin account created
                   username: %s
                   password: %s
                 Shown only this once. Set PULSE_ADMIN_PASSWORD to choose it.
                ================================================================
                """.formatted(FIRST_ADMIN, generated));
    }

    private static String generatedPassword() {
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private void apply(String username, byte[] value, long timestamp) {
        if (value == null) {
            accounts.remove(username);
            return;
        }
        try {
            accounts.put(username, json.readValue(value, Account.class));
        } catch (IOException e) {
            LOG.warn("Ignored an unreadable account record for {}", username);
        }
    }

    private byte[] encode(Account account) {
        try {
            return json.writeValueAsBytes(account);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() {
        table.close();
    }
}
