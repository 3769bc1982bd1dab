package dev.incidentconsole.runbook.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Intended changes of the differential tests that compare the commands of the runbooks, listed here once.
 *
 * <p>{@link #STEPS}: inline code written as an instruction in a list item or a procedure part's paragraph
 * ({@code - Check pod events via `kubectl -n $NAMESPACE describe pod $POD`.}) is a step since the user try-out of
 * session 10 ({@code InlineCommands}): alert runbooks such as prometheus-operator's give their diagnosis only so,
 * and the alert jump said "No commands in this section". Each is a new command, read as a fenced one is.
 */
public final class InlineCommandSteps {

    /** What an inline step reads as: danger rule, placeholders (name@form), runner; "-" for none. */
    public record After(String danger, String placeholders, String runner) {
    }

    /** key (folder/file:line:hash of the command) → how the new inline step reads. */
    public static final Map<String, After> STEPS = new TreeMap<>(Map.ofEntries(
            Map.entry("corpus/csrunbooks__pod-stuck-in-pending-status.md:138:9a4f6108edd1", new After("-", "-", "SYSTEMD")),
            Map.entry("corpus/csrunbooks__pod-stuck-in-pending-status.md:142:7c1be04e5faf", new After("-", "-", "SHELL")),
            Map.entry("corpus/gitlab__postgresql-disk-space.md:7:1e87a2178f07", new After("-", "-", "SHELL")),
            Map.entry("corpus/gitlab__postgresql-disk-space.md:86:a8ca6902c631", new After("-", "-", "SHELL")),
            Map.entry("corpus/gitlab__postgresql-disk-space.md:87:752a5d579367", new After("rm-recursive", "-", "SHELL")),
            Map.entry("corpus/gitlab__postgresql-disk-space.md:9:f86e2822e056", new After("-", "-", "SHELL")),
            Map.entry("corpus/k8smixin__runbook.md:149:33a52657212b", new After("-", "pod@ANGLE", "KUBECTL")),
            Map.entry("corpus/k8smixin__runbook.md:149:7938dd96a881", new After("-", "job@ANGLE", "KUBECTL")),
            Map.entry("corpus/k8smixin__runbook.md:154:33a52657212b", new After("-", "pod@ANGLE", "KUBECTL")),
            Map.entry("corpus/k8smixin__runbook.md:154:7938dd96a881", new After("-", "job@ANGLE", "KUBECTL")),
            Map.entry("corpus/k8smixin__runbook.md:160:ed257d2f982b", new After("-", "pdb@ANGLE", "KUBECTL")),
            Map.entry("corpus/loki__sop.md:318:36e3fc9dea10", new After("-", "namespace@ANGLE ingester-pod@ANGLE", "KUBECTL")),
            Map.entry("corpus/loki__sop.md:321:ae26db5f2aa0", new After("-", "namespace@ANGLE lokistack-name@ANGLE", "KUBECTL")),
            Map.entry("corpus/loki__sop.md:388:0e445d862adf", new After("-", "namespace@ANGLE name@ANGLE", "KUBECTL")),
            Map.entry("corpus/loki__sop.md:392:060edfe69767", new After("-", "operator-namespace@ANGLE", "KUBECTL")),
            Map.entry("corpus/loki__sop.md:398:9d6816535b93", new After("-", "namespace@ANGLE", "KUBECTL")),
            Map.entry("corpus/loki__sop.md:399:a4fbb4f64e8e", new After("-", "namespace@ANGLE pod@ANGLE", "KUBECTL")),
            Map.entry("corpus/loki__sop.md:401:f45a65f17527", new After("-", "namespace@ANGLE", "KUBECTL")),
            Map.entry("corpus/loki__sop.md:406:57b7691ab902", new After("-", "namespace@ANGLE pod@ANGLE", "KUBECTL")),
            Map.entry("corpus/promop__KubePodCrashLooping.md:21:1fa95630bd02", new After("-", "NAMESPACE@DOLLAR POD@DOLLAR", "KUBECTL")),
            Map.entry("corpus/promop__KubePodCrashLooping.md:22:c934b5ebd4cb", new After("-", "NAMESPACE@DOLLAR POD@DOLLAR", "KUBECTL")),
            Map.entry("corpus/promop__KubePodCrashLooping.md:23:6a558a1dc53e", new After("-", "NAMESPACE@DOLLAR POD@DOLLAR CONTAINER@DOLLAR", "KUBECTL")),
            Map.entry("runbooks/kubernetes-pod-failures.md:112:10361e6dfc2d", new After("-", "DEPLOYMENT@DOLLAR_BRACE NAMESPACE@DOLLAR_BRACE", "KUBECTL")),
            Map.entry("runbooks/kubernetes-pod-failures.md:180:c7839a7df90b", new After("-", "NAMESPACE@DOLLAR_BRACE", "KUBECTL")),
            Map.entry("runbooks/memory-pressure.md:149:0111807cafb9", new After("-", "-", "KUBECTL")),
            Map.entry("runbooks/memory-pressure.md:70:0b74d2a3d906", new After("-", "node-name@ANGLE", "KUBECTL")),
            Map.entry("runbooks/on-call-quick-reference.md:127:30a290c10393", new After("-", "-", "DOCKER_COMPOSE")),
            Map.entry("runbooks/on-call-quick-reference.md:188:bada2a1a9c62", new After("-", "-", "DOCKER_COMPOSE")),
            Map.entry("runbooks/rate-limiting.md:119:56063ea0d7dd", new After("kubectl-delete", "pod-name@ANGLE", "KUBECTL")),
            Map.entry("runbooks/redis-failover.md:139:d941736e3a83", new After("-", "-", "DOCKER_COMPOSE")),
            Map.entry("runbooks/tls-certificates.md:143:4c881f0e35af", new After("-", "-", "KUBECTL")),
            Map.entry("seeds/002_572c25c714beff75.txt:576:f45ce6ba525b", new After("-", "-", "SYSTEMD")),
            Map.entry("seeds/002_572c25c714beff75.txt:577:14f8cf62970f", new After("-", "-", "SYSTEMD")),
            Map.entry("seeds/002_572c25c714beff75.txt:578:baab41753e3f", new After("-", "-", "SYSTEMD")),
            Map.entry("seeds/002_572c25c714beff75.txt:597:1ea4b9737928", new After("-", "-", "CURL")),
            Map.entry("seeds/002_572c25c714beff75.txt:600:64d6cd56f807", new After("-", "-", "CURL")),
            Map.entry("seeds/002_572c25c714beff75.txt:606:e660f1553970", new After("-", "-", "SHELL")),
            Map.entry("seeds/002_572c25c714beff75.txt:607:9d6d523dbd5f", new After("-", "-", "CURL")),
            Map.entry("seeds/002_572c25c714beff75.txt:616:44945a2f1a56", new After("-", "-", "REDIS_CLI")),
            Map.entry("seeds/002_572c25c714beff75.txt:617:a9ab9fdc8034", new After("-", "-", "SYSTEMD")),
            // "3. Restart Redis: `systemctl restart redis`": a restart of a data service is destructive since session 12
            Map.entry("seeds/002_572c25c714beff75.txt:618:86a0b321d08a", new After("data-service-restart", "-", "SYSTEMD")),
            // a program ShellPrompt.wellKnown does not name, since session 11: ordered ("run `...`") ...
            // "* run `growpart <device> <partition number>` to increase the partition"
            Map.entry("corpus/gitlab__filesystem_alerts.md:88:54d7ec759b4a", new After("-", "device@ANGLE partition number@ANGLE", "SHELL")),
            // "2. Run `thanos tools bucket retention` command to perform retention on your blocks"
            Map.entry("corpus/thanos__compactor-backlog.md:67:44cc360bd14d", new After("-", "-", "SHELL")),
            // "just run `thanos tools bucket cleanup --delete-delay=0s` to delete those marked blocks"
            Map.entry("corpus/thanos__compactor-backlog.md:69:5cf9261c83cc",
                    new After("thanos-bucket-cleanup", "-", "SHELL")),
            // ... or introduced by a colon with an option or a path among its arguments
            // "1. Log in to AWS in the correct environment: `gds aws govuk-${environment?}-fulladmin -l`"
            Map.entry("corpus/govuk__howto-backup-and-restore-in-aws-rds.md:151:3b8c81ad3cdb", new After("-", "environment@DOLLAR_BRACE", "SHELL")),
            // "* `watch du -sh /var/opt/gitlab/postgresql/data`" (the whole item; watch runs du)
            Map.entry("corpus/gitlab__postgresql-disk-space.md:85:0f3640cc942b", new After("-", "-", "SHELL")),
            // "1. Check error logs: `grep ERROR /var/log/aragora/api.log | tail -50`"
            Map.entry("seeds/002_572c25c714beff75.txt:586:aa79034db589", new After("-", "-", "SHELL")),
            // ... or after a colon closing an order to check something, since session 12 (decision 0017's known miss)
            // "- Check migration status: `alembic current`"
            Map.entry("seeds/000_8a79b9de71f785a0.txt:162:a1d2bc78e936", new After("-", "-", "SHELL"))));


    private InlineCommandSteps() {
    }

    /** Every inline step as "(no command) -> " its {@code part}, for a differential test's intended map. */
    public static Map<String, String> each(Function<After, String> part) {
        Map<String, String> out = new TreeMap<>();
        STEPS.forEach((key, after) -> out.put(key, "(no command) -> " + part.apply(after)));
        return out;
    }
}
