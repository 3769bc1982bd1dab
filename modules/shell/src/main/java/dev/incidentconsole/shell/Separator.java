package dev.incidentconsole.shell;

/** What ends a simple command: the operator that links it to the next one. */
public enum Separator {
    /** {@code |} or {@code |&}: its output feeds the next command. */
    PIPE,
    /** {@code &&}. */
    AND,
    /** {@code ||}. */
    OR,
    /** {@code ;} or {@code ;;}. */
    SEMICOLON,
    /** {@code &}: run in the background. */
    BACKGROUND,
    /** A line break. */
    NEWLINE,
    /** {@code (} or {@code )}: a subshell starts or ends. */
    SUBSHELL,
    /** The end of the text. */
    END
}
