package dev.incidentconsole.incident.export;

import java.util.List;

/** Shortens command output for reading: the first and last lines, with a marker saying how many were left out. */
public final class OutputTrim {
    private OutputTrim() {
    }

    /**
     * {@code output} with at most {@code head + tail} lines and a line {@code … N lines omitted …} between
     * them; unchanged when it is short enough. A trailing newline is not counted as a line.
     */
    public static String trim(String output, int head, int tail) {
        if (output == null || output.isEmpty()) {
            return "";
        }
        List<String> lines = output.lines().toList();
        int omitted = lines.size() - head - tail;
        if (omitted <= 0) {
            return String.join("\n", lines);
        }
        StringBuilder sb = new StringBuilder();
        lines.subList(0, head).forEach(l -> sb.append(l).append('\n'));
        sb.append("… ").append(omitted).append(omitted == 1 ? " line" : " lines").append(" omitted …");
        lines.subList(lines.size() - tail, lines.size()).forEach(l -> sb.append('\n').append(l));
        return sb.toString();
    }
}
