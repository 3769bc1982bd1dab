package dev.incidentconsole.runbook;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns Markdown runbooks into {@link Runbook}s. Thread-safe; one instance can be shared.
 */
public final class RunbookParser {

    /**
     * Reads and parses a file.
     *
     * @throws IOException when the file cannot be read; content problems never throw
     */
    public Runbook parse(Path file) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Parses runbook text. Never throws: malformed, binary or empty input gives a model with warnings.
     *
     * @param file the file name to record (need not exist)
     */
    public Runbook parse(Path file, String text) {
        throw new UnsupportedOperationException("not yet");
    }
}
