package dev.incidentconsole.exec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which quoting applies at an offset of a shell command text, so a substituted value can be quoted for
 * its place. A small scanner of the POSIX quoting rules (quotes, backslash, {@code $(...)}, backticks,
 * here-documents), hand-written because no Java library exposes a shell lexer with offsets.
 */
public final class ShellContext {

    /** The quoting in force at an offset. */
    public enum Kind { UNQUOTED, SINGLE, DOUBLE, HEREDOC, HEREDOC_LITERAL }

    private static final Pattern HEREDOC_START = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z0-9_.-]+)\\1");

    private ShellContext() {
    }

    /** The quoting in force just before {@code offset} in {@code text}. */
    public static Kind at(String text, int offset) {
        Deque<Kind> outer = new ArrayDeque<>();
        Deque<String> heredocs = new ArrayDeque<>();
        boolean heredocExpands = true;
        Kind kind = Kind.UNQUOTED;
        int i = 0;
        while (i < offset) {
            char c = text.charAt(i);
            if (kind == Kind.HEREDOC || kind == Kind.HEREDOC_LITERAL) {
                int lineEnd = text.indexOf('\n', i);
                if (lineEnd < 0 || lineEnd >= offset) {
                    return kind;
                }
                String line = text.substring(i, lineEnd).strip();
                if (line.equals(heredocs.peekFirst())) {
                    heredocs.removeFirst();
                    kind = heredocs.isEmpty() ? Kind.UNQUOTED : kind;
                }
                i = lineEnd + 1;
                continue;
            }
            switch (kind) {
                case SINGLE -> {
                    if (c == '\'') {
                        kind = Kind.UNQUOTED;
                    }
                }
                case DOUBLE -> {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        kind = Kind.UNQUOTED;
                    } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                        outer.push(Kind.DOUBLE);
                        kind = Kind.UNQUOTED;
                        i++;
                    } else if (c == '`') {
                        outer.push(Kind.DOUBLE);
                        kind = Kind.UNQUOTED;
                    }
                }
                default -> {
                    if (c == '\\') {
                        i++;
                    } else if (c == '\'') {
                        kind = Kind.SINGLE;
                    } else if (c == '"') {
                        kind = Kind.DOUBLE;
                    } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                        outer.push(Kind.UNQUOTED);
                        i++;
                    } else if ((c == ')' || c == '`') && !outer.isEmpty()) {
                        kind = outer.pop();
                    } else if (c == '`') {
                        outer.push(Kind.UNQUOTED);
                    } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                        int lineEnd = text.indexOf('\n', i);
                        i = lineEnd < 0 ? offset : lineEnd;
                        continue;
                    } else if (c == '<') {
                        Matcher m = HEREDOC_START.matcher(text).region(i, text.length());
                        if (m.lookingAt()) {
                            heredocs.addLast(m.group(2));
                            heredocExpands = m.group(1).isEmpty();
                            i = m.end();
                            continue;
                        }
                    } else if (c == '\n' && !heredocs.isEmpty()) {
                        kind = heredocExpands ? Kind.HEREDOC : Kind.HEREDOC_LITERAL;
                    }
                }
            }
            i++;
        }
        return kind;
    }
}
