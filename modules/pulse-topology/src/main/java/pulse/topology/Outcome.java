package pulse.topology;

/**
 * What became of one record on {@code pulse.events}: it changed a project's view, or it was
 * refused and goes to the dead-letter topic as it came, with the reason in its headers.
 */
sealed interface Outcome {

    record Changed(ViewChange change) implements Outcome {}

    record Refused(byte[] original) implements Outcome {}
}
