package pulse.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import pulse.model.EventCodec;
import pulse.model.EventReader;
import pulse.model.ProjectView;
import pulse.model.PulseEvent;
import pulse.rules.RuleSettings;
import pulse.topology.ProjectEvaluator;
import pulse.topology.ProjectState;
import pulse.topology.ProjectStateSerde;
import pulse.topology.ProjectSummary;
import pulse.topology.ProjectSummarySerde;

/** The hot path, per event: decoding and validating it, and re-deriving the project's view with the rules. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HotPathBenchmarks {

    private final EventCodec codec = new EventCodec(EventReader.forReplay(Clock.systemUTC()));
    private final ProjectEvaluator evaluator = new ProjectEvaluator(RuleSettings.DEFAULTS);
    private final LocalDate today = LocalDate.parse("2022-06-30");
    /** What the store keeps the state as, and what pulse.projects carries (a summary of the view). */
    private final ProjectStateSerde stateSerde = new ProjectStateSerde();
    private final ProjectSummarySerde summarySerde = new ProjectSummarySerde();
    private byte[] report;
    private ProjectState state;
    private byte[] stateBytes;
    private byte[] summaryBytes;

    @Setup
    public void setUp() {
        report = Province.report(42, 5, 123456, "更正").getBytes(StandardCharsets.UTF_8);
        ProjectState built = ProjectState.empty(Province.id(42))
                .apply(codec.decode(Province.registration(42).getBytes(StandardCharsets.UTF_8)));
        for (int month = 1; month <= 5; month++) {
            built = built.apply(codec.decode(Province.report(42, month, 100_000, null).getBytes(StandardCharsets.UTF_8)));
        }
        state = built;
        stateBytes = stateSerde.serializer().serialize("projects", state);
        summaryBytes = summarySerde.serializer().serialize("pulse.projects", evaluator.summary(state, today.getYear(), today));
    }

    @Benchmark
    public PulseEvent decodeAndValidateAReport() {
        return codec.decode(report);
    }

    /** A read of one project: its whole view, with its reasons written out. */
    @Benchmark
    public ProjectView deriveAProjectsViewForARead() {
        return evaluator.view(state, today.getYear(), today);
    }

    @Benchmark
    public ProjectState foldAReportIntoTheProjectState() {
        return state.apply(codec.decode(report));
    }

    /** The project's state as the store keeps it: read once and written once per event. */
    @Benchmark
    public byte[] writeAProjectStateForTheStore() {
        return stateSerde.serializer().serialize("projects", state);
    }

    @Benchmark
    public ProjectState readAProjectStateFromTheStore() {
        return stateSerde.deserializer().deserialize("projects", stateBytes);
    }

    /** Once per event and plan year: the topology evaluates the project with the rules, summarises and fingerprints it, and sends it if it moved. */
    @Benchmark
    public byte[] evaluateAndSummariseAProjectForPulseProjects() {
        return summarySerde.serializer().serialize("pulse.projects", evaluator.summary(state, today.getYear(), today));
    }

    /** Once per summary sent, on every instance: the push channel reads it for the totals and the screen. */
    @Benchmark
    public ProjectSummary readASummaryFromPulseProjects() {
        return summarySerde.deserializer().deserialize("pulse.projects", summaryBytes);
    }
}
