package dev.incidentconsole.runbook;

import java.util.List;
import java.util.Set;

/**
 * Tells which tool a command drives, so the command runner can suggest a target (a cluster context,
 * a container, a database connection).
 *
 * <p>Rules: the program is found past environment assignments ({@code PGPASSWORD=x psql}) and
 * wrappers ({@code sudo}, {@code time}, {@code watch}, {@code env}, {@code timeout}, {@code nice},
 * {@code xargs}); {@code sh -c '...'} and {@code watch '...'} are looked into. In a chain or
 * pipeline the first command that is not set-up ({@code cd}, {@code source}, {@code export},
 * {@code sleep}, {@code echo}, loop headers ...) decides, so {@code source .env && curl ...} is
 * {@link Runner#CURL}. {@code oc} counts as kubectl, {@code podman} as docker, {@code service} as
 * systemd, and the PostgreSQL client tools ({@code pg_isready}, {@code pg_dump}, {@code pg_restore} ...)
 * as psql because they take the same connection settings. A command run inside a container
 * ({@code docker exec db psql}) is driven by docker. {@code ssh} and anything else is
 * {@link Runner#SHELL}.
 *
 * <p>Stateless and thread-safe; never throws for any input (null gives SHELL).
 */
public final class RunnerHints {

    private static final Set<String> SETUP = Set.of(
            "cd", "pushd", "popd", "source", ".", "export", "set", "unset", "sleep", "echo", "printf", "true",
            ":", "alias", "for", "select", "case", "local", "declare", "read", "shopt", "ulimit", "umask", "clear");
    private static final Set<String> POSTGRES = Set.of(
            "psql", "pg_isready", "pg_dump", "pg_dumpall", "pg_restore", "pg_basebackup", "pgbench", "vacuumdb",
            "reindexdb", "createdb", "dropdb", "pg_ctl", "pg_ctlcluster", "gitlab-psql");
    private static final Set<String> DOCKER_GLOBAL_VALUES = Set.of(
            "-c", "--context", "-H", "--host", "--config", "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey");

    private RunnerHints() {
    }

    /** The tool the command drives; {@link Runner#SHELL} when it is none of the known ones. */
    public static Runner of(String command) {
        if (command == null || command.isBlank()) {
            return Runner.SHELL;
        }
        Runner r = of(command, 0);
        return r == null ? Runner.SHELL : r;
    }

    /** For callers that already parsed the command. */
    static Runner ofParsed(ShellWords.Parsed parsed) {
        Runner r = of(parsed, 0);
        return r == null ? Runner.SHELL : r;
    }

    private static Runner of(String command, int depth) {
        return of(ShellWords.parse(command), depth);
    }

    private static Runner of(ShellWords.Parsed parsed, int depth) {
        for (ShellWords.Segment seg : parsed.segments()) {
            if (seg.nested()) {
                continue;
            }
            Runner r = ofSimple(seg, depth);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** The runner of one simple command, or null when it is set-up that does not decide. */
    private static Runner ofSimple(ShellWords.Segment seg, int depth) {
        List<ShellWords.Word> words = seg.words();
        int k = seg.program();
        if (k >= words.size()) {
            return null;
        }
        List<String> args = seg.args();
        if (args.isEmpty()) {
            return null;
        }
        String first = args.get(0);
        if (args.size() == 1 && words.get(k).quoted() && first.strip().contains(" ") && depth < 3) {
            return of(first, depth + 1);
        }
        String script = CommandWords.shellScript(args);
        if (script != null && depth < 3) {
            return of(script, depth + 1);
        }
        String program = seg.name();
        if (SETUP.contains(program)) {
            return null;
        }
        return switch (program) {
            case "kubectl", "oc", "kubectl.exe", "k" -> Runner.KUBECTL;
            case "docker", "podman", "nerdctl" -> isCompose(args) ? Runner.DOCKER_COMPOSE : Runner.DOCKER;
            case "docker-compose", "podman-compose" -> Runner.DOCKER_COMPOSE;
            case "systemctl", "journalctl", "service", "systemd-analyze", "systemd-run" -> Runner.SYSTEMD;
            case "redis-cli" -> Runner.REDIS_CLI;
            case "curl", "wget", "http", "https" -> Runner.CURL;
            case "helm" -> Runner.HELM;
            default -> POSTGRES.contains(program) ? Runner.PSQL : Runner.SHELL;
        };
    }

    private static boolean isCompose(List<String> args) {
        int sub = CommandWords.firstOperand(args, 1, DOCKER_GLOBAL_VALUES);
        return sub > 0 && "compose".equals(args.get(sub));
    }
}
