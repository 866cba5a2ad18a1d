package pulse.system.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import pulse.system.QuickStart;

/**
 * One Kafka node and one Pulse server, each its own process on this machine, started from the
 * build's own jars: so a fault is a real one (a {@code kill -9}, a {@code SIGSTOP}, a broker
 * restart), and no Docker is needed. Their output goes to {@code target/fault-logs/}.
 */
final class LocalRig implements AutoCloseable {

    static final Path SERVER_JAR = Path.of("..", "pulse-server", "target", "pulse-server.jar");
    static final Path BROKER_JAR = Path.of("..", "pulse-broker", "target", "pulse-broker.jar");
    /** The images' broker logging (INFO): without it Logback logs everything, at DEBUG. */
    static final Path BROKER_LOGGING = Path.of("..", "..", "docker", "broker-logback.xml");
    static final String ADMIN_PASSWORD = "admin-password-of-the-fault-tests";
    private static final Path LOGS = Path.of("target", "fault-logs");

    private final Path dir;
    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private final int httpPort = freePort();
    private Process broker;
    private Process server;
    private int starts;

    LocalRig(Path dir) {
        this.dir = dir;
    }

    static boolean jarsBuilt() {
        return Files.isRegularFile(SERVER_JAR) && Files.isRegularFile(BROKER_JAR);
    }

    String bootstrap() {
        return "localhost:" + kafkaPort;
    }

    String url() {
        return "http://localhost:" + httpPort;
    }

    Path serverState() {
        return dir.resolve("server").resolve("streams");
    }

    void startBroker() {
        broker = start("broker", java("-Xmx512m", "-Dlogback.configurationFile=" + BROKER_LOGGING,
                "-cp", BROKER_JAR.toString(), "pulse.broker.BrokerMain"), Map.of(
                "KAFKA_CLUSTER_ID", "fAuLtTeStS0nE0n3Node0w",
                "KAFKA_NODE_ID", "1",
                "KAFKA_LOG_DIRS", dir.resolve("kafka").toAbsolutePath().toString(),
                "KAFKA_LISTENERS", "PLAINTEXT://localhost:" + kafkaPort + ",CONTROLLER://localhost:" + controllerPort,
                "KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://localhost:" + kafkaPort,
                "KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:" + controllerPort,
                "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"));
    }

    /** A clean broker restart: SIGTERM, wait for it to close its log, start it again on the same log. */
    void restartBroker() throws InterruptedException {
        broker.destroy();
        broker.waitFor(60, TimeUnit.SECONDS);
        startBroker();
    }

    void startServer() {
        server = start("server", java("-Xmx512m", "-jar", SERVER_JAR.toString()), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap(),
                "PULSE_HTTP_PORT", Integer.toString(httpPort),
                "PULSE_DATA_DIR", dir.resolve("server").toAbsolutePath().toString(),
                "PULSE_TODAY", "2022-12-31",
                "PULSE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "PULSE_JWT_SECRET", "a-signing-secret-of-the-fault-tests-only",
                "PULSE_PARTITIONS", "6",
                "PULSE_STANDBY_REPLICAS", "0",
                "PULSE_REPLICATION_FACTOR", "1"));
    }

    /** A {@code java} command line with {@link QuickStart}'s options. */
    private static List<String> java(String... arguments) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(QuickStart.OPTIONS);
        command.addAll(List.of(arguments));
        return command;
    }

    /** {@code kill -9}: no shutdown hook, no commit, no leaving the group. */
    void killServer() throws InterruptedException {
        server.destroyForcibly();
        server.waitFor(30, TimeUnit.SECONDS);
    }

    void stopServer() throws InterruptedException {
        server.destroy();
        server.waitFor(60, TimeUnit.SECONDS);
    }

    void deleteServerState() throws IOException {
        if (Files.exists(serverState())) {
            try (Stream<Path> files = Files.walk(serverState())) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    void pauseServer() throws IOException, InterruptedException {
        signal("STOP", server);
    }

    void resumeServer() throws IOException, InterruptedException {
        signal("CONT", server);
    }

    private static void signal(String signal, Process process) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited with " + exit);
        }
    }

    private Process start(String name, List<String> command, Map<String, String> env) {
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + "-" + (++starts) + ".log");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : new Process[] {server, broker}) {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
