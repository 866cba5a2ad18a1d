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
import pulse.topology.JsonSerde;
import pulse.topology.SmileSerde;
import pulse.topology.ProjectEvaluator;
import pulse.topology.ProjectState;

/** The hot path, per event: decoding and validating it, and re-deriving the project's view with the rules. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HotPathBenchmarks {

    private final EventCodec codec = new EventCodec(EventReader.forReplay(Clock.systemUTC()));
    private final ProjectEvaluator evaluator = new ProjectEvaluator(RuleSettings.DEFAULTS);
    private final LocalDate today = LocalDate.parse("2022-06-30");
    /** What the store keeps the state as (Smile), and what pulse.projects carries (a view as JSON). */
    private final SmileSerde<ProjectState> stateSerde = new SmileSerde<>(ProjectState.class);
    private final JsonSerde<ProjectView> viewSerde = new JsonSerde<>(ProjectView.class);
    private byte[] report;
    private ProjectState state;
    private ProjectView view;
    private byte[] stateBytes;
    private byte[] viewJson;

    @Setup
    public void setUp() {
        report = Province.report(42, 5, 123456, "更正").getBytes(StandardCharsets.UTF_8);
        ProjectState built = ProjectState.empty(Province.id(42))
                .apply(codec.decode(Province.registration(42).getBytes(StandardCharsets.UTF_8)));
        for (int month = 1; month <= 5; month++) {
            built = built.apply(codec.decode(Province.report(42, month, 100_000, null).getBytes(StandardCharsets.UTF_8)));
        }
        state = built;
        view = evaluator.view(state, today.getYear(), today);
        stateBytes = stateSerde.serializer().serialize("projects", state);
        viewJson = viewSerde.serializer().serialize("pulse.projects", view);
    }

    @Benchmark
    public PulseEvent decodeAndValidateAReport() {
        return codec.decode(report);
    }

    @Benchmark
    public ProjectView evaluateAProjectWithTheRules() {
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

    /** Once per event that moves a view: the topology writes it to pulse.projects. */
    @Benchmark
    public byte[] writeAViewAsJson() {
        return viewSerde.serializer().serialize("pulse.projects", view);
    }

    /** Once per view on every instance: the push channel reads it for the totals and the screen. */
    @Benchmark
    public ProjectView readAViewFromJson() {
        return viewSerde.deserializer().deserialize("pulse.projects", viewJson);
    }
}
