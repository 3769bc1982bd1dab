package dev.incidentconsole.runbook.testing;

import java.util.Map;
import java.util.TreeMap;

/**
 * The lines of the corpus that were read as commands and are printed output, so no command since the splitter
 * knows a command's table and log lines ({@code OutputLines}): an intended change of every differential test that
 * compares the commands of the runbooks, listed here once.
 */
public final class OutputNoLongerCommands {

    private static final String TABLE_ROW = "issue 12's try-out: a row of the table a command printed"
            + " (kubectl get pods | grep ..., a blank line, its pods) is its output, not a command";
    private static final String LOG_LINE = "a log line is no command: a bracketed tag glued to its text, a klog"
            + " header, kubectl's Warning event row, a syslog date";

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
            Map.entry("corpus/netdata__oom_kill.md:23:8d12d49a948a", LOG_LINE)));

    private OutputNoLongerCommands() {
    }

    /** Each key mapped to {@code change}, the test's own "before -> after" for a command that is gone. */
    public static Map<String, String> each(String change) {
        Map<String, String> out = new TreeMap<>();
        WHY.keySet().forEach(k -> out.put(k, change));
        return out;
    }
}
