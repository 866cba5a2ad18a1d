package pulse.server.push;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of the screen's ticker: a unit reported a month's investment for a project. */
public record Report(String projectId, String name, String unitId, String period, BigDecimal amount, String reason,
        Instant reportedAt) {}
