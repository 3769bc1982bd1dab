package dev.incidentconsole.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wrappers that run their arguments as a command, and how to look past them: process wrappers
 * ({@code sudo}, {@code env}, {@code nohup}, {@code timeout}, {@code xargs}, {@code watch}...), shells given a
 * script ({@code sh -c}, {@code bash -lc}, {@code su - u -c}), container and pod runners ({@code kubectl exec
 * ... --}, {@code docker exec}, {@code docker compose exec}, {@code podman exec}) and {@code ssh host 'cmd'}.
 */
public final class Wrappers {
    /** Wrapper → its options that take a separate value. */
    private static final Map<String, Set<String>> PROCESS = Map.ofEntries(
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
    /** Wrappers whose first operand is theirs (a duration, a new root), not the command. */
    private static final Set<String> TAKE_OPERAND = Set.of("timeout", "chroot");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ash", "ksh", "su", "runuser");
    private static final Set<String> EXEC_WITH_VALUE = Set.of("-e", "--env", "-u", "--user", "-w", "--workdir",
            "--env-file", "--index", "--detach-keys");
    private static final Set<String> COMPOSE_WITH_VALUE = Set.of("-f", "--file", "-p", "--project-name",
            "--project-directory", "--env-file", "--profile");
    /** Programs whose {@code -c}/{@code --command} value a shell runs ({@code gcloud compute ssh --command}: the remote one). */
    private static final Set<String> COMMAND_OPTION = Set.of("flock", "script", "gcloud");
    /** Programs that may run their arguments or input as shell code, whatever their other words. */
    private static final Set<String> REPARSERS = Set.of("sh", "bash", "zsh", "dash", "ash", "ksh", "mksh", "busybox",
            "su", "runuser", "eval", "ssh", "watch", "script", "flock", "xargs", "parallel", "nsenter", "chroot",
            "tmux", "screen", "expect", "at", "batch");
    private static final Set<String> FIND_EXEC = Set.of("-exec", "-execdir", "-ok", "-okdir");
    /** Programs that join their words into a command line a shell parses, which the model does not follow. */
    private static final Set<String> JOINERS = Set.of("parallel", "tmux", "screen");
    /** Programs that run a command only with one of these words among theirs. */
    private static final Map<String, Set<String>> REPARSING_SUBCOMMANDS = Map.of(
            "docker", Set.of("run", "exec", "create"),
            "podman", Set.of("run", "exec", "create"),
            "nerdctl", Set.of("run", "exec"),
            "docker-compose", Set.of("run", "exec"),
            "kubectl", Set.of("exec", "run", "debug", "attach"),
            "oc", Set.of("exec", "run", "debug", "rsh"),
            "crictl", Set.of("exec"),
            "ip", Set.of("netns"),
            "sudo", Set.of("-s", "-i", "--shell", "--login"));
    /** ssh's options that take a value (ssh(1)). */
    private static final String SSH_VALUE_LETTERS = "BbcDEeFIiJLlmOopQRSWw";

    private Wrappers() {
    }

    /**
     * The index of the program in {@code words} (a simple command's words, program first) once variable
     * assignments and process wrappers such as {@code sudo -u x}, {@code env A=1}, {@code timeout 5} or {@code xargs -I{}} are passed;
     * {@code words.size()} when they wrap nothing. Container runners and scripts are not looked into: see
     * {@link SimpleCommand#invocation()} for that.
     */
    public static int programIndex(List<String> words) {
        int k = 0;
        while (k < words.size()) {
            if (Word.isAssignment(words.get(k))) {
                k++; // sudo FOO=1 cmd, env-style assignments between wrappers
                continue;
            }
            String name = basename(words.get(k));
            Set<String> valueOptions = PROCESS.get(name);
            if (valueOptions == null) {
                return k;
            }
            k = skipProcessWrapper(words, k + 1, name, valueOptions);
        }
        return k;
    }

    static Invocation unwrap(List<String> words) {
        List<String> via = new ArrayList<>();
        int k = 0;
        int n = words.size();
        while (k < n) {
            String name = basename(words.get(k));
            Set<String> valueOptions = PROCESS.get(name);
            if (valueOptions != null) {
                via.add(name);
                k = skipProcessWrapper(words, k + 1, name, valueOptions);
                continue;
            }
            List<String> rest = words.subList(k, n);
            int inner = container(rest);
            if (inner > 0) {
                via.add(containerRunner(rest));
                k += inner;
                continue;
            }
            String script = shellScript(rest);
            if (script == null && name.equals("ssh")) {
                script = sshCommand(rest);
            }
            return new Invocation(via, rest, script == null ? null : ShellCommand.parse(script));
        }
        return new Invocation(via, List.of(), null);
    }

    private static int skipProcessWrapper(List<String> words, int from, String name, Set<String> valueOptions) {
        int k = from;
        while (k < words.size()) {
            String v = words.get(k);
            if ("--".equals(v)) {
                return k + 1;
            } else if (v.startsWith("-") && v.length() > 1) {
                k += valueOptions.contains(v) ? 2 : 1;
            } else if ("env".equals(name) && v.indexOf('=') > 0) {
                k++;
            } else if (TAKE_OPERAND.contains(name)) {
                return k + 1;
            } else {
                return k;
            }
        }
        return words.size();
    }

    /**
     * How many words of {@code words} (program first) a container or pod runner ({@code docker exec},
     * {@code docker compose exec}, {@code docker-compose exec}, {@code podman exec}, {@code kubectl exec ... --},
     * {@code oc exec ... --}) takes before the command it runs inside; 0 when {@code words} are none, or name
     * no command to run.
     */
    public static int container(List<String> words) {
        if (words.isEmpty()) {
            return 0;
        }
        String program = basename(words.get(0));
        if ((program.equals("docker") || program.equals("podman")) && words.size() > 1 && words.get(1).equals("exec")) {
            return afterTarget(words, 2);
        }
        if (program.equals("docker") && words.size() > 1 && words.get(1).equals("compose")) {
            int k = skipOptions(words, 2, COMPOSE_WITH_VALUE);
            return k < words.size() && words.get(k).equals("exec") ? afterTarget(words, k + 1) : 0;
        }
        if (program.equals("docker-compose")) {
            int k = skipOptions(words, 1, COMPOSE_WITH_VALUE);
            return k < words.size() && words.get(k).equals("exec") ? afterTarget(words, k + 1) : 0;
        }
        if (program.equals("kubectl") || program.equals("oc")) {
            int exec = words.indexOf("exec");
            int dashes = words.indexOf("--");
            return exec > 0 && dashes > exec && dashes + 1 < words.size() ? dashes + 1 : 0;
        }
        return 0;
    }

    /** The runner's name for a {@link #container} runner: {@code docker compose exec}, {@code kubectl exec}... */
    public static String containerRunner(List<String> words) {
        String program = basename(words.get(0));
        return program.equals("docker") && words.size() > 1 && words.get(1).equals("compose") ? "docker compose exec"
                : program + " exec";
    }

    private static int afterTarget(List<String> words, int from) {
        int k = skipOptions(words, from, EXEC_WITH_VALUE);
        return k + 1 < words.size() ? k + 1 : 0;
    }

    private static int skipOptions(List<String> words, int from, Set<String> withValue) {
        int k = from;
        while (k < words.size() && words.get(k).startsWith("-")) {
            k += withValue.contains(words.get(k)) ? 2 : 1;
        }
        return k;
    }

    /**
     * For {@code sh -c 'script'}, {@code bash -lc "..."}, {@code su - postgres -c '...'}: the script, or null.
     *
     * @param words the command's words, the shell first
     */
    public static String shellScript(List<String> words) {
        int k = shellScriptIndex(words);
        return k < 0 ? null : words.get(k);
    }

    private static int shellScriptIndex(List<String> words) {
        String program = basename(words.get(0));
        boolean shell = SHELLS.contains(program);
        if (!shell && !COMMAND_OPTION.contains(program)) {
            return -1;
        }
        for (int k = 1; k + 1 < words.size(); k++) {
            String a = words.get(k);
            boolean cluster = a.length() > 1 && a.charAt(0) == '-' && a.charAt(1) != '-' && a.indexOf('c') > 0
                    && a.chars().skip(1).allMatch(ch -> ch >= 'a' && ch <= 'z');
            if ("-c".equals(a) || "--command".equals(a) || shell && cluster && !"su".equals(program)) {
                return k + 1;
            }
        }
        return -1;
    }

    /**
     * The index in {@code words} of a script that a shell runs, written anywhere from {@code from} on: a shell
     * given {@code -c} behind a program the wrappers do not look past ({@code docker run img sh -c '...'},
     * {@code find . -exec sh -c '...' \;}, {@code ip netns exec ns bash -c "..."}), or the command of
     * {@code flock -c}, {@code script -c} and {@code gcloud compute ssh --command}, which a shell runs.
     *
     * @return the index, or -1 when no such word is there
     */
    public static int scriptIndex(List<String> words, int from) {
        for (int k = Math.max(0, from); k < words.size(); k++) {
            int s = shellScriptIndex(words.subList(k, words.size()));
            if (s >= 0) {
                return k + s;
            }
        }
        return -1;
    }

    /**
     * Whether a command's words (program first) name a program that may read its arguments or its input as shell
     * code, recognised or not by {@link SimpleCommand#invocation()}: shells, {@code su}/{@code runuser},
     * {@code eval}, {@code ssh}, {@code watch}, {@code script}, {@code flock}, {@code xargs}, {@code parallel},
     * {@code nsenter}, {@code chroot}, {@code find -exec}, {@code ip netns exec}, {@code docker}/{@code podman}
     * {@code run|exec}, {@code kubectl exec|run|debug|attach}, {@code oc debug|exec|rsh|run}, {@code crictl exec},
     * {@code gcloud ... --command}, {@code sudo -s|-i}; a container runner that {@link #container} looks past
     * does not count, its command's words do. Any word counts, data included ({@code grep sh}), so a
     * false answer proves that no second shell is there and a true one only that one may be.
     */
    public static boolean reparses(List<String> words) {
        for (String w : words) {
            String name = basename(w);
            if (REPARSERS.contains(name) || FIND_EXEC.contains(w) || w.startsWith("--command")) {
                return true;
            }
            Set<String> sub = REPARSING_SUBCOMMANDS.get(name);
            // docker exec, kubectl exec -- ...: the command they run is looked into, and is a shell or not
            boolean unwrapped = container(words.subList(words.indexOf(w), words.size())) > 0;
            if (sub != null && !unwrapped && words.stream().anyMatch(sub::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The first and last word of the script holding word {@code index}, when a second shell parses it; else null. */
    static int[] scriptWords(SimpleCommand command, int index) {
        Invocation real = command.invocation();
        int program = command.words().size() - real.words().size();
        List<String> values = command.values();
        int last = values.size() - 1;
        if (real.script() != null) {
            // sh -c's script is one word (the arguments after it are data); ssh's command is its last words joined
            String script = real.script().text();
            for (int k = last; k > program; k--) {
                if (String.join(" ", values.subList(k, values.size())).equals(script)) {
                    return index >= k ? new int[] {k, last} : null;
                }
            }
            return index > program && values.get(index).equals(script) ? new int[] {index, index} : null;
        }
        if ("eval".equals(real.program())) {
            return index > program ? new int[] {program + 1, last} : null;
        }
        if (real.via("watch")) {
            return index >= program ? new int[] {program, last} : null;
        }
        int script = scriptIndex(values, program);
        return script >= 0 && script == index ? new int[] {index, index} : null;
    }

    /**
     * Whether a command's words (program first) name, as any word, a program that joins its words into a command
     * line for a shell and that {@link SimpleCommand#invocation()} does not follow: {@code parallel}, {@code tmux},
     * {@code screen}.
     */
    public static boolean joinsWords(List<String> words) {
        return words.stream().anyMatch(w -> JOINERS.contains(basename(w)));
    }

    /** {@code ssh [options] host command...}: the remote command line, which the remote shell parses. */
    private static String sshCommand(List<String> words) {
        int k = 1;
        while (k < words.size() && words.get(k).startsWith("-") && words.get(k).length() > 1) {
            String a = words.get(k);
            char last = a.charAt(a.length() - 1);
            k += a.length() == 2 && SSH_VALUE_LETTERS.indexOf(last) >= 0 ? 2 : 1;
        }
        return k + 1 < words.size() ? String.join(" ", words.subList(k + 1, words.size())) : null;
    }

    /** {@code word} without its directory ({@code /usr/bin/curl} is {@code curl}); a word ending in {@code /} as is. */
    public static String basename(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 && slash < word.length() - 1 ? word.substring(slash + 1) : word;
    }
}
