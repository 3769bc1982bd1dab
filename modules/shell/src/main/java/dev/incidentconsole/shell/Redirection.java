package dev.incidentconsole.shell;

/**
 * One redirection of a simple command.
 *
 * @param fd          the file descriptor written before the operator ({@code 2} in {@code 2>&1}), or -1
 * @param operator    {@code <}, {@code >}, {@code >>}, {@code >|}, {@code <>}, {@code <&}, {@code >&},
 *                    {@code &>}, {@code &>>}, {@code <<}, {@code <<-} or {@code <<<}
 * @param target      the file, descriptor, here-string or here-document delimiter; {@code null} when missing
 * @param body        a here-document's body (without its delimiter line), else {@code null}
 * @param bodyStart   offset of the body in the parsed text, or -1
 * @param expanding   a here-document whose delimiter is unquoted, so {@code $VAR} in its body is expanded
 */
public record Redirection(int fd, String operator, Word target, String body, int bodyStart, boolean expanding) {

    /** True when the command's standard input comes from here (a file, here-string or here-document). */
    public boolean feedsStdin() {
        return operator.startsWith("<") && fd <= 0;
    }
}
