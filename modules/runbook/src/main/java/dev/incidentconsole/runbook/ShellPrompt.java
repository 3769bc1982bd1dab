package dev.incidentconsole.runbook;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises shell prompts in console transcripts ({@code $ }, {@code user@host:~$ },
 * {@code [root@host ~]# }, {@code bash-5.1# }, {@code % } in zsh/console blocks) and the bare
 * {@code # } root prompt, which is only trusted in {@code console} blocks when the text after it
 * starts with a well-known command name (in bash {@code # } is a comment far more often), the {@code > }
 * prompt of an interactive client (redis-cli, a rails console) in a block with no language, and redis-cli's
 * {@code 127.0.0.1:6379> } prompt in any block.
 */
final class ShellPrompt {

    private static final Pattern EXPLICIT = Pattern.compile(
            "^[ \\t]*(?:\\([\\w.-]+\\)[ \\t]*)?"
                    + "(?:\\[[^\\]\\s]+@[^\\]]+\\][ \\t]?[$#%]|[\\w.-]+@[\\w.-]+(?::[^\\s$#]*)?[ \\t]?[$#%]"
                    + "|(?:ba|z|da)?sh-\\d++(?:\\.\\d++)*+[$#]|\\$)(?:[ \\t]|$)");
    private static final Pattern PERCENT = Pattern.compile("^[ \\t]*%(?:[ \\t]|$)");
    private static final Pattern ROOT = Pattern.compile("^[ \\t]*#[ \\t]+([a-z][\\w.+-]*)(?:[ \\t]|$)");
    private static final Pattern CONTINUATION = Pattern.compile("^[ \\t]*>(?:[ \\t]|$)");
    /**
     * redis-cli's prompt, naming the server it is connected to: {@code 127.0.0.1:6379> }, {@code host:6379[2]> }
     * (database 2), older clients' {@code redis 127.0.0.1:6379> }.
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:redis )?(?:[\\w.-]+|\\[[0-9A-Fa-f:.]+\\]):\\d{1,5}(?:\\[\\d{1,5}\\])?> ");

    /** Commands common enough at a root prompt that a {@code # name ...} line is read as one. */
    private static final Set<String> ROOT_COMMANDS = Set.of(
            "apt", "apt-get", "cat", "cd", "chmod", "chown", "cp", "crictl", "curl", "df", "dig", "dmesg",
            "dnf", "docker", "docker-compose", "du", "echo", "etcdctl", "export", "fdisk", "helm",
            "iptables", "ip", "journalctl", "kubectl", "ls", "lsblk", "lsof", "mkdir", "mount", "mv",
            "netstat", "nft", "oc", "openssl", "podman", "ps", "psql", "redis-cli", "rm", "rpm",
            "service", "ss", "ssh", "sudo", "su", "sysctl", "systemctl", "tail", "tar", "tcpdump",
            "umount", "useradd", "vi", "vim", "wget", "yum", "zypper");

    private ShellPrompt() {
    }

    /**
     * Where the command starts after an unambiguous prompt, or -1 when the line has none.
     *
     * @param language the block language; {@code % } counts only in zsh and console blocks
     */
    static int explicit(String line, String language) {
        if (!mayStartWithPrompt(line)) {
            return -1;
        }
        // lookingAt, not find: the patterns are anchored, and find would retry at every offset.
        Matcher m = EXPLICIT.matcher(line);
        if (m.lookingAt()) {
            return m.end();
        }
        if (("console".equals(language) || "zsh".equals(language))) {
            Matcher p = PERCENT.matcher(line);
            if (p.lookingAt()) {
                return p.end();
            }
        }
        return -1;
    }

    /**
     * False for a line none of the prompts can start: asked of every line of every shell block, and a command
     * line ({@code kubectl get pods -n $NS}) is answered by a scan of its first word instead of the regexes.
     * After the blanks, each prompt starts with {@code (}, {@code [}, {@code $} or {@code %}, or is a run of
     * {@code [\w.-]} characters followed by {@code @} ({@code user@host}) or by {@code $}/{@code #}
     * ({@code bash-5.1$}).
     */
    private static boolean mayStartWithPrompt(String line) {
        int n = line.length();
        int k = 0;
        while (k < n && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
            k++;
        }
        if (k == n) {
            return false;
        }
        char c = line.charAt(k);
        if (c == '(' || c == '[' || c == '$' || c == '%') {
            return true;
        }
        int run = k;
        while (run < n && isWordDotDash(line.charAt(run))) {
            run++;
        }
        if (run == k || run == n) {
            return false;
        }
        char after = line.charAt(run);
        return after == '@' || after == '$' || after == '#';
    }

    /** The characters of regex {@code [\w.-]}: ASCII letters and digits, {@code _}, {@code .} and {@code -}. */
    private static boolean isWordDotDash(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '-';
    }

    /** Whether {@code program} is one of the commands common at a root prompt, so surely a program. */
    static boolean wellKnown(String program) {
        return ROOT_COMMANDS.contains(program);
    }

    /** Where the command starts after a bare {@code # } root prompt that looks like a command, or -1. */
    static int root(String line) {
        Matcher m = ROOT.matcher(line);
        if (!m.lookingAt() || !ROOT_COMMANDS.contains(m.group(1)) || line.stripTrailing().endsWith(":")) {
            return -1;
        }
        return m.start(1);
    }

    /** Removes a {@code > } secondary prompt from a continuation line of a console transcript. */
    static String stripContinuation(String line) {
        Matcher m = CONTINUATION.matcher(line);
        return m.lookingAt() ? line.substring(m.end()) : line;
    }

    /**
     * Whether the stripped {@code trimmed} line of a block with no language is typed at an interactive client's
     * {@code > } prompt ({@code > flushall} after {@code redis-cli}), not at the shell: {@code >}, a blank, and a
     * word that names no file to truncate (not a path, variable or quoted name). A shell truncation
     * ({@code > /var/log/app.log}) keeps its command, as it does in any block with a shell language.
     */
    static boolean client(String trimmed) {
        if (trimmed.length() < 3 || trimmed.charAt(0) != '>' || trimmed.charAt(1) != ' ') {
            return false;
        }
        String rest = trimmed.substring(2).stripLeading();
        if (rest.isEmpty()) {
            return false;
        }
        char c = rest.charAt(0);
        return Character.isLetter(c) && rest.indexOf('/') < 0 && rest.indexOf('$') < 0;
    }

    /**
     * Where the text typed at a client's prompt naming its server ({@code 127.0.0.1:6379> SLOWLOG GET 10}) starts
     * in the stripped {@code trimmed} line, or -1. Unlike the bare {@code > } of {@link #client}, this prompt cannot
     * be a shell continuation or redirection, so it is read in a block of any shell language as in one with none:
     * an engineer reading it types the rest into redis-cli, never into the shell.
     */
    static int address(String trimmed) {
        if (trimmed.isEmpty() || !isWordDotDash(trimmed.charAt(0)) && trimmed.charAt(0) != '['
                || trimmed.indexOf("> ") < 0) {
            return -1;
        }
        Matcher m = ADDRESS.matcher(trimmed);
        if (!m.lookingAt() || m.end() == trimmed.length() || trimmed.substring(m.end()).isBlank()) {
            return -1;
        }
        return m.end();
    }

    /**
     * The text typed at a client's prompt in the stripped {@code trimmed} line of a block in {@code language}: after
     * a server-naming prompt ({@link #address}) in any block, after a bare {@code > } ({@link #client}) in a block
     * with no language; null when the line is not typed at a client.
     */
    static String typed(String trimmed, String language) {
        int at = address(trimmed);
        if (at >= 0) {
            return trimmed.substring(at).strip();
        }
        return language.isEmpty() && client(trimmed) ? trimmed.substring(2).strip() : null;
    }
}
