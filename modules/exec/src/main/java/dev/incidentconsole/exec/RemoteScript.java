package dev.incidentconsole.exec;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shell text sent over SSH. The login shell may be anything, so the command runs under
 * {@code exec sh -c}, which reports its process id on stderr first (a marker line the reader strips);
 * cancelling uses that id to stop the whole remote process tree, which closing the channel alone does not
 * do (without a pty the remote processes get no SIGHUP).
 */
final class RemoteScript {
    /** Starts the first stderr line; ASCII record separator, never printed by ordinary commands. */
    static final String PID_MARKER = "\u001eIC-PID ";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RemoteScript() {
    }

    static String wrap(String text, String workingDir, Map<String, String> environment) throws ExecException {
        checkNames(environment);
        StringBuilder script = new StringBuilder("printf '\\036IC-PID %s\\n' \"$$\" >&2; ");
        for (Map.Entry<String, String> e : environment.entrySet()) {
            script.append("export ").append(e.getKey()).append('=').append(ShellQuote.quote(e.getValue())).append("; ");
        }
        if (workingDir != null && !workingDir.isBlank()) {
            String dir = workingDir.startsWith("~/") ? "\"$HOME\"/" + ShellQuote.quote(workingDir.substring(2))
                    : ShellQuote.quote(workingDir);
            script.append("cd ").append(dir).append(" || exit 1; ");
        }
        script.append("if command -v bash >/dev/null 2>&1; then exec bash -c \"$1\"; fi; exec sh -c \"$1\"");
        return "exec sh -c " + ShellQuote.quote(script.toString()) + " ic-run " + ShellQuote.quote(text);
    }

    /** Refuses environment variable names a shell could misread. */
    static void checkNames(Map<String, String> environment) throws ExecException {
        for (String name : environment.keySet()) {
            if (!NAME.matcher(name).matches()) {
                throw new ExecException(ExecException.Reason.INVALID_REQUEST, "Environment variable name '"
                        + name + "' is not valid; use letters, digits and underscores.");
            }
        }
    }

    /**
     * Stops process {@code pid} and all its descendants: lists the tree first (children are re-parented
     * once their parent dies), SIGTERM, up to {@code grace} to exit, then SIGKILL. Uses pgrep, or ps where
     * pgrep is missing.
     */
    static String killTree(long pid, Duration grace) {
        long seconds = Math.max(1, (grace.toMillis() + 999) / 1000);
        return "t() { for c in $(pgrep -P \"$1\" 2>/dev/null || ps -o pid= --ppid \"$1\" 2>/dev/null); do t \"$c\"; done;"
                + " echo \"$1\"; }; p=$(t " + pid + "); kill -TERM $p 2>/dev/null;"
                + " alive() { for x in $p; do kill -0 \"$x\" 2>/dev/null && return 0; done; return 1; };"
                + " i=0; while [ $i -lt " + seconds + " ] && alive; do sleep 1; i=$((i+1)); done;"
                + " kill -KILL $p 2>/dev/null; exit 0";
    }
}
