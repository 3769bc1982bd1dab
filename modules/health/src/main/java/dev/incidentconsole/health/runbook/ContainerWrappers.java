package dev.incidentconsole.health.runbook;

import java.util.List;
import java.util.Set;

/**
 * Finds the native check inside a container or pod runner: {@code docker exec C pg_isready},
 * {@code docker compose exec -T db psql ...}, {@code docker-compose exec}, {@code podman exec},
 * {@code kubectl -n ns exec POD -c C -- redis-cli ping}. Works on the words {@link ShellWords} split.
 */
final class ContainerWrappers {
    private static final Set<String> EXEC_WITH_ARG = Set.of("-e", "--env", "-u", "--user", "-w", "--workdir",
            "--env-file", "--index", "--detach-keys");
    private static final Set<String> COMPOSE_WITH_ARG = Set.of("-f", "--file", "-p", "--project-name",
            "--project-directory", "--env-file", "--profile");

    private ContainerWrappers() {
    }

    /**
     * The command run inside, and what wraps it.
     *
     * @param inner the words of the command inside the container or pod
     * @param via   {@code docker exec}, {@code docker compose exec}, {@code kubectl exec}...
     */
    record Unwrapped(List<String> inner, String via) {
    }

    /** The wrapped command, or null when {@code words} are not a container or pod runner with a command. */
    static Unwrapped unwrap(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        String program = words.get(0);
        if ((program.equals("docker") || program.equals("podman")) && words.size() > 1 && words.get(1).equals("exec")) {
            return afterTarget(words, 2, program + " exec");
        }
        if (program.equals("docker") && words.size() > 1 && words.get(1).equals("compose")) {
            int i = skipOptions(words, 2, COMPOSE_WITH_ARG);
            return i < words.size() && words.get(i).equals("exec") ? afterTarget(words, i + 1, "docker compose exec") : null;
        }
        if (program.equals("docker-compose")) {
            int i = skipOptions(words, 1, COMPOSE_WITH_ARG);
            return i < words.size() && words.get(i).equals("exec") ? afterTarget(words, i + 1, "docker-compose exec") : null;
        }
        if (program.equals("kubectl") || program.equals("oc")) {
            int exec = words.indexOf("exec");
            int dashes = words.indexOf("--");
            return exec > 0 && dashes > exec && dashes + 1 < words.size()
                    ? new Unwrapped(words.subList(dashes + 1, words.size()), program + " exec") : null;
        }
        return null;
    }

    /** Skips exec's options and the container (or service) name; what follows is the command. */
    private static Unwrapped afterTarget(List<String> words, int from, String via) {
        int i = skipOptions(words, from, EXEC_WITH_ARG);
        return i + 1 < words.size() ? new Unwrapped(words.subList(i + 1, words.size()), via) : null;
    }

    private static int skipOptions(List<String> words, int from, Set<String> withArg) {
        int i = from;
        while (i < words.size() && words.get(i).startsWith("-")) {
            i += withArg.contains(words.get(i)) ? 2 : 1;
        }
        return i;
    }
}
