package dev.incidentconsole.exec.kube;

import dev.incidentconsole.exec.ShellQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * Argument building for kubectl: scoping a call to a target's context and namespace, and wrapping a
 * command to run inside a pod. The same scoping rule is applied to every kubectl a shell command runs by
 * {@link KubectlShim}. Pure functions; thread-safe.
 */
public final class KubectlArgs {

    private KubectlArgs() {
    }

    /**
     * {@code args} (without the binary) with {@code --context} and {@code -n} added where the call names
     * none. They go before a {@code --} (whatever follows belongs to the command run in the pod) or at the
     * end, since kubectl plugins refuse flags before their name. Either may be {@code null} to add nothing.
     */
    public static List<String> scope(List<String> args, String context, String namespace) {
        int dashes = args.indexOf("--");
        List<String> own = dashes < 0 ? args : args.subList(0, dashes);
        List<String> extra = new ArrayList<>();
        if (context != null && !namesContext(own)) {
            extra.add("--context");
            extra.add(context);
        }
        if (namespace != null && !namesNamespace(own)) {
            extra.add("-n");
            extra.add(namespace);
        }
        List<String> out = new ArrayList<>(own);
        out.addAll(extra);
        if (dashes >= 0) {
            out.addAll(args.subList(dashes, args.size()));
        }
        return out;
    }

    /** True when the call picks its namespace itself: {@code -n}, {@code --namespace}, {@code -A}, .... */
    public static boolean namesNamespace(List<String> own) {
        for (String a : own) {
            if (a.equals("-n") || a.equals("--namespace") || a.startsWith("--namespace=") || a.equals("-A")
                    || a.equals("--all-namespaces") || a.startsWith("--all-namespaces=")
                    || (a.startsWith("-n") && !a.startsWith("--") && a.length() > 2)) {
                return true;
            }
        }
        return false;
    }

    static boolean namesContext(List<String> own) {
        return own.stream().anyMatch(a -> a.equals("--context") || a.startsWith("--context="));
    }

    /**
     * {@code kubectl exec -n NS POD [-c CONTAINER] -- sh -c COMMAND}: runs {@code command} in the pod with
     * its POSIX shell. {@code namespace} and {@code container} may be {@code null}.
     */
    public static List<String> execInPod(String namespace, String pod, String container, String command) {
        List<String> args = new ArrayList<>(List.of("kubectl", "exec"));
        if (namespace != null) {
            args.add("-n");
            args.add(namespace);
        }
        args.add(pod);
        if (container != null) {
            args.add("-c");
            args.add(container);
        }
        args.addAll(List.of("--", "sh", "-c", command));
        return args;
    }

    /** The arguments that list kubeconfig contexts, one name a line. */
    public static List<String> getContexts() {
        return List.of("config", "get-contexts", "-o", "name");
    }

    /**
     * The arguments that print the server of {@code context}'s cluster ({@code null}: the current context's) and, on
     * a second line, its {@code proxy-url} when it has one.
     */
    public static List<String> clusterServer(String context) {
        List<String> args = new ArrayList<>(List.of("config", "view", "--minify", "-o",
                "jsonpath={.clusters[0].cluster.server}{\"\\n\"}{.clusters[0].cluster['proxy-url']}"));
        if (context != null) {
            args.addAll(List.of("--context", context));
        }
        return args;
    }

    /** {@code words} as shell text: bare words as they are, others single-quoted. */
    public static List<String> quoteAll(List<String> words) {
        return words.stream().map(w -> ShellQuote.isBare(w) ? w : ShellQuote.quote(w)).toList();
    }
}
