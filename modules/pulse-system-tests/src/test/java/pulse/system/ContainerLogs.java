package pulse.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.testcontainers.containers.output.OutputFrame;

/**
 * A container's output appended to {@code target/container-logs/<name>.log}, so that a failed or
 * slow run can be read afterwards; a name started twice (a restart) appends to the same file.
 */
public final class ContainerLogs {

    private static final Path FOLDER = Path.of("target", "container-logs");

    private ContainerLogs() {
    }

    public static Consumer<OutputFrame> toFile(String name) {
        Writer writer;
        try {
            Files.createDirectories(FOLDER);
            writer = Files.newBufferedWriter(FOLDER.resolve(name + ".log"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frame -> {
            try {
                if (frame.getType() == OutputFrame.OutputType.END) {
                    writer.close();
                } else {
                    writer.write(frame.getUtf8String());
                    writer.flush();
                }
            } catch (IOException e) {
                // the container's log is a help for reading a run, never a reason to fail it
            }
        };
    }
}
