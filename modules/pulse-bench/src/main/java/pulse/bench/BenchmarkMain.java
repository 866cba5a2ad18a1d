package pulse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole benchmark, one run: a broker and a server as processes of their own on this machine,
 * a synthetic county and province, seven measurements side by side, the JMH microbenchmarks, and
 * docs/benchmarks.md written from the figures. Options: -Dprojects=100000 (the province), -Dcounty=20000
 * (0 leaves the county out), -Dseed=2022, -Djfr=FILE (a flight recording of each server; each restart
 * overwrites it), -Dquick=true (the throughput measurements only), -DwarmUp=10000 (projects of a warm-up
 * province), -DsecondWarmUp=2000 (of them, those of its second round, caught up warm), -DliveShare=0.5
 * (the live phases' share of the sustainable rate), -DserverHeap=2g (the province's server),
 * -DserverJvm="-XX:+PrintCompilation" (more JVM options for the servers; their output is in server.log).
 */
public final class BenchmarkMain {

    private static final int BROKER_PORT = 19092;
    private static final int HTTP_PORT = 18080;
    private static final int BARE_HTTP_PORT = 18090;
    private static final int PARTITIONS = 6;
    /** Keep-alive connections of the open-loop reader of /api/totals (a quarter of them for single projects), as wrk2's -c. */
    private static final int READ_CONNECTIONS = 64;
    private static final String BOOTSTRAP = "localhost:" + BROKER_PORT;
    private static final String URL = "http://localhost:" + HTTP_PORT;
    /** The benchmark's own collector's pauses, from its start: they stop its readers as well as its load. */
    private static final GcPauses GENERATOR_PAUSES = GcPauses.ofThisJvm();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> figures = new LinkedHashMap<>();
    /** The admin's token once the server is up: every request sends it, as a logged-in client would. */
    private static volatile String token;

    public static void main(String[] args) throws Exception {
        // The province the issue names. Two of its targets are set at a county's size, on a server
        // of its own (-Dcounty=0 leaves that part out).
        new BenchmarkMain().run(Integer.getInteger("projects", 100_000), Integer.getInteger("county", 20_000),
                Integer.getInteger("warmUp", 10_000), Long.getLong("seed", 2022L));
        System.exit(0);
    }

    /** The broker, for the CPU it uses per event. */
    private Process broker;

    private void run(int projectCount, int countyCount, int warmUpCount, long seed) throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("pulse-bench");
        long started = System.nanoTime();
        // Projects numbered from 0 for the measured province (the live phases pick theirs by number),
        // then each other province's after the one before, so that no two share a project.
        Province province = new Province(0, projectCount, seed);
        List<Province.Event> year = province.year();
        int secondWarmUpCount = Integer.getInteger("secondWarmUp", warmUpCount / 5);
        int next = projectCount;
        WarmUp countyWarmUp = null;
        Province county = null;
        List<Province.Event> countyYear = List.of();
        if (countyCount > 0) {
            countyWarmUp = WarmUp.of(next, warmUpCount, secondWarmUpCount, seed + 3);
            next = countyWarmUp.end();
            county = new Province(next, countyCount, seed + 5);
            countyYear = county.year();
            next += countyCount;
        }
        WarmUp warmUp = WarmUp.of(next, warmUpCount, secondWarmUpCount, seed + 1);
        int inServer = warmUp.end();
        String described = String.format("%,d projects, %,d events (a half-year of reports with 10%% corrections and 5%% retries, "
                + "milestones), seed %d; %swarm-up provinces %s", projectCount, year.size(), seed, county == null ? ""
                : String.format("before it a county of %,d projects, %,d events, on a server of its own (its warm-up provinces %s); ",
                        countyCount, countyYear.size(), countyWarmUp), warmUp);
        say("Synthetic province: %s", described);

        broker = Processes.broker(repo, work.resolve("kafka"), BROKER_PORT, BROKER_PORT + 1);
        boolean quick = Boolean.getBoolean("quick");
        measured:
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
            awaitBroker(admin);
            // Kept forever, as Pulse requires of its system of record (it refuses to start otherwise).
            admin.createTopics(List.of(new NewTopic("pulse.events", PARTITIONS, (short) 1)
                    .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1")))).all().get();

            // The benchmark's own clients warm once, on a province no server measures.
            WarmUp first = countyWarmUp != null ? countyWarmUp : warmUp;
            say("Warm-up: the raw producer and consumer, then a bare Kafka Streams app, on %,d projects' events", first.province().projects);
            rawProduce(first.year());
            rawConsume(new HashMap<>(), first.year().size());
            try (BareStreamsApp bare = new BareStreamsApp(BOOTSTRAP, work.resolve("bare"))) {
                bare.start();
                streamsCatchUp(admin, endOffsets(admin), new HashMap<>(), BareStreamsApp.APPLICATION_ID);
            }
            String countyMemory = null;
            CatchUp countyCatchUp = null;
            if (county != null) {
                Process server = Processes.server(repo, work.resolve("server"), BOOTSTRAP, HTTP_PORT, Processes.COUNTY_HEAP);
                try (MemorySampler memory = new MemorySampler(server.pid())) {
                    say("The county: %,d projects on a server with -Xmx%s", countyCount, Processes.COUNTY_HEAP);
                    warm(server, admin, countyWarmUp, new HashMap<>());
                    countyCatchUp = catchUp(server, admin, work, countyYear);
                    say("1, the county: %s", countyCatchUp);
                    // What else a county's server does, for the memory it takes: four months of reports
                    // over HTTP, and a thousand screens fed under load.
                    post(batches(county, 3, 6, 0));
                    awaitCaughtUp(admin);
                    screensUnderLoad(county);
                    countyMemory = String.format("the county, %,d projects: peak heap used %,d MB, peak resident %,d MB (-Xmx%s; "
                            + "target ≤ 1 GB)", warmUpCount + countyCount, memory.peakHeapMb(), memory.peakRssMb(),
                            Processes.COUNTY_HEAP);
                    say("7, the county: %s", countyMemory);
                } finally {
                    Processes.stop(server);
                }
            }

            // The province's server starts on the county's data, as a county's server grows into a
            // province's: a larger heap, restarted, and warmed again (a new JVM) on a province of its own.
            Map<TopicPartition, Long> warmUpFrom = new HashMap<>();
            if (county != null) {
                warmUpFrom = endOffsets(admin);
                rawProduce(warmUp.year());
            }
            Process server = Processes.server(repo, work.resolve("server"), BOOTSTRAP, HTTP_PORT, Processes.serverHeap());
            try (MemorySampler memory = new MemorySampler(server.pid())) {
                double coldRate = warm(server, admin, warmUp, warmUpFrom);
                CatchUp catchUp = catchUp(server, admin, work, year);
                result("1. Streams catch-up vs a bare Kafka Streams app and the raw consumer", "%s; a cold server (JVM start "
                        + "and JIT included) caught up at %,.0f events/s%s", catchUp, coldRate, countyCatchUp == null ? ""
                        : String.format("; the county's %,d projects, on a server of their own: %s", countyCount, countyCatchUp));
                result("1b. CPU per event during the catch-up", "server %s, broker %s", catchUp.cpu().perEvent(0, year.size()),
                        catchUp.cpu().perEvent(1, year.size()));
                say("  the server's CPU by thread during the catch-up: %s", catchUp.cpu().busiestThreads(0, 6));

                warmIngest(server, admin, warmUp.province());
                awaitCompiled(server, "the ingest");
                long ingestStart = System.nanoTime();
                int fromMonth = 3;
                int toMonth = 6;
                Batches reports = batches(province, fromMonth, toMonth, 0);
                Cpu ingesting = new Cpu(server, broker);
                double httpRate = post(reports);
                // What the cores did while the reports came in: the stream threads process them meanwhile.
                int ingested = reports.reports();
                say("  while taking the reports: server %s, broker %s per event; the server's CPU by thread: %s",
                        ingesting.perEvent(0, ingested), ingesting.perEvent(1, ingested), ingesting.busiestThreads(0, 6));
                awaitCaughtUp(admin);
                // What the whole server sustains: written over HTTP and processed by the topology at
                // once, on the same cores (each alone goes faster than both together). One report
                // per project and month.
                double endToEnd = ingested / ((System.nanoTime() - ingestStart) / 1e9);
                // The write path alone, as the raw producer ran alone: the topology paused (the county
                // office's PUT /api/operations/processing/pause), so that no stream thread takes a core
                // meanwhile. The same reports with other figures (corrections), processed once it resumes.
                awaitCompiled(server, "the ingest alone");
                Batches corrections = batches(province, fromMonth, toMonth, 1);
                processing("pause");
                Cpu alone = new Cpu(server.pid(), broker.pid(), ProcessHandle.current().pid());
                double aloneRate = post(corrections);
                say("  while taking the reports alone: server %s, broker %s, this benchmark %s per event; the server's CPU by thread: %s",
                        alone.perEvent(0, ingested), alone.perEvent(1, ingested), alone.perEvent(2, ingested),
                        alone.busiestThreads(0, 6));
                processing("resume");
                awaitCaughtUp(admin);
                result("2. HTTP batch ingest vs raw producer", "%,.0f vs %,.0f events/s: %.0f%% (target ≥ 25%%), the topology "
                        + "paused as the producer ran alone; with the topology running %,.0f events/s (%.0f%%); end to end "
                        + "(written over HTTP until the topology had processed them) %,.0f events/s",
                        aloneRate, catchUp.producer(), 100 * aloneRate / catchUp.producer(), httpRate,
                        100 * httpRate / catchUp.producer(), endToEnd);
                recordsPerEvent(admin);
                filteredLists(inServer);

                if (quick) {
                    memoryResult(countyMemory, memory, inServer);
                    say("-Dquick=true: stopping after the two throughput measurements; docs/benchmarks.md is not written");
                    Processes.stop(server);
                    break measured;
                }
                // Half of what the server sustained end to end, not of the slower stage measured alone:
                // ingest and topology share the cores, so half of either alone was more than the two
                // together could keep up with, and the latency measured a growing backlog.
                // The live phases run at half of it, as the targets are set; -DliveShare=0.25 for another share.
                double liveShare = Double.parseDouble(System.getProperty("liveShare", "0.5"));
                double liveRate = endToEnd * liveShare;
                registerMarker();
                MarkerWatch single = new MarkerWatch().connect(1, URL, token);
                // The live and read paths warm first, both kinds of read as the reads during ingest make
                // them, and the compiler settles, as the catch-up's did.
                underLoad(province, liveRate, Duration.ofSeconds(10), null, () -> readsDuringIngest(province,
                        Duration.ofSeconds(10), projectCount / 2));
                awaitCompiled(server, "the live phases");
                Cpu live = new Cpu(server);
                CommitWatch commits = new CommitWatch(BOOTSTRAP, "2022/PV-MARK", PARTITIONS);
                underLoad(province, liveRate, LIVE_PHASE, single, null);
                commits.close();
                say("  %s", livePath(single, commits));
                sayBacklog(admin);
                say("  the server's CPU by thread while live: %s", live.busiestThreads(0, 6));
                result("3. Live latency, write ack → SSE update", "p50 %s, p99 %s, max %s at %,.0f events/s (%.0f%% of the end-to-end %,.0f); target p99 ≤ 300 ms at half",
                        ms(single.latencyMicros, 50), ms(single.latencyMicros, 99), ms(single.latencyMicros.getMaxValue()), liveRate,
                        100 * liveShare, endToEnd);

                awaitCompiled(server, "the reads during ingest");
                Cpu readsDuringIngest = new Cpu(server);
                OpenLoop[][] measured = new OpenLoop[1][];
                MachineStalls machine = new MachineStalls();
                long readsFrom = System.currentTimeMillis();
                underLoad(province, liveRate, Duration.ofSeconds(15), null,
                        () -> measured[0] = readsDuringIngest(province, Duration.ofSeconds(15), 0));
                long readsTo = System.currentTimeMillis();
                machine.close();
                OpenLoop[] reads = measured[0];
                result("4. Reads during ingest, open loop", "/api/totals at 2,000 req/s: p50 %s, p99 %s, max %s, %,d failed; "
                        + "/api/projects/{id} at 200 req/s: p50 %s, p99 %s, max %s, %,d failed (target /api/totals p99 ≤ 20 ms)",
                        ms(reads[0].latencyMicros, 50), ms(reads[0].latencyMicros, 99), ms(reads[0].latencyMicros.getMaxValue()),
                        reads[0].failed.get(), ms(reads[1].latencyMicros, 50), ms(reads[1].latencyMicros, 99),
                        ms(reads[1].latencyMicros.getMaxValue()), reads[1].failed.get());
                say("  the server's CPU by thread while read during ingest: %s", readsDuringIngest.busiestThreads(0, 6));
                GcPauses pauses = GcPauses.read(Processes.gcLog(work.resolve("server"), String.valueOf(server.pid())))
                        .within(readsFrom, readsTo);
                List<long[]> slow = List.copyOf(reads[0].slow);
                say("  /api/totals reads over %d ms: %,d of %,d; %,d of them waited while the server's collector had stopped it "
                        + "(its pauses: %s)", OpenLoop.SLOW_MICROS / 1000, slow.size(), reads[0].latencyMicros.getTotalCount(),
                        pauses.heldUp(slow), pauses.summary(readsTo - readsFrom));
                say("  the reader's own delay (due → in its loop): p50 %s, p99 %s, max %s; of the slow reads %,d were over half "
                        + "their time late in the reader, %,d over half waiting for a free connection (the server answering those before)",
                        ms(reads[0].readerLateMicros, 50), ms(reads[0].readerLateMicros, 99), ms(reads[0].readerLateMicros.getMaxValue()),
                        slow.stream().filter(read -> read[2] / 1000.0 > (read[1] - read[0]) / 2.0).count(),
                        slow.stream().filter(read -> read[3] / 1000.0 > (read[1] - read[0]) / 2.0).count());
                GcPauses own = GENERATOR_PAUSES.within(readsFrom, readsTo);
                say("  the machine meanwhile: %s; %,d of the slow reads were waiting during one of those", machine.summary(own),
                        machine.machineStalls(own).heldUp(slow));
                say("  of those slow reads, %,d were due or waiting while the benchmark's own collector had stopped it (its pauses: %s)",
                        own.heldUp(slow), own.summary(readsTo - readsFrom));
                say("  in those %.0f s the server's event loops, which answer /api/totals, %s", (readsTo - readsFrom) / 1e3,
                        readsDuringIngest.waitedForACore(0, "default-eventLo"));
                awaitCaughtUp(admin);
                awaitCompiled(server, "the reads alone");
                ReadCost pulseRead = readCost(server, URL + "/api/totals", "default-eventLo");
                ReadCost bareRead = bareReadCost(repo, work);
                result("4b. Server CPU per /api/totals read", "%s; a bare Netty HTTP server answering the same bytes: %s; target ≤ 50 µs",
                        pulseRead, bareRead);

                single.close();
                long connecting = System.nanoTime();
                MarkerWatch fan = new MarkerWatch().connect(1000, URL, token);
                awaitConnected(fan, 1000);
                // The lag measured is that of live updates: the phase starts once every screen has its
                // snapshot (a thousand connecting at once is a storm of its own, timed here).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (fan.snapshots.get() < fan.connected.get() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                say("  %,d screens connected and read their snapshot in %.1f s (%,d bytes read)", fan.snapshots.get(),
                        (System.nanoTime() - connecting) / 1e9, fan.bytes.get());
                // As every other phase: its path runs once and the compilers settle before it is measured
                // (a thousand screens' writes are code the phases before did not run).
                underLoad(province, liveRate, Duration.ofSeconds(10), fan, null);
                awaitCompiled(server, "the fan-out");
                fan.restartMeasuring();
                Cpu fanning = new Cpu(server.pid(), broker.pid(), ProcessHandle.current().pid());
                long fanStart = System.nanoTime();
                underLoad(province, liveRate, Duration.ofSeconds(20), fan, null);
                double fanSeconds = (System.nanoTime() - fanStart) / 1e9;
                sayBacklog(admin);
                say("  the server's CPU by thread while 1,000 screens read: %s", fanning.busiestThreads(0, 6));
                say("  this benchmark's CPU by thread (the screens' reader is %s): %s", MarkerWatch.READER_THREAD,
                        fanning.busiestThreads(2, 6));
                // Every screen should come to show the newest figure: the lag above is that of the figures it was shown.
                long newest = fan.acknowledgedAt.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
                long settling = System.nanoTime();
                while (fan.screensShowing(newest) < fan.connected.get() && System.nanoTime() - settling < 30_000_000_000L) {
                    Thread.sleep(50);
                }
                long showingNewest = fan.screensShowing(newest);
                double settled = 2 + (System.nanoTime() - settling) / 1e9;   // underLoad waited 2 s after the load
                // The screens' reader and the load share the machine with the server: where the cores went.
                say("  screens' lag: p50 %s, p90 %s, p99 %s, max %s; %,d bytes read, %,.0f a screen a second",
                        ms(fan.latencyMicros, 50), ms(fan.latencyMicros, 90), ms(fan.latencyMicros, 99),
                        ms(fan.latencyMicros.getMaxValue()), fan.bytes.get(), fan.bytes.get() / 1000.0 / fanSeconds);
                say("  cores used while 1,000 screens read: server %.2f, broker %.2f, this benchmark (the screens and the load) %.2f, of %d",
                        fanning.micros(0) / 1e6 / fanSeconds, fanning.micros(1) / 1e6 / fanSeconds,
                        fanning.micros(2) / 1e6 / fanSeconds, Runtime.getRuntime().availableProcessors());
                long added = Math.max(0, fan.latencyMicros.getValueAtPercentile(99) - single.latencyMicros.getValueAtPercentile(99));
                result("5. Fan-out to 1,000 SSE screens", "%,d screens connected, %,d updates delivered, p99 %s (added %s over one screen), "
                        + "%d screens dropped, %,d showing the newest figure %.1f s after the load stopped; "
                        + "target no drop, added p99 ≤ 250 ms", fan.connected.get(), fan.updates.get(), ms(fan.latencyMicros, 99),
                        ms(added), fan.ended.get(), showingNewest, settled);
                fan.close();

                awaitCaughtUp(admin);
                String before = settledTotals();
                Processes.stop(server);
                long cleanAt = System.nanoTime();
                server = startAsBefore(repo, work, memory, before);
                double clean = (System.nanoTime() - cleanAt) / 1e9;
                Processes.kill(server);
                long killedAt = System.nanoTime();
                server = startAsBefore(repo, work, memory, before);
                double afterKill = (System.nanoTime() - killedAt) / 1e9;
                result("6a. Restart", "healthy with the same totals %.1f s after a clean stop, %.1f s after kill -9 (JVM start included)",
                        clean, afterKill);
                Processes.stop(server);
                deleteTree(work.resolve("server/streams"));
                long changelog = changelogRecords(admin);
                long restartAt = System.nanoTime();
                server = startAsBefore(repo, work, memory, before);
                double seconds = (System.nanoTime() - restartAt) / 1e9;
                result("6b. Recovery from the changelog", "local state deleted: %,d changelog records restored, totals back in %.1f s (%,.0f records/s, JVM start included)",
                        changelog, seconds, changelog / seconds);
                memoryResult(countyMemory, memory, inServer);
                Processes.stop(server);
            }
        } finally {
            Processes.stop(broker);
        }
        // A gigabyte of logs and stores per run; a run that failed keeps them, for its servers' logs.
        deleteTree(work);
        if (quick) {
            return;
        }
        String jmh = Micro.run();
        double minutes = (System.nanoTime() - started) / 60e9;
        say("Whole run: %.1f minutes", minutes);
        Report.write(repo.resolve("docs/benchmarks.md"), described, figures, jmh, minutes);
    }

    /**
     * Waits, up to two minutes, until the server's JIT compilers use under a tenth of a core: on two
     * cores the compile queue of a server this size outlasts its warm-up (the compilers took 35-68%
     * of the server's CPU in the measured phases), and what is measured is then the compiler.
     */
    private static void awaitCompiled(Process server, String before) {
        long start = System.nanoTime();
        double share = 1;
        while (share > 0.1 && System.nanoTime() - start < 120_000_000_000L) {
            Cpu cpu = new Cpu(server);
            sleepNanos(2_000_000_000L);
            share = cpu.compilerMicros(0) / 2e6;
        }
        say("  before %s: waited %.0f s for the server's JIT to settle (compilers at %.0f%% of a core)", before,
                (System.nanoTime() - start) / 1e9, 100 * share);
    }

    /**
     * A server's CPU per read at 2,000 reads a second with nothing else to do, its idle CPU taken out;
     * and what its event loops used per read, in all and in the kernel (they are idle without reads).
     */
    private record ReadCost(double micros, Cpu.Used eventLoops, long reads, double idleMicrosPerSecond, String p99) {
        @Override
        public String toString() {
            // The event loops' figure has no idle taken out (they have none), so it may exceed the whole's.
            return String.format("%.0f µs (%,d reads, its idle %.0f µs/s taken out; p99 %s); its event loops %.0f µs, %.0f of them in the kernel",
                    micros, reads, idleMicrosPerSecond, p99, eventLoops.micros(), eventLoops.kernelMicros());
        }
    }

    private static ReadCost readCost(Process target, String url, String eventLoops) {
        Cpu idle = new Cpu(target);
        sleepNanos(5_000_000_000L);
        double idleMicrosPerSecond = idle.micros(0) / 5.0;
        Cpu reading = new Cpu(target);
        OpenLoop alone = new OpenLoop(READ_CONNECTIONS).run(2000, Duration.ofSeconds(10), i -> url, token);
        say("  CPU by thread of %s while read alone: %s", url, reading.busiestThreads(0, 6));
        long reads = alone.sent.get();
        return new ReadCost((reading.micros(0) - idleMicrosPerSecond * 10) / reads,
                reading.threadMicros(0, eventLoops).per(reads), reads, idleMicrosPerSecond, ms(alone.latencyMicros, 99));
    }

    /**
     * The same reader against {@link BareHttpServer} answering the headers and bytes Pulse answered:
     * what a read costs here before Pulse does anything (the socket, the kernel, Netty's codec).
     */
    private static ReadCost bareReadCost(Path repo, Path work) throws Exception {
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(URL + "/api/totals"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        StringBuilder headers = new StringBuilder();
        answer.headers().map().forEach((name, values) -> {
            if (!List.of("content-length", "connection").contains(name)) {
                headers.append(name).append(": ").append(values.get(0)).append('\n');
            }
        });
        Path file = work.resolve("totals-answer");
        Files.write(file, (headers + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(file, answer.body(), java.nio.file.StandardOpenOption.APPEND);
        Process bare = Processes.bareHttpServer(repo, work, BARE_HTTP_PORT, file);
        try {
            String url = "http://localhost:" + BARE_HTTP_PORT + "/api/totals";
            for (int i = 0; i < 100 && !answers(url); i++) {
                Thread.sleep(100);
            }
            // A fresh JVM: 20 s of reads first. Its compilers keep a trickle of work that is a large share
            // of so small a process's CPU (a third in the measurement after 10 s of reads, and after 20 s).
            new OpenLoop(READ_CONNECTIONS).run(2000, Duration.ofSeconds(20), i -> url, token);
            awaitCompiled(bare, "the bare HTTP server's reads");
            return readCost(bare, url, "nioEventLoopGro");
        } finally {
            Processes.stop(bare);
        }
    }

    private static boolean answers(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Figure 7: the county's server's memory, where there was one, and the province's. */
    private void memoryResult(String county, MemorySampler memory, int inServer) {
        result("7. Server memory", "%sthe province, %,d projects: peak heap used %,d MB, peak resident %,d MB (-Xmx%s)",
                county == null ? "" : county + "; ", inServer, memory.peakHeapMb(), memory.peakRssMb(), Processes.serverHeap());
    }

    /**
     * A province a server warms up on, caught up cold and then taken over HTTP, and a second, smaller
     * backlog it catches up on after that (a fifth of the projects by default).
     */
    private record WarmUp(Province province, List<Province.Event> year, Province second, List<Province.Event> secondYear) {

        static WarmUp of(int first, int projects, int secondProjects, long seed) {
            Province province = new Province(first, projects - secondProjects, seed);
            Province second = new Province(first + projects - secondProjects, secondProjects, seed + 1);
            return new WarmUp(province, province.year(), second, second.year());
        }

        /** The number after its last project. */
        int end() {
            return second.first + second.projects;
        }

        @Override
        public String toString() {
            return String.format("%,d projects, %,d events, then %,d, %,d events", province.projects, year.size(),
                    second.projects, secondYear.size());
        }
    }

    /**
     * Warms a server just started: it catches up on {@code warmUp}'s half-year, written from
     * {@code from} before it started (cold: the rate returned), takes the same projects' reports over
     * HTTP, then catches up on the second backlog, written while it is paused. Events written over
     * HTTP carry a header that the raw producer's do not, and the first of them threw away the stream
     * threads' compiled code: without the second round it was compiled again inside the measured catch-up.
     * Then the open-loop reader and the server's read path warm (a cold client sent its first
     * requests late, and they count from when they were due).
     */
    private double warm(Process server, Admin admin, WarmUp warmUp, Map<TopicPartition, Long> from) throws Exception {
        token = null;
        double coldRate = streamsCatchUp(admin, endOffsets(admin), from, "pulse");
        awaitHealthy();
        token = login();
        // A request checks and publishes a thousand reports, so its methods become hot per batch: a
        // half-year of them, as the measured ingest takes four months.
        post(batches(warmUp.province(), 1, 6, 0));
        awaitCaughtUp(admin);
        say("Warm-up, second round: a backlog of %,d events, written while the server is paused", warmUp.secondYear().size());
        Map<TopicPartition, Long> secondFrom = endOffsets(admin);
        Processes.signal("STOP", server);
        rawProduce(warmUp.secondYear());
        Processes.signal("CONT", server);
        streamsCatchUp(admin, endOffsets(admin), secondFrom, "pulse");
        new OpenLoop(READ_CONNECTIONS).run(2000, Duration.ofSeconds(5), i -> URL + "/api/totals", token);
        return coldRate;
    }

    /** The catch-up's figures: Pulse's, the bare app's and the raw consumer's rates, the raw producer's, and the CPU. */
    private record CatchUp(double pulse, double bare, double consumer, double producer, Cpu cpu) {
        @Override
        public String toString() {
            return String.format("Pulse %,.0f events/s; bare app %,.0f (Pulse at %.0f%%, target ≥ 50%%); raw consumer %,.0f "
                    + "(Pulse at %.1f%%)", pulse, bare, 100 * pulse / bare, consumer, 100 * pulse / consumer);
        }
    }

    /**
     * The measured backlog, written while the warm server is paused (SIGSTOP, well inside its session
     * timeout), as a server that was away finds one: the raw producer and consumer, then the bare app,
     * run alone on the machine, and the server's topology catches up from where it was.
     */
    private CatchUp catchUp(Process server, Admin admin, Path work, List<Province.Event> year) throws Exception {
        awaitCompiled(server, "the catch-up");
        Map<TopicPartition, Long> backlogFrom = endOffsets(admin);
        Processes.signal("STOP", server);
        double producerRate = rawProduce(year);
        double consumerRate = rawConsume(backlogFrom, year.size());
        double bareRate;
        try (BareStreamsApp bare = new BareStreamsApp(BOOTSTRAP, work.resolve("bare"))) {
            bare.start();
            bareRate = streamsCatchUp(admin, endOffsets(admin), backlogFrom, BareStreamsApp.APPLICATION_ID);
        }
        Processes.signal("CONT", server);
        Cpu cpu = new Cpu(server, broker);
        double pulseRate = streamsCatchUp(admin, endOffsets(admin), backlogFrom, "pulse");
        return new CatchUp(pulseRate, bareRate, consumerRate, producerRate, cpu);
    }

    /** A thousand screens fed for 10 s at 5,000 reports a second: what they take of a county's server's memory. */
    private void screensUnderLoad(Province county) throws Exception {
        registerMarker();
        try (MarkerWatch screens = new MarkerWatch().connect(1000, URL, token)) {
            awaitConnected(screens, 1000);
            underLoad(county, 5000, Duration.ofSeconds(10), screens, null);
            say("  %,d screens connected, %,d updates delivered, %,d dropped", screens.connected.get(), screens.updates.get(),
                    screens.ended.get());
        }
    }

    private static void awaitBroker(Admin admin) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            try {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the broker did not start; see its log");
    }

    private double rawProduce(List<Province.Event> events) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2);
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (Province.Event event : events) {
                producer.send(new ProducerRecord<>("pulse.events", event.projectId(), event.json()));
            }
            producer.flush();
        }
        double rate = events.size() / ((System.nanoTime() - start) / 1e9);
        say("Raw producer (acks=all, idempotent, linger 2 ms as the server's): %,d events, %,.0f events/s", events.size(), rate);
        return rate;
    }

    /** Reads {@code expected} events from {@code from} (every partition's start when it is empty). */
    private double rawConsume(Map<TopicPartition, Long> from, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long start = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = eventPartitions();
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, from.getOrDefault(partition, 0L));
            }
            while (read < expected) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double rate = read / ((System.nanoTime() - start) / 1e9);
        say("Raw consumer (read_committed): %,d events, %,.0f events/s", read, rate);
        return rate;
    }

    /**
     * Until {@code group}'s committed offsets reach {@code end}, from {@code from}; timed from the
     * group's first commit beyond it, so a start (JVM, rebalance) is not counted, a JIT warm-up is.
     */
    private double streamsCatchUp(Admin admin, Map<TopicPartition, Long> end, Map<TopicPartition, Long> from, String group)
            throws Exception {
        long total = sum(end);
        long first = sum(from);
        long firstAt = 0;
        long lastSaid = first;
        long lastSaidAt = firstAt;
        while (true) {
            long committed = Math.min(committed(admin, group), total);
            if (committed > first && firstAt == 0) {
                first = committed;
                firstAt = System.nanoTime();
                lastSaid = committed;
                lastSaidAt = firstAt;
            }
            if (firstAt != 0 && System.nanoTime() - lastSaidAt > 5_000_000_000L) {
                say("  catch-up: %,d of %,d events processed, %,.0f events/s over the last %.0f s", committed - first,
                        total - first, (committed - lastSaid) / ((System.nanoTime() - lastSaidAt) / 1e9),
                        (System.nanoTime() - lastSaidAt) / 1e9);
                lastSaid = committed;
                lastSaidAt = System.nanoTime();
                if (token != null && group.equals("pulse")) {
                    say("    stream threads: %s", threadRatios());
                }
            }
            // Done when the events are processed: their views are on pulse.projects in the same transaction.
            if (committed >= total) {
                double rate = (total - first) / ((System.nanoTime() - firstAt) / 1e9);
                say("Kafka Streams catch-up of %s (exactly_once_v2, commit 100 ms, %s): %,d events, %,.0f events/s",
                        group, group.equals("pulse") && token == null ? "cold" : "warm", total - first, rate);
                return rate;
            }
            Thread.sleep(100);
        }
    }

    /** Where the stream threads' time goes, from Kafka Streams' own metrics on the server's /prometheus. */
    private static String threadRatios() {
        StringBuilder ratios = new StringBuilder();
        for (String line : get("/prometheus").body().split("\n")) {
            if (line.startsWith("kafka_stream_thread_") && line.contains("_ratio")) {
                String name = line.substring("kafka_stream_thread_".length(), line.indexOf("_ratio"));
                String thread = line.replaceAll(".*StreamThread-(\\d+).*", "$1");
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                ratios.append(String.format("%s%s[%s] %.2f", ratios.length() == 0 ? "" : ", ", name, thread, value));
            }
        }
        return ratios.toString();
    }

    private static long committed(Admin admin, String group) throws Exception {
        long committed = 0;
        for (var entry : admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet()) {
            if (entry.getKey().topic().equals("pulse.events") && entry.getValue() != null) {
                committed += entry.getValue().offset();
            }
        }
        return committed;
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<TopicPartition> eventPartitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition("pulse.events", p));
        }
        return partitions;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new LinkedHashMap<>();
        eventPartitions().forEach(partition -> latest.put(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /**
     * What the topology writes for one input event: the end offsets of every topic it writes (its
     * output topic, its changelog, the dead letters), summed, over the events
     * on {@code pulse.events}. Under exactly-once each commit also writes a transaction marker per
     * partition, which takes an offset: counted too, as the broker stores it.
     */
    private void recordsPerEvent(Admin admin) throws Exception {
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new LinkedHashMap<>();
        for (var topic : admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                    org.apache.kafka.clients.admin.OffsetSpec.latest()));
        }
        Map<String, Long> byTopic = new java.util.TreeMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) ->
                byTopic.merge(partition.topic(), info.offset(), Long::sum));
        long events = byTopic.getOrDefault("pulse.events", 0L);
        Map<String, Long> written = new java.util.TreeMap<>();
        byTopic.forEach((topic, records) -> {
            boolean topology = topic.startsWith("pulse-") || topic.equals("pulse.projects")
                    || topic.equals("pulse.events.dlq");
            if (topology) {
                written.put(topic, records);
            }
        });
        long total = written.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder detail = new StringBuilder();
        written.forEach((topic, records) -> detail.append(String.format("; %s %.2f", topic, records / (double) events)));
        result("0. Records written per input event", "%.2f (%,d records for %,d events%s); target ≤ 3",
                total / (double) events, total, events, detail);
    }

    /**
     * Rounds of HTTP ingest on the warm-up province, each with other figures (corrections, as the
     * measured ones are), every other one with the topology paused, as the two measured phases run,
     * until the server's compilers take under a twentieth of its CPU in one round of each kind: the
     * compilers settle once idle long before they settle under load, since it is the load that makes
     * code hot, and pausing the topology made new code hot in a warm server.
     */
    private void warmIngest(Process server, Admin admin, Province warmUpProvince) throws Exception {
        boolean[] settled = new boolean[2];
        for (int round = 1; round <= 12 && !(settled[0] && settled[1]); round++) {
            boolean paused = round % 2 == 0;
            Batches reports = batches(warmUpProvince, 1, 6, round);
            if (paused) {
                processing("pause");
            }
            Cpu cpu = new Cpu(server);
            post(reports);
            double share = cpu.compilerMicros(0) / cpu.micros(0);
            if (paused) {
                processing("resume");
            }
            awaitCaughtUp(admin);
            say("  ingest warm-up round %d (%s): the compilers took %.0f%% of the server's CPU", round,
                    paused ? "topology paused" : "topology running", 100 * share);
            settled[paused ? 1 : 0] = share < 0.05;
        }
    }

    /** Requests to post, and how many reports they carry. */
    private record Batches(List<byte[]> requests, int reports) {}

    /**
     * A report for every project of {@code province} and every month from {@code fromMonth} to
     * {@code toMonth}, a thousand to a request; each {@code round} gives other figures, so a round
     * after another corrects it. Made before any clock or CPU count starts (a UUID per report).
     */
    private static Batches batches(Province province, int fromMonth, int toMonth, int round) {
        List<byte[]> batches = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        int end = province.first + province.projects;
        for (int month = fromMonth; month <= toMonth; month++) {
            for (int p = province.first; p < end; p++) {
                batch.append(inBatch == 0 ? "[" : ",").append(Province.report(p, month, 1000 + (p + 977 * round) % 9000, "月报"));
                if (++inBatch == 1000 || p == end - 1) {
                    batches.add(BatchPoster.request("localhost", HTTP_PORT, "/api/events", token, batch.append(']').toString()));
                    batch.setLength(0);
                    inBatch = 0;
                }
            }
        }
        return new Batches(batches, province.projects * (toMonth - fromMonth + 1));
    }

    /** Posts {@code requests} of a thousand reports each on {@link #INGEST_CLIENTS} connections; the reports per second. */
    private double post(Batches requests) throws Exception {
        List<byte[]> batches = requests.requests();
        awaitHealthy();
        AtomicLong next = new AtomicLong();
        AtomicReference<Exception> failed = new AtomicReference<>();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < INGEST_CLIENTS; t++) {
            Thread thread = new Thread(() -> {
                try (BatchPoster poster = new BatchPoster("localhost", HTTP_PORT)) {
                    for (long i = next.getAndIncrement(); i < batches.size() && failed.get() == null; i = next.getAndIncrement()) {
                        BatchPoster.Answer answer = poster.send(batches.get((int) i));
                        if (answer.status() != 200) {
                            throw new IllegalStateException("batch refused (" + answer.status() + "): " + answer.body());
                        }
                    }
                } catch (Exception e) {
                    failed.compareAndSet(null, e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        int events = requests.reports();
        double rate = events / ((System.nanoTime() - start) / 1e9);
        say("HTTP ingest (POST /api/events, 1,000 per batch, %d connections): %,d events, %,.0f events/s", INGEST_CLIENTS,
                events, rate);
        return rate;
    }

    /** Connections posting batches at once: enough that the server always has one to work on while others wait for Kafka. */
    private static final int INGEST_CLIENTS = Integer.getInteger("ingestClients", 8);

    /** Pauses or resumes the server's topology ({@code what}: pause or resume). */
    private static void processing(String what) {
        HttpResponse<String> answer = put("/api/operations/processing/" + what, "");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** Whether the marker project is registered: the county's screens and the province's live phases share it. */
    private boolean markerRegistered;

    private void registerMarker() {
        if (markerRegistered) {
            return;
        }
        markerRegistered = true;
        post("/api/projects", "{\"projectId\":\"PV-MARK\",\"name\":\"基准项目\",\"area\":\"URBAN\",\"township\":\"乡镇0\","
                + "\"unitId\":\"" + MarkerWatch.MARKER_UNIT + "\",\"level\":\"COUNTY\",\"totalInvestment\":100000000,"
                + "\"year\":2022,\"annualPlan\":100000000}");
    }

    private static final AtomicLong MARKER_VALUE = new AtomicLong(1);
    /**
     * The live latency's phase: a marker every 200 ms, so about 190 of them, of which the p99 is the
     * second slowest (in 20 s, about 95 markers, the p99 was the slowest alone).
     */
    private static final Duration LIVE_PHASE = Duration.ofSeconds(40);

    /**
     * The live latency in its two parts, for each marker shown: from its acknowledgement until its
     * summary was readable as committed on {@code pulse.projects} (the topology and its transaction),
     * and from then until a screen showed it (the server's reader of that topic and the push).
     */
    private static String livePath(MarkerWatch watch, CommitWatch commits) {
        Histogram committed = new Histogram(3);
        Histogram pushed = new Histogram(3);
        watch.shownAt.forEach((value, shown) -> {
            Long acked = watch.acknowledgedAt.get(value);
            Long visible = commits.committedAt.get(value);
            if (acked != null && visible != null) {
                committed.recordValue(Math.max(0, (visible - acked) / 1000));
                pushed.recordValue(Math.max(0, (shown - visible) / 1000));
            }
        });
        return String.format("of %,d markers shown: acknowledged → committed on pulse.projects p50 %s, p99 %s, max %s; "
                + "committed → on the screen p50 %s, p99 %s, max %s", committed.getTotalCount(), ms(committed, 50),
                ms(committed, 99), ms(committed.getMaxValue()), ms(pushed, 50), ms(pushed, 99), ms(pushed.getMaxValue()));
    }

    /**
     * Reports at {@code rate} events/s in batches of 100, a marker every 200 ms, and an optional side
     * task; it starts once the topology has caught up, so no backlog of an earlier phase is measured.
     */
    private void underLoad(Province province, double rate, Duration duration, MarkerWatch watch, Runnable alongside) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
            awaitCaughtUp(admin);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Random random = new Random(7);
        Thread writer = new Thread(() -> {
            long intervalNanos = (long) (100 / rate * 1e9);
            long next = System.nanoTime();
            while (running.get()) {
                StringBuilder batch = new StringBuilder("[");
                for (int i = 0; i < 100; i++) {
                    batch.append(i == 0 ? "" : ",").append(Province.report(province.first + random.nextInt(province.projects), 6, random.nextInt(90000), "负载"));
                }
                post("/api/events", batch.append(']').toString());
                next += intervalNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    sleepNanos(wait);
                }
            }
        });
        Thread markers = new Thread(() -> {
            while (running.get()) {
                long value = MARKER_VALUE.getAndIncrement();
                HttpResponse<String> answer = put("/api/projects/PV-MARK/investments/2022-01",
                        "{\"amount\":" + value + ",\"reason\":\"基准\"}");
                if (watch != null && answer.statusCode() == 200) {
                    watch.acknowledgedAt.put(value, System.nanoTime());
                    watch.markersAcknowledged.incrementAndGet();
                } else if (answer.statusCode() != 200) {
                    say("marker report answered %d: %s", answer.statusCode(), answer.body());
                }
                sleepNanos(200_000_000L);
            }
        });
        writer.start();
        markers.start();
        if (alongside != null) {
            alongside.run();
        } else {
            sleepNanos(duration.toNanos());
        }
        running.set(false);
        writer.join();
        markers.join();
        sleepNanos(2_000_000_000L);   // let the last markers arrive
        if (watch != null) {
            // Markers 200 ms apart can share one update (at most one per 250 ms): only the newer is measured.
            say("markers acknowledged %,d; updates %,d, carrying the marker unit %,d; measured %,d",
                    watch.markersAcknowledged.get(), watch.updates.get(), watch.markerUpdates.get(),
                    watch.latencyMicros.getTotalCount());
        }
    }

    /**
     * The county's totals at 2,000 reads a second and one project's view at 200, both open loop, for
     * {@code duration}; the projects read from the {@code first}-th of a fixed walk through the
     * province, so that a warm-up can read other projects than the measured phase (whose states and
     * summaries would then be in the processor's caches).
     */
    private static OpenLoop[] readsDuringIngest(Province province, Duration duration, long first) {
        OpenLoop[] reads = new OpenLoop[2];
        Thread ofProjects = new Thread(() -> reads[1] = new OpenLoop(READ_CONNECTIONS / 4).run(200, duration,
                i -> URL + "/api/projects/" + Province.id(province.first + (int) ((first + i) * 7919 % province.projects)), token));
        ofProjects.start();
        reads[0] = new OpenLoop(READ_CONNECTIONS).run(2000, duration, i -> URL + "/api/totals", token);
        join(ofProjects);
        return reads;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The records a restore reads: every committed record the server's changelogs hold now, counted
     * by reading them (their end offsets count what the cleaner has since compacted away too).
     */
    private static long changelogRecords(Admin admin) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : admin.listTopics().names().get()) {
            if (topic.startsWith("pulse-") && topic.endsWith("-changelog")) {
                for (int p = 0; p < PARTITIONS; p++) {
                    partitions.add(new TopicPartition(topic, p));
                }
            }
        }
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                records += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return records;
    }

    /** Starts the server on its data folder again, and returns once it answers the county's totals exactly as {@code before}. */
    private Process startAsBefore(Path repo, Path work, MemorySampler memory, String before) throws Exception {
        Process server = Processes.server(repo, work.resolve("server"), BOOTSTRAP, HTTP_PORT, Processes.serverHeap());
        memory.follow(server.pid());
        awaitHealthy();
        awaitTotals(before, Duration.ofMinutes(10));
        return server;
    }

    /** Until the restored server answers the county's totals exactly as before it was stopped. */
    private void awaitTotals(String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = get("/api/totals");
            if (answer.statusCode() == 200 && answer.body().equals(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the totals did not come back as before within " + timeout + ": "
                + get("/api/totals").body() + " instead of " + expected);
    }

    /** The county's totals once they stopped moving for 3 s: the server reads them from pulse.projects after the commit. */
    private static String settledTotals() throws InterruptedException {
        String last = get("/api/totals").body();
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(3)) {
            Thread.sleep(200);
            String now = get("/api/totals").body();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return last;
    }

    /** Until the topology has processed every event written so far. */
    private static void awaitCaughtUp(Admin admin) throws Exception {
        long end = sum(endOffsets(admin));
        while (committed(admin, "pulse") < end) {
            Thread.sleep(200);
        }
    }

    /**
     * How far behind the topology was when a live phase's load stopped, and how long it then took
     * to catch up: a lag every screen shares (an update can show a report only once it is processed).
     */
    private static void sayBacklog(Admin admin) throws Exception {
        long behind = sum(endOffsets(admin)) - committed(admin, "pulse");
        long from = System.nanoTime();
        awaitCaughtUp(admin);
        say("  when the load stopped the topology was %,d events behind; caught up %.1f s later", behind,
                (System.nanoTime() - from) / 1e9);
    }

    private static void awaitConnected(MarkerWatch watch, int screens) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (watch.connected.get() + watch.ended.get() < screens && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static String login() {
        HttpResponse<String> answer = post("/login", "{\"username\":\"admin\",\"password\":\""
                + Processes.ADMIN_PASSWORD + "\"}");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("login answered " + answer.statusCode() + ": " + answer.body());
        }
        String body = answer.body();
        int start = body.indexOf("\"access_token\":\"") + "\"access_token\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    /**
     * Lists as a unit, a work area and the county office ask for them, each read alone, one request
     * at a time, once the topology has caught up: a filtered list should cost what it lists, not
     * what the province holds.
     */
    private void filteredLists(int inServer) {
        String unit = java.net.URLEncoder.encode(Province.unit(7), StandardCharsets.UTF_8);
        String[][] lists = {{"a unit's projects", "/api/projects?unit=" + unit},
                {"a unit's red projects", "/api/projects?unit=" + unit + "&light=RED"},
                {"a work area's first page", "/api/projects?area=URBAN&limit=50"},
                {"the warnings' first page", "/api/warnings?limit=50"},
                {"every project's first page (no filter)", "/api/projects?limit=50"},
                {"a project's history", "/api/projects/" + Province.id(7) + "/history"}};
        List<String> lines = new ArrayList<>();
        for (String[] list : lists) {
            Histogram micros = new Histogram(3);
            String total = "?";
            for (int i = 0; i < 30; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = get(list[1]);
                if (i >= 10) {   // the first ones warm the path
                    micros.recordValue((System.nanoTime() - start) / 1000);
                }
                total = answer.statusCode() == 200 ? answer.headers().firstValue("X-Total-Count").orElse("?")
                        : "status " + answer.statusCode();
            }
            lines.add(String.format("%s %s (%s listed)", list[0], ms(micros, 50), total));
        }
        result("4c. Filtered lists, p50 of 20 reads alone", "%,d projects (every province's the server holds): %s", inServer,
                String.join("; ", lines));
    }

    private void awaitHealthy() throws InterruptedException {
        while (get("/health").statusCode() != 200) {
            Thread.sleep(200);
        }
    }

    private static HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    private static HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private static HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new FailedResponse(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FailedResponse(request, e);
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String ms(Histogram histogram, double percentile) {
        return ms(histogram.getTotalCount() == 0 ? -1 : histogram.getValueAtPercentile(percentile));
    }

    private static String ms(long micros) {
        return micros < 0 ? "n/a" : String.format("%.1f ms", micros / 1000.0);
    }

    private void result(String name, String format, Object... values) {
        String text = String.format(format, values);
        figures.put(name, text);
        say("%s: %s", name, text);
    }

    private static void say(String format, Object... values) {
        System.out.printf("[bench %s] %s%n", java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")), String.format(format, values));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
