package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.Wrappers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flags destructive commands so the engineer confirms them before they run.
 *
 * <p>Every simple command of a chain, pipeline, loop, command substitution, {@code sh -c '...'},
 * {@code ssh host '...'}, {@code watch '...'} and of a command run through {@code sudo}, {@code env},
 * {@code xargs}, {@code docker exec}, {@code kubectl exec} or {@code find -exec} is checked; any one
 * dangerous part makes the command dangerous. The rules themselves live in {@link HostDangers},
 * {@link SystemDangers}, {@link PlatformDangers}, {@link ServiceDangers}, {@link SqlDangers} and
 * {@link Redirections} (a file emptied by {@code > file}, {@code rm} fed its files by {@code xargs}). SQL is looked for in the arguments and heredocs of
 * any command except text tools ({@code echo}, {@code printf}, {@code grep}, {@code cat} ...) unless their
 * output is piped into a database or Redis client. A command carrying {@code --dry-run} (other than
 * {@code --dry-run=none}) is not flagged. Deliberately not flagged: restarts ({@code systemctl restart},
 * {@code docker compose restart}, {@code kubectl rollout restart}) of anything but a data service
 * ({@link DataServices}), {@code kubectl cordon}, plain
 * {@code kill} (SIGTERM), {@code rm} of specific files under {@code /tmp/}, {@code pg_cancel_backend}.
 *
 * <p>Works on any command string, including one whose placeholders were already substituted.
 * Stateless and thread-safe; linear in the length of the command; never throws: should the analysis
 * itself fail, the command is reported as unchecked so it still asks for confirmation.
 */
public final class DangerRules {

    private static final Logger LOG = LoggerFactory.getLogger(DangerRules.class);
    private static final int MAX_DEPTH = 4;
    private static final Set<String> TEXT = Set.of(
            "echo", "printf", "grep", "egrep", "fgrep", "zgrep", "rg", "ag", "ack", "sed", "awk", "gawk", "jq", "yq",
            "cat", "less", "more", "head", "tail", "logger", "tee", "wc", "sort", "uniq", "tr", "cut", "column", "git",
            "man", "diff", "base64", "ls", "stat", "file", "test", "[", "[[", "read", ":");
    private static final Set<String> SQL_CLIENTS = Set.of(
            "psql", "mysql", "mariadb", "sqlite3", "cockroach", "clickhouse-client", "clickhouse", "cqlsh", "pgcli", "mycli",
            "gitlab-psql", "mongo", "mongosh", "influx", "sqlcmd", "duckdb", "trino", "snowsql", "sqlplus", "vsql");
    private static final Set<String> EXEC_PROGRAMS = Set.of(
            "docker", "podman", "nerdctl", "kubectl", "oc", "docker-compose", "podman-compose");
    private static final Set<String> DRY_RUN_OFF = Set.of("none", "false", "0");
    private static final Set<String> ECHO = Set.of("echo", "printf");
    private static final Set<String> EXEC_VERBS = Set.of("exec", "run", "debug", "rsh");
    private static final Set<String> FIND_EXEC = Set.of("-exec", "-execdir", "-ok", "-okdir");
    private static final Set<String> SSH_VALUES = Set.of("-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L",
            "-l", "-m", "-O", "-o", "-p", "-Q", "-R", "-S", "-W", "-w");
    private static final Set<String> SAFE_DEVICES = Set.of("/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty");

    /** The rules of one family ({@link HostDangers#check} ...), given the program's name and its words. */
    private interface Rule {
        Danger check(String program, List<String> args);
    }

    /**
     * Each program to the one family whose rules know it (their {@code PROGRAMS}, which are disjoint), so a
     * command is judged by the rules for its program only; {@code mkfs.*} goes to {@link HostDangers} too.
     */
    private static final Map<String, Rule> RULES = rules();

    private DangerRules() {
    }

    private static Map<String, Rule> rules() {
        Map<String, Rule> out = new HashMap<>();
        HostDangers.PROGRAMS.forEach(p -> out.put(p, HostDangers::check));
        PlatformDangers.PROGRAMS.forEach(p -> out.put(p, PlatformDangers::check));
        ServiceDangers.PROGRAMS.forEach(p -> out.put(p, ServiceDangers::check));
        SystemDangers.PROGRAMS.forEach(p -> out.put(p, SystemDangers::check));
        return Map.copyOf(out);
    }

    /**
     * Why the command is destructive.
     *
     * @param command any command text; may span lines (continuations, heredocs)
     * @return the first destructive part found, or null when the command is not destructive
     */
    public static Danger check(String command) {
        if (command == null || command.isBlank()) {
            return null;
        }
        return safely(() -> parsed(ShellWords.parse(command), 0));
    }

    /** For callers that already parsed the command. */
    static Danger checkParsed(ShellWords.Parsed parsed) {
        return safely(() -> parsed(parsed, 0));
    }

    private static Danger safely(java.util.function.Supplier<Danger> analysis) {
        try {
            return analysis.get();
        } catch (RuntimeException e) {
            LOG.warn("Could not analyse a command for danger ({}); asking for confirmation", e.toString());
            return new Danger("unchecked", "This command could not be analysed; read it carefully before running it.");
        }
    }

    private static Danger text(String command, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        return parsed(ShellWords.parse(command), depth);
    }

    private static Danger parsed(ShellWords.Parsed parsed, int depth) {
        List<ShellWords.Segment> segments = parsed.segments();
        for (ShellWords.Segment seg : segments) {
            Danger d = segment(seg, depth);
            if (d != null) {
                return d;
            }
        }
        Danger d = pipelines(segments);
        if (d == null && !parsed.complete()) {
            return new Danger("unchecked", "This command nests too deeply to be analysed; read it carefully before running it.");
        }
        return d;
    }

    private static Danger segment(ShellWords.Segment seg, int depth) {
        List<ShellWords.Word> words = seg.words();
        for (ShellWords.Word w : words) {
            if (w.op().contains(">") && w.value().startsWith("/dev/") && !SAFE_DEVICES.contains(w.value())
                    && !w.value().startsWith("/dev/fd/") && !w.value().startsWith("/dev/tcp/")) {
                return new Danger("dd-device", "Redirects output onto the device " + w.value() + ", overwriting its data.");
            }
        }
        int k = seg.program();
        Danger emptied = Redirections.truncation(seg);
        if (emptied != null || k >= words.size()) {
            return emptied;
        }
        ShellWords.Word first = words.get(k);
        List<String> args = Redirections.withInputOperands(seg);
        if (args.size() == 1 && first.quoted() && first.value().strip().contains(" ")) {
            return text(first.value(), depth + 1);
        }
        return argv(args, seg.name(), seg.stdin(), depth);
    }

    /**
     * @param args    the program as written first, then its arguments
     * @param program the program's name ({@link Wrappers#basename} of {@code args.get(0)})
     */
    private static Danger argv(List<String> args, String program, String stdin, int depth) {
        if (args.isEmpty() || dryRun(args)) {
            return null;
        }
        Rule rule = RULES.get(program);
        if (rule == null && (program.startsWith("mkfs") || HostDangers.initScript(args.get(0)))) {
            rule = HostDangers::check;
        }
        Danger d = rule == null ? null : rule.check(program, args);
        if (d == null) {
            d = inner(program, args, depth);
        }
        if (d == null && !TEXT.contains(program)) {
            d = program.equals("redis-cli") ? SqlDangers.redisLines(stdin) : SqlDangers.sql(stdin);
            for (int k = 1; d == null && k < args.size(); k++) {
                d = SqlDangers.sql(args.get(k));
            }
        }
        return d;
    }

    /** Commands that run another command: shells with -c, ssh, docker/kubectl exec, find -exec. */
    private static Danger inner(String program, List<String> args, int depth) {
        if (depth >= MAX_DEPTH) {
            return null;
        }
        String script = CommandWords.shellScript(args);
        if (script != null) {
            return text(script, depth + 1);
        }
        if (program.equals("ssh")) {
            int host = CommandWords.firstOperand(args, 1, SSH_VALUES);
            return host < 0 || host + 1 >= args.size() ? null
                    : text(String.join(" ", args.subList(host + 1, args.size())), depth + 1);
        }
        boolean find = program.equals("find");
        boolean exec = !find && EXEC_PROGRAMS.contains(program) && hasExecVerb(args);
        if (!find && !exec) {
            return null;
        }
        for (int j = 1; j < args.size(); j++) {
            if (find ? FIND_EXEC.contains(args.get(j - 1)) : args.get(j - 1).equals("--") || knownProgram(args.get(j))) {
                List<String> inner = args.subList(j, args.size());
                Danger d = argv(inner, Wrappers.basename(inner.get(0)), "", depth + 1);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private static boolean hasExecVerb(List<String> args) {
        for (String a : args) {
            if (EXEC_VERBS.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean knownProgram(String word) {
        String name = Wrappers.basename(word);
        return RULES.containsKey(name) || SQL_CLIENTS.contains(name) || name.startsWith("mkfs")
                || CommandWords.shellScript(List.of(name, "-c", "")) != null;
    }

    private static boolean dryRun(List<String> args) {
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.length() >= 8 && a.charAt(2) == 'd' && (a.equals("--dry-run") || a.equals("--dryrun")
                    || (a.startsWith("--dry-run=") && !DRY_RUN_OFF.contains(a.substring(10))))) {
                return true;
            }
        }
        return false;
    }

    /** Text written into a database or Redis client through a pipe: {@code echo FLUSHALL | redis-cli}. */
    private static Danger pipelines(List<ShellWords.Segment> segments) {
        if (!feedsText(segments)) {
            return null; // nothing is fed into any pipe, so there is no client to read it
        }
        Map<Integer, List<ShellWords.Segment>> byPipeline = new LinkedHashMap<>();
        for (ShellWords.Segment seg : segments) {
            byPipeline.computeIfAbsent(seg.pipeline(), p -> new ArrayList<>()).add(seg);
        }
        for (List<ShellWords.Segment> pipeline : byPipeline.values()) {
            StringBuilder fed = new StringBuilder();
            for (ShellWords.Segment seg : pipeline) {
                String client = fed.length() > 0 ? client(seg.words()) : null;
                if (client != null) {
                    Danger d = client.equals("redis-cli") ? SqlDangers.redisLines(fed.toString())
                            : SqlDangers.sql(fed.toString());
                    if (d != null) {
                        return d;
                    }
                }
                if (ECHO.contains(seg.name())) {
                    List<String> args = seg.args();
                    fed.append(String.join(" ", args.subList(1, args.size()))).append('\n');
                }
                fed.append(seg.stdin());
            }
        }
        return null;
    }

    /** Whether a segment prints text ({@code echo}, {@code printf}) or is given some (a here-document or string). */
    private static boolean feedsText(List<ShellWords.Segment> segments) {
        for (ShellWords.Segment seg : segments) {
            if (!seg.stdin().isEmpty() || ECHO.contains(seg.name())) {
                return true;
            }
        }
        return false;
    }

    private static String client(List<ShellWords.Word> words) {
        for (ShellWords.Word w : words) {
            String name = Wrappers.basename(w.value());
            if (SQL_CLIENTS.contains(name) || name.equals("redis-cli")) {
                return name;
            }
        }
        return null;
    }
}
