package dev.incidentconsole.runbook;

import static dev.incidentconsole.runbook.HostDangers.danger;
import static dev.incidentconsole.runbook.HostDangers.join;

import dev.incidentconsole.shell.CurlArgs;
import dev.incidentconsole.shell.Flags;
import dev.incidentconsole.shell.Wrappers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Destructive commands of platform tools: kubectl/oc ({@code delete}, {@code drain},
 * {@code scale --replicas=0} or a patch to zero replicas, {@code rollout undo}, {@code replace --force}; {@code cordon} is reversible
 * and not flagged), docker and compose ({@code rm}, {@code stop}, {@code kill}, {@code volume rm},
 * {@code prune}, {@code compose down}), helm ({@code rollback}, {@code uninstall}), cloud CLIs
 * ({@code delete-*}, {@code s3 rm}), terraform destroy and HTTP {@code DELETE} requests.
 */
final class PlatformDangers {

    /** {@code "replicas":0} in a JSON patch, {@code replicas: 0} in a YAML one. */
    private static final java.util.regex.Pattern PATCH_ZERO = java.util.regex.Pattern.compile(
            "\"?\\breplicas\"?\\s*:\\s*\"?0\\b(?!\\.)");
    private static final Set<String> KUBE_VALUES = Set.of("-n", "--namespace", "--context", "--kubeconfig", "--cluster",
            "--user", "-s", "--server", "--token", "--as", "--as-group", "-l", "--selector");
    private static final Set<String> DOCKER_VALUES = Set.of("-c", "--context", "-H", "--host", "--config", "-l",
            "--log-level");
    private static final Set<String> COMPOSE_VALUES = Set.of("-f", "--file", "-p", "--project-name", "--profile",
            "--env-file", "--project-directory", "--ansi", "--parallel", "--progress");

    /**
     * The programs these rules know: exactly those {@code check} names, as {@link DangerRules} sends a command only
     * to the rules that know its program (DangerDispatchTest keeps the two equal); also for spotting them inside
     * {@code docker exec} and the like.
     */
    static final Set<String> PROGRAMS = Set.of("kubectl", "oc", "docker", "podman", "nerdctl", "docker-compose",
            "podman-compose", "helm", "aws", "gcloud", "az", "gsutil", "terraform", "tofu", "curl", "wget", "http", "https");

    /** How one kubectl verb is judged, given the arguments and the resource names it acts on. */
    private interface KubeVerb {
        Danger judge(List<String> args, String what);
    }

    /**
     * The kubectl verbs that may be dangerous, each with its rule: the one list of them, so a verb cannot be
     * judged without being looked for, or looked for without a rule.
     */
    private static final Map<String, KubeVerb> KUBE_VERBS = Map.of(
            "delete", (args, what) -> danger("kubectl-delete", "Deletes Kubernetes resources (" + what
                    + "); controllers recreate pods, but other objects are gone."),
            "drain", (args, what) -> danger("kubectl-drain",
                    "Drains node " + what + ": evicts its pods and marks it unschedulable."),
            "scale", (args, what) -> zeroReplicas(args) ? danger("kubectl-scale-zero",
                    "Scales " + what + " to zero replicas: the workload stops serving.") : null,
            "patch", (args, what) -> args.stream().anyMatch(a -> PATCH_ZERO.matcher(a).find())
                    ? danger("kubectl-scale-zero", "Patches " + what + " to zero replicas: the workload stops serving.")
                    : null,
            "rollout", (args, what) -> args.contains("undo") ? danger("kubectl-rollout-undo",
                    "Rolls " + what + " back to an earlier revision.")
                    : args.contains("restart") ? DataServices.restart(restarted(args, what)) : null,
            "replace", (args, what) -> args.contains("--force") ? danger("kubectl-replace-force",
                    "Deletes and recreates the resource; its pods restart.") : null);

    private PlatformDangers() {
    }

    /** @param args the program name first, then its arguments, quotes removed */
    static Danger check(String program, List<String> args) {
        return switch (program) {
            case "kubectl", "oc" -> kubectl(args);
            case "docker", "podman", "nerdctl" -> docker(args);
            case "docker-compose", "podman-compose" -> compose(args, 1);
            case "helm" -> helm(args);
            case "aws", "gcloud", "az", "gsutil" -> cloud(args);
            case "terraform", "tofu" -> args.contains("destroy") || args.contains("-destroy") ? danger("terraform-destroy",
                    "Destroys every resource managed by this configuration.") : null;
            case "curl", "wget", "http", "https" -> httpDelete(args);
            default -> null;
        };
    }

    private static Danger kubectl(List<String> args) {
        int sub = CommandWords.firstOperand(args, 1, KUBE_VALUES);
        if (sub > 0 && "adm".equals(args.get(sub))) {
            sub = CommandWords.firstOperand(args, sub + 1, KUBE_VALUES);
        }
        if (sub < 0) {
            return null;
        }
        KubeVerb rule = KUBE_VERBS.get(args.get(sub));
        // most kubectl commands read (get, describe, logs): their operands are not read for a reason nobody sees
        return rule == null ? null : rule.judge(args, kubeOperands(args, sub + 1));
    }

    /** The kubectl verbs that may be found dangerous. */
    static Set<String> kubeVerbs() {
        return KUBE_VERBS.keySet();
    }

    /** The resource names after the verb, without options and their values. */
    private static String kubeOperands(List<String> args, int from) {
        List<String> names = new java.util.ArrayList<>();
        for (int k = from; k < args.size(); k++) {
            String a = args.get(k);
            if (KUBE_VALUES.contains(a) || a.equals("-p") || a.equals("--patch") || a.equals("--type")) {
                k++;
            } else if (!a.startsWith("-")) {
                names.add(a);
            }
        }
        return names.isEmpty() ? "see the command" : join(names);
    }

    /** What {@code kubectl rollout restart} restarts: the named resources, and the label selector's values. */
    private static List<String> restarted(List<String> args, String what) {
        List<String> names = new java.util.ArrayList<>(List.of(what.split(" ")));
        names.remove("restart");
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if ((a.equals("-l") || a.equals("--selector")) && k + 1 < args.size()) {
                names.add(args.get(k + 1));
            } else if (a.startsWith("--selector=") || a.startsWith("-l") && a.length() > 2) {
                names.add(a.substring(a.startsWith("-l") ? 2 : "--selector=".length()));
            }
        }
        return names;
    }

    private static boolean zeroReplicas(List<String> args) {
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.equals("--replicas=0") || (a.equals("--replicas") && k + 1 < args.size() && "0".equals(args.get(k + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static Danger docker(List<String> args) {
        int sub = CommandWords.firstOperand(args, 1, DOCKER_VALUES);
        if (sub < 0) {
            return null;
        }
        String verb = args.get(sub);
        String next = sub + 1 < args.size() ? args.get(sub + 1) : "";
        if (verb.equals("compose")) {
            return compose(args, sub + 1);
        }
        if (verb.equals("container") || verb.equals("service") || verb.equals("stack")) {
            verb = verb.equals("container") ? next : verb + " " + next;
        }
        return switch (verb) {
            case "rm", "service rm", "stack rm" -> danger("docker-rm",
                    "Removes containers or services; anything written inside them is lost.");
            case "stop" -> danger("docker-stop", "Stops containers: the service is down until they are started again.");
            case "restart" -> DataServices.restart(HostDangers.operandList(args.subList(sub, args.size())));
            case "kill" -> danger("docker-kill", "Kills containers without a clean shutdown.");
            case "prune" -> danger("docker-prune", "Deletes every stopped container.");
            case "volume" -> next.equals("rm") || next.equals("prune") ? danger("docker-volume-rm",
                    "Deletes Docker volumes and the data in them.") : null;
            case "system" -> next.equals("prune") ? danger("docker-prune", "Prunes Docker: stopped containers,"
                    + " unused networks and images" + (args.contains("--volumes") ? " and volumes" : "")
                    + " are deleted.") : null;
            default -> null;
        };
    }

    private static Danger compose(List<String> args, int from) {
        int sub = CommandWords.firstOperand(args, from, COMPOSE_VALUES);
        if (sub < 0) {
            return null;
        }
        return switch (args.get(sub)) {
            case "down" -> Flags.hasAny(args.subList(sub, args.size()), "-v", "--volumes")
                    ? danger("compose-down-volumes", "Stops the Compose project and deletes its volumes: their data is lost.")
                    : danger("compose-down", "Stops and removes the Compose project's containers and networks.");
            case "rm" -> danger("compose-rm", "Removes the project's stopped containers; anything written inside them is lost.");
            case "stop" -> danger("compose-stop", "Stops the project's services until they are started again.");
            case "restart" -> composeServices(args.subList(sub, args.size())).isEmpty() ? DataServices.restartAll()
                    : DataServices.restart(composeServices(args.subList(sub, args.size())));
            case "kill" -> danger("compose-kill", "Kills the project's containers without a clean shutdown.");
            default -> null;
        };
    }

    /** The services a compose verb names, past the timeout option's value ({@code restart -t 30 db}). */
    private static List<String> composeServices(List<String> args) {
        List<String> words = new java.util.ArrayList<>(args);
        int t = Math.max(words.indexOf("-t"), words.indexOf("--timeout"));
        if (t > 0 && t + 1 < words.size()) {
            words.remove(t + 1);
        }
        return HostDangers.operandList(words);
    }

    private static Danger helm(List<String> args) {
        int sub = CommandWords.firstOperand(args, 1, KUBE_VALUES);
        if (sub < 0) {
            return null;
        }
        String release = sub + 1 < args.size() ? " " + args.get(sub + 1) : "";
        return switch (args.get(sub)) {
            case "rollback" -> danger("helm-rollback", "Rolls the Helm release" + release + " back to an earlier revision.");
            case "uninstall", "delete", "del", "un" -> danger("helm-uninstall",
                    "Uninstalls the Helm release" + release + " and deletes its Kubernetes resources.");
            default -> null;
        };
    }

    private static Danger cloud(List<String> args) {
        for (String a : args.subList(1, args.size())) {
            String lower = a.toLowerCase(Locale.ROOT);
            if (lower.equals("rm") || lower.equals("rb") || lower.equals("delete") || lower.startsWith("delete-")
                    || lower.startsWith("terminate-") || lower.equals("--delete")) {
                return danger("cloud-delete", "Deletes cloud resources (" + args.get(0) + " " + a + ").");
            }
        }
        return null;
    }

    private static Danger httpDelete(List<String> args) {
        if (Wrappers.basename(args.get(0)).equals("curl")) {
            String method = CurlArgs.parse(args.subList(1, args.size())).method();
            return "DELETE".equalsIgnoreCase(method) ? danger("http-delete",
                    "Sends an HTTP DELETE request, which removes the resource on the server.") : null;
        }
        for (int k = 1; k < args.size(); k++) {
            String a = args.get(k);
            String next = k + 1 < args.size() ? args.get(k + 1) : "";
            boolean delete = ((a.equals("-X") || a.equals("--request")) && next.equalsIgnoreCase("DELETE"))
                    || a.equalsIgnoreCase("-XDELETE") || a.equalsIgnoreCase("--request=DELETE")
                    || a.equalsIgnoreCase("--method=DELETE") || (k == 1 && a.equals("DELETE"));
            if (delete) {
                return danger("http-delete", "Sends an HTTP DELETE request, which removes the resource on the server.");
            }
        }
        return null;
    }
}
