package dev.incidentconsole.runbook;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Destructive statements in text sent to a database or Redis: SQL {@code DROP}, {@code TRUNCATE},
 * {@code DELETE FROM}, {@code UPDATE ... SET}, {@code ALTER TABLE ... DROP}, {@code pg_terminate_backend},
 * {@code pg_drop_replication_slot}, MongoDB shell drops ({@code dropDatabase()}, {@code .drop()}, {@code deleteMany}),
 * and Redis {@code FLUSHALL}/{@code FLUSHDB}/{@code DEL}/{@code SHUTDOWN} lines. SQL string literals and
 * comments are ignored, {@code EXPLAIN} without {@code ANALYZE} does not run its statement, and text
 * that sets a read-only transaction is not flagged. Keywords match in any case.
 */
final class SqlDangers {

    // Possessive quantifiers: a long literal must not recurse once per character in java.util.regex.
    private static final Pattern LITERAL = Pattern.compile(
            "'[^']*+(?:''[^']*+)*+'|--[^\\n]*+|/\\*(?:[^*]++|\\*(?!/))*+(?:\\*/|\\z)");
    private static final Pattern READ_ONLY = Pattern.compile(
            "(?i)\\bREAD\\s+ONLY\\b|default_transaction_read_only\\s*(?:=|TO)\\s*'?(?:on|true)");
    private static final Pattern EXPLAIN_ONLY = Pattern.compile("(?is)^\\s*EXPLAIN\\b(?!.*\\bANALY[SZ]E\\b).*");
    private static final Pattern DROP = Pattern.compile(
            "(?i)\\bDROP\\s+(DATABASE|TABLE|SCHEMA|INDEX|VIEW|MATERIALIZED\\s+VIEW|USER|ROLE|EXTENSION|TABLESPACE"
                    + "|OWNED|TRIGGER|FUNCTION|SEQUENCE|TYPE|KEYSPACE|PUBLICATION|SUBSCRIPTION)\\b"
                    + "(?:\\s+IF\\s+EXISTS)?\\s*([\\w.\"`]*)");
    private static final Pattern TRUNCATE = Pattern.compile("(?i)\\bTRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?([\\w.\"`]+)");
    private static final Pattern DELETE = Pattern.compile("(?i)(?<!\\bON\\s)\\bDELETE\\s+FROM\\s+(?:ONLY\\s+)?([\\w.\"`]+)([^;]*)");
    private static final Pattern UPDATE = Pattern.compile(
            "(?i)(?<!\\bFOR\\s)(?<!\\bKEY\\s)(?<!\\bON\\s)\\bUPDATE\\s+(?:ONLY\\s+)?([\\w.\"`]+)(?:\\s+(?:AS\\s+)?\\w+)?\\s+SET\\b");
    private static final Pattern ALTER_DROP = Pattern.compile("(?i)\\bALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?([\\w.\"`]+)[^;]*\\bDROP\\b");
    private static final Pattern TERMINATE = Pattern.compile("(?i)\\bpg_terminate_backend\\s*\\(");
    private static final Pattern DROP_SLOT = Pattern.compile("(?i)\\bpg_drop_replication_slot\\s*\\(");
    /** MongoDB shell: {@code db.dropDatabase()}, {@code db.orders.drop()}, {@code deleteMany(...)}. */
    private static final Pattern MONGO = Pattern.compile("\\bdropDatabase\\s*\\(|\\.drop\\s*\\(\\s*\\)|\\.deleteMany\\s*\\(");
    private static final Pattern WHERE = Pattern.compile("(?i)\\bWHERE\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> REDIS_FLUSH = Set.of("FLUSHALL", "FLUSHDB");

    private SqlDangers() {
    }

    /** The first destructive SQL statement in the text, or null. */
    static Danger sql(String text) {
        if (text == null || text.length() < 6 || !mayBeDestructive(text) || READ_ONLY.matcher(text).find()) {
            return null;
        }
        String code = LITERAL.matcher(text).replaceAll("''");
        for (String statement : code.split(";")) {
            if (EXPLAIN_ONLY.matcher(statement).matches()) {
                continue;
            }
            Danger d = statement(statement);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /**
     * Whether the text holds a blank or {@code (} after which a statement could go on, and a word every destructive
     * statement needs; most command arguments (a lone {@code delete}) do not, and this check, without copying,
     * spares them the literal stripping and the statement regexes.
     */
    private static boolean mayBeDestructive(String text) {
        if (!separated(text)) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            boolean keyword = switch (text.charAt(k)) {
                case 'd', 'D' -> at(text, k, "drop") || at(text, k, "delete");
                case 't', 'T' -> at(text, k, "truncate");
                case 'u', 'U' -> at(text, k, "update");
                case 'p', 'P' -> at(text, k, "pg_terminate_backend");
                default -> false;
            };
            if (keyword) {
                return true;
            }
        }
        return false;
    }

    /** A blank ({@code \\s}) or {@code (}: every statement the regexes find has one after its keyword. */
    private static boolean separated(String text) {
        for (int k = 0; k < text.length(); k++) {
            switch (text.charAt(k)) {
                case ' ', '\t', '\n', '\u000B', '\f', '\r', '(' -> {
                    return true;
                }
                default -> { }
            }
        }
        return false;
    }

    /** Whether {@code word} (lower case) stands at {@code k}, ASCII case folded as the regexes' {@code (?i)} does. */
    private static boolean at(String text, int k, String word) {
        if (k + word.length() > text.length()) {
            return false;
        }
        for (int j = 0; j < word.length(); j++) {
            char c = text.charAt(k + j);
            if (c != word.charAt(j) && (c | 0x20) != word.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static final int KW_DROP = 1;
    private static final int KW_TRUNCATE = 2;
    private static final int KW_DELETE = 4;
    private static final int KW_UPDATE = 8;
    private static final int KW_ALTER = 16;
    private static final int KW_TERMINATE = 32;

    /**
     * The keywords the statement regexes need that {@code s} holds (ASCII case folded, as their {@code (?i)}), in
     * one scan: a regex whose keyword is absent cannot find anything, and is not run.
     */
    private static int keywords(String s) {
        int found = 0;
        for (int k = 0; k < s.length(); k++) {
            found |= switch (s.charAt(k)) {
                case 'd', 'D' -> at(s, k, "drop") ? KW_DROP : at(s, k, "delete") ? KW_DELETE : 0;
                case 't', 'T' -> at(s, k, "truncate") ? KW_TRUNCATE : 0;
                case 'u', 'U' -> at(s, k, "update") ? KW_UPDATE : 0;
                case 'a', 'A' -> at(s, k, "alter") ? KW_ALTER : 0;
                case 'p', 'P' -> at(s, k, "pg_terminate_backend") ? KW_TERMINATE : 0;
                default -> 0;
            };
        }
        return found;
    }

    private static Danger statement(String s) {
        int kw = keywords(s);
        if (kw == 0) {
            return null;
        }
        Matcher m = DROP.matcher(s);
        if ((kw & KW_DROP) != 0 && m.find()) {
            String what = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            return new Danger("sql-drop", "Drops the " + what + named(m.group(2))
                    + "; what it held is gone unless you restore a backup.");
        }
        m = TRUNCATE.matcher(s);
        if ((kw & KW_TRUNCATE) != 0 && m.find()) {
            return new Danger("sql-truncate", "TRUNCATE removes every row of " + m.group(1)
                    + " at once; it cannot be undone once committed.");
        }
        m = DELETE.matcher(s);
        if ((kw & KW_DELETE) != 0 && m.find()) {
            boolean all = !WHERE.matcher(m.group(2)).find();
            return new Danger("sql-delete", "Deletes rows from " + m.group(1)
                    + (all ? " (no WHERE clause: every row)" : "") + "; they cannot be recovered once committed.");
        }
        m = UPDATE.matcher(s);
        if ((kw & KW_UPDATE) != 0 && m.find()) {
            return new Danger("sql-update", "Updates rows of " + m.group(1) + " in place; the old values are not kept.");
        }
        m = ALTER_DROP.matcher(s);
        if ((kw & (KW_ALTER | KW_DROP)) == (KW_ALTER | KW_DROP) && m.find()) {
            return new Danger("sql-alter-drop", "Drops a column or constraint of " + m.group(1) + " with its data.");
        }
        if ((kw & KW_DROP) != 0 && DROP_SLOT.matcher(s).find()) {
            return new Danger("pg-drop-slot", "Drops a replication slot; the replica or consumer using it"
                    + " loses its place and may need a rebuild.");
        }
        if ((kw & (KW_DROP | KW_DELETE)) != 0 && MONGO.matcher(s).find()) {
            return new Danger("mongo-drop", "Drops a MongoDB database or collection, or deletes its documents;"
                    + " they cannot be recovered without a backup.");
        }
        if ((kw & KW_TERMINATE) != 0 && TERMINATE.matcher(s).find()) {
            return new Danger("pg-terminate", "Kills PostgreSQL sessions (pg_terminate_backend);"
                    + " their open transactions are rolled back and clients see errors.");
        }
        return null;
    }

    /** The Danger of one Redis command given as words (command first), or null. */
    static Danger redis(java.util.List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        String cmd = words.get(0).toUpperCase(Locale.ROOT);
        String arg = words.size() > 1 ? words.get(1).toUpperCase(Locale.ROOT) : "";
        if (REDIS_FLUSH.contains(cmd)) {
            return new Danger("redis-flush", "Deletes every key in " + ("FLUSHALL".equals(cmd)
                    ? "every Redis database" : "the selected Redis database") + " (" + cmd + "); the data cannot be recovered.");
        }
        return switch (cmd) {
            case "DEL", "UNLINK" -> new Danger("redis-del", "Deletes Redis keys; their values cannot be recovered.");
            case "SHUTDOWN" -> new Danger("redis-shutdown",
                    "Shuts the Redis server down; clients lose it until it is started again.");
            case "REPLICAOF", "SLAVEOF" -> arg.isEmpty() ? null : "NO".equals(arg) ? new Danger("redis-promote",
                    "Promotes this Redis replica to a primary that takes writes: while the old primary still serves"
                    + " clients, the two copies diverge (split-brain); with Sentinel, use SENTINEL FAILOVER instead.")
                    : new Danger("redis-replicaof",
                    "Makes this Redis server a replica: it throws away its own data and copies the master's.");
            case "SCRIPT", "FUNCTION" -> "FLUSH".equals(arg) ? new Danger("redis-flush-scripts",
                    "Deletes every Lua script or function loaded in Redis.") : null;
            case "CLUSTER" -> "RESET".equals(arg) ? new Danger("redis-cluster-reset",
                    "Resets this Redis cluster node, forgetting its slots and peers.") : null;
            default -> null;
        };
    }

    /** Checks every line of text sent to redis-cli on stdin. */
    static Danger redisLines(String text) {
        if (text.isEmpty()) {
            return null; // nothing fed: most redis-cli commands
        }
        for (String line : text.split("\n")) {
            Danger d = redis(java.util.List.of(SPACES.split(line.strip())));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static String named(String name) {
        return name == null || name.isEmpty() ? "" : " " + name;
    }
}
