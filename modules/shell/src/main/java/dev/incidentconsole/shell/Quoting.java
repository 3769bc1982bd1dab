package dev.incidentconsole.shell;

/** The quoting in force at a character of a shell command text. */
public enum Quoting {
    /** Shell code: words, operators, and the inside of {@code $(...)} or backticks. */
    UNQUOTED,
    /** Inside {@code '...'}: nothing is special. */
    SINGLE,
    /** Inside {@code $'...'}: backslash escapes, no expansion. */
    ANSI_C,
    /** Inside {@code "..."}: {@code $}, backticks and backslash stay special. */
    DOUBLE,
    /** A here-document body whose delimiter is unquoted: expansions happen. */
    HEREDOC,
    /** A here-document body whose delimiter is quoted ({@code <<'EOF'}): taken literally. */
    HEREDOC_LITERAL,
    /** A {@code # comment} up to the end of its line. */
    COMMENT
}
