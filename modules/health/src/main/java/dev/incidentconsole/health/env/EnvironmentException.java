package dev.incidentconsole.health.env;

import java.nio.file.Path;

/**
 * An environment file problem, worded for the user: {@code production.yaml line 12: services[2].port:
 * "80a" is not a port number (1-65535)}. Never carries a secret value.
 */
public final class EnvironmentException extends Exception {
    private final transient Path file;
    private final int line;
    private final String field;
    private final String problem;

    /**
     * @param line  1-based line, or 0 when the problem concerns the whole file
     * @param field path of the field such as {@code services[2].port}, or empty
     */
    public EnvironmentException(Path file, int line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field == null ? "" : field;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    /** The problem alone, without file, line and field. */
    public String problem() {
        return problem;
    }

    private static String format(Path file, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null || file.getFileName() == null ? "environment" : file.getFileName().toString());
        if (line > 0) {
            sb.append(" line ").append(line);
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(problem).toString();
    }
}
