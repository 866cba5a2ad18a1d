package pulse.server.query;

/** An answer and the instance that gave it ({@code host:port}, or {@code local} when running alone). */
public record Located<T>(T value, String instance) {}
