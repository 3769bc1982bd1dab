package dev.incidentconsole.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The single pass behind {@link ShellCommand#parse}: each character is read once, in the quoting it is
 * read in, which is recorded for {@link ShellCommand#quotingAt}. Hand-written because no Java library
 * offers a never-failing bash parser with offsets. Not thread-safe; one instance per text.
 */
final class ShellParser {
    private final String s;
    private final int n;
    private final QuoteScanner q;
    private final WordReader words;
    private final byte[] quoting;
    private final List<SimpleCommand> out = new ArrayList<>();
    /** Commands ended but not yet built: their here-document bodies follow the next line break. */
    private final List<CommandBuilder> unfinished = new ArrayList<>();
    private final List<HeredocBuilder> heredocs = new ArrayList<>();
    private CommandBuilder current;
    private int depth;
    private int i;
    /** Null for a full parse; otherwise {@link #firstCommandEnd} stops at the first line end it allows. */
    private final IntPredicate stopBefore;
    private final OpenBlocks blocks = new OpenBlocks();
    private boolean commandStart = true;
    private boolean operatorPending;
    private boolean heredocOpen;
    private boolean joinedAtEnd;
    private CommandEnd commandEnd;
    /** Just past the last word, operator or here-document delimiter read: blanks and comments lie beyond. */
    private int tokenEnd;

    ShellParser(String text) {
        this(text, null);
    }

    ShellParser(String text, IntPredicate stopBefore) {
        this.s = text;
        this.n = text.length();
        this.q = new QuoteScanner(text);
        this.quoting = q.quoting;
        this.words = new WordReader(text, q);
        this.stopBefore = stopBefore;
        this.current = new CommandBuilder(text, false, 0);
    }

    /** Reads up to where the first command ends: a line end with nothing open, or one {@code stopBefore} allows. */
    CommandEnd firstCommandEnd() {
        scan();
        if (commandEnd != null) {
            return commandEnd;
        }
        Continuation open = joinedAtEnd ? Continuation.BACKSLASH : openNow();
        int lastLine = s.lastIndexOf('\n', Math.max(0, n - 2));
        return new CommandEnd(n, open, q.lastComment > lastLine ? q.lastComment : -1);
    }

    /**
     * Reads up to where the first command ends, as {@link #firstCommandEnd}, and when it is complete there,
     * its model: the same as {@link #parse} of its text up to {@link #tokenEnd}, from this one reading.
     */
    FirstCommand parseFirst() {
        CommandEnd end = firstCommandEnd();
        // a here-document whose delimiter line is blank leaves the text on a line break, where alone it would run on
        if (!end.complete() || !heredocs.isEmpty() || tokenEnd > 0 && s.charAt(tokenEnd - 1) == '\n') {
            return new FirstCommand(end, null);
        }
        // complete at a line end: that line end already ended the last command as a text's end would (see
        // endsHere); complete at the text's end: nothing ended it yet
        end(Separator.END);
        finish();
        // the quoting read is kept whole: the model asks it only up to its text's end
        return new FirstCommand(end, new ShellCommand(s.substring(0, tokenEnd), quoting, substitutionHeredocs(), out,
                q.substitutions));
    }

    ShellCommand parse() {
        scan();
        end(Separator.END);
        heredocBodies();
        finish();
        return new ShellCommand(s, quoting, substitutionHeredocs(), out, q.substitutions);
    }

    /**
     * The expansions of the text, with the here-documents of its command substitutions read as the substitution's
     * own shell reads them: the scan of {@code $(cat <<'END' ... END)} sees code, where a literal body's {@code $x}
     * is no expansion. Each such substitution is parsed alone and its quoting and expansions copied in.
     */
    private java.util.BitSet substitutionHeredocs() {
        java.util.BitSet expanded = q.expanded;
        // the first "<<" at or after the current substitution's start: the substitutions come in text order, so the
        // text is searched once, not once per substitution (100,000 backticks hold 50,000)
        int heredoc = -1;
        for (int[] r : q.substitutions) {
            if (heredoc < r[0] && heredoc != Integer.MAX_VALUE) {
                int found = s.indexOf("<<", r[0]);
                heredoc = found < 0 ? Integer.MAX_VALUE : found;
            }
            if (heredoc >= r[1]) {
                continue;
            }
            ShellCommand inner = ShellCommand.parse(s.substring(r[0], r[1]));
            expanded = expanded == null ? new java.util.BitSet() : expanded;
            for (int k = r[0]; k < r[1]; k++) {
                quoting[k] = (byte) inner.quotingAt(k - r[0]).ordinal();
                expanded.set(k, inner.expandsAt(k - r[0]));
            }
        }
        return expanded;
    }

    private void scan() {
        while (i < n && commandEnd == null) {
            char c = s.charAt(i);
            switch (c) {
                case ' ', '\t', '\r', '\f' -> i++;
                case '\\' -> {
                    if (i + 1 < n && s.charAt(i + 1) == '\n') {
                        i += 2; // a continuation joins the lines
                        joinedAtEnd = i >= n;
                    } else {
                        word();
                        tokenEnd = i;
                    }
                }
                case '#' -> comment();
                case '\n' -> {
                    end(endsHere() ? Separator.END : Separator.NEWLINE);
                    i++;
                    heredocBodies();
                    finish();
                    lineEnd();
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
                    if (commandStart && i + 1 < n && s.charAt(i + 1) == '(') {
                        arithmetic();
                        continue;
                    }
                    end(Separator.SUBSHELL);
                    blocks.openSubshell();
                    depth++;
                    current.depth = depth;
                    i++;
                }
                case ')' -> {
                    end(Separator.SUBSHELL);
                    blocks.closeSubshell();
                    commandStart = false;
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
            if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\\' && c != '#' && c != '\n') {
                tokenEnd = i;
            }
        }
    }

    /**
     * Whether the line end at {@code i} completes the first command for {@link #parseFirst}: then it ends the
     * last simple command as the end of its text would ({@link Separator#END}), so the model read here is the
     * one a parse of that text alone gives. A full parse or a here-document still to read: never.
     */
    private boolean endsHere() {
        return stopBefore != null && heredocs.isEmpty() && !joinedAtEnd && openNow() == Continuation.NONE;
    }

    /** At a line end outside quotes and here-document bodies: ends the first command when nothing is open. */
    private void lineEnd() {
        if (stopBefore == null) {
            return;
        }
        Continuation open = openNow();
        int offset = s.charAt(i - 1) == '\n' ? i - 1 : n;
        int comment = q.lastComment > s.lastIndexOf('\n', offset - 1) ? q.lastComment : -1;
        if (open == Continuation.NONE || i < n && stopBefore.test(i)) {
            commandEnd = new CommandEnd(offset, open, comment);
        }
    }

    private Continuation openNow() {
        if (q.ranOff) {
            return Continuation.QUOTE;
        }
        if (heredocOpen) {
            return Continuation.HEREDOC;
        }
        if (operatorPending) {
            return Continuation.OPERATOR;
        }
        return blocks.open();
    }

    /** {@code (( expr ))} where a command starts: one arithmetic word, whose {@code <<} is a shift, not a here-document. */
    private void arithmetic() {
        int start = i;
        int end = q.code(i + 2, ')');
        i = end < n && s.charAt(end) == ')' ? end + 1 : end;
        tokenEnd = i;
        current.words.add(new Word(s.substring(start, i), start, i, false, false));
        commandStart = false;
        operatorPending = false;
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
        i = q.comment(i);
    }

    private void word() {
        Word w = words.read(i);
        i = w.end();
        if (!w.quoted() && i < n && (s.charAt(i) == '<' || s.charAt(i) == '>') && isDigits(w.value())) {
            redirection(Integer.parseInt(w.value().length() > 4 ? "9999" : w.value()));
            return;
        }
        operatorPending = false;
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
        if (commandStart) {
            commandStart = !w.quoted() && blocks.commandWord(w.value());
        }
        current.words.add(w);
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
        operatorPending = false;
        commandStart = false; // a reserved word is one only as a command's first word
        HeredocBuilder r = new HeredocBuilder(fd, op);
        current.redirections.add(r);
        current.awaitingTarget = r;
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
                if (h.expanding && !last) {
                    expansionsInBody(i, lineEnd);
                }
                if (last) {
                    bodyEnd = i;
                    tokenEnd = blanksBefore(lineEnd, i);
                }
                i = nl < 0 ? n : nl + 1;
                if (last) {
                    break;
                }
            }
            if (bodyEnd == n) {
                heredocOpen = true;
                quoting[n] = kind;
            }
            h.body = s.substring(bodyStart, bodyEnd);
            h.bodyStart = bodyStart;
        }
        heredocs.clear();
    }

    /**
     * Marks each {@code $} and opening backtick of an expanding here-document's line {@code [from, to)} that no
     * backslash escapes.
     */
    private void expansionsInBody(int from, int to) {
        boolean inBackticks = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '$' || c == '`' && !inBackticks) {
                q.markExpansion(null, k);
            }
            inBackticks ^= c == '`';
        }
    }

    private void end(Separator separator) {
        if (current.awaitingTarget != null) {
            current.awaitingTarget = null; // a redirection without a target
        }
        current.separator = separator;
        if (separator != Separator.NEWLINE) {
            operatorPending = separator == Separator.PIPE || separator == Separator.AND || separator == Separator.OR;
        }
        commandStart = separator != Separator.END;
        if (!current.isEmpty()) {
            unfinished.add(current);
        }
        current = new CommandBuilder(s, separator == Separator.PIPE, depth);
    }

    private void finish() {
        if (!heredocs.isEmpty()) {
            return;
        }
        for (CommandBuilder b : unfinished) {
            SimpleCommand c = b.build();
            if (c != null) {
                out.add(c);
            }
        }
        unfinished.clear();
    }

    /** {@code end} moved back over the blanks before it, not below {@code floor}. */
    private int blanksBefore(int end, int floor) {
        int k = end;
        while (k > floor && " \t\r\f".indexOf(s.charAt(k - 1)) >= 0) {
            k--;
        }
        return k;
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
}
