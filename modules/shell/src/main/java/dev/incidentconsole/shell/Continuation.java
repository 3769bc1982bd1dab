package dev.incidentconsole.shell;

/** Why a shell command text does not end at a line end: what is still open there. */
public enum Continuation {
    /** Nothing is open: the command ends at this line end. */
    NONE,
    /** The line ends in a backslash, which joins it to the next. */
    BACKSLASH,
    /** A quote, {@code $(...)}, backtick or {@code ${...}} is still open. */
    QUOTE,
    /** A here-document body has not reached its delimiter line. */
    HEREDOC,
    /** A compound command ({@code if ... fi}, {@code for/while/until ... done}, {@code case ... esac}, {@code { ... }}) is open. */
    COMPOUND,
    /** A subshell {@code ( ... )} is open. */
    SUBSHELL,
    /** The line ends in {@code |}, {@code &&} or {@code ||}: the command after it is on the next line. */
    OPERATOR
}
