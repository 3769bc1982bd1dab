package dev.incidentconsole.incident;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What each severity means for a team: a name and a response target. Immutable.
 *
 * @param levels one level for every {@link Severity}
 */
public record SeverityPolicy(Map<Severity, Level> levels) {

    /** @param name short word such as "critical"; @param target how fast to respond */
    public record Level(String name, ResponseTarget target) {
        public Level {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(target, "target");
        }

        /** E.g. "high, respond within 15 minutes". */
        public String describe() {
            return name + ", " + target.describe();
        }
    }

    public SeverityPolicy {
        EnumMap<Severity, Level> copy = new EnumMap<>(Severity.class);
        copy.putAll(levels);
        for (Severity s : Severity.values()) {
            if (!copy.containsKey(s)) {
                throw new IllegalArgumentException("The severity policy has no level for " + s + "; define all of P0-P3.");
            }
        }
        levels = Map.copyOf(copy);
    }

    /** P0 critical, respond immediately; P1 high, 15 minutes; P2 medium, 1 hour; P3 low, next business day. */
    public static SeverityPolicy defaults() {
        return new SeverityPolicy(Map.of(
                Severity.P0, new Level("critical", ResponseTarget.immediately()),
                Severity.P1, new Level("high", ResponseTarget.within(Duration.ofMinutes(15))),
                Severity.P2, new Level("medium", ResponseTarget.within(Duration.ofHours(1))),
                Severity.P3, new Level("low", ResponseTarget.businessDay())));
    }

    public Level level(Severity severity) {
        return levels.get(severity);
    }

    /** A copy with one level replaced. */
    public SeverityPolicy with(Severity severity, Level level) {
        EnumMap<Severity, Level> copy = new EnumMap<>(levels);
        copy.put(severity, level);
        return new SeverityPolicy(copy);
    }
}
