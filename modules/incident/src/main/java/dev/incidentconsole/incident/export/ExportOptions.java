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
 * @param errorLines command output lines that read as errors kept before the last lines in Markdown and HTML
 * @param tailLines  command output lines kept from the end in Markdown and HTML (both by {@link OutputTrim#excerpt},
 *                   the rule the window's timeline uses too)
 * @param clock     the time written as "exported at" and used for open incidents' durations
 * @param workspace the runbook folder that runbook files are named relative to, or {@code null} when unknown
 */
public record ExportOptions(Redactor redactor, SeverityPolicy policy, int errorLines, int tailLines, Clock clock,
                            Path workspace) {
    public ExportOptions {
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        if (errorLines < 0 || tailLines < 0) {
            throw new IllegalArgumentException("Output line limits cannot be negative.");
        }
    }

    /** Standard redaction, default severities, up to 10 error lines and the last 30 lines of output. */
    public static ExportOptions defaults() {
        return new ExportOptions(Redactor.standard(), SeverityPolicy.defaults(), 10, 30, Clock.systemUTC(), null);
    }

    public ExportOptions withRedactor(Redactor r) {
        return new ExportOptions(r, policy, errorLines, tailLines, clock, workspace);
    }

    public ExportOptions withLines(int errors, int tail) {
        return new ExportOptions(redactor, policy, errors, tail, clock, workspace);
    }

    public ExportOptions withClock(Clock c) {
        return new ExportOptions(redactor, policy, errorLines, tailLines, c, workspace);
    }

    public ExportOptions withWorkspace(Path folder) {
        return new ExportOptions(redactor, policy, errorLines, tailLines, clock, folder);
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
