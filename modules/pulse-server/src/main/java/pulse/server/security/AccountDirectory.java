package pulse.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import pulse.model.PulseJson;
import pulse.server.ingest.KafkaUnavailableException;
import pulse.server.kafka.KafkaCluster;

/**
 * The accounts, kept on the compacted topic {@code pulse.accounts} (key = username, value = the
 * account, a tombstone when deleted) and read whole by every instance, so a login works on any of
 * them and survives restarts. A change is answered once this instance has read it back, so the new
 * account can log in at once.
 *
 * <p>On start, the first admin is made from {@code PULSE_ADMIN_PASSWORD}; with none set and no
 * admin yet, the embedded broker's single server generates a password and prints it once.
 */
@Context
public class AccountDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(AccountDirectory.class);
    public static final String FIRST_ADMIN = "admin";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ObjectMapper json = PulseJson.mapper();
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicPartition partition = new TopicPartition(KafkaCluster.ACCOUNTS_TOPIC, 0);
    private final Thread reader;
    private volatile boolean running = true;
    private long readUpTo;

    AccountDirectory(KafkaCluster cluster, SecuritySettings settings) {
        Map<String, Object> producerConfig = cluster.clientConfig();
        producerConfig.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "pulse-accounts"));
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        Map<String, Object> consumerConfig = cluster.clientConfig();
        consumerConfig.putAll(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, "pulse-accounts"));
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        reader = new Thread(this::read, "pulse-accounts");
        reader.setDaemon(true);
        reader.start();
        awaitRead(end);
        ensureFirstAdmin(settings, cluster.isEmbedded());
    }

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
        try {
            long offset = producer.send(new ProducerRecord<>(KafkaCluster.ACCOUNTS_TOPIC, 0, username, value))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS).offset();
            awaitRead(offset + 1);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not take the account change for " + username, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while saving account " + username, e);
        }
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

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                synchronized (this) {
                    readUpTo = consumer.position(partition);
                    notifyAll();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Stopped reading accounts from {}", KafkaCluster.ACCOUNTS_TOPIC, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            accounts.remove(record.key());
            return;
        }
        try {
            accounts.put(record.key(), json.readValue(record.value(), Account.class));
        } catch (IOException e) {
            LOG.warn("Ignored an unreadable account record for {} at offset {}", record.key(), record.offset());
        }
    }

    private synchronized void awaitRead(long offset) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (readUpTo < offset) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !running) {
                throw new KafkaUnavailableException("accounts were not read back from Kafka within " + WAIT.toSeconds()
                        + " s", null);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaUnavailableException("interrupted while reading accounts", e);
            }
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
        running = false;
        consumer.wakeup();
        producer.close(Duration.ofSeconds(5));
    }
}
