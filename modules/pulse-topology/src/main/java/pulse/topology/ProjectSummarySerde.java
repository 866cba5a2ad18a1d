package pulse.topology;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import pulse.model.Level;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.WorkArea;

/**
 * {@link ProjectSummary} as a few hundred bytes of Pulse's own binary form ({@link BinaryOut}): a
 * format byte, then the fields in order. Jackson's bean machinery was a quarter of the stream
 * thread's work and a third of the push reader's when {@code pulse.projects} carried whole views as
 * JSON. A record of that earlier form (it starts with '{') is still read, as the summary of its
 * view. Null passes through for tombstones.
 */
public final class ProjectSummarySerde implements Serde<ProjectSummary> {

    private static final byte FORMAT = 1;
    private static final Deserializer<ProjectView> EARLIER = new JsonSerde<>(ProjectView.class).deserializer();

    @Override
    public Serializer<ProjectSummary> serializer() {
        return (topic, summary) -> summary == null ? null : encode(summary);
    }

    @Override
    public Deserializer<ProjectSummary> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return ProjectSummary.of(EARLIER.deserialize(topic, bytes));
            }
            try {
                return decode(new BinaryIn(bytes), topic);
            } catch (RuntimeException e) {
                throw e instanceof SerializationException known ? known
                        : new SerializationException("Cannot read a project summary from " + topic, e);
            }
        };
    }

    static byte[] encode(ProjectSummary summary) {
        BinaryOut out = new BinaryOut(FORMAT).string(summary.projectId()).integer(summary.year())
                .string(summary.name()).string(summary.unitId()).string(summary.township()).name(summary.area())
                .name(summary.level()).name(summary.status()).name(summary.light())
                .decimal(summary.deviationPoints()).decimal(summary.completedThisYear());
        out.list(summary.reasons(), out::string).list(summary.reasonsEn(), out::string);
        summary.tally().writeTo(out);
        return out.toByteArray();
    }

    private static ProjectSummary decode(BinaryIn in, String topic) {
        byte format = in.format();
        if (format != FORMAT) {
            throw new SerializationException("A project summary on " + topic + " is of format " + format
                    + "; this version reads format " + FORMAT);
        }
        return new ProjectSummary(in.string(), in.integer(), in.string(), in.string(), in.string(),
                in.name(WorkArea.class), in.name(Level.class), in.name(ProjectStatus.class), in.name(Light.class),
                in.decimal(), in.decimal(), in.list(in::string), in.list(in::string), Tally.readFrom(in));
    }
}
