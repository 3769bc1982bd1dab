package dev.incidentconsole.runbook;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lines of a shell block that a program printed rather than ones an engineer types, for the lines that start
 * like a command would (a letter or {@code [}); {@link #startsCommand} also takes lines starting with a digit,
 * a bullet or a box drawing, and upper-case table headers, as output. The shapes:
 * <ul>
 *   <li>a log line: a bracketed tag glued to its text ({@code [INFO] ...}, {@code [Sync::Put] ...}; the test
 *   command {@code [ -f x ]} has a blank after its bracket), a klog header ({@code E0102 03:04:05.123 ...}), a
 *   level word ({@code ERROR ...}, {@code Warning  BackOff ...}, {@code error: ...}) or a syslog date
 *   ({@code Jan  7 07:12:33 host ...});</li>
 *   <li>a row of the table a command of the block printed: its first word is a plain name (no assignment,
 *   quote or redirection) and a cell on its own (two blanks or a tab after it), at least three cells, and that
 *   word is no program the block or a root prompt runs
 *   ({@code search-api-v2-65b7d9f8bc-6zttp   2/2   Running ...} after {@code kubectl get pods});</li>
 *   <li>a message written as prose: a capitalised word and a word ending in a colon before any shell operator
 *   ({@code Container runtime network not ready: ...}, {@code Ref: INC-2025-11-15 - ...});</li>
 *   <li>a setting a program printed: {@code name=value}, blanks, then a word starting with a digit
 *   ({@code notAfter=Aug  6 13:11:20 2025 GMT}; as shell it would run a program named {@code 6});</li>
 *   <li>the header of a client's result table, over its {@code ---+---} rule (psql).</li>
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
    private static final Pattern TABLE_HEADER_CELL = Pattern.compile(
            "[A-Z][A-Z0-9_()%/.:-]*+(?: [A-Z][A-Z0-9_()%/.:-]*+)*+");
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
        if (word.startsWith("./") || !PLAIN_WORD.matcher(word).matches() || programs.contains(word)
                || ShellPrompt.wellKnown(word)) {
            return false;
        }
        // A trailing "  # why" is a comment, not a cell; a cell starting with a flag is an argument list.
        String[] cells = CELL_GAP.split(beforeComment(trimmed), 3);
        return cells.length == 3 && !isFlag(cells[1]) && !isFlag(cells[2]);
    }

    /** The text before a {@code #} that starts a word (a shell comment), without its trailing blanks. */
    private static String beforeComment(String trimmed) {
        for (int k = 1; k < trimmed.length(); k++) {
            if (trimmed.charAt(k) == '#' && Character.isWhitespace(trimmed.charAt(k - 1))) {
                return trimmed.substring(0, k).stripTrailing();
            }
        }
        return trimmed;
    }

    private static boolean isFlag(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '-' && (cell.charAt(1) == '-' || Character.isLetter(cell.charAt(1)));
    }

    /**
     * Whether the stripped, non-empty {@code trimmed} line is prose: it starts with a capitalised word of letters
     * ({@code Container}, {@code Ref}; not {@code ETCDCTL_API=3} nor {@code SHOW}) and a word of it ends in a
     * colon and a blank before any character the shell treats as an operator or expansion. A program is seldom
     * capitalised and never takes a colon-ended word before its first pipe, so a command keeps its Run button.
     */
    static boolean message(String trimmed) {
        char c = trimmed.charAt(0);
        if (c < 'A' || c > 'Z') {
            return false;
        }
        int n = trimmed.length();
        int k = 1;
        while (k < n && trimmed.charAt(k) >= 'a' && trimmed.charAt(k) <= 'z') {
            k++;
        }
        if (k == 1 || k == n || trimmed.charAt(k) != ' ' && trimmed.charAt(k) != ':') {
            return false;
        }
        for (; k < n; k++) {
            char ch = trimmed.charAt(k);
            if (ch == ':' && (k + 1 == n || trimmed.charAt(k + 1) == ' ')) {
                return true;
            }
            if ("|;&<>$`=\\\"'(".indexOf(ch) >= 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether the stripped, non-empty {@code trimmed} line is a {@code name=value} setting a program printed
     * ({@code openssl x509 -enddate}'s {@code notAfter=Aug  6 13:11:20 2025 GMT}): after the value come blanks and
     * a word starting with a digit, which as shell would be the program to run. An assignment before a real
     * program ({@code ETCDCTL_API=3 etcdctl ...}) names a program that starts with a letter or a path; a value
     * with shell syntax in it (an array {@code a=( 1 2 )}, a quote, an expansion) is shell code.
     */
    static boolean printedSetting(String trimmed) {
        char c = trimmed.charAt(0);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
            return false;
        }
        int n = trimmed.length();
        int k = 1;
        while (k < n && isNameChar(trimmed.charAt(k))) {
            k++;
        }
        if (k == n || trimmed.charAt(k) != '=') {
            return false;
        }
        while (k < n && trimmed.charAt(k) != ' ' && trimmed.charAt(k) != '\t') {
            char ch = trimmed.charAt(k++);
            if ("\"'$\\`()<>|;&{}".indexOf(ch) >= 0) {
                return false;
            }
        }
        while (k < n && (trimmed.charAt(k) == ' ' || trimmed.charAt(k) == '\t')) {
            k++;
        }
        return k < n && trimmed.charAt(k) >= '0' && trimmed.charAt(k) <= '9';
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * Whether {@code header} (stripped) is the header of a result table a database client printed, {@code next}
     * being the line under it: cells parted by {@code |} over a rule of dashes crossed by {@code +}
     * ({@code pid | state} over {@code -----+-------}, as psql prints). Only a line under it starting with a
     * dash is looked at further.
     */
    static boolean resultHeader(String header, String next) {
        String rule = next.strip();
        if (rule.isEmpty() || rule.charAt(0) != '-' || header.indexOf('|') < 0) {
            return false;
        }
        boolean cross = false;
        for (int k = 0; k < rule.length(); k++) {
            char ch = rule.charAt(k);
            if (ch == '+') {
                cross = true;
            } else if (ch != '-') {
                return false;
            }
        }
        return cross;
    }

    /**
     * False for lines no command starts with, taken as output: table headers, box drawings, list
     * bullets, log lines ({@link #logLine}, or starting with a date or number), prose
     * ({@link #message}) and printed settings ({@link #printedSetting}).
     */
    static boolean startsCommand(String trimmed) {
        char c = trimmed.charAt(0);
        boolean plausible = c < 128 && (Character.isLetter(c) || "_./~$({[\"'\\!:<>".indexOf(c) >= 0);
        return plausible && !isTableHeader(trimmed) && !logLine(trimmed)
                && !message(trimmed) && !printedSetting(trimmed);
    }

    private static boolean isTableHeader(String trimmed) {
        // its first cell starts with a capital, as every cell does (a stripped line has no empty first cell)
        char first = trimmed.charAt(0);
        if (first < 'A' || first > 'Z' || !hasCellGap(trimmed)) {
            return false;
        }
        String[] cells = CELL_GAP.split(trimmed);
        if (cells.length < 2) {
            return false;
        }
        for (String cell : cells) {
            if (!TABLE_HEADER_CELL.matcher(cell).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #CELL_GAP} can match, checked without a regex since nearly every line is tested. */
    private static boolean hasCellGap(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\t' || (isRegexSpace(c) && k + 1 < s.length() && isRegexSpace(s.charAt(k + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The characters of regex {@code \s}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
