package dev.incidentconsole.incident.export;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for shortening a run's output, used wherever a timeline entry's output is shown (the window's
 * timeline, the CLI, the Markdown and HTML exports) and when a step's output is recorded: the lines that read as
 * errors and the last lines, which is what a reader of a timeline needs (a failed command often prints its real
 * error early and pages of noise after it, or noise first and the error last), with a line
 * {@code … N lines omitted …} where lines are left out.
 *
 * <p>An excerpt may be shortened again (the recorder stores 40 lines, the window shows 8): a marker line already in
 * the text is never shown as a line of output, and the lines it stands for are added to the marker that replaces
 * it, so every reader counts the lines omitted from the run itself. A line the run printed that reads like a marker
 * is output: the excerpt of the run writes it with a zero-width space in front, which no marker has.
 */
public final class OutputTrim {
    /** Words that mark a line as an error in the output of common tools (kubectl, psql, curl, systemd, Python). */
    private static final Pattern ERROR = Pattern.compile("(?i)\\b(error|errors|fatal|failed|failure|denied|refused"
            + "|forbidden|unauthorized|not found|no such|exception|traceback|panic|cannot|can't|unable|timed out"
            + "|timeout|unreachable|killed|segmentation fault)\\b|^E\\d{4} ");
    private static final Pattern MARKER = Pattern.compile("… ([0-9][0-9,]*) lines? omitted …");
    /** Zero-width space: written before an output line that reads as a marker, so it is never taken for one. */
    private static final String OUTPUT_LEAD = "\u200B";

    private OutputTrim() {
    }

    /** Whether a line reads as an error ("ERROR", "connection refused", "NotFound", a klog {@code E1206} line...). */
    public static boolean looksLikeError(String line) {
        return ERROR.matcher(line).find() || line.contains("NotFound") || line.contains("Error from server");
    }

    /** The marker line that stands for {@code n} lines left out: {@code … 9970 lines omitted …}. */
    public static String omitted(long n) {
        return "… " + n + (n == 1 ? " line" : " lines") + " omitted …";
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
     * unchanged when it is short enough. {@code lines} is an excerpt this class wrote (shortened again): its marker
     * lines are not output lines, they are never kept, and N counts the lines each stands for.
     *
     * @param flagged whether line {@code k} (0-based) is an error: stderr, or what {@link #looksLikeError} finds
     */
    public static String excerpt(List<String> lines, IntPredicate flagged, int maxErrors, int tail) {
        return excerpt(lines, k -> hidden(lines.get(k)), flagged, maxErrors, tail);
    }

    /**
     * Like {@link #excerpt(List, IntPredicate, int, int)} of the lines a run printed, of which only the last are in
     * {@code lines}: every line is output, even one that reads like a marker (it is written so that a later
     * shortening does not take it for one), and {@code before} lines printed earlier count among the omitted.
     *
     * @param before lines the run printed before {@code lines}, 0 or more
     */
    public static String excerptOfRun(List<String> lines, long before, IntPredicate flagged, int maxErrors, int tail) {
        List<String> all = new ArrayList<>(lines.size() + 1);
        if (before > 0) {
            all.add(omitted(before));
        }
        all.addAll(lines);
        int shift = all.size() - lines.size();
        return excerpt(all, k -> k < shift ? before : -1, k -> k >= shift && flagged.test(k - shift), maxErrors, tail);
    }

    private static String excerpt(List<String> lines, IntToLongFunction hidden, IntPredicate flagged, int maxErrors,
                                  int tail) {
        int tailStart = lines.size();
        for (int left = tail; tailStart > 0 && left > 0; tailStart--) {
            if (hidden.applyAsLong(tailStart - 1) < 0) {
                left--;
            }
        }
        List<Integer> errors = new ArrayList<>();
        for (int k = 0; k < tailStart; k++) {
            if (hidden.applyAsLong(k) < 0 && flagged.test(k)) {
                errors.add(k);
            }
        }
        List<Integer> kept = new ArrayList<>(errors.subList(Math.max(0, errors.size() - maxErrors), errors.size()));
        for (int k = tailStart; k < lines.size(); k++) {
            if (hidden.applyAsLong(k) < 0) {
                kept.add(k);
            }
        }
        kept.add(lines.size());
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (int k : kept) {
            long left = 0;
            for (int j = next; j < k; j++) {
                long h = hidden.applyAsLong(j);
                left = saturatedSum(left, h < 0 ? 1 : h);
            }
            if (left > 0) {
                sb.append(omitted(left)).append('\n');
            }
            if (k < lines.size()) {
                String line = lines.get(k);
                // an output line that reads as a marker gets an invisible lead, so no later shortening counts it
                sb.append(hidden(line) >= 0 ? OUTPUT_LEAD + line : line).append('\n');
            }
            next = k + 1;
        }
        return sb.isEmpty() ? "" : sb.substring(0, sb.length() - 1);
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum; // both are counts (0 or more): only overflow makes it negative
    }

    /** How many lines a marker line stands for, or -1 for a line of output. */
    private static long hidden(String line) {
        if (line.isEmpty() || line.charAt(0) != '…') {
            return -1;
        }
        Matcher m = MARKER.matcher(line);
        if (!m.matches()) {
            return -1;
        }
        try {
            return Long.parseLong(m.group(1).replace(",", ""));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // digits beyond a long: the console wrote none, but it stands for very many
        }
    }
}
