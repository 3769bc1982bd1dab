package dev.incidentconsole.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The single pass behind {@link ShellCommand#parse}: each character is read once, in the quoting it is
 * read in, which is recorded for {@link ShellCommand#quotingAt}. Hand-written because no Java library
 * offers a never-failing bash parser with offsets. Not thread-safe; one instance per text.
 */
final class ShellParser {
    /** Reserved words that open a compound command or negate one: the command follows them. */
    private static final Set<String> OPENERS = Set.of("!", "if", "then", "elif", "else", "do", "while", "until", "{");
    /** Reserved words that close a compound command: alone, they are no command. */
    private static final Set<String> CLOSERS = Set.of("fi", "done", "esac", "}");

    private static final byte COMMENT = (byte) Quoting.COMMENT.ordinal();

    private final String s;
    private final int n;
    private final QuoteScanner q;
    private final byte[] quoting;
    private final List<SimpleCommand> out = new ArrayList<>();
    /** Commands ended but not yet built: their here-document bodies follow the next line break. */
    private final List<Builder> unfinished = new ArrayList<>();
    private final List<HeredocBuilder> heredocs = new ArrayList<>();
    private Builder current = new Builder(false, 0);
    private int depth;
    private int i;

    ShellParser(String text) {
        this.s = text;
        this.n = text.length();
        this.q = new QuoteScanner(text);
        this.quoting = q.quoting;
    }

    ShellCommand parse() {
        while (i < n) {
            char c = s.charAt(i);
            switch (c) {
                case ' ', '\t', '\r', '\f' -> i++;
                case '\\' -> {
                    if (i + 1 < n && s.charAt(i + 1) == '\n') {
                        i += 2; // a continuation joins the lines
                    } else {
                        word();
                    }
                }
                case '#' -> comment();
                case '\n' -> {
                    end(Separator.NEWLINE);
                    i++;
                    heredocBodies();
                    finish();
                }
                case ';' -> {
                    i += i + 1 < n && s.charAt(i + 1) == ';' ? 2 : 1;
                    end(Separator.SEMICOLON);
                }
                case '&' -> ampersand();
                case '|' -> {
                    boolean or = i + 1 < n && s.charAt(i + 1) == '|';
                    i += or || i + 1 < n && s.charAt(i + 1) == '&' ? 2 : 1;
                    end(or ? Separator.OR : Separator.PIPE);
                }
                case '(' -> {
                    end(Separator.SUBSHELL);
                    depth++;
                    current.depth = depth;
                    i++;
                }
                case ')' -> {
                    end(Separator.SUBSHELL);
                    depth = Math.max(0, depth - 1);
                    current.depth = depth;
                    i++;
                }
                case '<' -> {
                    if (q.angleEnd(i) > 0) {
                        word();
                    } else {
                        redirection(-1);
                    }
                }
                case '>' -> redirection(-1);
                default -> word();
            }
        }
        end(Separator.END);
        heredocBodies();
        finish();
        return new ShellCommand(s, quoting, out, q.substitutions);
    }

    private void ampersand() {
        if (i + 1 < n && s.charAt(i + 1) == '&') {
            i += 2;
            end(Separator.AND);
        } else if (i + 1 < n && s.charAt(i + 1) == '>') {
            redirection(-1);
        } else {
            i++;
            end(Separator.BACKGROUND);
        }
    }

    private void comment() {
        int nl = s.indexOf('\n', i);
        int stop = nl < 0 ? n + 1 : nl;
        java.util.Arrays.fill(quoting, i + 1, stop, COMMENT);
        i = nl < 0 ? n : nl;
    }

    private void word() {
        int start = i;
        Word w = readWord();
        if (!w.quoted() && i < n && (s.charAt(i) == '<' || s.charAt(i) == '>') && isDigits(w.value())) {
            redirection(Integer.parseInt(w.value().length() > 4 ? "9999" : w.value()));
            return;
        }
        HeredocBuilder pending = current.awaitingTarget;
        if (pending != null) {
            current.awaitingTarget = null;
            pending.target = w;
            if (pending.operator.startsWith("<<") && !pending.operator.equals("<<<")) {
                pending.expanding = !w.quoted();
                heredocs.add(pending);
            }
            return;
        }
        current.words.add(w);
        current.rawAssignment.add(Word.isAssignment(s.subSequence(start, i)));
    }

    private void redirection(int fd) {
        int from = i;
        char c = s.charAt(i);
        String op;
        if (c == '&') {
            op = s.startsWith("&>>", i) ? "&>>" : "&>";
        } else if (c == '<') {
            op = s.startsWith("<<<", i) ? "<<<" : s.startsWith("<<-", i) ? "<<-" : s.startsWith("<<", i) ? "<<"
                    : s.startsWith("<>", i) ? "<>" : s.startsWith("<&", i) ? "<&" : "<";
        } else {
            op = s.startsWith(">>", i) ? ">>" : s.startsWith(">|", i) ? ">|" : s.startsWith(">&", i) ? ">&" : ">";
        }
        i = from + op.length();
        HeredocBuilder r = new HeredocBuilder(fd, op);
        current.redirections.add(r);
        current.awaitingTarget = r;
    }

    /** Reads one word from {@code i}, up to the first unquoted blank or operator character. */
    private Word readWord() {
        int start = i;
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        while (i < n) {
            char c = s.charAt(i);
            int angle = c == '<' ? q.angleEnd(i) : -1;
            if (angle > 0) {
                value.append(s, i, angle);
                i = angle;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '('
                    || c == ')' || c == '<' || c == '>') {
                if (c != '(' || value.length() == 0 || !endsExtglob(value)) {
                    break;
                }
            }
            char next = i + 1 < n ? s.charAt(i + 1) : '\0';
            if (c == '\\') {
                quoted = true;
                if (next != '\n' && i + 1 < n) {
                    value.append(next);
                }
                i = Math.min(n, i + 2);
            } else if (c == '\'') {
                quoted = true;
                i = q.single(i + 1, value);
            } else if (c == '"') {
                quoted = true;
                i = q.doubleQuoted(i + 1, value);
            } else if (c == '$' && next == '\'') {
                quoted = true;
                i = q.ansiC(i + 2, value);
            } else if (c == '$' && next == '(') {
                int end = q.code(i + 2, ')');
                q.substitution(i + 2, end, ')');
                value.append(s, i, end);
                i = end;
            } else if (c == '$' && next == '{') {
                int end = q.braced(i + 2, QuoteScanner.UNQUOTED);
                value.append(s, i, end);
                i = end;
            } else if (c == '`') {
                int end = q.code(i + 1, '`');
                q.substitution(i + 1, end, '`');
                value.append(s, i, end);
                i = end;
            } else {
                value.append(c);
                i++;
            }
        }
        return new Word(value.toString(), start, i, quoted, false);
    }

    /** {@code @(a|b)}, {@code !(x)}: an extended glob's parenthesis belongs to the word. */
    private static boolean endsExtglob(StringBuilder value) {
        char last = value.charAt(value.length() - 1);
        return last == '@' || last == '!' || last == '+' || last == '*' || last == '?';
    }

    /** Reads the here-document bodies announced on the line just ended, starting at {@code i}. */
    private void heredocBodies() {
        for (HeredocBuilder h : heredocs) {
            byte kind = (byte) (h.expanding ? Quoting.HEREDOC : Quoting.HEREDOC_LITERAL).ordinal();
            String delimiter = h.target == null ? "" : h.target.value().strip();
            int bodyStart = i;
            int bodyEnd = n;
            while (i < n) {
                int nl = s.indexOf('\n', i);
                int lineEnd = nl < 0 ? n : nl;
                java.util.Arrays.fill(quoting, i, lineEnd + 1, kind);
                boolean last = s.substring(i, lineEnd).strip().equals(delimiter);
                if (last) {
                    bodyEnd = i;
                }
                i = nl < 0 ? n : nl + 1;
                if (last) {
                    break;
                }
            }
            if (bodyEnd == n) {
                quoting[n] = kind;
            }
            h.body = s.substring(bodyStart, bodyEnd);
            h.bodyStart = bodyStart;
        }
        heredocs.clear();
    }

    private void end(Separator separator) {
        if (current.awaitingTarget != null) {
            current.awaitingTarget = null; // a redirection without a target
        }
        current.separator = separator;
        if (!current.isEmpty()) {
            unfinished.add(current);
        }
        current = new Builder(separator == Separator.PIPE, depth);
    }

    private void finish() {
        if (!heredocs.isEmpty()) {
            return;
        }
        for (Builder b : unfinished) {
            SimpleCommand c = b.build();
            if (c != null) {
                out.add(c);
            }
        }
        unfinished.clear();
    }

    private static boolean isDigits(String v) {
        if (v.isEmpty()) {
            return false;
        }
        for (int k = 0; k < v.length(); k++) {
            if (v.charAt(k) < '0' || v.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A redirection whose target (and, for a here-document, body) is still to come. */
    private static final class HeredocBuilder {
        final int fd;
        final String operator;
        Word target;
        boolean expanding;
        String body;
        int bodyStart = -1;

        HeredocBuilder(int fd, String operator) {
            this.fd = fd;
            this.operator = operator;
        }

        Redirection build() {
            return new Redirection(fd, operator, target, body, bodyStart, expanding);
        }
    }

    /** One simple command being read. */
    private static final class Builder {
        final boolean piped;
        int depth;
        final List<Word> words = new ArrayList<>();
        final List<Boolean> rawAssignment = new ArrayList<>();
        final List<HeredocBuilder> redirections = new ArrayList<>();
        HeredocBuilder awaitingTarget;
        Separator separator = Separator.END;

        Builder(boolean piped, int depth) {
            this.piped = piped;
            this.depth = depth;
        }

        boolean isEmpty() {
            return words.isEmpty() && redirections.isEmpty();
        }

        SimpleCommand build() {
            int k = 0;
            List<String> keywords = new ArrayList<>();
            // a closer before more words (fi cmd, done cmd) is read past too: bash would refuse the line, and a
            // reader that stops there would miss the command after it
            while (k < words.size() && !words.get(k).quoted() && (OPENERS.contains(words.get(k).value())
                    || CLOSERS.contains(words.get(k).value()) && k + 1 < words.size())) {
                keywords.add(words.get(k++).value());
            }
            List<Word> assignments = new ArrayList<>();
            while (k < words.size() && rawAssignment.get(k)) {
                Word w = words.get(k++);
                assignments.add(new Word(w.value(), w.start(), w.end(), w.quoted(), true));
            }
            List<Word> rest = new ArrayList<>(words.subList(k, words.size()));
            if (rest.size() == 1 && !rest.get(0).quoted() && CLOSERS.contains(rest.get(0).value())) {
                rest.clear();
            }
            List<Redirection> redirs = new ArrayList<>();
            boolean fed = piped;
            for (HeredocBuilder r : redirections) {
                Redirection built = r.build();
                redirs.add(built);
                fed |= built.feedsStdin();
            }
            if (assignments.isEmpty() && rest.isEmpty() && redirs.isEmpty()) {
                return null;
            }
            return new SimpleCommand(keywords, assignments, rest, redirs, fed, separator, depth);
        }
    }
}
