package dev.incidentconsole.incident.export;

import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.SeverityPolicy;
import java.time.Clock;
import java.util.Objects;

/**
 * How exports are written.
 *
 * @param redactor  masks secrets again on the way out (the store masked them on the way in)
 * @param policy    what severities mean, for the header
 * @param headLines command output lines kept from the start in Markdown and HTML
 * @param tailLines command output lines kept from the end in Markdown and HTML
 * @param clock     the time written as "exported at" and used for open incidents' durations
 */
public record ExportOptions(Redactor redactor, SeverityPolicy policy, int headLines, int tailLines, Clock clock) {
    public ExportOptions {
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        if (headLines < 0 || tailLines < 0) {
            throw new IllegalArgumentException("Output line limits cannot be negative.");
        }
    }

    /** Standard redaction, default severities, 20 + 20 output lines. */
    public static ExportOptions defaults() {
        return new ExportOptions(Redactor.standard(), SeverityPolicy.defaults(), 20, 20, Clock.systemUTC());
    }

    public ExportOptions withRedactor(Redactor r) {
        return new ExportOptions(r, policy, headLines, tailLines, clock);
    }

    public ExportOptions withLines(int head, int tail) {
        return new ExportOptions(redactor, policy, head, tail, clock);
    }

    public ExportOptions withClock(Clock c) {
        return new ExportOptions(redactor, policy, headLines, tailLines, c);
    }
}
