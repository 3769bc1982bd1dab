package dev.incidentconsole.runbook;

/**
 * A value the engineer must supply before a command can run.
 *
 * @param name         the bare name, e.g. {@code pod-name} for {@code <pod-name>}
 * @param token        the text as written in the command, e.g. {@code <pod-name>} or {@code ${NAMESPACE}}
 * @param start        offset of {@code token} in {@link Command#text()}
 * @param end          offset just after {@code token}
 * @param form         how the placeholder is written
 * @param defaultValue what the shell uses when the value is left empty, e.g. {@code prod} for
 *                     {@code ${NAMESPACE:-prod}} (such a placeholder is optional); {@code null} when there is none
 * @param setAtLine    1-based file line of an earlier command of the same code block that assigns this shell
 *                     variable ({@code POD=$(...)}); each command runs in a shell of its own, so the value does
 *                     not carry over and must still be filled in, typically from that command's output.
 *                     0 when no earlier command sets it
 */
public record Placeholder(String name, String token, int start, int end, Form form, String defaultValue,
                          int setAtLine) {

    /** How the placeholder is written. */
    public enum Form { ANGLE, BRACE, DOLLAR, DOLLAR_BRACE, CAPS }

    /** A placeholder without a default that no earlier command sets. */
    public Placeholder(String name, String token, int start, int end, Form form) {
        this(name, token, start, end, form, null, 0);
    }

    /** Whether the shell has a value to fall back on ({@code ${NAME:-default}}), so it may stay empty. */
    public boolean hasDefault() {
        return defaultValue != null;
    }

    /**
     * Whether a value must be given before the command runs: {@code <name>}, {@code {name}} and a capital name in
     * brackets ({@code [SERVICE_NAME]}, which left as written is a shell glob that matches a one-letter file or
     * nothing). {@code $NAME} and {@code ${NAME}} left empty are expanded by the shell, and a bare {@code CAPS} word
     * may be a literal one, so those may stay as written.
     */
    public boolean required() {
        return form == Form.ANGLE || form == Form.BRACE || form == Form.CAPS && token.startsWith("[");
    }

    /** This placeholder, noted as set by the command at {@code line} of the same block. */
    public Placeholder setAt(int line) {
        return new Placeholder(name, token, start, end, form, defaultValue, line);
    }
}
