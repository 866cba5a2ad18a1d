package pulse.topology;

/**
 * What became of one record on {@code pulse.events}: it changed a project's summary in a plan year,
 * or it was refused and goes to the dead-letter topic as it came, with the reason in its headers.
 */
sealed interface Outcome {

    /**
     * @param projectYear the key on {@code pulse.projects}, {@code <year>/<projectId>}
     * @param summary the {@link ProjectSummary}, encoded; null when the project left that year's
     *     list (a tombstone)
     */
    record Changed(String projectYear, byte[] summary) implements Outcome {}

    record Refused(byte[] original) implements Outcome {}
}
