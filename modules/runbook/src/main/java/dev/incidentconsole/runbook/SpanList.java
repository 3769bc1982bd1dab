package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.ExpandedVariables;
import dev.incidentconsole.shell.ParameterExpansion;
import dev.incidentconsole.shell.Quoting;
import dev.incidentconsole.shell.ShellCommand;
import dev.incidentconsole.shell.SimpleCommand;
import dev.incidentconsole.shell.Word;
import dev.incidentconsole.shell.WrittenValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The secret spans found in one text, merged where they overlap. A value that only names a secret
 * (a shell variable the shell expands, a runbook placeholder) or is already masked is not a span; a value
 * that only looks like one is: {@code '$R3disPw'} is passed literally, and so is a quoted {@code '<x>'} in a
 * command as it ran, where placeholders were substituted.
 */
final class SpanList {
    private static final Pattern MASKED = Pattern.compile("\\*+");
    private static final Pattern VARIABLE = Pattern.compile("(?:\\$[{(A-Za-z_]|`).*");
    /**
     * A value no secret has: a date or time ({@code token: 2026-12-01T10:00Z}, an expiry) or a YAML/JSON scalar that
     * says there is none ({@code token: null}, {@code password: false}, {@code Authorization: none}).
     */
    private static final Pattern NO_SECRET = Pattern.compile("(?i)\\d{4}-\\d\\d-\\d\\d(?:[T ]\\d\\d:\\d\\d(?::\\d\\d(?:[.,]\\d++)?)?)?"
            + "(?:Z|[+-]\\d\\d(?::?\\d\\d)?)?|null|nil|none|true|false|~");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]+>|\\{\\{.*}}|\\{[A-Za-z_][\\w.-]*}|%s");

    private final List<SecretMasker.Span> spans = new ArrayList<>();
    /** The text as a shell command, offsets from its start; null for free text. */
    private final ShellCommand shell;
    private final boolean run;

    /**
     * Spans of free text: a placeholder shape names a secret, and so does a variable shape unless the rule read it
     * single-quoted or its line, read as a command, does not expand it.
     */
    SpanList() {
        this(null, false);
    }

    /**
     * Spans of a shell command's text, whose quoting decides what is a reference.
     *
     * @param shell the text parsed as a command; null for free text
     * @param run   the command is as it ran: its placeholders were substituted, so a quoted placeholder shape is a value
     */
    SpanList(ShellCommand shell, boolean run) {
        this.shell = shell;
        this.run = run;
    }

    /** Adds {@code line[start, end)} at {@code offset + start} unless it is empty, masked or a reference. */
    void add(String line, int offset, int start, int end) {
        add(line, offset, start, end, false);
    }

    /**
     * Adds {@code line[start, end)} at {@code offset + start} unless it is empty, masked or a reference.
     *
     * @param singleQuoted the rule read the value inside single quotes: in free text, a {@code $NAME} there is literal
     */
    void add(String line, int offset, int start, int end, boolean singleQuoted) {
        if (end <= start) {
            return;
        }
        String value = line.substring(start, end);
        if (MASKED.matcher(value).matches() || NO_SECRET.matcher(value).matches()) {
            return;
        }
        if (shell == null && isMarkdownCode(value) && SecretClients.programNamedAt(line) < 0) {
            // a note's `Hunter22` is Markdown code, not a command substitution: the text inside is the value
            add(line, offset, start + 1, end - 1, singleQuoted);
            return;
        }
        if (VARIABLE.matcher(value).matches()) {
            // Free text has no model of its own: its line is read as a command for the quoting, which is what
            // a pasted command line keeps ("ran: curl -H 'Authorization: Bearer $T0k'").
            boolean reference = shell != null ? reference(shell, offset + start)
                    : !singleQuoted && expandsInLine(line, start);
            if (reference) {
                // a secret's value given as a variable with a literal default: the default is the secret
                for (int[] d : literalDefaults(line, start, end, shell, offset, true)) {
                    addAbsolute(offset + d[0], offset + d[1]);
                }
                return;
            }
        } else if (value.equals("$")) {
            return; // an expansion the rule's pattern could not read whole ("$((1+2))")
        } else if (PLACEHOLDER.matcher(value).matches() && !(run && shell != null && quotedAt(shell, offset + start))) {
            return;
        }
        addAbsolute(offset + start, offset + end);
    }

    /**
     * The literal defaults of the {@code ${NAME:-default}} expansions (also {@code -}, {@code :=}, {@code =}) whose
     * {@code $} is in {@code text[from, to)}, at any depth ({@code ${A:-${PW:-s3cret}}}), read by the shell model's
     * {@link ParameterExpansion}: the value used when the variable is unset, so a secret written in clear when the
     * variable names a secret or stands in a secret's place. A default that is itself a reference
     * ({@code ${PW:-$OTHER}}) is none; a quoted one ({@code ${PW:-'s3cret'}}) is given inside its quotes.
     *
     * @param shell       {@code text} parsed as a command, from offset {@code shellOffset} of its text: only the
     *                    expansions it performs are read; null for free text, where every {@code ${} is read
     * @param secretPlace the expansions stand in a secret's place ({@code -p${A:-x}}), so every literal default is
     *                    a secret's; else only the defaults of variables whose name is a secret's
     * @return {@code [start, end)} in {@code text}
     */
    static List<int[]> literalDefaults(String text, int from, int to, ShellCommand shell, int shellOffset,
                                       boolean secretPlace) {
        List<int[]> out = new ArrayList<>();
        for (int at = text.indexOf("${", from); at >= 0 && at < to; at = text.indexOf("${", at + 2)) {
            char first = at + 2 < text.length() ? text.charAt(at + 2) : ' ';
            if (!(first == '_' || first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z')) {
                continue; // no variable's name: no default of one (and "${${${..." is not read 4 KB at a time)
            }
            if (shell != null && !shell.expandsAt(shellOffset + at)) {
                continue;
            }
            ParameterExpansion p = ParameterExpansion.at(text, at);
            if (p == null) {
                unreadable(text, at, secretPlace, out);
                continue;
            }
            if (!p.givesDefault() || p.wordEnd() == p.wordStart()) {
                continue;
            }
            if (!p.wordIsLiteral(text)) {
                if (secretPlace || SecretRules.isSecretName(p.name(), "x")) {
                    literalParts(text, p, out);
                }
                continue;
            }
            int[] word = p.wordInsideQuotes(text);
            String value = text.substring(word[0], word[1]);
            if (!isMasked(value) && (secretPlace || SecretRules.isSecretName(p.name(), value))) {
                out.add(word);
            }
        }
        return out;
    }

    /**
     * The literal characters of a default that also expands something ({@code ${PW:-pre${X}post}}): the parts of the
     * secret written in clear; a default that is only a reference ({@code ${PW:-$OTHER}}) has none.
     */
    private static void literalParts(String text, ParameterExpansion p, List<int[]> out) {
        String word = text.substring(p.wordStart(), p.wordEnd());
        ShellCommand parsed = ShellCommand.parse(word);
        for (SimpleCommand c : parsed.commands()) {
            for (Word w : c.words()) {
                WrittenValue written = parsed.writtenValue(w);
                for (int[] r : written == null ? List.<int[]>of() : written.literalStretches(0, w.value().length())) {
                    if (!isMasked(w.value().substring(r[0], r[1]))) {
                        out.add(new int[] {p.wordStart() + written.offsets()[r[0]],
                                p.wordStart() + written.offsets()[r[1] - 1] + 1});
                    }
                }
            }
        }
    }

    /**
     * A {@code ${NAME...} ParameterExpansion} cannot read (a default over its 4 KB, no closing brace) whose variable
     * names a secret or stands in a secret's place: what follows the name, to the end of the word, may be the secret.
     */
    private static void unreadable(String text, int at, boolean secretPlace, List<int[]> out) {
        int nameEnd = ParameterExpansion.nameEnd(text, at + 2, text.length());
        int end = nameEnd;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        if (end > nameEnd && (secretPlace || SecretRules.isSecretName(text.substring(at + 2, nameEnd), "x"))) {
            out.add(new int[] {nameEnd, end});
        }
    }

    /** Whether {@code value} is wrapped in one pair of backticks, with text and no other backtick inside. */
    private static boolean isMarkdownCode(String value) {
        return value.length() > 2 && value.charAt(0) == '`' && value.charAt(value.length() - 1) == '`'
                && value.indexOf('`', 1) == value.length() - 1;
    }

    void addAbsolute(int start, int end) {
        if (end > start) {
            spans.add(new SecretMasker.Span(start, end));
        }
    }

    /** Whether {@code value} is an earlier mask's {@value SecretMasker#MASK}, which is never masked again. */
    static boolean isMasked(String value) {
        return MASKED.matcher(value).matches();
    }

    /** Whether {@code value} has the shape of a runbook placeholder ({@code <pw>}, {@code {{pw}}}, {@code {pw}}, {@code %s}). */
    static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).matches();
    }

    /**
     * Whether {@code value} has the shape of a shell variable or expansion ({@code $PW}, {@code ${PW}}, {@code $(cmd)},
     * {@code `cmd`}).
     */
    static boolean isVariable(String value) {
        return VARIABLE.matcher(value).matches();
    }

    /**
     * Whether the character at {@code at} of {@code command} is read inside quotes: in a command as it ran, a
     * placeholder shape there is a substituted value (a placeholder left unfilled and unquoted is a redirection).
     */
    static boolean quotedAt(ShellCommand command, int at) {
        Quoting q = command.quotingAt(at);
        return q == Quoting.SINGLE || q == Quoting.DOUBLE || q == Quoting.ANSI_C;
    }

    /**
     * Whether a shell expands the {@code $} (or backtick) at {@code at} of a line of free text, read as a command
     * from the first program it names, as {@link CommandSecrets} reads prose: a prompt or words before it
     * ({@code $ ssh h '...'}) are not shell code.
     */
    private static boolean expandsInLine(String line, int at) {
        String prose = withoutApostrophes(line);
        int from = SecretClients.programNamedAt(prose);
        return from > 0 && from <= at ? reference(ShellCommand.parse(prose.substring(from)), at - from)
                : reference(ShellCommand.parse(prose), at);
    }

    /**
     * Whether the {@code $} (or backtick) at {@code at} is a reference: a shell expands it, or it sits in a quote that
     * the text never closes, which no shell runs as written ("don't set PGPASSWORD=$X": the quote is an apostrophe).
     */
    private static boolean reference(ShellCommand command, int at) {
        if (ExpandedVariables.expandedAt(command, at)) {
            return true;
        }
        Quoting q = command.quotingAt(at);
        return (q == Quoting.SINGLE || q == Quoting.ANSI_C) && command.text().indexOf('\'', at) < 0;
    }

    /**
     * {@code line} with each apostrophe between two letters ("don't", "it's") made a plain character: in prose it
     * opens no quote, and reading it as one would make a {@code $NAME} after it look like a literal.
     */
    private static String withoutApostrophes(String line) {
        int k = line.indexOf('\'');
        if (k < 0) {
            return line;
        }
        char[] chars = line.toCharArray();
        for (; k >= 0; k = line.indexOf('\'', k + 1)) {
            if (k > 0 && k + 1 < chars.length && Character.isLetter(chars[k - 1]) && Character.isLetter(chars[k + 1])) {
                chars[k] = '_';
            }
        }
        return new String(chars);
    }

    /** The spans in text order, overlapping or touching ones merged. */
    List<SecretMasker.Span> merged() {
        if (spans.size() < 2) {
            return List.copyOf(spans);
        }
        spans.sort(Comparator.comparingInt(SecretMasker.Span::start));
        List<SecretMasker.Span> out = new ArrayList<>();
        SecretMasker.Span cur = spans.get(0);
        for (SecretMasker.Span s : spans.subList(1, spans.size())) {
            if (s.start() <= cur.end()) {
                cur = new SecretMasker.Span(cur.start(), Math.max(cur.end(), s.end()));
            } else {
                out.add(cur);
                cur = s;
            }
        }
        out.add(cur);
        return out;
    }
}
