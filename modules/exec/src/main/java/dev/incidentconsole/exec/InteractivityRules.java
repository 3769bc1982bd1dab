package dev.incidentconsole.exec;

import static dev.incidentconsole.exec.Interactivity.BATCH;
import static dev.incidentconsole.exec.Interactivity.endless;
import static dev.incidentconsole.exec.Interactivity.terminal;

import dev.incidentconsole.shell.Flags;
import java.util.List;
import java.util.Set;

/** The tool-specific rules behind {@link Interactivity}: redis-cli, kubectl, docker and followers. */
final class InteractivityRules {
    private static final Set<String> REDIS_VALUE_OPTIONS = Set.of("-h", "-p", "-a", "-n", "-u", "-s", "-r",
            "-i", "-d", "--user", "--pass", "--cacert", "--cert", "--key", "--sni", "--tls-ciphers");
    private static final Set<String> REDIS_ENDLESS = Set.of("monitor", "subscribe", "psubscribe", "ssubscribe");
    private static final Set<String> DOCKER_EXEC_VALUE_OPTIONS = Set.of("-e", "--env", "-u", "--user", "-w",
            "--workdir", "--env-file", "--detach-keys");

    private InteractivityRules() {
    }

    static Interactivity redisCli(List<String> args, boolean stdinFed) {
        if (args.contains("--stat") || args.contains("--latency") || args.contains("--latency-history")) {
            return endless("redis-cli " + (args.contains("--stat") ? "--stat" : "--latency") + " runs until stopped");
        }
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (REDIS_VALUE_OPTIONS.contains(a)) {
                k++;
            } else if (!a.startsWith("-")) {
                return REDIS_ENDLESS.contains(a.toLowerCase(java.util.Locale.ROOT))
                        ? endless("redis-cli " + a + " streams until stopped") : BATCH;
            }
        }
        return stdinFed ? BATCH : terminal("redis-cli without a command opens an interactive prompt");
    }

    static Interactivity kubectl(List<String> args) {
        int dashes = args.indexOf("--");
        if (dashes >= 0 && args.contains("exec")) {
            Interactivity inner = Interactivity.inner(args.subList(dashes + 1, args.size()));
            return inner;
        }
        List<String> own = dashes < 0 ? args : args.subList(0, dashes);
        if (own.contains("edit")) {
            return terminal("kubectl edit opens an editor");
        }
        if (own.contains("port-forward") || own.contains("proxy") || own.contains("attach")) {
            return endless("kubectl " + own.stream().filter(a -> Set.of("port-forward", "proxy", "attach")
                    .contains(a)).findFirst().orElse("") + " runs until stopped");
        }
        if (own.contains("logs") && hasFollow(own)) {
            return endless("kubectl logs -f follows the log until stopped");
        }
        if (own.contains("-w") || own.contains("--watch") || own.contains("--watch-only")
                || own.stream().anyMatch(a -> a.startsWith("--watch="))) {
            return endless("kubectl --watch runs until stopped");
        }
        return BATCH;
    }

    static Interactivity docker(List<String> args) {
        if (args.contains("attach")) {
            return terminal("docker attach connects a terminal");
        }
        if (args.contains("logs") && hasFollow(args)) {
            return endless("docker logs -f follows the log until stopped");
        }
        if ((args.contains("stats") && !args.contains("--no-stream")) || args.contains("events")) {
            return endless("docker " + (args.contains("events") ? "events" : "stats") + " runs until stopped");
        }
        int exec = args.indexOf("exec");
        if (exec >= 0) {
            int k = exec + 1;
            while (k < args.size() && args.get(k).startsWith("-")) {
                k += DOCKER_EXEC_VALUE_OPTIONS.contains(args.get(k)) ? 2 : 1;
            }
            if (k + 1 < args.size()) {
                Interactivity inner = Interactivity.inner(args.subList(k + 1, args.size()));
                return inner;
            }
        }
        return BATCH;
    }

    /** Log followers and samplers that run until stopped. */
    static Interactivity follow(String name, List<String> args) {
        switch (name) {
            case "tail", "journalctl", "dmesg", "stern" -> {
                boolean follows = name.equals("stern") ? !args.contains("--no-follow")
                        : hasFollow(args) || args.contains("-F") || (name.equals("dmesg") && args.contains("-w"));
                return follows ? endless(name + " follows its input until stopped") : BATCH;
            }
            case "ping", "tcpdump" -> {
                return !Flags.hasAny(args, "-c") ? endless(name + " without -c runs until stopped") : BATCH;
            }
            case "vmstat", "iostat", "mpstat", "sar", "pidstat" -> {
                long numbers = args.stream().filter(a -> a.matches("\\d+")).count();
                return numbers == 1 ? endless(name + " with an interval and no count runs until stopped") : BATCH;
            }
            case "yes" -> {
                return endless("yes prints until stopped");
            }
            case "sleep" -> {
                return args.contains("infinity") ? endless("sleep infinity runs until stopped") : BATCH;
            }
            case "while", "until" -> {
                return args.isEmpty() || !args.get(0).equals("true") && !args.get(0).equals(":")
                        ? BATCH : endless("a while-true loop runs until stopped");
            }
            default -> {
                return BATCH;
            }
        }
    }

    private static boolean hasFollow(List<String> args) {
        return args.contains("-f") || args.contains("--follow") || args.contains("--follow=true")
                || args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*f[a-zA-Z]*") && !a.startsWith("--"));
    }
}
