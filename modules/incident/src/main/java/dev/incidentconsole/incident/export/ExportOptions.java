package dev.incidentconsole.incident.export;

import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.SeverityPolicy;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
 * @param workspace the runbook folder that runbook files are named relative to, or {@code null} when unknown
 */
public record ExportOptions(Redactor redactor, SeverityPolicy policy, int headLines, int tailLines, Clock clock,
                            Path workspace) {
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
        return new ExportOptions(Redactor.standard(), SeverityPolicy.defaults(), 20, 20, Clock.systemUTC(), null);
    }

    public ExportOptions withRedactor(Redactor r) {
        return new ExportOptions(r, policy, headLines, tailLines, clock, workspace);
    }

    public ExportOptions withLines(int head, int tail) {
        return new ExportOptions(redactor, policy, head, tail, clock, workspace);
    }

    public ExportOptions withClock(Clock c) {
        return new ExportOptions(redactor, policy, headLines, tailLines, c, workspace);
    }

    public ExportOptions withWorkspace(Path folder) {
        return new ExportOptions(redactor, policy, headLines, tailLines, clock, folder);
    }

    /**
     * A runbook file as exports name it, for readers who do not share the author's disk: an absolute path inside
     * {@link #workspace()} relative to it ({@code db/postgres.md}), any other absolute path by its file name, a
     * relative one as stored.
     */
    public String runbookFile(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            return file;
        }
        if (!path.isAbsolute()) {
            return file;
        }
        Path normal = path.normalize();
        if (workspace != null) {
            Path root = workspace.toAbsolutePath().normalize();
            if (normal.startsWith(root) && !normal.equals(root)) {
                return root.relativize(normal).toString().replace('\\', '/');
            }
        }
        Path name = normal.getFileName();
        return name == null ? file : name.toString();
    }
}
