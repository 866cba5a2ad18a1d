package pulse.system;

import java.util.List;

/**
 * The JVM options of every broker and server these suites start. Four or five JVMs share two cores
 * here, and each would spend most of its start compiling hot code for a peak speed these tests never
 * reach (a few hundred reports a minute): the quick compiler alone, and one garbage-collector thread.
 * docs/testing.md gives what it saves. A server's container takes them as {@code JAVA_OPTS}, which
 * replaces the image's own options (modules/pulse-server/jvm.options) instead of conflicting with them.
 */
public final class QuickStart {

    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private QuickStart() {}

    /** The options as one variable's value ({@code JAVA_TOOL_OPTIONS}, {@code JAVA_OPTS}), after {@code first}. */
    static String joined(String first) {
        return (first + " " + String.join(" ", OPTIONS)).trim();
    }
}
