package dev.incidentconsole.exec;

import java.util.Map;
import java.util.TreeMap;

/**
 * How exec reads the commands new since inline code became steps (the reasons:
 * {@code dev.incidentconsole.runbook.testing.InlineCommandSteps}): key → interactivity | kubectl context needed |
 * placeholder quoting.
 */
final class InlineCommandReadings {

    /** The inline steps, each new: key → how exec reads it. */
    static final Map<String, String> STEPS = new TreeMap<>(Map.ofEntries(
            Map.entry("corpus/csrunbooks__pod-stuck-in-pending-status.md:138:9a4f6108edd1", "--  | false | -"),
            Map.entry("corpus/csrunbooks__pod-stuck-in-pending-status.md:142:7c1be04e5faf", "--  | false | -"),
            Map.entry("corpus/gitlab__postgresql-disk-space.md:7:1e87a2178f07", "--  | false | -"),
            Map.entry("corpus/gitlab__postgresql-disk-space.md:86:a8ca6902c631", "-E tail follows its input until stopped | false | -"),
            Map.entry("corpus/gitlab__postgresql-disk-space.md:87:752a5d579367", "--  | false | -"),
            Map.entry("corpus/gitlab__postgresql-disk-space.md:9:f86e2822e056", "--  | false | -"),
            Map.entry("corpus/k8smixin__runbook.md:149:33a52657212b", "--  | true | pod=UNQUOTED"),
            Map.entry("corpus/k8smixin__runbook.md:149:7938dd96a881", "--  | true | job=UNQUOTED"),
            Map.entry("corpus/k8smixin__runbook.md:154:33a52657212b", "--  | true | pod=UNQUOTED"),
            Map.entry("corpus/k8smixin__runbook.md:154:7938dd96a881", "--  | true | job=UNQUOTED"),
            Map.entry("corpus/k8smixin__runbook.md:160:ed257d2f982b", "--  | true | pdb=UNQUOTED"),
            Map.entry("corpus/loki__sop.md:318:36e3fc9dea10", "--  | true | namespace=UNQUOTED ingester-pod=UNQUOTED"),
            Map.entry("corpus/loki__sop.md:321:ae26db5f2aa0", "--  | true | namespace=UNQUOTED lokistack-name=UNQUOTED"),
            Map.entry("corpus/loki__sop.md:388:0e445d862adf", "--  | true | namespace=UNQUOTED name=UNQUOTED"),
            Map.entry("corpus/loki__sop.md:392:060edfe69767", "--  | true | operator-namespace=UNQUOTED"),
            Map.entry("corpus/loki__sop.md:398:9d6816535b93", "--  | true | namespace=UNQUOTED"),
            Map.entry("corpus/loki__sop.md:399:a4fbb4f64e8e", "--  | true | namespace=UNQUOTED pod=UNQUOTED"),
            Map.entry("corpus/loki__sop.md:401:f45a65f17527", "--  | true | namespace=UNQUOTED"),
            Map.entry("corpus/loki__sop.md:406:57b7691ab902", "--  | true | namespace=UNQUOTED pod=UNQUOTED"),
            Map.entry("corpus/promop__KubePodCrashLooping.md:21:1fa95630bd02", "--  | true | NAMESPACE=UNQUOTED POD=UNQUOTED"),
            Map.entry("corpus/promop__KubePodCrashLooping.md:22:c934b5ebd4cb", "--  | true | NAMESPACE=UNQUOTED POD=UNQUOTED"),
            Map.entry("corpus/promop__KubePodCrashLooping.md:23:6a558a1dc53e", "--  | true | NAMESPACE=UNQUOTED POD=UNQUOTED CONTAINER=UNQUOTED"),
            Map.entry("runbooks/kubernetes-pod-failures.md:112:10361e6dfc2d", "--  | true | DEPLOYMENT=UNQUOTED NAMESPACE=UNQUOTED"),
            Map.entry("runbooks/kubernetes-pod-failures.md:180:c7839a7df90b", "--  | true | NAMESPACE=UNQUOTED"),
            Map.entry("runbooks/memory-pressure.md:149:0111807cafb9", "--  | true | -"),
            Map.entry("runbooks/memory-pressure.md:70:0b74d2a3d906", "--  | true | node-name=UNQUOTED"),
            Map.entry("runbooks/on-call-quick-reference.md:127:30a290c10393", "--  | false | -"),
            Map.entry("runbooks/on-call-quick-reference.md:188:bada2a1a9c62", "--  | false | -"),
            Map.entry("runbooks/rate-limiting.md:119:56063ea0d7dd", "--  | true | pod-name=UNQUOTED"),
            Map.entry("runbooks/redis-failover.md:139:d941736e3a83", "--  | false | -"),
            Map.entry("runbooks/tls-certificates.md:143:4c881f0e35af", "--  | true | -"),
            Map.entry("seeds/002_572c25c714beff75.txt:576:f45ce6ba525b", "--  | false | -"),
            Map.entry("seeds/002_572c25c714beff75.txt:577:14f8cf62970f", "--  | false | -"),
            Map.entry("seeds/002_572c25c714beff75.txt:578:baab41753e3f", "--  | false | -"),
            Map.entry("seeds/002_572c25c714beff75.txt:597:1ea4b9737928", "--  | false | -"),
            Map.entry("seeds/002_572c25c714beff75.txt:600:64d6cd56f807", "--  | false | -"),
            Map.entry("seeds/002_572c25c714beff75.txt:606:e660f1553970", "--  | false | -"),
            Map.entry("seeds/002_572c25c714beff75.txt:607:9d6d523dbd5f", "--  | false | -"),
            Map.entry("seeds/002_572c25c714beff75.txt:616:44945a2f1a56", "--  | false | -"),
            Map.entry("seeds/002_572c25c714beff75.txt:617:a9ab9fdc8034", "--  | false | -"),
            Map.entry("seeds/002_572c25c714beff75.txt:618:86a0b321d08a", "--  | false | -")));


    private InlineCommandReadings() {
    }

    /** Each, as "before -> after" for the intended map. */
    static Map<String, String> intended() {
        Map<String, String> out = new TreeMap<>();
        STEPS.forEach((key, reading) -> out.put(key, "(no command) -> " + reading));
        return out;
    }
}
