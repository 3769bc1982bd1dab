package dev.incidentconsole.runbook;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the program a simple command really runs, looking past environment assignments and wrappers
 * that run their arguments as a command ({@code sudo}, {@code env}, {@code time}, {@code watch},
 * {@code timeout}, {@code nice}, {@code xargs} ...), and finds the sub-command of tools such as
 * {@code kubectl} or {@code docker} past their global options.
 */
final class CommandWords {

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\[[^]]*])?\\+?=.*", Pattern.DOTALL);

    private static final Pattern SHELL_C = Pattern.compile("-[a-z]*c[a-z]*");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ash", "ksh", "su", "runuser");

    /** Wrapper -> its options that take a separate value. */
    private static final Map<String, Set<String>> WRAPPERS = Map.ofEntries(
            Map.entry("sudo", Set.of("-u", "-g", "-h", "-p", "-C", "-D", "-R", "-T", "-U", "--user", "--group",
                    "--host", "--prompt", "--chdir", "--close-from", "--role", "--type")),
            Map.entry("doas", Set.of("-u", "-C")),
            Map.entry("env", Set.of("-u", "-C", "--unset", "--chdir", "-S", "--split-string")),
            Map.entry("time", Set.of("-f", "-o", "--format", "--output")),
            Map.entry("nohup", Set.of()),
            Map.entry("exec", Set.of("-a")),
            Map.entry("command", Set.of()),
            Map.entry("builtin", Set.of()),
            Map.entry("nice", Set.of("-n", "--adjustment")),
            Map.entry("ionice", Set.of("-c", "-n", "-p", "--class", "--classdata")),
            Map.entry("stdbuf", Set.of("-i", "-o", "-e")),
            Map.entry("timeout", Set.of("-s", "-k", "--signal", "--kill-after")),
            Map.entry("watch", Set.of("-n", "--interval", "-q", "--equexit")),
            Map.entry("xargs", Set.of("-I", "-n", "-P", "-L", "-d", "-s", "-a", "-E", "--max-args", "--max-procs",
                    "--delimiter", "--arg-file", "--max-lines", "--replace")),
            Map.entry("nsenter", Set.of("-t", "--target", "-S", "-G", "--setuid", "--setgid")),
            Map.entry("chroot", Set.of("--userspec", "--groups")),
            Map.entry("strace", Set.of("-e", "-o", "-p", "-s", "-u")),
            Map.entry("caffeinate", Set.of()));

    private CommandWords() {
    }

    /** The program name of a word: its value without any directory, e.g. {@code kubectl} for /usr/bin/kubectl. */
    static String basename(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 && slash < word.length() - 1 ? word.substring(slash + 1) : word;
    }

    /** Index of the word naming the program actually run; {@code words.size()} when there is none. */
    static int programIndex(List<ShellWords.Word> words) {
        int k = 0;
        int n = words.size();
        while (k < n) {
            ShellWords.Word w = words.get(k);
            if (w.redirect() || (!w.raw().startsWith("\"") && !w.raw().startsWith("'")
                    && isAssignment(w.value()) && !w.value().startsWith("="))) {
                k++;
                continue;
            }
            String name = basename(w.value());
            Set<String> valueOptions = WRAPPERS.get(name);
            if (valueOptions == null || w.quoted()) {
                return k;
            }
            k = skipWrapper(words, k + 1, name, valueOptions);
        }
        return n;
    }

    private static int skipWrapper(List<ShellWords.Word> words, int from, String name, Set<String> valueOptions) {
        int k = from;
        int n = words.size();
        while (k < n) {
            ShellWords.Word w = words.get(k);
            String v = w.value();
            if (w.redirect()) {
                k++;
            } else if ("--".equals(v)) {
                return k + 1;
            } else if (v.startsWith("-") && v.length() > 1 && !w.quoted()) {
                k += valueOptions.contains(v) ? 2 : 1;
            } else if ("env".equals(name) && isAssignment(v)) {
                k++;
            } else if ("timeout".equals(name) || "chroot".equals(name)) {
                return k + 1;
            } else {
                return k;
            }
        }
        return n;
    }

    /** {@code NAME=value}; the indexOf test spares the regex for the many words without '='. */
    private static boolean isAssignment(String word) {
        return word.indexOf('=') > 0 && ASSIGNMENT.matcher(word).matches();
    }

    /**
     * The first argument after {@code from} that is not an option or the value of one of
     * {@code valueOptions}; -1 when there is none.
     */
    static int firstOperand(List<String> args, int from, Set<String> valueOptions) {
        for (int k = from; k < args.size(); k++) {
            String a = args.get(k);
            if (a.startsWith("-") && a.length() > 1) {
                if (valueOptions.contains(a)) {
                    k++;
                }
            } else {
                return k;
            }
        }
        return -1;
    }

    /** For {@code sh -c 'script'}, {@code bash -lc "..."}, {@code su - postgres -c '...'}: the script, or null. */
    static String shellScript(List<String> args) {
        String program = basename(args.get(0));
        if (!SHELLS.contains(program)) {
            return null;
        }
        for (int k = 1; k + 1 < args.size(); k++) {
            String a = args.get(k);
            if ("-c".equals(a) || "--command".equals(a) || (SHELL_C.matcher(a).matches() && !"su".equals(program))) {
                return args.get(k + 1);
            }
        }
        return null;
    }
}
