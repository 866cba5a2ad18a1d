package pulse.bench;

import java.util.Collection;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH microbenchmarks (one fork, short iterations: a wide error on 2 cores) and returns a
 * table, with the bytes each operation allocates (JMH's GC profiler): exact where the rate is not.
 */
final class Micro {

    private Micro() {}

    static String run() throws Exception {
        Options options = new OptionsBuilder()
                .include(HotPathBenchmarks.class.getSimpleName())
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(2))
                .measurementIterations(3).measurementTime(TimeValue.seconds(2))
                .addProfiler(GCProfiler.class)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        StringBuilder table = new StringBuilder("| benchmark | ops/s | ± (99.9%) | bytes allocated per op |\n|---|---:|---:|---:|\n");
        for (RunResult result : results) {
            var primary = result.getPrimaryResult();
            String name = result.getParams().getBenchmark();
            double allocated = result.getSecondaryResults().entrySet().stream()
                    .filter(secondary -> secondary.getKey().endsWith("gc.alloc.rate.norm"))
                    .mapToDouble(secondary -> secondary.getValue().getScore()).findFirst().orElse(Double.NaN);
            table.append(String.format("| `%s` | %,.0f | %,.0f | %,.0f |%n", name.substring(name.lastIndexOf('.') + 1),
                    primary.getScore(), primary.getScoreError(), allocated));
        }
        return table.toString();
    }
}
