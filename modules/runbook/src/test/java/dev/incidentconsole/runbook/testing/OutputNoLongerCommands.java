package dev.incidentconsole.runbook.testing;

import java.util.Map;
import java.util.TreeMap;

/**
 * The lines of the corpus that were read as commands and are printed output, so no command since the splitter
 * knows a command's table and log lines, prose, printed settings and result headers ({@code OutputLines}), or
 * since an unlabelled block of SQL or of a client's {@code > } prompt is text ({@code StepReader}): an intended
 * change of every differential test that compares the commands of the runbooks, listed here once.
 */
public final class OutputNoLongerCommands {

    private static final String TABLE_ROW = "issue 12's try-out: a row of the table a command printed"
            + " (kubectl get pods | grep ..., a blank line, its pods) is its output, not a command";
    private static final String LOG_LINE = "a log line is no command: a bracketed tag glued to its text, a klog"
            + " header, kubectl's Warning event row, a syslog date";

    private static final String MESSAGE = "a message written as prose (a capitalised word, a word ending in a colon"
            + " before any shell operator: 'Container runtime network not ready: ...', seed 004's 'Runbook update: ...'"
            + " commit-message template and its 'Ref:'/'See:' lines) is printed or written text, not a command";
    private static final String PRINTED_SETTING = "'notAfter=Aug  6 13:11:20 2025 GMT' is what openssl printed; as shell"
            + " it would run a program named '6'";
    private static final String RESULT_HEADER = "the header of psql's result table, over its ---+--- rule, is output;"
            + " as shell it was a pipeline of its column names";
    private static final String CLIENT_PROMPT = "an unlabelled block opening with '> word' holds lines typed into the"
            + " redis-cli the step before opened (and that client's output, db0:keys=...); as shell '> flushall' would"
            + " truncate a file named flushall. The block is shown as text";
    private static final String SQL = "an unlabelled block of upper-case SQL statements ending in ';' or \\G is SQL,"
            + " shown as text like a block labelled sql, not shell commands";

    /** key (folder/file:line:hash of the command) → why it is no longer a command. */
    public static final Map<String, String> WHY = new TreeMap<>(Map.ofEntries(
            Map.entry("corpus/govuk__clear-the-redis-cache.md:29:e1da032cf2d4", TABLE_ROW),
            Map.entry("corpus/govuk__clear-the-redis-cache.md:30:02e28edc544b", TABLE_ROW),
            Map.entry("corpus/govuk__clear-the-redis-cache.md:31:d07ed299d166", TABLE_ROW),
            Map.entry("corpus/govuk__clear-the-redis-cache.md:32:ec20f009d94e", TABLE_ROW),
            Map.entry("corpus/govuk__clear-the-redis-cache.md:33:a70e6ba581ba", TABLE_ROW),
            Map.entry("corpus/govuk__clear-the-redis-cache.md:34:cc261a38d5ae", TABLE_ROW),
            Map.entry("corpus/cockroach__common-errors.md:106:e074d9d75112", LOG_LINE),
            Map.entry("corpus/csrunbooks__crashloopbackoff.md:117:667956023274", LOG_LINE),
            Map.entry("corpus/csrunbooks__crashloopbackoff.md:61:555218938142", LOG_LINE),
            Map.entry("corpus/csrunbooks__pod-stuck-in-pending-status.md:160:ab1a6d4b0464", LOG_LINE),
            Map.entry("corpus/csrunbooks__pod-stuck-in-pending-status.md:62:b4e76a8beb6f", LOG_LINE),
            Map.entry("corpus/csrunbooks__pod-stuck-in-pending-status.md:66:2d0d4c25528d", LOG_LINE),
            Map.entry("corpus/csrunbooks__pod-stuck-in-pending-status.md:76:81e8a9214aec", LOG_LINE),
            Map.entry("corpus/csrunbooks__pod-stuck-in-pending-status.md:94:e31e011fb0c8", LOG_LINE),
            Map.entry("corpus/govuk__clear-the-redis-cache.md:14:66259fdfabde", LOG_LINE),
            Map.entry("corpus/netdata__oom_kill.md:23:8d12d49a948a", LOG_LINE),
            Map.entry("corpus/openshift__MachineConfigControllerDrainError.md:102:67edfe66d975", MESSAGE),
            Map.entry("corpus/csrunbooks__pod-stuck-in-pending-status.md:84:adacf872cdae", MESSAGE),
            Map.entry("seeds/004_3f049994631f1ab7.txt:113:83caabe2700e", MESSAGE),
            Map.entry("seeds/004_3f049994631f1ab7.txt:115:b049a5e5443e", MESSAGE),
            Map.entry("seeds/004_3f049994631f1ab7.txt:139:88f4b4f48c59", MESSAGE),
            Map.entry("seeds/004_3f049994631f1ab7.txt:141:c0bd663182bb", MESSAGE),
            Map.entry("seeds/004_3f049994631f1ab7.txt:142:5cf56504a37b", MESSAGE),
            Map.entry("corpus/openshift__TargetDown.md:266:a9ed30ee128f", PRINTED_SETTING),
            Map.entry("corpus/gitlab__postgresql-locking.md:127:ae287bdd6186", RESULT_HEADER),
            Map.entry("corpus/govuk__clear-the-redis-cache.md:48:6451022511e8", CLIENT_PROMPT),
            Map.entry("corpus/govuk__clear-the-redis-cache.md:50:c87672e4fb2f", CLIENT_PROMPT),
            Map.entry("corpus/govuk__clear-the-redis-cache.md:56:970dc803426b", CLIENT_PROMPT),
            Map.entry("corpus/govuk__clear-the-redis-cache.md:62:6451022511e8", CLIENT_PROMPT),
            Map.entry("corpus/netdata__mysql_replication.md:14:6d948b4108a4", SQL),
            Map.entry("corpus/netdata__mysql_replication.md:20:b0d1eb8e7ec2", SQL),
            Map.entry("corpus/netdata__mysql_replication.md:44:149a5ca96ca9", SQL),
            Map.entry("corpus/netdata__mysql_replication.md:45:981a68b59c38", SQL),
            Map.entry("corpus/netdata__mysql_replication.md:51:606c1337aa02", SQL),
            Map.entry("corpus/netdata__mysql_replication.md:52:24c2e9845ad8", SQL)));

    private OutputNoLongerCommands() {
    }

    /**
     * gitlab's redis survival guide, line 289: the command on the fence line ({@code ```REDISCLI_AUTH=$(... cut -d\\"
     * -f2) .../redis-cli}) lost its backslash to commonmark's unescaping of info strings, so its {@code "} opened a
     * quote that swallowed the next line, {@code 127.0.0.1:6379> SLOWLOG GET 10}, typed at redis-cli's prompt. Now
     * the fence line is read as written and the prompt line is what was typed into the client, not shell: the merged
     * command (this key) is gone and {@link #SPLIT_FROM_PROMPT} is read instead.
     */
    public static final String MERGED_WITH_PROMPT = "corpus/gitlab__redis-survival-guide-for-sres.md:289:f2382641322c";
    /** The command of {@link #MERGED_WITH_PROMPT} alone: {@code REDISCLI_AUTH=... redis-cli}, opening the client. */
    public static final String SPLIT_FROM_PROMPT = "corpus/gitlab__redis-survival-guide-for-sres.md:289:bf3ff5f1928e";

    /**
     * The intended change of {@link #MERGED_WITH_PROMPT} and {@link #SPLIT_FROM_PROMPT} in a test whose reading of
     * the merged command was {@code before} and of the command alone is {@code after}.
     */
    public static Map<String, String> reread(String before, String after) {
        return Map.of(MERGED_WITH_PROMPT, before + " -> (no command)", SPLIT_FROM_PROMPT, "(no command) -> " + after);
    }

    /** Each key mapped to {@code change}, the test's own "before -> after" for a command that is gone. */
    public static Map<String, String> each(String change) {
        Map<String, String> out = new TreeMap<>();
        WHY.keySet().forEach(k -> out.put(k, change));
        return out;
    }
}
