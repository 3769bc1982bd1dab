package dev.incidentconsole.incident.export;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Shortens command output for reading. {@link #trim} keeps the first and last lines; {@link #excerpt} keeps
 * the lines that read as errors and the last lines, which is what a timeline entry needs: a failed command
 * often prints its real error early and pages of noise after it, or noise first and the error last.
 */
public final class OutputTrim {
    /** Words that mark a line as an error in the output of common tools (kubectl, psql, curl, systemd, Python). */
    private static final Pattern ERROR = Pattern.compile("(?i)\\b(error|errors|fatal|failed|failure|denied|refused"
            + "|forbidden|unauthorized|not found|no such|exception|traceback|panic|cannot|can't|unable|timed out"
            + "|timeout|unreachable|killed|segmentation fault)\\b|^E\\d{4} ");

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
        sb.append(omitted(omitted));
        lines.subList(lines.size() - tail, lines.size()).forEach(l -> sb.append('\n').append(l));
        return sb.toString();
    }

    /** Whether a line reads as an error ("ERROR", "connection refused", "NotFound", a klog {@code E1206} line...). */
    public static boolean looksLikeError(String line) {
        return ERROR.matcher(line).find() || line.contains("NotFound") || line.contains("Error from server");
    }

    /** {@link #excerpt(List, IntPredicate, int, int)} of text, flagging the lines that {@link #looksLikeError}. */
    public static String excerpt(String output, int maxErrors, int tail) {
        if (output == null || output.isEmpty()) {
            return "";
        }
        List<String> lines = output.lines().toList();
        return excerpt(lines, k -> looksLikeError(lines.get(k)), maxErrors, tail);
    }

    /**
     * The last {@code tail} lines, and before them up to {@code maxErrors} of the flagged lines (the last ones
     * when there are more), in their order, with {@code … N lines omitted …} where lines are left out;
     * unchanged when it is short enough.
     *
     * @param flagged whether line {@code k} (0-based) is an error: stderr, or what {@link #looksLikeError} finds
     */
    public static String excerpt(List<String> lines, IntPredicate flagged, int maxErrors, int tail) {
        int tailStart = Math.max(0, lines.size() - tail);
        List<Integer> errors = new ArrayList<>();
        for (int k = 0; k < tailStart; k++) {
            if (flagged.test(k)) {
                errors.add(k);
            }
        }
        List<Integer> kept = new ArrayList<>(errors.subList(Math.max(0, errors.size() - maxErrors), errors.size()));
        for (int k = tailStart; k < lines.size(); k++) {
            kept.add(k);
        }
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (int k : kept) {
            if (k > next) {
                sb.append(omitted(k - next)).append('\n');
            }
            sb.append(lines.get(k)).append('\n');
            next = k + 1;
        }
        return sb.isEmpty() ? "" : sb.substring(0, sb.length() - 1);
    }

    private static String omitted(int n) {
        return "… " + n + (n == 1 ? " line" : " lines") + " omitted …";
    }
}
