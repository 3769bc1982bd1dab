package dev.incidentconsole.exec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shell text sent over SSH, in one of two forms. sshd runs it with the account's login shell
 * ({@code $SHELL -c text}). Until the host's login shell is known, and for ever where it is not bash (tcsh, fish),
 * the command runs under {@code exec sh -c}, a line every shell reads alike ({@link #inSh}), which reports its
 * process id and {@code $SHELL} on stderr first (a marker line the reader strips) and replaces itself with
 * {@code bash -c} (or {@code sh -c}). Once a host's login shell is
 * known to be bash, the marker, exports and {@code cd} go straight to it with the command as the last line:
 * bash replaces itself with a last simple command, so the command is the one remote process, started with no
 * extra program load, as plain {@code ssh host command} does. A cancel is a channel signal first (see
 * {@link SshExecution#terminate}); the process id is the fallback for servers that ignore those, since
 * closing the channel alone stops nothing (without a pty the remote processes get no SIGHUP).
 *
 * <p>The environment's values never appear in the text: sshd puts the text on the command line of the remote
 * shell, which any user of the host can read in {@code ps} or {@code /proc/PID/cmdline}. They travel on the
 * channel's stdin instead ({@link #environmentInput}): a line count, then that many lines of {@code export} with
 * shell-quoted values (so a value may hold any character but NUL, line breaks included), which the shell reads
 * with its {@code read} builtin (a byte at a time on a pipe: it takes nothing past the last line) and evaluates
 * before the command runs; the command's stdin is what follows them.
 */
final class RemoteScript {
    /** Starts the first stderr line; ASCII record separator, never printed by ordinary commands. */
    static final String PID_MARKER = "\u001eIC-PID ";

    /**
     * Reads {@link #environmentInput} and evaluates it; exits 125 when it did not arrive whole, since the command
     * would run without its variables. Its own variables are unset after: the command's shell may be this one. It
     * holds no {@code !} and no line break (the line break it joins lines with is made at run time), so it can
     * travel inside the portable first line ({@link #portableWord}).
     */
    private static final String READ_ENVIRONMENT = "__ic_nl=$(printf '\\n_'); __ic_nl=${__ic_nl%_};"
            + " IFS= read -r __ic_n; [ \"$__ic_n\" -ge 0 ] 2>/dev/null || __ic_n=x;"
            + " __ic_s=; while [ \"$__ic_n\" != x ] && [ \"$__ic_n\" -gt 0 ] && IFS= read -r __ic_l;"
            + " do __ic_s=\"$__ic_s$__ic_l$__ic_nl\"; __ic_n=$((__ic_n-1)); done;"
            + " if [ \"$__ic_n\" != 0 ]; then echo 'incident-console: the environment variables did not arrive' >&2;"
            + " exit 125; fi; eval \"$__ic_s\"; unset __ic_n __ic_s __ic_l __ic_nl; ";

    /** Turns the portable word in {@code $1} back into its text, in {@code __ic_t}; see {@link #portableWord}. */
    private static final String DECODE_TEXT = "__ic_t=$(printf '%b_' \"$1\"); __ic_t=${__ic_t%_}; ";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RemoteScript() {
    }

    /**
     * The text that runs {@code text} in {@code workingDir} with {@code environment} exported, read from
     * the channel's stdin: send {@link #environmentInput} there first. The text holds no value.
     *
     * @param loginBash whether the host's login shell is known to be bash (the direct form)
     */
    static String wrap(String text, String workingDir, Map<String, String> environment, boolean loginBash)
            throws ExecException {
        checkNames(environment);
        StringBuilder script = new StringBuilder("printf '\\036IC-PID %s %s\\n' \"$$\" \"$SHELL\" >&2; ");
        if (!environment.isEmpty()) {
            script.append(READ_ENVIRONMENT);
        }
        boolean cd = workingDir != null && !workingDir.isBlank();
        String home = cd && workingDir.startsWith("~/") ? "\"$HOME\"/" : "";
        String dir = home.isEmpty() ? workingDir : workingDir.substring(2);
        if (loginBash) {
            if (cd) {
                script.append("cd ").append(home).append(ShellQuote.quote(dir)).append(" || exit 1; ");
            }
            // a line of its own: a comment or a trailing backslash in the command cannot reach the prefix
            return script.append("\n").append(text).toString();
        }
        if (cd) {
            script.append("__ic_t=$(printf '%b_' \"$2\"); cd ").append(home).append("\"${__ic_t%_}\" || exit 1; ");
        }
        script.append(DECODE_TEXT)
                .append("if command -v bash >/dev/null 2>&1; then exec bash -c \"$__ic_t\"; fi; exec sh -c \"$__ic_t\"");
        return inSh(script.toString()) + " ic-run " + portableWord(text) + (cd ? " " + portableWord(dir) : "");
    }

    /**
     * {@code script} run by {@code sh}, as a line that every login shell sshd may hand it to reads the same way:
     * sh, dash, bash and zsh, but also tcsh and csh (which expand history on {@code !} even inside single quotes
     * and refuse a line break there) and fish (which reads {@code \\} and {@code \'} inside single quotes as
     * escapes). {@code script} must hold no {@code !}, no line break and no backslash before a backslash or a quote.
     */
    private static String inSh(String script) {
        return "exec sh -c " + ShellQuote.quote(script);
    }

    /**
     * {@code text} as one single-quoted word that every login shell ({@link #inSh}) reads as the same characters,
     * for {@code sh} to turn back into {@code text} with {@code printf %b}: a backslash, a quote, {@code !} and every
     * byte that is not printable ASCII (line breaks; UTF-8, which an old csh strips to 7 bits) are written as octal
     * escapes ({@code \0134}), so the word holds none of them.
     */
    static String portableWord(String text) {
        StringBuilder word = new StringBuilder("'");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x20 || c > 0x7e || c == '\\' || c == '\'' || c == '!') {
                word.append(String.format("\\0%03o", c));
            } else {
                word.append((char) c);
            }
        }
        return word.append('\'').toString();
    }

    /**
     * What the channel's stdin carries first for {@link #wrap}'s text to read: nothing when {@code environment} is
     * empty, else the line count and the {@code export} lines.
     */
    static byte[] environmentInput(Map<String, String> environment) {
        if (environment.isEmpty()) {
            return new byte[0];
        }
        StringBuilder exports = new StringBuilder();
        environment.forEach((name, value) -> exports.append("export ").append(name).append('=')
                .append(ShellQuote.quote(value)).append('\n'));
        long lines = exports.chars().filter(c -> c == '\n').count();
        return (lines + "\n" + exports).getBytes(StandardCharsets.UTF_8);
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
     * Stops process {@code pid} and all its descendants: its process group where it leads one (OpenSSH's
     * sshd starts each session in a group of its own, which also holds children whose parent died), else the
     * tree below it, listed first (children are re-parented once their parent dies); SIGTERM, up to
     * {@code grace} to exit, then SIGKILL. Uses pgrep, or ps where pgrep is missing.
     */
    static String killTree(long pid, Duration grace) {
        long seconds = Math.max(1, (grace.toMillis() + 999) / 1000);
        return inSh("t() { for c in $(pgrep -P \"$1\" 2>/dev/null || ps -o pid= --ppid \"$1\" 2>/dev/null); do t \"$c\"; done;"
                + " echo \"$1\"; }; if kill -0 -" + pid + " 2>/dev/null; then p=-" + pid + "; else p=$(t " + pid
                + "); fi; kill -TERM $p 2>/dev/null;"
                + " alive() { for x in $p; do kill -0 \"$x\" 2>/dev/null && return 0; done; return 1; };"
                + " i=0; while [ $i -lt " + seconds + " ] && alive; do sleep 1; i=$((i+1)); done;"
                + " kill -KILL $p 2>/dev/null; exit 0");
    }
}
