package dev.incidentconsole.runbook;

import static dev.incidentconsole.runbook.ShellWords.COMMENT;
import static dev.incidentconsole.runbook.ShellWords.DOUBLE;
import static dev.incidentconsole.runbook.ShellWords.HEREDOC;
import static dev.incidentconsole.runbook.ShellWords.HEREDOC_LITERAL;
import static dev.incidentconsole.runbook.ShellWords.MAX_DEPTH;
import static dev.incidentconsole.runbook.ShellWords.SINGLE;

import dev.incidentconsole.runbook.ShellWords.Parsed;
import dev.incidentconsole.runbook.ShellWords.Segment;
import dev.incidentconsole.runbook.ShellWords.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one complete command into {@link ShellWords.Parsed}. Hand-written: the shell parsers available
 * for Java need a full, valid script or throw on the half-written commands runbooks contain; this one
 * never fails and is linear in the text (command substitutions are re-read once per nesting level, up to
 * {@value ShellWords#MAX_DEPTH} levels). A {@code <pod-name>} placeholder is read as a word, not as two
 * redirections, so that the words after it keep their meaning.
 */
final class ShellScanner {

    private static final Pattern ANGLE_WORD = Pattern.compile("<[A-Za-z][A-Za-z0-9_.:/-]*(?: [A-Za-z0-9_.:/-]+){0,5}>");
    private static final Set<String> RESERVED = Set.of(
            "if", "then", "do", "else", "elif", "while", "until", "!", "{", "}", "fi", "done", "esac");
    private static final String[] REDIRECTS = {"<<<", "<<-", "<<", "<>", "<&", ">>", ">&", ">|", "<", ">"};

    private ShellScanner() {
    }

    static Parsed scan(String text) {
        byte[] ctx = new byte[text.length()];
        List<Builder> out = new ArrayList<>();
        boolean[] tooDeep = new boolean[1];
        new Scanner(text, ctx, out, new int[1], tooDeep, 0).run(0, text.length());
        List<Segment> segments = new ArrayList<>(out.size());
        for (Builder b : out) {
            segments.add(new Segment(List.copyOf(b.words), b.stdin.toString(), b.pipeline, b.nested));
        }
        return new Parsed(segments, ctx, !tooDeep[0]);
    }

    private static final class Builder {
        final List<Word> words = new ArrayList<>();
        final StringBuilder stdin = new StringBuilder();
        final int pipeline;
        final boolean nested;

        Builder(int pipeline, boolean nested) {
            this.pipeline = pipeline;
            this.nested = nested;
        }
    }

    private record Pending(String delimiter, boolean literal, Builder target) { }

    /** One level of scanning; command substitutions get their own scanner one level deeper. */
    private static final class Scanner {
        private final String s;
        private final byte[] ctx;
        private final List<Builder> out;
        private final int[] pipelines;
        private final boolean[] tooDeep;
        private final boolean nested;
        private final int depth;
        private final List<Pending> pending = new ArrayList<>();
        private Builder seg;
        private final StringBuilder value = new StringBuilder();
        private boolean inWord;
        private boolean quoted;
        private int wordStart;
        private String op = "";
        private int to;

        Scanner(String s, byte[] ctx, List<Builder> out, int[] pipelines, boolean[] tooDeep, int depth) {
            this.s = s;
            this.ctx = ctx;
            this.out = out;
            this.pipelines = pipelines;
            this.tooDeep = tooDeep;
            this.nested = depth > 0;
            this.depth = depth;
            this.seg = new Builder(pipelines[0]++, nested);
        }

        void run(int from, int end) {
            to = end;
            int i = from;
            while (i < to) {
                i = step(i) + 1;
            }
            endSegment(true, to);
        }

        /** Handles the character at i; returns the last index consumed. */
        private int step(int i) {
            char c = s.charAt(i);
            char next = i + 1 < to ? s.charAt(i + 1) : '\0';
            switch (c) {
                case '\n' -> {
                    endWord(i);
                    int resume = pending.isEmpty() ? i : readHeredocs(i + 1) - 1;
                    endSegment(true, i);
                    return resume;
                }
                case ' ', '\t', '\r' -> endWord(i);
                case '#' -> {
                    if (inWord) {
                        wordChar(i, c);
                        return i;
                    }
                    int eol = lineEnd(i);
                    mark(i, eol, COMMENT);
                    return eol - 1;
                }
                case '\\' -> {
                    if (next == '\n') {
                        return i + 1;
                    }
                    startWord(i);
                    if (i + 1 < to) {
                        value.append(next);
                    }
                    return i + 1;
                }
                case '\'' -> {
                    startWord(i);
                    quoted = true;
                    int close = indexOf('\'', i + 1);
                    value.append(s, i + 1, close);
                    mark(i, Math.min(close + 1, to), SINGLE);
                    return close;
                }
                case '"' -> {
                    startWord(i);
                    quoted = true;
                    return doubleQuoted(i);
                }
                case '$' -> {
                    return dollar(i, next);
                }
                case '`' -> {
                    startWord(i);
                    int close = indexOf('`', i + 1);
                    substitution(i + 1, close);
                    value.append(s, i, Math.min(close + 1, to));
                    return close;
                }
                case '(' -> {
                    endWord(i);
                    if (next == '(' && seg.words.isEmpty()) {
                        return Brackets.matchParen(s, i, to);
                    }
                    endSegment(true, i);
                }
                case ')', ';' -> endSegment(true, i);
                case '&' -> {
                    if (next == '>') {
                        return redirect(i, i, i + 2 < to && s.charAt(i + 2) == '>' ? "&>>" : "&>");
                    }
                    endSegment(true, i);
                    return next == '&' ? i + 1 : i;
                }
                case '|' -> {
                    endSegment(next == '|', i);
                    return next == '|' || next == '&' ? i + 1 : i;
                }
                case '<', '>' -> {
                    if (next == '(') {
                        startWord(i);
                        int close = Brackets.matchParen(s, i + 1, to);
                        substitution(i + 2, close);
                        value.append(s, i, Math.min(close + 1, to));
                        return close;
                    }
                    int placeholder = c == '<' ? anglePlaceholderEnd(i) : -1;
                    if (placeholder > 0) {
                        startWord(i);
                        value.append(s, i, placeholder);
                        return placeholder - 1;
                    }
                    int opStart = i;
                    if (inWord && !quoted && isDigits(value)) {
                        opStart = wordStart;
                        inWord = false;
                        value.setLength(0);
                    } else {
                        endWord(i);
                    }
                    for (String r : REDIRECTS) {
                        if (s.startsWith(r, i)) {
                            return redirect(opStart, i, r);
                        }
                    }
                }
                default -> wordChar(i, c);
            }
            return i;
        }

        /** End of a {@code <pod-name>} placeholder starting at i, read as a word, not as redirections; or -1. */
        private int anglePlaceholderEnd(int i) {
            Matcher m = ANGLE_WORD.matcher(s).region(i, Math.min(to, i + 120));
            if (!m.lookingAt()) {
                return -1;
            }
            int end = m.end();
            boolean spaced = m.group().indexOf(' ') > 0;
            boolean edge = end >= to || " \t\n;|&)\"'/:".indexOf(s.charAt(end)) >= 0;
            return !spaced || edge ? end : -1;
        }

        private int redirect(int opStart, int i, String operator) {
            endWord(i);
            op = operator;
            wordStart = opStart;
            return i + operator.length() - 1;
        }

        private int dollar(int i, char next) {
            startWord(i);
            if (next == '\'') {
                int j = i + 2;
                while (j < to && s.charAt(j) != '\'') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                int close = Math.min(j, to);
                value.append(s, i + 2, close);
                mark(i, Math.min(close + 1, to), SINGLE);
                quoted = true;
                return close;
            }
            if (next == '(' || next == '{') {
                int close = next == '(' ? Brackets.matchParen(s, i + 1, to) : Brackets.matchBrace(s, i + 1, to);
                if (next == '(' && i + 2 < to && s.charAt(i + 2) != '(') {
                    substitution(i + 2, close);
                }
                value.append(s, i, Math.min(close + 1, to));
                return close;
            }
            value.append('$');
            return i;
        }

        private int doubleQuoted(int open) {
            ctx[open] = DOUBLE;
            int j = open + 1;
            while (j < to && s.charAt(j) != '"') {
                char c = s.charAt(j);
                char next = j + 1 < to ? s.charAt(j + 1) : '\0';
                ctx[j] = DOUBLE;
                if (c == '\\' && j + 1 < to) {
                    ctx[j + 1] = DOUBLE;
                    if ("$`\"\\".indexOf(next) >= 0) {
                        value.append(next);
                    } else if (next != '\n') {
                        value.append(c).append(next);
                    }
                    j += 2;
                } else if (c == '$' && next == '(') {
                    int close = Brackets.matchParen(s, j + 1, to);
                    substitution(j + 2, close);
                    value.append(s, j, Math.min(close + 1, to));
                    j = close + 1;
                } else if (c == '`') {
                    int close = indexOf('`', j + 1);
                    substitution(j + 1, close);
                    value.append(s, j, Math.min(close + 1, to));
                    j = close + 1;
                } else {
                    value.append(c);
                    j++;
                }
            }
            if (j < to) {
                ctx[j] = DOUBLE;
            }
            return Math.min(j, to);
        }

        private void substitution(int from, int end) {
            if (depth >= MAX_DEPTH) {
                tooDeep[0] = true;
            } else if (from < end) {
                new Scanner(s, ctx, out, pipelines, tooDeep, depth + 1).run(from, Math.min(end, to));
            }
        }

        private int readHeredocs(int pos) {
            for (Pending p : pending) {
                byte kind = p.literal() ? HEREDOC_LITERAL : HEREDOC;
                while (pos < to) {
                    int eol = lineEnd(pos);
                    String line = s.substring(pos, eol);
                    mark(pos, eol, kind);
                    pos = Math.min(eol + 1, to);
                    if (line.strip().equals(p.delimiter())) {
                        break;
                    }
                    p.target().stdin.append(line).append('\n');
                }
            }
            pending.clear();
            return pos;
        }

        private void wordChar(int i, char c) {
            startWord(i);
            value.append(c);
        }

        private void startWord(int i) {
            if (!inWord) {
                inWord = true;
                quoted = false;
                if (op.isEmpty()) {
                    wordStart = i;
                }
            }
        }

        private void endWord(int end) {
            if (!inWord) {
                return;
            }
            String v = value.toString();
            seg.words.add(new Word(s.substring(wordStart, end), v, wordStart, end, quoted, op));
            if (op.startsWith("<<<")) {
                seg.stdin.append(v).append('\n');
            } else if (op.startsWith("<<")) {
                pending.add(new Pending(v, quoted, seg));
            }
            inWord = false;
            value.setLength(0);
            op = "";
        }

        private void endSegment(boolean newPipeline, int at) {
            endWord(at);
            op = "";
            while (!seg.words.isEmpty() && !seg.words.get(0).quoted() && RESERVED.contains(seg.words.get(0).value())) {
                seg.words.remove(0);
            }
            if (!seg.words.isEmpty() || seg.stdin.length() > 0) {
                out.add(seg);
                seg = new Builder(newPipeline ? pipelines[0]++ : seg.pipeline, nested);
            } else if (newPipeline) {
                seg = new Builder(pipelines[0]++, nested);
            }
        }

        private int indexOf(char c, int from) {
            int j = from;
            while (j < to && s.charAt(j) != c) {
                j += (c == '`' && s.charAt(j) == '\\') ? 2 : 1;
            }
            return Math.min(j, to);
        }

        private int lineEnd(int from) {
            int eol = s.indexOf('\n', from);
            return eol < 0 || eol > to ? to : eol;
        }

        private void mark(int from, int end, byte kind) {
            for (int k = from; k < end && k < ctx.length; k++) {
                ctx[k] = kind;
            }
        }

        private static boolean isDigits(CharSequence v) {
            for (int k = 0; k < v.length(); k++) {
                if (!Character.isDigit(v.charAt(k))) {
                    return false;
                }
            }
            return true;
        }
    }
}
