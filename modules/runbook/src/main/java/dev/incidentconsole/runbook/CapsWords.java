package dev.incidentconsole.runbook;

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
 * upper-case by nature (redis-cli, iptables, SQL clients, kill) only get underscore names; the scripts
 * of awk, jq, sed and the like are skipped.
 */
final class CapsWords {

    private static final Pattern WHOLE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9_$.{}\\\\-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_(=])");
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
    private static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList((""
            // protocols, formats, units, time zones
            + "TCP UDP ICMP HTTP HTTPS TLS SSL DNS SSH FTP SMTP IP IPV4 IPV6 UTC GMT CET CEST EST EDT PST PDT API URL URI "
            + "JSON YAML XML CSV TSV HTML PDF UTF8 UTF ASCII CPU GPU RAM OOM IO IOPS KB MB GB TB PB KIB MIB GIB TIB MS "
            + "SSD HDD NFS LVM RAID AWS GCP EKS GKE AKS RDS EC2 S3 IAM ARN PEM CRT CSR JWT SQL DB TTY PID UID GID AM PM "
            // HTTP methods and statuses
            + "GET POST PUT PATCH DELETE HEAD OPTIONS CONNECT TRACE OK "
            // SQL
            + "SELECT FROM WHERE AND OR NOT NULL IS IN AS ON JOIN LEFT RIGHT INNER OUTER FULL CROSS GROUP BY ORDER "
            + "LIMIT OFFSET HAVING INSERT INTO VALUES UPDATE SET DROP TABLE DATABASE SCHEMA CREATE ALTER INDEX "
            + "TRUNCATE BEGIN COMMIT ROLLBACK EXPLAIN ANALYZE VERBOSE BUFFERS VACUUM COUNT SUM AVG MIN MAX DISTINCT "
            + "ASC DESC LIKE ILIKE BETWEEN CASE WHEN THEN ELSE END UNION ALL ANY EXISTS WITH RETURNING GRANT REVOKE "
            + "SHOW DESCRIBE USE CASCADE PRIMARY KEY FOREIGN REFERENCES DEFAULT TRUE FALSE INTERVAL NOW VIEW USER "
            + "ROLE CURRENT_TIMESTAMP CURRENT_DATE CURRENT_TIME CURRENT_USER SESSION_USER LOCAL_TIMESTAMP "
            + "REINDEX CONCURRENTLY CHECKPOINT LOCK SHARE EXCLUSIVE ONLY READ WRITE TRANSACTION ISOLATION LEVEL "
            // log levels and signals
            + "INFO WARN WARNING ERROR ERR DEBUG FATAL CRIT CRITICAL PANIC NOTICE ALERT EMERG LOG "
            + "HUP INT QUIT KILL TERM USR1 USR2 STOP CONT WINCH SIGHUP SIGINT SIGQUIT SIGKILL SIGTERM SIGUSR1 "
            + "SIGUSR2 SIGSTOP SIGCONT EXIT "
            // firewall
            + "INPUT OUTPUT FORWARD PREROUTING POSTROUTING ACCEPT REJECT RETURN DNAT SNAT MASQUERADE NEW "
            + "ESTABLISHED RELATED INVALID "
            // Redis
            + "FLUSHDB FLUSHALL KEYS PING CONFIG MEMORY SLOWLOG CLIENT LIST DBSIZE SCAN TTL PTTL TYPE MONITOR LATENCY "
            + "DOCTOR STATS USAGE BGSAVE LASTSAVE SAVE DEL UNLINK EXPIRE PERSIST HGETALL HGET LLEN LRANGE XLEN ZCARD "
            + "SCARD REPLICAOF SLAVEOF NO ONE CLUSTER NODES SLOTS SHUTDOWN OBJECT ENCODING STRLEN MGET AUTH EVAL "
            + "INCR DECR SUBSCRIBE PUBLISH "
            // misc
            + "YES ON OFF NONE NA EOF README LICENSE TODO FIXME NOTE STDIN STDOUT STDERR UP DOWN "
            + "HEAD ORIG_HEAD FETCH_HEAD MERGE_HEAD").split(" ")));

    private CapsWords() {
    }

    static void find(String s, ShellWords.Parsed parsed, List<Placeholder> found, Set<Integer> taken) {
        if (!hasCapital(s, 0, s.length())) {
            return;
        }
        byte[] ctx = parsed.context();
        for (ShellWords.Segment seg : parsed.segments()) {
            List<ShellWords.Word> words = seg.words();
            int k = CommandWords.programIndex(words);
            String program = k < words.size() ? CommandWords.basename(words.get(k).value()) : "";
            boolean strict = STRICT.contains(program);
            for (int j = 0; j < words.size(); j++) {
                ShellWords.Word w = words.get(j);
                if (w.redirect() || j == k) {
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
                    scan(s, ctx, w.start() + from, w.end(), strict && j > k, SCRIPTS.contains(program), found, taken);
                }
            }
        }
    }

    /** Looks for capital words in s[from, to), which is one argument or the value part of one. */
    private static void scan(String s, byte[] ctx, int from, int to, boolean strict, boolean script,
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
            if (bracketed(region, m.start(), m.end())) {
                if (!STOP.contains(token) && taken.add(at - 1)) {
                    found.add(new Placeholder(token, "[" + token + "]", at - 1, at + token.length() + 1,
                            Placeholder.Form.CAPS));
                }
                continue;
            }
            boolean whole = m.start() == bareOffset && token.length() == bare.length() && WHOLE.matcher(bare).matches();
            boolean underscore = token.indexOf('_') > 0;
            boolean separated = token.length() >= 4 && separated(region, m.start(), m.end());
            boolean accepted = strict ? underscore : (whole && token.length() >= 2) || underscore || separated;
            if (accepted && !STOP.contains(token) && taken.add(at)) {
                found.add(new Placeholder(token, token, at, at + token.length(), Placeholder.Form.CAPS));
            }
        }
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
