package pulse.model;

/** A project's warning light; the order is from best to worst. */
public enum Light {
    GREEN, YELLOW, RED;

    public Light worst(Light other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
