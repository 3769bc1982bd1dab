package dev.incidentconsole.health.runbook;

import dev.incidentconsole.health.Secret;
import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.ProbeSpec;
import dev.incidentconsole.health.spec.RedisSpec;
import dev.incidentconsole.shell.ShellCommand;
import dev.incidentconsole.shell.SimpleCommand;
import dev.incidentconsole.shell.Word;
import dev.incidentconsole.shell.Wrappers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a runbook's health-check command as the probe it stands for: {@code curl} becomes an HTTP probe,
 * {@code psql -c "SELECT 1"} a PostgreSQL probe, {@code redis-cli ping} a Redis probe; anything else (and
 * any curl/psql/redis-cli we cannot reproduce faithfully) stays a command probe run as written.
 *
 * <p>Variables are expanded from the environment by the shell model ({@link Word#expand}), so {@code '$X'} stays
 * as written, as in bash. A variable the environment does not set is kept in the word between {@link #UNSET} and
 * {@link #UNSET_END} until a value is read from it: a value that needs it ({@link #resolved}) is not known, a
 * secret ({@link #secret}) gets a note, anything else keeps {@code $NAME} as written ({@link #written}).
 */
final class CheckCommands {
    private static final char UNSET = '\uE000';
    private static final char UNSET_END = '\uE001';
    private final Function<String, String> env;

    /**
     * What a check command stands for.
     *
     * @param via what wrapped the native check ({@code docker exec}...), else empty
     */
    record Parsed(ProbeSpec probe, String host, List<String> notes, String via) {
        Parsed(ProbeSpec probe, String host, List<String> notes) {
            this(probe, host, notes, "");
        }
    }

    CheckCommands(Function<String, String> env) {
        this.env = env;
    }

    /** {@code value} when it uses no unset variable, else {@code null}. */
    static String resolved(String value) {
        return value == null || value.indexOf(UNSET) >= 0 ? null : value;
    }

    /** {@code value} with each unset variable as it was written ({@code $NAME}). */
    static String written(String value) {
        return value == null || value.indexOf(UNSET) < 0 ? value : unset(value, null, null);
    }

    /** A secret from {@code value}; each unset variable in it reads as empty and is noted. */
    static Secret secret(String value, String what, List<String> notes) {
        return Secret.of(value.indexOf(UNSET) < 0 ? value : unset(value, what, notes));
    }

    private static String unset(String value, String what, List<String> notes) {
        StringBuilder out = new StringBuilder(value.length());
        int k = 0;
        for (int at = value.indexOf(UNSET); at >= 0; at = value.indexOf(UNSET, k)) {
            int end = value.indexOf(UNSET_END, at);
            if (end < 0) {
                break; // a stray mark written in the runbook itself: the rest stays as it is
            }
            String name = value.substring(at + 1, end);
            out.append(value, k, at);
            if (notes == null) {
                out.append('$').append(name);
            } else {
                notes.add(what + " uses $" + name + ", which is not set; export it before starting");
            }
            k = end + 1;
        }
        return out.append(value, k, value.length()).toString();
    }

    private String expand(Word word) {
        return word.expand(env, name -> UNSET + name + UNSET_END);
    }

    Parsed parse(String command, String defaultHost, int port) {
        List<List<String>> segments = new ArrayList<>();
        for (SimpleCommand c : ShellCommand.parse(command).commands()) {
            List<String> words = new ArrayList<>();
            c.assignments().forEach(a -> words.add(expand(a)));
            c.words().forEach(w -> words.add(expand(w)));
            segments.add(words);
        }
        if (!segments.isEmpty()) {
            Map<String, String> assigned = new LinkedHashMap<>();
            List<String> words = stripPrefix(segments.get(0), assigned);
            int inside = Wrappers.container(words);
            if (inside > 0) {
                // inside the container the check reaches its own server; from here that is the row's host and port
                Parsed inner = nativeCheck(stripPrefix(words.subList(inside, words.size()), assigned), segments, assigned,
                        defaultHost, port);
                if (inner != null) {
                    return new Parsed(onRowPort(inner.probe(), defaultHost, port), defaultHost, inner.notes(),
                            written(Wrappers.containerRunner(words)));
                }
            } else {
                Parsed parsed = nativeCheck(words, segments, assigned, defaultHost, port);
                if (parsed != null) {
                    return parsed;
                }
            }
        }
        return new Parsed(CommandSpec.of(command.strip()), defaultHost, List.of());
    }

    private Parsed nativeCheck(List<String> words, List<List<String>> segments, Map<String, String> assigned,
                               String defaultHost, int port) {
        String program = words.isEmpty() ? "" : Wrappers.basename(words.get(0));
        List<String> args = words.isEmpty() ? List.of() : words.subList(1, words.size());
        return switch (program) {
            case "curl" -> CurlCheck.parse(args, segments.subList(1, segments.size()));
            case "psql" -> psql(args, assigned, defaultHost, port);
            case "pg_isready" -> pgIsReady(args, assigned, defaultHost, port);
            case "redis-cli" -> redisCli(args, assigned, defaultHost, port);
            default -> null;
        };
    }

    /** {@code pg_isready [-h H] [-p P] [-U user] [-d db]}: does the server accept connections. */
    private Parsed pgIsReady(List<String> args, Map<String, String> assigned, String defaultHost, int port) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String key = switch (a) {
                case "-h", "--host" -> "host";
                case "-p", "--port" -> "port";
                case "-U", "--username" -> "user";
                case "-d", "--dbname" -> "dbname";
                case "-t", "--timeout" -> "timeout";
                default -> null;
            };
            if (key != null && i + 1 < args.size()) {
                o.put(key, args.get(++i));
            } else if (a.startsWith("--") && a.contains("=")) {
                o.put(a.substring(2, a.indexOf('=')).replace("username", "user"), a.substring(a.indexOf('=') + 1));
            } else if (!a.equals("-q") && !a.equals("--quiet")) {
                return null;
            }
        }
        PgAddress at = PgAddress.of(o, assigned, defaultHost, port);
        if (at == null) {
            return null;
        }
        String user = resolved(or(o.get("user"), assigned.get("PGUSER")));
        // pg_isready, like psql, logs in to the database named as the user when none is given
        String db = resolved(or(o.get("dbname"), or(assigned.get("PGDATABASE"), user)));
        return new Parsed(PostgresSpec.ready(at.host(), at.port(), db, user), at.host(), List.of());
    }

    /**
     * Where a PostgreSQL client ({@code psql}, {@code pg_isready}) connects: its option, else {@code PGHOST} or
     * {@code PGPORT} set before it, else the row's host and port.
     */
    private record PgAddress(String host, int port) {
        /** {@code null} when the port is not a number (or uses an unset variable). */
        static PgAddress of(Map<String, String> options, Map<String, String> assigned, String defaultHost, int port) {
            String host = or(resolved(or(options.get("host"), assigned.get("PGHOST"))), defaultHost);
            String portText = or(resolved(or(options.get("port"), assigned.get("PGPORT"))), Integer.toString(port));
            return portText.matches("\\d{1,5}") ? new PgAddress(host, Integer.parseInt(portText)) : null;
        }
    }

    /** The probe aimed at the row's host and port instead of the address inside the container. */
    private static ProbeSpec onRowPort(ProbeSpec probe, String host, int port) {
        if (probe instanceof PostgresSpec p) {
            return new PostgresSpec(host, port, p.database(), p.user(), p.password(), p.sslMode(), p.query(), p.expect(),
                    p.readiness());
        } else if (probe instanceof RedisSpec r) {
            return new RedisSpec(host, port, r.user(), r.password(), r.infoField(), r.expect());
        } else if (probe instanceof HttpSpec h) {
            okhttp3.HttpUrl url = okhttp3.HttpUrl.parse(h.url());
            if (url != null && port > 0) {
                String moved = url.newBuilder().host(host).port(port).build().toString();
                return new HttpSpec(h.method(), moved, h.headers(), h.basicAuth(), h.accept(), h.expect(), h.tls());
            }
        }
        return probe;
    }

    private Parsed psql(List<String> args, Map<String, String> assigned, String defaultHost, int port) {
        Map<String, String> o = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : "";
            String key = switch (a.startsWith("--") && a.contains("=") ? a.substring(0, a.indexOf('=')) : a) {
                case "-h", "--host" -> "host";
                case "-p", "--port" -> "port";
                case "-U", "--username" -> "user";
                case "-d", "--dbname" -> "dbname";
                case "-c", "--command" -> "query";
                default -> null;
            };
            if (key != null) {
                if (a.contains("=")) {
                    o.put(key, a.substring(a.indexOf('=') + 1));
                } else {
                    o.put(key, next);
                    i++;
                }
            } else if (a.length() > 2 && "hpUdc".indexOf(a.charAt(1)) >= 0 && a.charAt(0) == '-' && a.charAt(1) != '-') {
                o.put(Map.of('h', "host", 'p', "port", 'U', "user", 'd', "dbname", 'c', "query").get(a.charAt(1)),
                        a.substring(2));
            } else if (!a.startsWith("-")) {
                positional.add(a);
            } else if (!a.matches("-[AtqXwnxeaEbLs]+|--no-psqlrc|--quiet|--tuples-only|--no-align|--no-password")) {
                return null; // an option that changes what runs (-f file, --set...): keep the command
            }
        }
        if (!positional.isEmpty()) {
            o.putIfAbsent("dbname", positional.get(0));
        }
        if (positional.size() > 1) {
            o.putIfAbsent("user", positional.get(1));
        }
        String dbname = o.get("dbname");
        if (dbname != null && (dbname.startsWith("postgres://") || dbname.startsWith("postgresql://") || dbname.contains("="))) {
            return null; // connection URIs and conninfo strings: the shell's psql reads them best
        }
        String query = o.get("query");
        if (query != null && !query.strip().toLowerCase(Locale.ROOT).matches("(select|show|with)\\b.*")) {
            return null; // a meta-command or a write is not a health query
        }
        PgAddress at = PgAddress.of(o, assigned, defaultHost, port);
        if (at == null) {
            return null;
        }
        List<String> notes = new ArrayList<>();
        String password = or(assigned.get("PGPASSWORD"), "");
        PostgresSpec spec = new PostgresSpec(at.host(), at.port(), resolved(or(dbname, assigned.get("PGDATABASE"))),
                resolved(or(o.get("user"), assigned.get("PGUSER"))), secret(password, "PGPASSWORD", notes),
                null, written(query), null);
        return new Parsed(spec, at.host(), notes);
    }

    private Parsed redisCli(List<String> args, Map<String, String> assigned, String defaultHost, int port) {
        String host = defaultHost;
        String portText = Integer.toString(port);
        String user = null;
        String password = assigned.get("REDISCLI_AUTH");
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : "";
            switch (a) {
                case "-h" -> host = next;
                case "-p" -> portText = next;
                case "-a", "--pass" -> password = next;
                case "--user" -> user = next;
                case "-n" -> {
                    // database number: PING does not care
                }
                case "--no-auth-warning", "--raw", "--no-raw" -> {
                    continue;
                }
                default -> {
                    if (a.startsWith("-")) {
                        return null; // -u URI, --tls, -c cluster...: keep the command as written
                    }
                    command.add(a);
                    continue;
                }
            }
            i++;
        }
        if (!(command.isEmpty() || command.size() == 1 && command.get(0).equalsIgnoreCase("ping"))) {
            return null;
        }
        String h = resolved(host);
        String p = resolved(portText);
        if (h == null || p == null || !p.matches("\\d{1,5}")) {
            return null;
        }
        List<String> notes = new ArrayList<>();
        RedisSpec spec = new RedisSpec(h, Integer.parseInt(p), written(user),
                password == null ? null : secret(password, "password", notes), null, null);
        return new Parsed(spec, h, notes);
    }

    /** Drops {@code VAR=value} prefixes (kept in {@code assigned}) and {@code sudo}/{@code env} wrappers. */
    private static List<String> stripPrefix(List<String> words, Map<String, String> assigned) {
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i);
            if (w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                assigned.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
            } else if (!(w.equals("sudo") || w.equals("env") || w.equals("command"))) {
                break;
            }
            i++;
        }
        return words.subList(i, words.size());
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
