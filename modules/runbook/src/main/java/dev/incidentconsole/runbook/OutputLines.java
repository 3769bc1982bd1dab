package dev.incidentconsole.runbook;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lines of a shell block that a program printed rather than ones an engineer types, for the lines that start
 * like a command would (a letter or {@code [}); {@link ShellSplitter} already takes lines starting with a digit,
 * a bullet or a box drawing as output. Two shapes:
 * <ul>
 *   <li>a log line: a bracketed tag glued to its text ({@code [INFO] ...}, {@code [Sync::Put] ...}; the test
 *   command {@code [ -f x ]} has a blank after its bracket), a klog header ({@code E0102 03:04:05.123 ...}), a
 *   level word ({@code ERROR ...}, {@code Warning  BackOff ...}, {@code error: ...}) or a syslog date
 *   ({@code Jan  7 07:12:33 host ...});</li>
 *   <li>a row of the table a command of the block printed: its first word is a plain name (no assignment,
 *   quote or redirection) and a cell on its own (two blanks or a tab after it), at least three cells, and that
 *   word is no program the block or a root prompt runs
 *   ({@code search-api-v2-65b7d9f8bc-6zttp   2/2   Running ...} after {@code kubectl get pods}).</li>
 * </ul>
 * Stateless; each test reads one line once.
 */
final class OutputLines {

    private static final Pattern KLOG = Pattern.compile("[IWEF]\\d{4}(?:\\d\\d)? \\d\\d:\\d\\d:\\d\\d.*");
    /** Upper-case and title-case levels end at a blank, colon or bracket; {@code Normal} is kubectl's event type. */
    private static final Pattern LEVEL = Pattern.compile(
            "(?:(?:ERROR|WARN(?:ING)?|INFO|DEBUG|FATAL|TRACE|CRITICAL|PANIC|NOTICE|Error|Warn(?:ing)?|Fatal|Critical"
                    + "|Panic|Notice|Normal)[\\s:\\]]"
                    // lower case only with its colon: "info" is also a program
                    + "|(?:error|warning|fatal|panic):\\s).*");
    private static final Pattern SYSLOG = Pattern.compile(
            "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\\d{1,2} \\d\\d:\\d\\d.*");
    private static final Pattern CELL_GAP = Pattern.compile("\\s{2,}|\\t");
    /** A table's first cell is a plain name; an assignment, quote, group or redirection starts shell code. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\w.:/@+%,-]+");

    private OutputLines() {
    }

    /** Whether the stripped, non-empty {@code trimmed} line has the shape of a log line. */
    static boolean logLine(String trimmed) {
        char c = trimmed.charAt(0);
        if (c == '[') {
            return trimmed.length() > 1 && !Character.isWhitespace(trimmed.charAt(1)) && trimmed.charAt(1) != '['
                    && trimmed.indexOf(']') > 1;
        }
        if (c >= 'A' && c <= 'Z') {
            return KLOG.matcher(trimmed).matches() || LEVEL.matcher(trimmed).matches()
                    || SYSLOG.matcher(trimmed).matches();
        }
        return (c == 'e' || c == 'w' || c == 'f' || c == 'p') && LEVEL.matcher(trimmed).matches();
    }

    /**
     * Whether the stripped {@code trimmed} line is a row of a printed table: its first word stands alone as a
     * cell, it has three cells or more, and that word is none of {@code programs} nor a well-known command.
     *
     * @param programs the first words of the commands read so far in the block
     */
    static boolean tableRow(String trimmed, Set<String> programs) {
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
            end++;
        }
        boolean ownCell = end + 1 < trimmed.length()
                && (trimmed.charAt(end) == '\t' || Character.isWhitespace(trimmed.charAt(end + 1)));
        if (!ownCell) {
            return false;
        }
        String word = trimmed.substring(0, end);
        return PLAIN_WORD.matcher(word).matches() && CELL_GAP.split(trimmed, 3).length == 3
                && !programs.contains(word) && !ShellPrompt.wellKnown(word);
    }
}
