package dev.incidentconsole.bench.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a varied synthetic runbook corpus from a fixed seed: labelled procedures, Symptoms/Diagnosis/Resolution
 * headings, alert runbooks (Meaning/Impact/Diagnosis/Mitigation), tables, shell blocks, and prose with host
 * names, ticket ids and versions so the term dictionary grows the way a real wiki's does.
 */
final class SearchCorpus {

    static final List<String> COMPONENTS = List.of("PostgreSQL", "PgBouncer", "Redis", "Kafka", "RabbitMQ", "Kubernetes",
            "nginx", "HAProxy", "Elasticsearch", "etcd", "Consul", "Vault", "Prometheus", "Grafana", "Alertmanager",
            "Celery", "Sidekiq", "MySQL", "MongoDB", "Cassandra", "ZooKeeper", "Envoy", "Istio", "Traefik",
            "cert-manager", "Docker", "systemd", "Memcached", "MinIO", "CoreDNS");
    static final List<String> SERVICES = services();
    private static final List<String> PROBLEMS = List.of(
            "{c} connection pool exhausted", "{s} returns 503 Service Unavailable", "{c} replication lag above {n} seconds",
            "disk usage on {c} above {n}%", "{s} pods OOMKilled", "TLS certificate for {s} expires in {n} days",
            "{s} p99 latency above {n}00 ms", "{c} not responding to health checks", "{s} stuck in CrashLoopBackOff",
            "queue depth on {c} keeps growing", "{s} clients receive 429 Too Many Requests", "{c} primary failover",
            "DNS resolution fails for {s}", "{s} websocket clients disconnect every {n} seconds",
            "{c} too many open files", "{s} deploy rolled back", "{c} evicting keys under memory pressure",
            "{s} error rate above {n}%", "{c} backup job failed", "{c} node NotReady", "{s} cron job missed its schedule",
            "{c} slow queries block writes", "{s} cannot reach {c}", "{c} certificate rotation failed",
            "{c} cluster split brain", "{s} request timeouts to {c}", "{c} consumer lag growing",
            "{s} memory leak after release", "{c} volume filling up", "{c} leader election flapping");
    private static final List<String> ALERT_PARTS = List.of("ErrorRate", "Latency", "QueueDepth", "Connections",
            "DiskUsage", "MemoryUsage", "Restarts", "ReplicationLag", "Evictions", "CertExpiry", "Down", "Saturation");
    private static final List<String> WORDS = List.of(("the a check confirm usually when after before if then "
            + "restart reload rollout scale drain cordon failover promote replica primary leader follower shard "
            + "partition index vacuum analyze compaction retention snapshot backup restore upgrade downgrade patch "
            + "release canary blue green traffic ingress egress firewall route subnet peer gateway upstream downstream "
            + "timeout retry backoff jitter circuit breaker bulkhead throttle quota budget burn slo sli sla page ticket "
            + "owner escalate handover dashboard panel graph metric counter gauge histogram log trace span exemplar "
            + "label selector annotation taint toleration affinity requests limits heap stack thread goroutine fd "
            + "socket port listener handshake cipher chain issuer secret token credential rotate revoke expire renew "
            + "customer tenant region zone cluster namespace pod container image tag registry pull push build cache "
            + "warm cold hot spike drop surge steady degraded healthy unhealthy ready pending evicted terminated").split(" "));
    private static final List<String> COMMANDS = List.of("kubectl get pods -n {ns} -l app={s} -o wide",
            "kubectl logs deploy/{s} -n {ns} --since=15m | grep -i error", "kubectl rollout restart deploy/{s} -n {ns}",
            "kubectl describe pod <pod-name> -n {ns}", "docker compose restart {s}", "systemctl status {s} --no-pager",
            "journalctl -u {s} --since \"30 min ago\"", "curl -fsS http://{s}.{ns}.svc:8080/health",
            "psql -h db-{n}.prod.internal -U app -c \"select count(*) from pg_stat_activity\"",
            "redis-cli -h cache-{n}.prod.internal info replication", "openssl x509 -enddate -noout -in /etc/ssl/{s}.pem",
            "helm rollback {s} -n {ns}", "kafka-consumer-groups --describe --group {s}");

    private final Random random;

    SearchCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** Writes {@code count} runbooks into the folder and returns their total size in bytes. */
    long write(Path folder, int count) throws IOException {
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            String text = runbook(i);
            Path dir = folder.resolve("team-" + (i % 40));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(pick(SERVICES) + "-" + i + ".md"), text, StandardCharsets.UTF_8);
            bytes += text.length();
        }
        return bytes;
    }

    String runbook(int number) {
        String service = pick(SERVICES);
        String component = pick(COMPONENTS);
        StringBuilder md = new StringBuilder(6000);
        switch (number % 4) {
            case 0 -> labelled(md, service, component);
            case 1 -> sectioned(md, service, component);
            case 2 -> alert(md, service, component);
            default -> checklist(md, service, component);
        }
        md.append("\n## Escalation\n\nPage the ").append(service).append(" owners (team ").append(number % 40)
                .append(") if nothing above helps within ").append(5 + random.nextInt(25)).append(" minutes.\n");
        return md.toString();
    }

    private void labelled(StringBuilder md, String service, String component) {
        md.append("# ").append(title(service)).append(" On-Call Runbook\n\n**Last Updated:** 2026-0")
                .append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10)).append("\n\n");
        table(md, service);
        md.append("## Common Issues\n\n");
        for (int p = 1; p <= 3 + random.nextInt(5); p++) {
            md.append("### ").append(p).append(". ").append(capitalize(problem(service, component))).append("\n\n")
                    .append("**Symptoms:** ").append(problem(service, component)).append("; ").append(prose(8)).append("\n\n")
                    .append("**Diagnosis:**\n");
            code(md, service, 2 + random.nextInt(3));
            md.append("**Resolution:**\n");
            code(md, service, 1 + random.nextInt(3));
            md.append("**Verification:** ").append(prose(12)).append("\n\n");
        }
    }

    private void sectioned(StringBuilder md, String service, String component) {
        md.append("# ").append(capitalize(problem(service, component))).append("\n\n").append(prose(40)).append("\n\n")
                .append("## Symptoms\n\n");
        for (int i = 0; i < 3; i++) {
            md.append("- ").append(problem(service, pick(COMPONENTS))).append('\n');
        }
        md.append("\n## Diagnosis\n\n");
        for (int step = 1; step <= 3; step++) {
            md.append("### Step ").append(step).append(": ").append(capitalize(prose(4))).append("\n\n")
                    .append(prose(25)).append("\n\n");
            code(md, service, 1 + random.nextInt(3));
        }
        md.append("## Resolution\n\n").append(prose(30)).append("\n\n");
        code(md, service, 2);
    }

    private void alert(StringBuilder md, String service, String component) {
        String name = (random.nextBoolean() ? "High" : "") + component.replaceAll("[^A-Za-z]", "") + pick(ALERT_PARTS);
        md.append("# ").append(name).append("\n\n## Meaning\n\n").append(problem(service, component)).append(". ")
                .append(prose(30)).append("\n\n## Impact\n\n").append(prose(25)).append("\n\n## Diagnosis\n\n");
        code(md, service, 3);
        md.append(prose(20)).append("\n\n## Mitigation\n\n").append(prose(30)).append("\n\n");
        code(md, service, 2);
    }

    private void checklist(StringBuilder md, String service, String component) {
        md.append("# ").append(title(service)).append(" ").append(component).append(" Operations\n\n");
        table(md, service);
        for (int s = 1; s <= 2 + random.nextInt(3); s++) {
            md.append("## ").append(capitalize(problem(service, component))).append("\n\n");
            for (int i = 1; i <= 4; i++) {
                md.append(i).append(". ").append(capitalize(prose(10))).append("\n");
            }
            md.append('\n');
            code(md, service, 2);
        }
    }

    private void table(StringBuilder md, String service) {
        md.append("| Service | Port | Health Check |\n|---|---|---|\n");
        for (int i = 0; i < 3; i++) {
            int port = 3000 + random.nextInt(6000);
            md.append("| ").append(pick(SERVICES)).append(" | ").append(port).append(" | `curl http://localhost:")
                    .append(port).append("/health` |\n");
        }
        md.append('\n');
    }

    private void code(StringBuilder md, String service, int commands) {
        md.append("```bash\n");
        for (int i = 0; i < commands; i++) {
            md.append("# ").append(capitalize(prose(5))).append('\n').append(fill(pick(COMMANDS), service)).append("\n\n");
        }
        md.append("```\n\n");
    }

    private String problem(String service, String component) {
        return fill(pick(PROBLEMS), service).replace("{c}", component);
    }

    private String fill(String template, String service) {
        return template.replace("{s}", service).replace("{ns}", "prod-" + (1 + random.nextInt(9)))
                .replace("{n}", Integer.toString(2 + random.nextInt(97)));
    }

    /** Prose from the vocabulary, salted with the identifiers real runbooks are full of. */
    private String prose(int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int r = random.nextInt(40);
            String w = switch (r) {
                case 0 -> "INC-" + (10000 + random.nextInt(90000));
                case 1 -> "node-" + random.nextInt(500) + ".prod.internal";
                case 2 -> "v" + random.nextInt(10) + "." + random.nextInt(30) + "." + random.nextInt(10);
                case 3 -> pick(SERVICES);
                case 4 -> pick(COMPONENTS);
                default -> pick(WORDS);
            };
            sb.append(i == 0 ? "" : " ").append(w);
        }
        return sb.toString();
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String title(String service) {
        return capitalize(service.replace('-', ' '));
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static List<String> services() {
        List<String> out = new java.util.ArrayList<>();
        for (String a : List.of("billing", "ledger", "search", "checkout", "auth", "notify", "media", "ingest", "report",
                "export", "catalog", "pricing", "inventory", "shipping", "identity", "feed", "chat", "analytics")) {
            for (String b : List.of("api", "worker", "gateway", "consumer", "cron", "proxy")) {
                out.add(a + "-" + b);
            }
        }
        return List.copyOf(out);
    }
}
