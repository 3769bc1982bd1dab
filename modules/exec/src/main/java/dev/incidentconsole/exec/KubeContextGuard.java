package dev.incidentconsole.exec;

import dev.incidentconsole.shell.ShellCommand;
import dev.incidentconsole.shell.SimpleCommand;
import dev.incidentconsole.shell.Wrappers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a {@code kubectl} call that has no cluster to talk to. Without a context (none chosen, no
 * {@code current-context} in the kubeconfig, or no kubeconfig at all) kubectl falls back to
 * {@code localhost:8080}, and whatever listens there answers: in the issue, a misleading NotFound. A call
 * that names its own {@code --context}, {@code --server} or {@code --kubeconfig}, {@code kubectl config ...}
 * and client-only calls pass, as does anything inside a cluster (in-cluster configuration).
 */
final class KubeContextGuard {
    private static final Pattern CURRENT = Pattern.compile("(?m)^current-context:[ \\t]*(\\S.*?)?[ \\t]*$");
    /** How deep scripts in scripts ({@code sh -c "ssh h 'kubectl ...'"}) are looked into. */
    private static final int MAX_SCRIPT_DEPTH = 6;
    private static final List<String> OWN_CLUSTER = List.of("--context", "--server", "-s", "--kubeconfig",
            "--cluster");

    private KubeContextGuard() {
    }

    /**
     * @param parsed the command as it will run
     * @param env  the environment kubectl will see (KUBECONFIG, KUBERNETES_SERVICE_HOST)
     * @param home the user's home, for {@code ~/.kube/config}
     * @throws ExecException NO_KUBE_CONTEXT naming the kubeconfig and what to do
     */
    static void check(ShellCommand parsed, Target target, Map<String, String> env, Path home) throws ExecException {
        if (target instanceof KubeTarget kube && kube.context() != null || target instanceof SshTarget
                || target instanceof DockerTarget) {
            return;
        }
        boolean inPod = target instanceof KubeTarget kube && kube.pod() != null; // wrapped in kubectl exec
        if (!inPod && !callsKubectlOnACluster(parsed, 0, true)) {
            return;
        }
        if (env.get("KUBERNETES_SERVICE_HOST") != null) {
            return; // in a pod: kubectl uses the in-cluster configuration
        }
        List<Path> files = kubeconfigs(target, env, home);
        List<Path> existing = files.stream().filter(Files::isRegularFile).toList();
        String where = String.join(":", files.stream().map(Path::toString).toList());
        if (existing.isEmpty()) {
            throw refuse("kubectl has no configuration: " + where + " does not exist, so it would send the command"
                    + " to localhost:8080. Choose a kubectl target with a context, or create the kubeconfig.");
        }
        for (Path file : existing) {
            if (currentContext(file) != null) {
                return;
            }
        }
        throw refuse("kubectl has no context: " + where + " sets no current-context and the target names none, so"
                + " it would send the command to localhost:8080. Choose a kubectl target with a context, add"
                + " --context NAME, or run 'kubectl config use-context NAME'.");
    }

    /**
     * Whether some simple command of {@code parsed}, or of a script it hands to a shell or ssh
     * ({@code sh -c '...'}), runs kubectl against a cluster without naming one itself.
     */
    static boolean callsKubectlOnACluster(ShellCommand parsed) {
        return callsKubectlOnACluster(parsed, 0, true);
    }

    /**
     * As {@link #callsKubectlOnACluster(ShellCommand)}, but only kubectl that runs on this machine: not one in a
     * script handed to ssh, which talks to its cluster from the remote host.
     */
    static boolean callsKubectlOnAClusterFromHere(ShellCommand parsed) {
        return callsKubectlOnACluster(parsed, 0, false);
    }

    private static boolean callsKubectlOnACluster(ShellCommand parsed, int depth, boolean intoSsh) {
        for (SimpleCommand command : parsed.commands()) {
            List<String> words = command.values();
            int k = Wrappers.programIndex(words);
            if (k < words.size() && (words.get(k).equals("kubectl") || words.get(k).endsWith("/kubectl"))
                    && !namesItsCluster(words.subList(k + 1, words.size()))) {
                return true;
            }
            ShellCommand script = command.invocation().script();
            if (script != null && depth < MAX_SCRIPT_DEPTH && (intoSsh || !command.invocation().program().equals("ssh"))
                    && callsKubectlOnACluster(script, depth + 1, intoSsh)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesItsCluster(List<String> args) {
        if (!args.isEmpty() && (args.get(0).equals("config") || args.get(0).equals("completion")
                || args.get(0).equals("help") || args.get(0).equals("plugin"))) {
            return true;
        }
        for (String a : args) {
            if (a.equals("--client") || a.startsWith("--client=") || a.equals("--help") || a.equals("-h")) {
                return true;
            }
            for (String own : OWN_CLUSTER) {
                if (a.equals(own) || a.startsWith(own + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Path> kubeconfigs(Target target, Map<String, String> env, Path home) {
        if (target instanceof KubeTarget kube && kube.kubeconfig() != null) {
            return List.of(kube.kubeconfig());
        }
        String fromEnv = env.get("KUBECONFIG");
        List<Path> out = new ArrayList<>();
        if (fromEnv != null && !fromEnv.isBlank()) {
            for (String part : fromEnv.split(":")) {
                if (!part.isBlank()) {
                    out.add(Path.of(part));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(home.resolve(".kube").resolve("config"));
        }
        return out;
    }

    /** The kubeconfig's {@code current-context}, or null when it has none (missing, empty, {@code ""}). */
    static String currentContext(Path kubeconfig) {
        try {
            Matcher m = CURRENT.matcher(Files.readString(kubeconfig, StandardCharsets.UTF_8));
            if (!m.find() || m.group(1) == null) {
                return null;
            }
            String value = m.group(1).replaceAll("^[\"']|[\"']$", "").strip();
            return value.isEmpty() ? null : value;
        } catch (IOException | RuntimeException e) {
            return "(unreadable)"; // let kubectl report what is wrong with the file itself
        }
    }

    private static ExecException refuse(String message) {
        return new ExecException(ExecException.Reason.NO_KUBE_CONTEXT, message);
    }
}
