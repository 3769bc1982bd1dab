package dev.incidentconsole.exec;

import dev.incidentconsole.shell.Flags;
import dev.incidentconsole.shell.ShellCommand;
import dev.incidentconsole.shell.SimpleCommand;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a command expects from the terminal, recognised from its text: whether it needs one
 * ({@code -it}, {@code psql} without {@code -c}, a bare shell, {@code top}, an editor, a pager), so the GUI
 * can offer a system terminal instead of a run that hangs, and whether it never ends by design
 * ({@code -f}, {@code watch}, {@code top}), so it gets no default timeout.
 *
 * @param needsTerminal true when the command is interactive
 * @param endless       true when the command runs until stopped
 * @param reason        a short phrase for the engineer, e.g. "psql without -c opens an interactive prompt";
 *                      empty for a plain batch command
 */
public record Interactivity(boolean needsTerminal, boolean endless, String reason) {

    public static final Interactivity BATCH = new Interactivity(false, false, "");

    private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash", "ash", "ksh", "fish");
    private static final Set<String> FULL_SCREEN = Set.of("top", "htop", "atop", "btop", "watch", "iftop",
            "nload", "k9s", "tmux", "screen", "mc");
    private static final Set<String> EDITORS_AND_PAGERS = Set.of("vim", "vi", "nvim", "nano", "emacs", "less",
            "more", "man", "visudo");
    private static final Set<String> PREFIXES = Set.of("sudo", "exec", "time", "nice", "command", "env",
            "nohup", "stdbuf");
    private static final Set<String> CONTAINER_TOOLS = Set.of("kubectl", "docker", "podman", "nerdctl", "oc");

    /** True when the command can run unattended with captured output. */
    public boolean batch() {
        return !needsTerminal;
    }

    /** Classifies every simple command in {@code command}; the first interactive one wins. */
    public static Interactivity of(String command) {
        return of(ShellCommand.parse(command));
    }

    /** Classifies every simple command of an already parsed command; the first interactive one wins. */
    public static Interactivity of(ShellCommand command) {
        Interactivity found = BATCH;
        for (SimpleCommand segment : command.commands()) {
            List<String> words = segment.values();
            if (segment.keywords().contains("while") || segment.keywords().contains("until")) {
                // the loop's condition decides whether it ends: "while true" does not
                words = new java.util.ArrayList<>(words);
                words.add(0, segment.keywords().contains("while") ? "while" : "until");
            }
            Interactivity one = classify(strip(words), segment.stdinFed());
            if (one.needsTerminal) {
                return one;
            }
            if (one.endless && !found.endless) {
                found = one;
            }
        }
        return found;
    }

    private static List<String> strip(List<String> words) {
        int start = 0;
        while (start < words.size() && (words.get(start).matches("[A-Za-z_][A-Za-z0-9_]*=.*")
                || PREFIXES.contains(words.get(start)) || (start > 0 && words.get(start).startsWith("-")
                && PREFIXES.contains(words.get(start - 1))))) {
            start++;
        }
        return words.subList(start, words.size());
    }

    /** psql's short options that take a value. */
    private static final String PSQL_VALUES = "cdfhLopPTUvFR";

    private static Interactivity classify(List<String> w, boolean stdinFed) {
        if (w.isEmpty()) {
            return BATCH;
        }
        String name = w.get(0).substring(w.get(0).lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        List<String> args = w.subList(1, w.size());
        if (CONTAINER_TOOLS.contains(name) && ttyRequested(args)) {
            return terminal(name + " -it attaches a terminal");
        }
        if (FULL_SCREEN.contains(name)) {
            boolean batchTop = name.equals("top") && args.contains("-b");
            return batchTop ? endless("top -b runs until stopped")
                    : new Interactivity(true, true, name + " is a full-screen program that runs until stopped");
        }
        if (EDITORS_AND_PAGERS.contains(name)) {
            return terminal(name + " needs a terminal");
        }
        if (SHELLS.contains(name) && !stdinFed && args.stream().allMatch(a -> a.startsWith("-") && !a.contains("c"))) {
            return terminal("a bare " + name + " opens an interactive shell");
        }
        return switch (name) {
            case "psql" -> !stdinFed && !Flags.hasAny(args, "--command", "--file", "--list", "--version")
                    && !Flags.hasShort(args, "cflV", PSQL_VALUES)
                    ? terminal("psql without -c or -f opens an interactive prompt") : BATCH;
            case "mysql", "mariadb" -> !stdinFed && !Flags.hasAny(args, "-e", "--execute")
                    ? terminal(name + " without -e opens an interactive prompt") : BATCH;
            case "mongo", "mongosh" -> !stdinFed && !Flags.hasAny(args, "--eval", "-f", "--file")
                    ? terminal(name + " without --eval opens an interactive prompt") : BATCH;
            case "redis-cli" -> InteractivityRules.redisCli(args, stdinFed);
            case "ssh" -> args.contains("-t") || args.stream().filter(a -> !a.startsWith("-")).count() < 2
                    ? terminal("ssh without a remote command opens an interactive session") : BATCH;
            case "kubectl", "oc" -> InteractivityRules.kubectl(args);
            case "docker", "podman", "nerdctl" -> InteractivityRules.docker(args);
            default -> InteractivityRules.follow(name, args);
        };
    }

    private static boolean ttyRequested(List<String> args) {
        int end = args.indexOf("--");
        List<String> own = end < 0 ? args : args.subList(0, end);
        boolean stdin = false;
        boolean tty = false;
        for (String a : own) {
            if (a.matches("-[a-zA-Z]*(it|ti)[a-zA-Z]*")) {
                return true;
            }
            stdin |= a.equals("-i") || a.equals("--stdin") || a.equals("--interactive");
            tty |= a.equals("-t") || a.equals("--tty");
        }
        return stdin && tty;
    }

    static Interactivity terminal(String reason) {
        return new Interactivity(true, false, reason);
    }

    static Interactivity endless(String reason) {
        return new Interactivity(false, true, reason);
    }

    /** Classifies an inner command (after {@code kubectl exec ... --}) as if it were written alone. */
    static Interactivity inner(List<String> words) {
        return classify(strip(words), false);
    }
}
