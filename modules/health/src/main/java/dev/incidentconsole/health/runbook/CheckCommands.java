package dev.incidentconsole.health.runbook;

import dev.incidentconsole.health.Secret;
import dev.incidentconsole.health.spec.BasicAuth;
import dev.incidentconsole.health.spec.BodyExpectation;
import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.ProbeSpec;
import dev.incidentconsole.health.spec.RedisSpec;
import dev.incidentconsole.health.spec.StatusCodes;
import dev.incidentconsole.health.spec.TlsOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Reads a runbook's health-check command as the probe it stands for: {@code curl} becomes an HTTP probe,
 * {@code psql -c "SELECT 1"} a PostgreSQL probe, {@code redis-cli ping} a Redis probe; anything else (and
 * any curl/psql/redis-cli we cannot reproduce faithfully) stays a command probe run as written.
 */
final class CheckCommands {
    private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    private static final Set<String> CURL_BODY = Set.of("-d", "--data", "--data-raw", "--data-binary",
            "--data-urlencode", "-F", "--form", "-T", "--upload-file", "--json");
    private static final Set<String> CURL_WITH_ARG = Set.of("-o", "--output", "-w", "--write-out", "-m", "--max-time",
            "--connect-timeout", "-A", "--user-agent", "-b", "--cookie", "-c", "--cookie-jar", "-e", "--referer",
            "--retry", "--retry-delay", "--retry-max-time", "-x", "--proxy", "--resolve", "--cacert", "--cert",
            "--key", "-E", "-K", "--config", "-r", "--range", "-Y", "-y", "-z", "--interface", "--unix-socket");
    private static final String CURL_ARG_LETTERS = "XHudoFTwmAbceEKrxYyz";
    private final Function<String, String> env;

    /** What a check command stands for. */
    record Parsed(ProbeSpec probe, String host, List<String> notes) {
    }

    CheckCommands(Function<String, String> env) {
        this.env = env;
    }

    Parsed parse(String command, String defaultHost, int port) {
        List<List<String>> segments = ShellWords.segments(ShellWords.tokenize(command));
        if (!segments.isEmpty()) {
            Map<String, String> assigned = new LinkedHashMap<>();
            List<String> words = stripPrefix(segments.get(0), assigned);
            String program = words.isEmpty() ? "" : basename(words.get(0));
            List<String> args = words.isEmpty() ? List.of() : words.subList(1, words.size());
            Parsed parsed = switch (program) {
                case "curl" -> curl(args, segments.subList(1, segments.size()));
                case "psql" -> psql(args, assigned, defaultHost, port);
                case "redis-cli" -> redisCli(args, assigned, defaultHost, port);
                default -> null;
            };
            if (parsed != null) {
                return parsed;
            }
        }
        return new Parsed(CommandSpec.of(command.strip()), defaultHost, List.of());
    }

    private Parsed curl(List<String> args, List<List<String>> filters) {
        String method = "GET";
        String url = null;
        Map<String, Secret> headers = new LinkedHashMap<>();
        BasicAuth auth = null;
        boolean insecure = false;
        boolean follow = false;
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : "";
            if (CURL_BODY.contains(a) || a.startsWith("--data") || a.startsWith("-d") && a.length() > 2) {
                return null; // a request body is not a health check we can replay
            } else if (a.equals("-X") || a.equals("--request")) {
                method = next;
                i++;
            } else if (a.startsWith("-X") && a.length() > 2) {
                method = a.substring(2);
            } else if (a.equals("-H") || a.equals("--header")) {
                int colon = next.indexOf(':');
                if (colon > 0) {
                    headers.put(next.substring(0, colon).strip(), secret(next.substring(colon + 1).strip(),
                            "header " + next.substring(0, colon).strip(), notes));
                }
                i++;
            } else if (a.equals("-u") || a.equals("--user")) {
                int colon = next.indexOf(':');
                auth = colon < 0 ? new BasicAuth(next, Secret.empty())
                        : new BasicAuth(next.substring(0, colon), secret(next.substring(colon + 1), "password", notes));
                i++;
            } else if (a.equals("-I") || a.equals("--head")) {
                method = "HEAD";
            } else if (a.equals("-k") || a.equals("--insecure")) {
                insecure = true;
            } else if (a.equals("-L") || a.equals("--location")) {
                follow = true;
            } else if (a.equals("--url")) {
                url = next;
                i++;
            } else if (CURL_WITH_ARG.contains(a)) {
                i++;
            } else if (a.matches("-[A-Za-z]{2,}")) {
                String letters = a.substring(1);
                insecure |= letters.indexOf('k') >= 0;
                follow |= letters.indexOf('L') >= 0;
                method = letters.indexOf('I') >= 0 ? "HEAD" : method;
                if (CURL_ARG_LETTERS.indexOf(letters.charAt(letters.length() - 1)) >= 0) {
                    return null; // e.g. -su user:pass: rare enough to leave to the shell
                }
            } else if (!a.startsWith("-") && url == null) {
                url = a;
            }
        }
        if (url == null) {
            return null;
        }
        String expanded = expandAll(url);
        String full = expanded == null ? null : expanded.contains("://") ? expanded : "http://" + expanded;
        HttpUrl parsed = full == null ? null : HttpUrl.parse(full);
        if (parsed == null) {
            return null; // unset variable or placeholder in the URL: let the shell run it
        }
        HttpSpec spec = new HttpSpec(method, full, headers, auth,
                follow ? new StatusCodes(List.of("2xx", "3xx")) : null, keyword(filters),
                insecure ? new TlsOptions(true, null, null) : null);
        return new Parsed(spec, parsed.host(), notes);
    }

    /** {@code | grep [-q] WORD} after curl becomes a body keyword expectation. */
    private static BodyExpectation keyword(List<List<String>> filters) {
        for (List<String> f : filters) {
            if (!f.isEmpty() && f.get(0).equals("grep")) {
                List<String> rest = f.subList(1, f.size()).stream().filter(w -> !w.startsWith("-")).toList();
                if (rest.size() == 1 && f.stream().noneMatch(w -> w.equals("-v") || w.equals("-E") || w.equals("-e"))) {
                    return BodyExpectation.keyword(rest.get(0));
                }
            }
        }
        return null;
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
        String host = or(expandAll(or(o.get("host"), assigned.get("PGHOST"))), defaultHost);
        String portText = or(expandAll(or(o.get("port"), assigned.get("PGPORT"))), Integer.toString(port));
        if (!portText.matches("\\d{1,5}")) {
            return null;
        }
        List<String> notes = new ArrayList<>();
        String password = or(assigned.get("PGPASSWORD"), "");
        PostgresSpec spec = new PostgresSpec(host, Integer.parseInt(portText), expandAll(or(dbname, assigned.get("PGDATABASE"))),
                expandAll(or(o.get("user"), assigned.get("PGUSER"))), secret(password, "PGPASSWORD", notes),
                null, query, null);
        return new Parsed(spec, host, notes);
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
        String h = expandAll(host);
        String p = expandAll(portText);
        if (h == null || p == null || !p.matches("\\d{1,5}")) {
            return null;
        }
        List<String> notes = new ArrayList<>();
        RedisSpec spec = new RedisSpec(h, Integer.parseInt(p), user,
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

    /** A value with {@code $VAR}s from the environment; an unset one is noted, not fatal. */
    private Secret secret(String value, String what, List<String> notes) {
        Matcher m = VAR.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                notes.add(what + " uses $" + m.group(1) + ", which is not set; export it before starting");
                v = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return Secret.of(out.toString());
    }

    /** The text with {@code $VAR}s expanded, or {@code null} when one is unset. */
    private String expandAll(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = VAR.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String basename(String program) {
        int slash = program.lastIndexOf('/');
        return slash < 0 ? program : program.substring(slash + 1);
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
