package pulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Starts the broker and the server as processes of their own, from the build's jars. */
final class Processes {

    private Processes() {}

    static Process broker(Path repo, Path dataDir, int port, int controllerPort) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx1g",
                "-Dlogback.configurationFile=" + repo.resolve("docker/broker-logback.xml"), "-jar",
                repo.resolve("modules/pulse-broker/target/pulse-broker.jar").toString());
        Map<String, String> env = builder.environment();
        env.put("KAFKA_NODE_ID", "1");
        env.put("KAFKA_CLUSTER_ID", "slfdm6YPWeWzGN0JIz60aw");
        env.put("KAFKA_LISTENERS", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        env.put("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://localhost:" + port);
        env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:" + controllerPort);
        env.put("KAFKA_LOG_DIRS", dataDir.toString());
        env.put("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");
        env.put("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1");
        env.put("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        return start(builder, dataDir.resolveSibling("broker.log"));
    }

    static final String ADMIN_PASSWORD = "benchmark-admin-password";

    /**
     * The county's server's heap: what operations.md gives 30,000 projects, so that the resident
     * memory measured is that of such a server.
     */
    static final String COUNTY_HEAP = "512m";

    /** The province's server's heap (-Xmx), 2 GB unless -DserverHeap says otherwise: what operations.md gives 140,000 projects. */
    static String serverHeap() {
        return System.getProperty("serverHeap", "2g");
    }

    static final String SERVER_OPTIONS = "modules/pulse-server/jvm.options";

    /** The server's JVM options as the report names them: the file's, its comments left out, and -DserverJvm's. */
    static String serverOptions(Path repo) throws IOException {
        return Stream.concat(Files.readAllLines(repo.resolve(SERVER_OPTIONS)).stream().map(line -> line.replaceFirst("#.*", "")),
                        Stream.of(System.getProperty("serverJvm", ""))).map(String::trim).filter(option -> !option.isEmpty())
                .collect(Collectors.joining(" "));
    }

    /** The log of the collections of the server with data folder {@code dataDir} and process id {@code pid}. */
    static Path gcLog(Path dataDir, String pid) {
        return dataDir.resolveSibling("gc-" + pid + ".log");
    }

    static Process server(Path repo, Path dataDir, String bootstrap, int httpPort, String heap) throws IOException {
        // The server's own JVM options, as its image and the README start it. -DserverJvm comes after
        // them, so it can also override one (-DserverJvm="-XX:Tier4LoadFeedback=3" for the JVM's default).
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap, "@" + repo.resolve(SERVER_OPTIONS)));
        String jfr = System.getProperty("jfr");
        if (jfr != null) {
            // -Djfr=FILE: a flight recording of the server, to see where its time goes
            command.add("-XX:FlightRecorderOptions=stackdepth=256");
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        // Its collections' pauses, with the wall-clock time each ended, beside the data folder:
        // the reads during ingest are set against them (GcPauses).
        command.add("-Xlog:gc:file=" + gcLog(dataDir, "%p") + ":time");
        String flags = System.getProperty("serverJvm", "").trim();
        if (!flags.isEmpty()) {
            // -DserverJvm="-XX:+PrintCompilation ...": more JVM options for the server (its output goes to server.log)
            command.addAll(List.of(flags.split("\\s+")));
        }
        command.addAll(List.of("-jar", repo.resolve("modules/pulse-server/target/pulse-server.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("PULSE_DATA_DIR", dataDir.toString());
        env.put("PULSE_HTTP_PORT", String.valueOf(httpPort));
        env.put("PULSE_TODAY", "2022-06-30");
        env.put("PULSE_STANDBY_REPLICAS", "0");
        env.put("PULSE_REPLICATION_FACTOR", "1");
        env.put("PULSE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("PULSE_JWT_SECRET", "a-signing-secret-for-the-benchmark-only");
        return start(builder, dataDir.resolveSibling("server.log"));
    }

    /** {@link BareHttpServer} from this benchmark's jar, with the server's JVM options and heap. */
    static Process bareHttpServer(Path repo, Path work, int port, Path answer) throws Exception {
        String jar = Path.of(BareHttpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return start(new ProcessBuilder("java", "-Xmx" + serverHeap(), "@" + repo.resolve(SERVER_OPTIONS), "-cp", jar,
                BareHttpServer.class.getName(), String.valueOf(port), answer.toString()), work.resolve("bare-http.log"));
    }

    private static final List<Process> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Processes the benchmark stops or kills itself: any other that ends has failed. */
    private static final java.util.Set<Long> ENDING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        // A benchmark stopped half-way (Ctrl-C) leaves no broker or server behind, not even a paused one.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(process -> {
            ENDING.add(process.pid());
            process.destroyForcibly();
        })));
    }

    private static Process start(ProcessBuilder builder, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        STARTED.add(process);
        // A broker or server that ends by itself (a bad -DserverJvm flag, a crash) would leave the
        // benchmark waiting for it forever: it stops with the end of the process's log instead.
        process.onExit().thenAccept(ended -> {
            if (!ENDING.contains(ended.pid())) {
                System.err.printf("%s ended by itself with exit code %d; the end of %s:%n%s%n", builder.command().get(
                        builder.command().size() - 1), ended.exitValue(), log, tail(log));
                System.exit(1);
            }
        });
        return process;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** {@code kill -STOP} / {@code -CONT}: pauses a process where it is, and lets it go on. */
    static void signal(String signal, Process process) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited with " + exit);
        }
    }

    /** {@code kill -9}: the process ends where it is, as in a power cut; Kafka Streams finds no clean shutdown. */
    static void kill(Process process) throws InterruptedException {
        ENDING.add(process.pid());
        process.destroyForcibly().waitFor();
    }

    static void stop(Process process) throws InterruptedException {
        ENDING.add(process.pid());
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
