package dev.incidentconsole.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one run.
 *
 * @param command    the text that ran, after substitution and target wrapping
 * @param target     the target's name
 * @param status     how it ended
 * @param exitCode   the exit code, or {@code null} when the process left none (killed, connection lost)
 * @param started    when it started
 * @param ended      when it ended
 * @param tail       the last lines kept in memory, oldest first
 * @param lineCount  all lines printed, including those no longer in {@code tail}
 * @param outputFile the file holding every line
 * @param message    one sentence on why it ended abnormally; empty otherwise
 */
public record RunResult(String command, String target, RunStatus status, Integer exitCode, Instant started,
                        Instant ended, List<OutputLine> tail, long lineCount, Path outputFile, String message) {

    public RunResult {
        tail = List.copyOf(tail);
    }

    public Duration duration() {
        return Duration.between(started, ended);
    }

    public boolean succeeded() {
        return status == RunStatus.SUCCEEDED;
    }

    /** Lines of one stream still in the tail, as text. */
    public List<String> lines(OutputLine.Source source) {
        return tail.stream().filter(l -> l.source() == source).map(OutputLine::text).toList();
    }

    /** The standard output lines still in the tail. */
    public List<String> stdout() {
        return lines(OutputLine.Source.STDOUT);
    }

    /** The standard error lines still in the tail. */
    public List<String> stderr() {
        return lines(OutputLine.Source.STDERR);
    }

    /** A value taken from this run's standard output, to bind to a later step's placeholder. */
    public Optional<String> capture(Capture capture) {
        return capture.from(stdout());
    }
}
