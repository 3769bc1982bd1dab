package dev.incidentconsole.shell;

/**
 * The compound commands and subshells open at a point of {@link ShellParser}'s pass, for
 * {@link ShellCommand#firstCommandEnd}: a reserved word counts only where a command starts, and a closer
 * closes only the kind of block it belongs to ({@code done} does not close an {@code if}). Not thread-safe.
 */
final class OpenBlocks {
    private static final char SUBSHELL = '(';
    private static final char BRACE = '{';
    private static final char IF = 'i';
    private static final char LOOP = 'l';
    private static final char CASE = 'c';

    private final StringBuilder stack = new StringBuilder();

    /** A word read where a command starts; returns whether the next word is at a command start too. */
    boolean commandWord(String word) {
        switch (word) {
            case "if" -> stack.append(IF);
            case "for", "while", "until", "select" -> stack.append(LOOP);
            case "case" -> stack.append(CASE);
            case "{" -> stack.append(BRACE);
            case "fi" -> close(IF);
            case "done" -> close(LOOP);
            case "esac" -> close(CASE);
            case "}" -> close(BRACE);
            default -> { }
        }
        return switch (word) {
            case "if", "while", "until", "then", "do", "else", "elif", "!", "time", "{" -> true;
            default -> false;
        };
    }

    void openSubshell() {
        stack.append(SUBSHELL);
    }

    void closeSubshell() {
        close(SUBSHELL);
    }

    /** What is open, innermost first: {@link Continuation#NONE} when nothing is. */
    Continuation open() {
        if (stack.isEmpty()) {
            return Continuation.NONE;
        }
        return stack.charAt(stack.length() - 1) == SUBSHELL ? Continuation.SUBSHELL : Continuation.COMPOUND;
    }

    private void close(char kind) {
        int top = stack.length() - 1;
        if (top >= 0 && stack.charAt(top) == kind) {
            stack.setLength(top);
        }
    }
}
