package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.CurlArgs;
import dev.incidentconsole.shell.Wrappers;
import java.util.List;
import java.util.Set;

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

    /*
     * The words are read by character scans rather than regular expressions (a command's every word is read, and a
     * matcher per word cost more than the reading): a capital word is [A-Z][A-Z0-9]*(_[A-Z0-9]+)* (capitalWordEnd),
     * not after [A-Za-z0-9_$.{}#!\\-] (canPrecede) nor before [A-Za-z0-9_(=] (canFollow).
     */
    private static final String NOT_BEFORE = "_$.{}#!\\-";
    private static final String NOT_AFTER = "_(=";
    private static final String SEPARATORS = ":@/,=";
    private static final String SEPARATORS_OR_QUOTES = SEPARATORS + "\"'";
    private static final String REGEX_CHARS = "|*[]^$\\()+?";

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
                     boolean[] taken) {
        if (!hasCapital(s, 0, s.length())) {
            return;
        }
        byte[] ctx = parsed.context();
        for (ShellWords.Segment seg : parsed.segments()) {
            List<ShellWords.Word> words = seg.words();
            int k = seg.program();
            ShellWords.Word head = k < words.size() ? words.get(k) : null;
            if (head != null && !head.quoted() && proseWord(head.value())) {
                continue;
            }
            String program = head == null ? "" : Wrappers.basename(head.value());
            boolean grep = GREPS.contains(program);
            // read once per command: asked for each of its words, it made long curl commands quadratic
            String curlMethod = "curl".equals(program)
                    ? CurlArgs.parse(ShellWords.values(words.subList(1, words.size()))).method() : null;
            // an upper-case program is SQL or Redis typed at its prompt (SHOW SLAVE STATUS)
            Rule rule = PRINTERS.contains(program) ? Rule.WHOLE_UNDERSCORED
                    : STRICT.contains(program) || grep
                            || (!program.isEmpty() && capitalWordEnd(program, 0, program.length()) == program.length())
                    ? Rule.UNDERSCORED : Rule.ANY;
            boolean nameArgs = NAME_ARGS.contains(program);
            boolean script = SCRIPTS.contains(program);
            for (int j = 0; j < words.size(); j++) {
                ShellWords.Word w = words.get(j);
                if (w.redirect() || j == k || (j > k && nameOrKeyword(words, j, program, grep, assigned, curlMethod))) {
                    continue;
                }
                String raw = w.raw();
                int eq = raw.indexOf('=');
                int from;
                if (j < k || (j > k && nameArgs)) {
                    from = eq > 0 && namesBeforeEquals(raw) ? eq + 1 : -1;
                } else if (raw.startsWith("-")) {
                    from = eq > 0 ? eq + 1 : -1;
                } else {
                    from = eq > 0 && namesBeforeEquals(raw) ? eq + 1 : 0;
                }
                if (from >= 0 && hasCapital(s, w.start() + from, w.end())) {
                    scan(s, ctx, w.start() + from, w.end(), j > k ? rule : Rule.ANY, script, found,
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
        return grep && !value.startsWith("-") && holdsAny(value, REGEX_CHARS);
    }

    /** Looks for capital words in s[from, to), which is one argument or the value part of one. */
    private static void scan(String s, byte[] ctx, int from, int to, Rule rule, boolean script,
                             List<Placeholder> found, boolean[] taken) {
        char q = s.charAt(from);
        boolean quoted = to - from >= 2 && (q == '"' || q == '\'') && s.charAt(to - 1) == q;
        int bareStart = quoted ? from + 1 : from;
        int bareEnd = quoted ? to - 1 : to;
        int at = from;
        while (at < to) {
            char c = s.charAt(at);
            if (c < 'A' || c > 'Z' || at > from && !canPrecede(s.charAt(at - 1))) {
                at++;
                continue;
            }
            int end = capitalWordEnd(s, at, to);
            if (end < to && !canFollow(s.charAt(end))) {
                at++;
                continue;
            }
            int start = at;
            at = end;
            byte context = ctx[start];
            if (context != ShellWords.CODE && context != ShellWords.DOUBLE && (context != ShellWords.SINGLE || script)) {
                continue;
            }
            String token = s.substring(start, end);
            if (CapsStopWords.literal(token) || labels(s, end, to)) {
                continue;
            }
            if (bracketed(s, from, to, start, end)) {
                if (!taken[start - 1]) {
                    taken[start - 1] = true;
                    found.add(new Placeholder(token, "[" + token + "]", start - 1, end + 1, Placeholder.Form.CAPS));
                }
                continue;
            }
            // the word is the whole argument, or all of it inside its quotes
            boolean whole = start == bareStart && end == bareEnd;
            boolean underscore = token.indexOf('_') > 0;
            boolean separated = token.length() >= 4 && separated(s, from, to, start, end);
            boolean accepted = switch (rule) {
                case WHOLE_UNDERSCORED -> whole && underscore;
                case UNDERSCORED -> underscore;
                case ANY -> (whole && token.length() >= 2) || underscore || separated;
            };
            if (accepted && !taken[start]) {
                taken[start] = true;
                found.add(new Placeholder(token, token, start, end, Placeholder.Form.CAPS));
            }
        }
    }

    /**
     * Where the capital word [A-Z][A-Z0-9]*(_[A-Z0-9]+)* starting at {@code from} (an A-Z letter, else it ends
     * there) ends, reading no further than {@code to}.
     */
    private static int capitalWordEnd(String s, int from, int to) {
        if (from >= to || s.charAt(from) < 'A' || s.charAt(from) > 'Z') {
            return from;
        }
        int i = from + 1;
        while (true) {
            while (i < to && isUpperOrDigit(s.charAt(i))) {
                i++;
            }
            if (i + 1 < to && s.charAt(i) == '_' && isUpperOrDigit(s.charAt(i + 1))) {
                i += 2;
            } else {
                return i;
            }
        }
    }

    private static boolean isUpperOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isUpperOrDigit(c) || c >= 'a' && c <= 'z';
    }

    /** Whether a capital word may start after this character: not inside a word, a variable or an option. */
    private static boolean canPrecede(char c) {
        return !isAsciiLetterOrDigit(c) && NOT_BEFORE.indexOf(c) < 0;
    }

    /** Whether a capital word may end before this character: not a longer word, a call or an assignment. */
    private static boolean canFollow(char c) {
        return !isAsciiLetterOrDigit(c) && NOT_AFTER.indexOf(c) < 0;
    }

    /** A capitalised word (Runbook, Warning, Note:) or one ending in ':' or ',': prose or tool output. */
    private static boolean proseWord(String v) {
        int n = v.length();
        if (n >= 2 && v.charAt(0) >= 'A' && v.charAt(0) <= 'Z') {
            int i = 1;
            while (i < n && v.charAt(i) >= 'a' && v.charAt(i) <= 'z') {
                i++;
            }
            if (i > 1 && (i == n || i == n - 1 && ":,.".indexOf(v.charAt(i)) >= 0)) {
                return true;
            }
        }
        if (n == 0 || v.charAt(n - 1) != ':' && v.charAt(n - 1) != ',') {
            return false;
        }
        for (int i = 0; i < n - 1; i++) {
            char c = v.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false; // the regex this replaces read the rest as '.*', which stops at line ends
            }
        }
        return true;
    }

    /** Whether the word opens with a variable name and '=' ({@code NAME=}, {@code a.b=}). */
    private static boolean namesBeforeEquals(String raw) {
        if (raw.isEmpty() || !(Character.isLetter(raw.charAt(0)) && raw.charAt(0) < 128 || raw.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '=') {
                return true;
            }
            if (!isAsciiLetterOrDigit(c) && c != '_' && c != '.') {
                return false;
            }
        }
        return false;
    }

    private static boolean holdsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A word followed by {@code ": "} names a header or key ({@code -H "X_API_KEY: ..."}), not a value. */
    private static boolean labels(String s, int end, int to) {
        return end + 1 < to && s.charAt(end) == ':' && s.charAt(end + 1) == ' ';
    }

    /** Whether s[from, to) holds an A-Z letter, which every capital word starts with. */
    private static boolean hasCapital(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    /** A capital name written as {@code [POD_NAME]} in s[from, to), the brackets being part of the placeholder. */
    private static boolean bracketed(String s, int from, int to, int start, int end) {
        return start > from && end < to && s.charAt(start - 1) == '[' && s.charAt(end) == ']'
                && (start == from + 1 || SEPARATORS_OR_QUOTES.indexOf(s.charAt(start - 2)) >= 0)
                && (end + 1 == to || SEPARATORS_OR_QUOTES.indexOf(s.charAt(end + 1)) >= 0);
    }

    private static boolean separated(String s, int from, int to, int start, int end) {
        boolean before = start == from || SEPARATORS.indexOf(s.charAt(start - 1)) >= 0;
        boolean after = end == to || SEPARATORS.indexOf(s.charAt(end)) >= 0;
        return before && after && (start > from || end < to);
    }
}
