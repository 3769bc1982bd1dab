package dev.incidentconsole.runbook;

/**
 * Something the parser could not read as intended; the runbook still opens.
 *
 * @param line 1-based line in the source file, or 0 when the warning concerns the whole file
 */
public record ParseWarning(int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
