package dev.incidentconsole.runbook;

/**
 * A value the engineer must supply before a command can run.
 *
 * @param name  the bare name, e.g. {@code pod-name} for {@code <pod-name>}
 * @param token the text as written in the command, e.g. {@code <pod-name>} or {@code ${NAMESPACE}}
 * @param start offset of {@code token} in {@link Command#text()}
 * @param end   offset just after {@code token}
 */
public record Placeholder(String name, String token, int start, int end, Form form) {
    /** How the placeholder is written. */
    public enum Form { ANGLE, BRACE, DOLLAR, DOLLAR_BRACE, CAPS }
}
