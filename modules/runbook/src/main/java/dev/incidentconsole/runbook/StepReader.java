package dev.incidentconsole.runbook;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns code blocks into {@link Step}s; shell blocks are split into commands by {@link ShellSplitter}. */
final class StepReader {

    private static final Logger LOG = LoggerFactory.getLogger(StepReader.class);
    static final Set<String> SHELL_LANGUAGES = Set.of("", "bash", "sh", "shell", "console", "zsh");
    /** A language name is a word like {@code bash}, {@code c++} or {@code shell-session}; not {@code X=$(...)}. */
    private static final Pattern LANGUAGE = Pattern.compile("[\\p{L}\\p{N}_+#.-]+");

    /** Languages whose blocks are SQL sent to a database client. */
    private static final Set<String> SQL_LANGUAGES = Set.of("sql", "psql", "pgsql", "postgresql", "mysql", "plsql",
            "tsql");
    /** Words an SQL statement starts with, as written in upper case; none is a program's name. */
    private static final Set<String> SQL_KEYWORDS = Set.of("SELECT", "SHOW", "START", "STOP", "INSERT", "UPDATE",
            "DELETE", "CREATE", "DROP", "ALTER", "GRANT", "REVOKE", "SET", "BEGIN", "COMMIT", "ROLLBACK", "EXPLAIN",
            "TRUNCATE", "WITH", "VACUUM", "ANALYZE", "RESET", "CHANGE", "PURGE", "FLUSH", "KILL", "LOCK", "UNLOCK",
            "CALL", "REINDEX", "CLUSTER", "CHECKPOINT", "OPTIMIZE", "REPAIR", "DESCRIBE", "USE");
    /**
     * The statement words also read in lower case ({@code select * from pg_stat_activity;}): those that name no
     * common program or shell builtin used as such (none of them is one on Debian: {@code command -v}); {@code set},
     * {@code kill}, {@code reset} or {@code stop} in lower case are shell far more often.
     */
    private static final Set<String> LOWER_SQL_KEYWORDS = Set.of("select", "show", "insert", "update", "delete",
            "create", "drop", "alter", "grant", "revoke", "truncate", "explain", "vacuum", "analyze", "reindex",
            "begin", "commit", "rollback", "with");
    /** bash's {@code select NAME in WORDS; do ... done} menu, not an SQL {@code SELECT}. */
    private static final Pattern BASH_SELECT = Pattern.compile("select\\s+\\w+\\s+in\\b.*", Pattern.DOTALL);
    /** A word that is a command's flag ({@code truncate -s 0 f;}): SQL writes a minus before a number or space. */
    private static final Pattern FLAG = Pattern.compile("\\s-{1,2}[A-Za-z]");

    private static final Pattern DIAGRAM = Pattern.compile("[\\u2500-\\u259F\\u25B2-\\u25C4]");

    /**
     * Shell lines split into commands per file. A real runbook has a few hundred; past this the blocks are still
     * shown, as text, so a generated file of a hundred thousand commands cannot hold up the parse.
     */
    static final int MAX_SHELL_LINES = 10_000;

    /** What is left of a document's {@link #MAX_SHELL_LINES}; one per document. */
    static final class ShellBudget {
        private int left = MAX_SHELL_LINES;
        private boolean warned;

        /** The part of {@code text} still to be split: all of it, the lines within the budget, or nothing. */
        String take(String text, int line, List<ParseWarning> warnings) {
            int end = 0;
            int lines = 0;
            while (end >= 0 && lines < left) {
                int next = text.indexOf('\n', end);
                lines++;
                end = next < 0 ? -1 : next + 1;
            }
            left -= lines;
            if (end < 0) {
                return text;
            }
            if (!warned) {
                warned = true;
                warnings.add(new ParseWarning(line, "more than " + MAX_SHELL_LINES + " lines of shell in the file:"
                        + " reading commands was cut after " + lines + " lines of this block; the rest is shown"
                        + " as text only"));
            }
            return end == 0 ? "" : text.substring(0, end - 1);
        }
    }

    private StepReader() {
    }

    static Step fenced(FencedCodeBlock block, SourceLines source, List<ParseWarning> warnings, ShellBudget budget) {
        int line = Lines.start(block);
        String info = block.getInfo() == null ? "" : block.getInfo().strip();
        String text = trimFinalNewline(block.getLiteral());
        int firstContentLine = line + 1;
        String language = language(info);
        if (!info.isEmpty() && !LANGUAGE.matcher(language).matches()) {
            // Authors sometimes write the command on the fence line itself (```REDISCLI_AUTH=... redis-cli).
            warnings.add(new ParseWarning(line, "code fence info string looks like a command; it was read as the"
                    + " block's first line (put the language, or nothing, after the backticks)"));
            String written = asWritten(block, source, line, info);
            text = text.isEmpty() ? written : written + "\n" + text;
            firstContentLine = line;
            language = "";
        }
        if (block.getClosingFenceLength() == null) {
            warnings.add(new ParseWarning(line, "unterminated code fence at line " + line
                    + "; it runs to the end of its list item or of the file"));
        }
        return step(line, firstContentLine, language, text, warnings, budget);
    }

    /**
     * The info string of {@code block}'s fence as written on its source line: commonmark unescapes an info
     * string's backslash escapes ({@code cut -d\\" -f2} becomes {@code cut -d" -f2}, a quote that would swallow
     * the lines after it), which a command on the fence line must keep. {@code info} when the line is not found.
     */
    private static String asWritten(FencedCodeBlock block, SourceLines source, int line, String info) {
        if (line < 1 || line > source.count()) {
            return info;
        }
        String raw = source.line(line);
        String c = block.getFenceCharacter();
        Integer length = block.getOpeningFenceLength();
        if (c == null || c.isEmpty() || length == null) {
            return info;
        }
        String fence = c.repeat(length);
        int at = raw.indexOf(fence);
        if (at < 0) {
            return info;
        }
        int k = at + fence.length();
        while (k < raw.length() && raw.charAt(k) == c.charAt(0)) {
            k++;
        }
        String written = raw.substring(k).strip();
        return written.isEmpty() ? info : written;
    }

    static Step indented(IndentedCodeBlock block, List<ParseWarning> warnings, ShellBudget budget) {
        int line = Lines.start(block);
        return step(line, line, "", trimFinalNewline(block.getLiteral()), warnings, budget);
    }

    /** Lower-cased first word of an info string, with {@code {...}} attributes and a leading dot removed. */
    static String language(String info) {
        String t = info.strip();
        if (t.startsWith("{")) {
            int close = t.indexOf('}');
            t = close > 0 ? t.substring(1, close) : t.substring(1);
        }
        t = t.strip();
        int space = 0;
        while (space < t.length() && !Character.isWhitespace(t.charAt(space)) && t.charAt(space) != '{'
                && t.charAt(space) != ',') {
            space++;
        }
        t = t.substring(0, space);
        if (t.startsWith(".")) {
            t = t.substring(1);
        }
        return t.toLowerCase(Locale.ROOT);
    }

    private static Step step(int line, int firstContentLine, String language, String text,
                             List<ParseWarning> warnings, ShellBudget budget) {
        boolean shell = SHELL_LANGUAGES.contains(language) && !(language.isEmpty() && notShell(text));
        List<Command> commands = List.of();
        String split = shell && !text.isBlank() ? budget.take(text, line, warnings) : "";
        if (!split.isBlank()) {
            try {
                commands = ShellSplitter.split(split, firstContentLine, language);
            } catch (RuntimeException e) {
                LOG.warn("Could not split the shell block at line {}", line, e);
                warnings.add(new ParseWarning(line, "the commands of this code block could not be read ("
                        + e.getClass().getSimpleName() + "); it is shown as text only"));
            }
        }
        boolean sql = !shell && (SQL_LANGUAGES.contains(language) || language.isEmpty() && sqlStatements(text.strip()));
        return new Step(line, language, shell, text, commands,
                ClientStatements.find(language, sql, text, firstContentLine));
    }

    /**
     * Unlabelled blocks are taken as shell, except ones that plainly are not: box-drawing diagrams, JSON
     * objects, lines typed into an interactive client ({@code > flushall} after {@code redis-cli}) and SQL
     * statements ({@code SHOW SLAVE STATUS\G}), which would otherwise be offered to the engineer as commands to
     * run; they are shown as text, as a block labelled {@code sql} is.
     */
    static boolean notShell(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        if (t.startsWith("{") && t.endsWith("}")) {
            return true;
        }
        if (ShellPrompt.client(t) || ShellPrompt.address(t) >= 0 || sqlStatements(t)) {
            return true;
        }
        return DIAGRAM.matcher(t).find();
    }

    /**
     * Whether the stripped {@code t} reads as SQL statements: it ends a statement, with {@code ;} or a client's
     * {@code \G} / {@code \g}, and starts with a statement keyword: in upper case (the way SQL is written in
     * runbooks; no program is named so), or in lower case one of {@link #LOWER_SQL_KEYWORDS} with no command flag
     * on its first line ({@code truncate -s 0 app.log;}) and not bash's {@code select NAME in} menu. Leading
     * {@code --} comment lines are passed over.
     */
    private static boolean sqlStatements(String block) {
        String t = withoutLeadingSqlComments(block);
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(0);
        boolean upper = c >= 'A' && c <= 'Z';
        if (!upper && (c < 'a' || c > 'z') || !(t.endsWith(";") || t.endsWith("\\G") || t.endsWith("\\g"))) {
            return false;
        }
        char from = upper ? 'A' : 'a';
        char to = upper ? 'Z' : 'z';
        int k = 0;
        while (k < t.length() && t.charAt(k) >= from && t.charAt(k) <= to) {
            k++;
        }
        if (!(k == t.length() || t.charAt(k) == ' ' || t.charAt(k) == ';' || t.charAt(k) == '\n')) {
            return false;
        }
        String word = t.substring(0, k);
        if (upper) {
            return SQL_KEYWORDS.contains(word);
        }
        // a flag only counts on the statement's first line: further down, "--delete stale rows" is an SQL comment
        int lineEnd = t.indexOf('\n');
        String firstLine = lineEnd < 0 ? t : t.substring(0, lineEnd);
        return LOWER_SQL_KEYWORDS.contains(word) && !FLAG.matcher(firstLine).find()
                && !BASH_SELECT.matcher(t).matches();
    }

    /** The stripped {@code t} from its first line that is not an SQL {@code --} comment; empty when there is none. */
    private static String withoutLeadingSqlComments(String t) {
        int from = 0;
        while (t.startsWith("--", from)) {
            int nl = t.indexOf('\n', from);
            if (nl < 0) {
                return "";
            }
            from = nl + 1;
            while (from < t.length() && Character.isWhitespace(t.charAt(from))) {
                from++;
            }
        }
        return t.substring(from);
    }

    private static String trimFinalNewline(String literal) {
        if (literal == null) {
            return "";
        }
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }
}
