package pulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Writes docs/benchmarks.md from one run's figures. What follows {@link #KEPT} in the existing file
 * (the analysis: what bounds each figure, with its profile) is written by people and kept as it is.
 */
final class Report {

    static final String KEPT = "<!-- Written by hand below this line; the benchmark keeps it. -->";

    private Report() {}

    static void write(Path file, String province, Map<String, String> figures, String jmh,
            double minutes) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by the benchmark itself (`modules/pulse-bench`); rerun it with the command below.\n\n");
        md.append("```bash\nmvn -q -DskipTests package && java -jar modules/pulse-bench/target/pulse-bench.jar\n```\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| date | ").append(LocalDate.now()).append(" |\n");
        md.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.version")).append(" |\n");
        md.append("| layout | one Kafka node (KRaft) and one Pulse server, each its own process, and the load generator, all on this machine |\n");
        md.append("| province | ").append(province).append(" |\n");
        md.append("| method | first the county, on a server of its own with the heap operations.md gives 30,000 projects (-Xmx" + Processes.COUNTY_HEAP
                + "), for the two targets set at its size: its catch-up, then four months of its reports over HTTP and 1,000 screens fed for 10 s, for its memory; "
                + "then the province's server, started on the county's data with its own heap; every JVM warm first: the raw producer and consumer on a warm-up province of their own, each server catching up on one, taking its reports over HTTP, "
                + "then catching up on a second, smaller backlog (a fifth of the warm-up's projects); then the measured province (or county) is written while the server is paused (SIGSTOP), and the server resumed to catch up; "
                + "before each measured phase its path runs once and the server's JIT compilers settle (under a tenth of a core); "
                + "the HTTP ingest warms in rounds, every other one with the topology paused, until the compilers take under a twentieth "
                + "of the server's CPU in one round of each kind (at most 12 rounds), "
                + "and is measured alone (the topology paused, as the raw producer runs) and with the topology running, "
                + "its batches posted on 8 kept-alive connections |\n");
        md.append("| server JVM | `-Xmx").append(Processes.serverHeap()).append(' ').append(Processes.serverOptions(Path.of("")))
                .append("` (").append(Processes.SERVER_OPTIONS).append("); the county's with `-Xmx").append(Processes.COUNTY_HEAP)
                .append("` |\n");
        md.append("| settings | processing.guarantee=exactly_once_v2, commit.interval.ms=100, statestore.cache.max.bytes=10 MB (the default; only the bare app's tables use Streams' record cache, Pulse's project store is built without it), the stores in memory (Pulse's projects in its own store, which writes a new state over the old one, and the bare app's tables in Kafka Streams', each with its changelog), num.stream.threads=" + Math.min(6, Runtime.getRuntime().availableProcessors()) + " (one per core), 6 partitions, producer acks=all + idempotent; the bare app: the same guarantee, commit interval and threads |\n");
        md.append("| run time | ").append(String.format("%.1f minutes", minutes)).append(" |\n\n");
        md.append("## Figures\n\n| measurement | result |\n|---|---|\n");
        figures.forEach((name, result) -> md.append("| ").append(name).append(" | ").append(result).append(" |\n"));
        md.append("\n## Microbenchmarks (JMH)\n\n").append(jmh).append('\n');
        md.append('\n').append(KEPT).append('\n');
        if (Files.exists(file)) {
            String old = Files.readString(file);
            int kept = old.indexOf(KEPT);
            if (kept >= 0) {
                md.append(old.substring(kept + KEPT.length()).stripLeading());
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
    }
}
