package pulse.system;

import java.util.List;

/**
 * The JVM options of every broker and server these suites start. Four or five JVMs share two cores
 * here, and each would spend most of its start compiling hot code for a peak speed these tests never
 * reach (a few hundred reports a minute): the quick compiler alone, and one garbage-collector thread.
 * docs/testing.md gives what it saves.
 */
public final class QuickStart {

    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private QuickStart() {}

    /** The options as one {@code JAVA_TOOL_OPTIONS} value, after {@code first}. */
    static String toolOptions(String first) {
        return (first + " " + String.join(" ", OPTIONS)).trim();
    }
}
