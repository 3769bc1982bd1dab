package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.CurlArgs;
import dev.incidentconsole.shell.Wrappers;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds upper-case placeholders such as {@code SUSPICIOUS_IP} or {@code NAMESPACE}: an argument, or the
 * value after {@code =}, written in capitals. A whole argument counts when it is not a well-known word;
 * a capital word inside a longer argument counts when it has an underscore ({@code WHERE ip =
 * 'SUSPICIOUS_IP'}) or stands between {@code : @ / , =} separators ({@code HOST:443},
 * {@code s3://BUCKET/}); {@code [POD_NAME]} counts with its brackets. Tools whose arguments are
 * upper-case or log text by nature (redis-cli, iptables, SQL clients, kill, grep, echo, SQL typed at a
 * prompt) only get underscore names; the scripts of awk, jq, sed and the like are skipped, and so are
 * lines of prose or tool output (a capitalised first word such as {@code Warning} or {@code Note:}),
 * literal words and error codes ({@link CapsStopWords}), header names ({@code X_API_KEY: ...}) and the
 * names of variables the command assigns.
 */
final class CapsWords {

    private static final Pattern WHOLE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9_$.{}#!\\\\-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_(=])");
    private static final Pattern NAME_EQUALS = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]*=");
    private static final String SEPARATORS = ":@/,=";

    /** Programs whose arguments are variable names, not values. */
    private static final Set<String> NAME_ARGS = Set.of(
            "unset", "read", "declare", "local", "readonly", "typeset", "printenv", "trap", "set", "getopts",
            "mapfile", "readarray", "alias", "export");
    private static final Set<String> STRICT = Set.of(
            "redis-cli", "iptables", "ip6tables", "nft", "psql", "mysql", "mariadb", "sqlite3", "cockroach", "kill",
            "pkill", "killall", "cqlsh", "clickhouse-client", "gitlab-psql");
    private static final Set<String> SCRIPTS = Set.of(
            "awk", "gawk", "mawk", "jq", "yq", "sed", "perl", "python", "python3", "ruby", "node", "printf");
    /** grep and friends: a pattern holds log text (error codes, levels), seldom a value to fill in. */
    private static final Set<String> GREPS = Set.of("grep", "egrep", "fgrep", "zgrep", "rg", "ag", "ack");
    /** Whose arguments are printed text. */
    private static final Set<String> PRINTERS = Set.of("echo", "printf");
    /** Container tools whose {@code -e NAME} passes a variable of the calling shell through. */
    private static final Set<String> ENV_PASSERS = Set.of("docker", "podman", "nerdctl", "docker-compose");
    /** A capitalised word (Runbook, Warning, Note:) where the program should be: prose or tool output. */
    private static final Pattern PROSE_WORD = Pattern.compile("[A-Z][a-z]+[:,.]?|.*[:,]");
    private static final Pattern REGEX_CHARS = Pattern.compile("[|*\\[\\]^$\\\\()+?]");

    /** Which capital words of an argument count. */
    private enum Rule {
        /** Whole arguments, underscore names and separated words ({@code HOST:443}). */
        ANY,
        /** Underscore names only: the tool's own words are upper-case (redis-cli, SQL, grep'd log text). */
        UNDERSCORED,
        /** A whole argument with an underscore: the other words of echo/printf are a message. */
        WHOLE_UNDERSCORED
    }

    private CapsWords() {
    }

    /**
     * Adds the capital placeholders of a parsed command; {@code assigned} are the variables the command sets
     * itself, whose names ({@code for POD in ...}) are not values.
     */
    static void find(String s, ShellWords.Parsed parsed, Set<String> assigned, List<Placeholder> found,
                     Set<Integer> taken) {
        if (!hasCapital(s, 0, s.length())) {
            return;
        }
        byte[] ctx = parsed.context();
        for (ShellWords.Segment seg : parsed.segments()) {
            List<ShellWords.Word> words = seg.words();
            int k = seg.program();
            ShellWords.Word head = k < words.size() ? words.get(k) : null;
            if (head != null && !head.quoted() && PROSE_WORD.matcher(head.value()).matches()) {
                continue;
            }
            String program = head == null ? "" : Wrappers.basename(head.value());
            boolean grep = GREPS.contains(program);
            // read once per command: asked for each of its words, it made long curl commands quadratic
            String curlMethod = "curl".equals(program)
                    ? CurlArgs.parse(ShellWords.values(words.subList(1, words.size()))).method() : null;
            // an upper-case program is SQL or Redis typed at its prompt (SHOW SLAVE STATUS)
            Rule rule = PRINTERS.contains(program) ? Rule.WHOLE_UNDERSCORED
                    : STRICT.contains(program) || grep || (!program.isEmpty() && WHOLE.matcher(program).matches())
                    ? Rule.UNDERSCORED : Rule.ANY;
            for (int j = 0; j < words.size(); j++) {
                ShellWords.Word w = words.get(j);
                if (w.redirect() || j == k || (j > k && nameOrKeyword(words, j, program, grep, assigned, curlMethod))) {
                    continue;
                }
                String raw = w.raw();
                int eq = raw.indexOf('=');
                int from;
                if (j < k || (j > k && NAME_ARGS.contains(program))) {
                    from = eq > 0 && NAME_EQUALS.matcher(raw).find() ? eq + 1 : -1;
                } else if (raw.startsWith("-")) {
                    from = eq > 0 ? eq + 1 : -1;
                } else {
                    from = eq > 0 && NAME_EQUALS.matcher(raw).find() ? eq + 1 : 0;
                }
                if (from >= 0 && hasCapital(s, w.start() + from, w.end())) {
                    scan(s, ctx, w.start() + from, w.end(), j > k ? rule : Rule.ANY, SCRIPTS.contains(program), found,
                            taken);
                }
            }
        }
    }

    /**
     * Arguments whose capitals are names or literal words: a variable the command assigns ({@code for POD
     * in}), {@code curl -X PURGE}, {@code docker run -e API_KEY} (passes the caller's variable through) and a
     * grep pattern written as a regular expression ({@code "TIMEOUT|REFUSED"}). {@code curlMethod}: the HTTP
     * method of a curl command, else {@code null}.
     */
    private static boolean nameOrKeyword(List<ShellWords.Word> words, int j, String program, boolean grep,
                                         Set<String> assigned, String curlMethod) {
        String value = words.get(j).value();
        if (assigned.contains(value)) {
            return true;
        }
        String previous = words.get(j - 1).value();
        if (value.equals(curlMethod)) {
            return true; // curl -X PURGE, -sX PURGE: an HTTP method, not a value to fill in
        }
        if (ENV_PASSERS.contains(program) && ("-e".equals(previous) || "--env".equals(previous))
                && value.indexOf('=') < 0) {
            return true;
        }
        return grep && !value.startsWith("-") && REGEX_CHARS.matcher(value).find();
    }

    /** Looks for capital words in s[from, to), which is one argument or the value part of one. */
    private static void scan(String s, byte[] ctx, int from, int to, Rule rule, boolean script,
                             List<Placeholder> found, Set<Integer> taken) {
        String region = s.substring(from, to);
        String bare = unquote(region);
        int bareOffset = region.indexOf(bare);
        Matcher m = TOKEN.matcher(region);
        while (m.find()) {
            int at = from + m.start();
            byte c = ctx[at];
            if (c != ShellWords.CODE && c != ShellWords.DOUBLE && (c != ShellWords.SINGLE || script)) {
                continue;
            }
            String token = m.group();
            if (CapsStopWords.literal(token) || labels(region, m.end())) {
                continue;
            }
            if (bracketed(region, m.start(), m.end())) {
                if (taken.add(at - 1)) {
                    found.add(new Placeholder(token, "[" + token + "]", at - 1, at + token.length() + 1,
                            Placeholder.Form.CAPS));
                }
                continue;
            }
            boolean whole = m.start() == bareOffset && token.length() == bare.length() && WHOLE.matcher(bare).matches();
            boolean underscore = token.indexOf('_') > 0;
            boolean separated = token.length() >= 4 && separated(region, m.start(), m.end());
            boolean accepted = switch (rule) {
                case WHOLE_UNDERSCORED -> whole && underscore;
                case UNDERSCORED -> underscore;
                case ANY -> (whole && token.length() >= 2) || underscore || separated;
            };
            if (accepted && taken.add(at)) {
                found.add(new Placeholder(token, token, at, at + token.length(), Placeholder.Form.CAPS));
            }
        }
    }

    /** A word followed by {@code ": "} names a header or key ({@code -H "X_API_KEY: ..."}), not a value. */
    private static boolean labels(String region, int end) {
        return end + 1 < region.length() && region.charAt(end) == ':' && region.charAt(end + 1) == ' ';
    }

    /** Whether s[from, to) holds an A-Z letter, which every match of {@link #TOKEN} starts with. */
    private static boolean hasCapital(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    /** A capital name written as {@code [POD_NAME]}, the brackets being part of the placeholder. */
    private static boolean bracketed(String region, int start, int end) {
        return start >= 1 && end < region.length() && region.charAt(start - 1) == '[' && region.charAt(end) == ']'
                && (start == 1 || (SEPARATORS + "\"'").indexOf(region.charAt(start - 2)) >= 0)
                && (end + 1 == region.length() || (SEPARATORS + "\"'").indexOf(region.charAt(end + 1)) >= 0);
    }

    private static boolean separated(String region, int start, int end) {
        boolean before = start == 0 || SEPARATORS.indexOf(region.charAt(start - 1)) >= 0;
        boolean after = end == region.length() || SEPARATORS.indexOf(region.charAt(end)) >= 0;
        return before && after && (start > 0 || end < region.length());
    }

    private static String unquote(String region) {
        if (region.length() >= 2) {
            char q = region.charAt(0);
            if ((q == '"' || q == '\'') && region.charAt(region.length() - 1) == q) {
                return region.substring(1, region.length() - 1);
            }
        }
        return region;
    }
}
