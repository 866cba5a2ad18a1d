package pulse.topology;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import pulse.model.Level;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.WorkArea;

/**
 * {@link ProjectSummary} as a few hundred bytes of Pulse's own binary form ({@link BinaryOut}): a
 * format byte, then the fields in order, the reasons as catalogue texts. Jackson's bean machinery
 * was a quarter of the stream thread's work and a third of the push reader's when
 * {@code pulse.projects} carried whole views as JSON. Records of the earlier forms are still read:
 * format 1 held the reasons written out in Chinese and in English; a record that starts with '{' is
 * a whole view as JSON, read as its summary. Null passes through for tombstones.
 */
public final class ProjectSummarySerde extends BinarySerde<ProjectSummary> {

    private static final byte WRITTEN_OUT = 1;
    private static final Deserializer<ProjectView> EARLIER = new JsonSerde<>(ProjectView.class).deserializer();

    public ProjectSummarySerde() {
        super((byte) 2, "a project summary");
    }

    @Override
    void write(ProjectSummary summary, BinaryOut out) {
        out.string(summary.projectId()).integer(summary.year()).string(summary.name()).string(summary.unitId())
                .string(summary.township()).name(summary.area()).name(summary.level()).name(summary.status())
                .name(summary.light()).decimal(summary.deviationPoints()).decimal(summary.completedThisYear())
                .list(summary.reasons(), out::text);
        summary.tally().writeTo(out);
    }

    @Override
    ProjectSummary read(BinaryIn in) {
        return new ProjectSummary(in.string(), in.integer(), in.string(), in.string(), in.string(),
                in.name(WorkArea.class), in.name(Level.class), in.name(ProjectStatus.class), in.name(Light.class),
                in.decimal(), in.decimal(), in.list(in::text), Tally.readFrom(in));
    }

    @Override
    ProjectSummary earlier(String topic, byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return ProjectSummary.of(EARLIER.deserialize(topic, bytes));
        }
        if (bytes.length > 0 && bytes[0] == WRITTEN_OUT) {
            BinaryIn in = new BinaryIn(bytes);
            in.format();
            return new ProjectSummary(in.string(), in.integer(), in.string(), in.string(), in.string(),
                    in.name(WorkArea.class), in.name(Level.class), in.name(ProjectStatus.class), in.name(Light.class),
                    in.decimal(), in.decimal(), ProjectSummary.asWritten(in.list(in::string), in.list(in::string)),
                    Tally.readFrom(in));
        }
        throw new SerializationException("A project summary on " + topic + " is of format "
                + (bytes.length == 0 ? "(empty)" : bytes[0]) + "; this version reads format " + format());
    }
}
