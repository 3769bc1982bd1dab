package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.CommandEnd;
import dev.incidentconsole.shell.Continuation;
import dev.incidentconsole.shell.FirstCommand;
import dev.incidentconsole.shell.ShellCommand;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the text of a shell code block into the commands an engineer would run.
 *
 * <p>Rules: one command per command line; backslash continuations, lines ending in {@code |},
 * {@code &&} or {@code ||}, multi-line quoted strings, heredocs and compound commands
 * ({@code for ... done}, {@code if ... fi}, {@code { ... }}) stay whole. {@code # comment} lines
 * become the description of the next command; a blank line resets it. A trailing comment is kept in
 * {@link Command#comment()}. A blank line ends a command unless it sits inside a quote or heredoc.
 *
 * <p>Console transcripts: when the first line that is neither blank nor a comment starts with a prompt
 * ({@code $ }, {@code user@host:~$ }, {@code [root@host ~]# }), only prompt lines (and their
 * continuations, with any {@code > } secondary prompt removed) are commands and the other lines are
 * output. In {@code console} blocks a bare {@code # } counts as a root prompt when it is followed by a
 * well-known command name ({@code # systemctl restart nginx}); otherwise it is a comment. Bash blocks
 * keep {@code #} as a comment: there a commented-out command is more common than a root prompt.
 *
 * <p>Output in shell blocks: lines after a {@code # Expected output:} comment, upper-case table
 * headers ({@code NAME  READY  STATUS}), lines no command starts with (box drawings, bullets, log
 * lines: {@link OutputLines#logLine}, prose, printed {@code name=value} settings), a client's result
 * header over its {@code ---+---} rule and, once the block has a command, rows of a printed table
 * ({@link OutputLines#tableRow}) are output up to the next blank line; a bare {@code ENV_NAME} line is skipped.
 * A line typed at a client's prompt ({@link ShellPrompt#typed}: redis-cli's {@code 127.0.0.1:6379> } in any block,
 * a bare {@code > } in a block with no language) and the client's answer after it ({@code OK}, {@code (integer) 1})
 * are output up to a blank line or a line starting a known program (one of the block's commands, or
 * {@link ShellPrompt#wellKnown}): {@code redis-cli -h cache-1 FLUSHALL} written after the session is a command.
 *
 * <p>Each command runs in a shell of its own, so a variable an earlier command of the block assigns
 * ({@code POD=$(...)}, {@code export NS=prod}) is still a placeholder of the commands after it, marked with
 * the line that sets it ({@link Placeholder#setAtLine()}). A {@code #!/bin/bash} block is no exception: its
 * commands are split and run one at a time too, so a value the script would have assigned is asked for.
 *
 * <p>Stateless and thread-safe; linear in the size of the block; never throws (should the split itself
 * fail, the commands found so far are returned and the problem is logged).
 */
public final class ShellSplitter {

    private static final Logger LOG = LoggerFactory.getLogger(ShellSplitter.class);
    private static final Pattern OUTPUT_INTRO = Pattern.compile(
            "(?i)(expected|sample|example)?\\s*(output|result|response)s?|expected|you should see.*"
                    + "|(it |this )?should (show|print|return|output|look like).*|returns?|prints?");
    private static final Pattern BARE_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern CONFIG_LINE = Pattern.compile("[A-Za-z_][\\w.-]*[ \t]+=[ \t]+\\S.*");
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+#.*$");

    private ShellSplitter() {
    }

    /**
     * Splits the text of a shell code block into commands.
     *
     * @param blockText the block content (LF, CRLF or CR line ends); null gives an empty list
     * @param firstLine 1-based file line of the block's first content line
     * @param language  "bash", "sh", "shell", "console", "zsh" or "" (null is taken as "")
     * @return the commands in order; never null
     */
    public static List<Command> split(String blockText, int firstLine, String language) {
        List<Command> out = new ArrayList<>();
        if (blockText == null || blockText.isBlank()) {
            return out;
        }
        String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        String[] lines = lines(blockText.indexOf('\r') < 0 ? blockText
                : blockText.replace("\r\n", "\n").replace('\r', '\n'));
        try {
            new Run(lines, firstLine, lang, out).run();
        } catch (RuntimeException e) {
            // A defect here must not cost the engineer the whole runbook: keep what was split so far.
            LOG.warn("Could not split the shell block at line {}: {}", firstLine, e.toString());
        }
        return out;
    }

    /** {@code text.split("\n", -1)}: every line, the empty ones after the last line break too. */
    private static String[] lines(String text) {
        int count = 1;
        for (int k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) {
            count++;
        }
        String[] out = new String[count];
        int from = 0;
        for (int k = 0; k < count - 1; k++) {
            int nl = text.indexOf('\n', from);
            out[k] = text.substring(from, nl);
            from = nl + 1;
        }
        out[count - 1] = text.substring(from);
        return out;
    }

    /** One pass over one block. */
    private static final class Run {
        private final String[] lines;
        private final int firstLine;
        private final String lang;
        private final List<Command> out;
        private final List<String> description = new ArrayList<>();
        /** Variable -> line of the first command of the block that assigns it. */
        private final Map<String, Integer> setAt = new HashMap<>();
        /** First words of the commands read so far: a table row starting with one is a command after all. */
        private final Set<String> programs = new HashSet<>();
        private boolean console;
        private boolean rootPrompt;
        private boolean output;
        /** After a line typed at a client's prompt: the client's answer, up to a line starting a known program. */
        private boolean answer;
        /** Offset of the last line of the command {@link #extent} just found, in the text it read. */
        private int lastLineStart;
        private int i;

        Run(String[] lines, int firstLine, String lang, List<Command> out) {
            this.lines = lines;
            this.firstLine = firstLine;
            this.lang = lang;
            this.out = out;
        }

        void run() {
            detectConsole();
            while (i < lines.length) {
                String line = lines[i];
                String trimmed = line.strip();
                int prompt = promptEnd(line);
                if (answer && !trimmed.isEmpty() && knownProgram(trimmed)) {
                    answer = false;
                }
                if (trimmed.isEmpty()) {
                    description.clear();
                    output = false;
                    answer = false;
                    i++;
                } else if (prompt >= 0) {
                    output = false;
                    answer = false;
                    command(line.substring(prompt));
                } else if (trimmed.startsWith("#")) {
                    comment(trimmed);
                    i++;
                } else if (ShellPrompt.typed(trimmed, lang) != null || answer) {
                    // typed into the client, or its answer (OK, (integer) 1, used_memory:123); unlike other output
                    // this ends at a line starting a program, so a command written after the session is still read
                    answer = true;
                    description.clear();
                    i++;
                } else if (console || output || !OutputLines.startsCommand(trimmed)
                        || i + 1 < lines.length && OutputLines.resultHeader(trimmed, lines[i + 1])) {
                    output = !console;
                    description.clear();
                    i++;
                } else if (!programs.isEmpty() && OutputLines.tableRow(trimmed, programs)) {
                    // a guess from the line's shape alone: the next line is judged again, so a command after a
                    // line taken for a table row is still read
                    description.clear();
                    i++;
                } else if (bareName(trimmed) || configLine(trimmed)) {
                    description.clear();
                    i++;
                } else {
                    command(line);
                }
            }
        }

        /** Whether the line's first word is a program of this block's commands or one common at a shell prompt. */
        private boolean knownProgram(String trimmed) {
            int word = 0;
            while (word < trimmed.length() && !Character.isWhitespace(trimmed.charAt(word))) {
                word++;
            }
            String first = trimmed.substring(0, word);
            return programs.contains(first) || ShellPrompt.wellKnown(first);
        }

        private void detectConsole() {
            for (String line : lines) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (ShellPrompt.explicit(line, lang) >= 0) {
                    console = true;
                    return;
                }
                if (trimmed.startsWith("#")) {
                    if ("console".equals(lang) && ShellPrompt.root(line) >= 0) {
                        console = true;
                        rootPrompt = true;
                        return;
                    }
                    continue;
                }
                return;
            }
        }

        private int promptEnd(String line) {
            int p = ShellPrompt.explicit(line, lang);
            if (p < 0 && rootPrompt) {
                p = ShellPrompt.root(line);
            }
            return p;
        }

        private void comment(String trimmed) {
            if (trimmed.startsWith("#!")) {
                return;
            }
            String text = stripHashes(trimmed);
            if (text.endsWith(":") && OUTPUT_INTRO.matcher(text.substring(0, text.length() - 1).strip()).matches()) {
                output = !console;
                description.clear();
            } else if (!text.isEmpty() && !output) {
                description.add(text);
            }
        }

        private void command(String first) {
            int start = i;
            List<String> parts = new ArrayList<>();
            parts.add(first.stripLeading());
            FirstCommand read = extent(parts);
            CommandEnd end = read.end();
            i = start + parts.size();
            String comment = "";
            int cut = end.commentStart();
            if (cut >= 0) {
                String last = parts.get(parts.size() - 1);
                comment = stripHashes(last.substring(cut - lastLineStart).strip());
                parts.set(parts.size() - 1, last.substring(0, cut - lastLineStart));
            }
            String text = (parts.size() == 1 ? parts.get(0) : String.join("\n", parts)).strip();
            if (text.isEmpty()) {
                return;
            }
            String desc = String.join(" ", description);
            description.clear();
            // the model read while finding the end, unless the runbook's own cut (a prompt's continuation, other
            // whitespace) made the text differ from what the shell model kept
            ShellWords.Parsed parsed = text.equals(read.text()) ? ShellWords.of(read.command())
                    : ShellWords.parse(text);
            Set<String> assigned = Placeholders.assignedNames(parsed);
            out.add(new Command(text, firstLine + start, desc, comment,
                    markSetEarlier(Placeholders.find(text, Set.of(), parsed, assigned)),
                    RunnerHints.ofParsed(parsed), DangerRules.checkParsed(parsed)));
            for (String name : assigned) {
                setAt.putIfAbsent(name, firstLine + start);
            }
            // a scan, not split("\\s"): that compiles a regex for every command of every block
            int word = 0;
            while (word < text.length() && !Character.isWhitespace(text.charAt(word))) {
                word++;
            }
            programs.add(text.substring(0, word));
        }

        /**
         * Adds to {@code parts} (holding the command's first line) the lines the command continues on, as the
         * shell model reads them; a blank line or, in a transcript, the next prompt ends it early unless a quote
         * or here-document holds it open. The lines are offered in growing chunks, so the work stays linear.
         * Returns the end with the command's model, read in the same pass.
         */
        private FirstCommand extent(List<String> parts) {
            int start = i;
            StringBuilder text = new StringBuilder(parts.get(0)).append('\n');
            List<Integer> lineStarts = new ArrayList<>(List.of(0));
            while (true) {
                String chunk = text.toString();
                FirstCommand first = ShellCommand.parseFirst(chunk,
                        at -> endsBefore(start, Collections.binarySearch(lineStarts, at)));
                CommandEnd end = first.end();
                int next = start + parts.size();
                boolean promptNext = next < lines.length && console && promptEnd(lines[next]) >= 0;
                if (end.end() < chunk.length() || next >= lines.length
                        || promptNext && end.open() != Continuation.HEREDOC) {
                    while (lineStarts.get(parts.size() - 1) > end.end()) {
                        lineStarts.remove(parts.size() - 1);
                        parts.remove(parts.size() - 1);
                    }
                    lastLineStart = lineStarts.get(parts.size() - 1);
                    return first;
                }
                int want = parts.size() * 2;
                do {
                    String line = console ? ShellPrompt.stripContinuation(lines[next]) : lines[next];
                    lineStarts.add(text.length());
                    text.append(line).append('\n');
                    parts.add(line);
                    next++;
                } while (parts.size() < want && next < lines.length && !(console && promptEnd(lines[next]) >= 0));
            }
        }

        /** The runbook's own end of a command still open: a blank line, or a transcript's next prompt. */
        private boolean endsBefore(int start, int offered) {
            int line = start + offered;
            return offered >= 0 && line < lines.length
                    && (lines[line].isBlank() || console && promptEnd(lines[line]) >= 0);
        }

        private List<Placeholder> markSetEarlier(List<Placeholder> found) {
            if (setAt.isEmpty()) {
                return found;
            }
            List<Placeholder> marked = new ArrayList<>(found.size());
            for (Placeholder p : found) {
                boolean variable = p.form() == Placeholder.Form.DOLLAR || p.form() == Placeholder.Form.DOLLAR_BRACE;
                Integer line = variable ? setAt.get(ShellVariables.variable(p)) : null;
                marked.add(line == null ? p : p.setAt(line));
            }
            return marked;
        }

        /** A lone {@code ENV_NAME} line (a trailing comment allowed); the cheap first-letter test spares the regexes. */
        private static boolean bareName(String trimmed) {
            char c = trimmed.charAt(0);
            return c >= 'A' && c <= 'Z'
                    && BARE_NAME.matcher(TRAILING_COMMENT.matcher(trimmed).replaceFirst("")).matches();
        }

        /**
         * A configuration setting written into a shell block ({@code recovery_target_time = '...'}): a shell
         * would run a program named like the setting, which no runbook means.
         */
        private static boolean configLine(String trimmed) {
            return trimmed.indexOf(" = ") > 0 && CONFIG_LINE.matcher(trimmed).matches();
        }

        private static String stripHashes(String s) {
            int k = 0;
            while (k < s.length() && s.charAt(k) == '#') {
                k++;
            }
            return s.substring(k).strip();
        }
    }
}
