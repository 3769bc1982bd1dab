package dev.incidentconsole.bench;

import java.util.List;
import java.util.Random;

/**
 * Writes synthetic but realistic runbooks (quick-reference tables, labelled procedures, shell and PromQL
 * blocks, placeholders, dangerous commands) from a fixed seed, so benchmark runs are comparable.
 */
public final class RunbookGenerator {
    private static final List<String> COMPONENTS = List.of("PostgreSQL", "PgBouncer", "Redis", "Celery", "Kubernetes",
            "nginx", "Prometheus", "Grafana", "Alertmanager", "WebSocket gateway", "Vault", "etcd", "Kafka", "Docker");
    private static final List<String> SYMPTOMS = List.of("too many connections", "429 Too Many Requests",
            "pods restarting in CrashLoopBackOff", "OOMKilled containers", "certificate expired", "queue depth growing",
            "websocket clients disconnecting", "p99 latency above 2s", "disk almost full", "replication lag",
            "health check returns 503", "connection refused on port", "evictions climbing", "DNS lookups failing");
    private static final List<String> COMMANDS = List.of(
            "kubectl get pods -n ${NAMESPACE} -o wide",
            "kubectl describe pod <pod-name> -n ${NAMESPACE}",
            "kubectl logs <pod-name> -n ${NAMESPACE} --previous --tail=200",
            "PGPASSWORD=$PG_PASSWORD psql -h localhost -p 6432 -U app -d app -c \"SELECT count(*) FROM pg_stat_activity\"",
            "redis-cli -h localhost -p 6379 info memory | grep used_memory_human",
            "curl -s -o /dev/null -w '%{http_code}' http://localhost:8000/health",
            "docker compose restart worker",
            "journalctl -u nginx --since \"10 min ago\" | tail -n 50",
            "celery -A app inspect active --timeout=5",
            "helm history api -n ${NAMESPACE}",
            "openssl s_client -connect api.example.com:443 -servername api.example.com </dev/null 2>/dev/null \\\n  | openssl x509 -noout -dates");
    private static final List<String> DANGEROUS = List.of("kubectl delete pod <pod-name> -n ${NAMESPACE}",
            "redis-cli -p 6379 FLUSHDB", "kill -9 <pid>", "docker compose down",
            "psql -c \"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction'\"");

    private final Random random;

    public RunbookGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** One runbook of roughly {@code procedures} issues, each with symptoms, diagnosis, resolution and verification. */
    public String runbook(int number, int procedures) {
        StringBuilder md = new StringBuilder(8192);
        String component = pick(COMPONENTS);
        md.append("# ").append(component).append(" Runbook ").append(number).append("\n\n")
                .append("**Last Updated:** 2026-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10))
                .append("\n\n## Quick Reference\n\n| Service | Port | Protocol | Health Check |\n|---|---|---|---|\n");
        for (int i = 0; i < 4; i++) {
            int port = 3000 + random.nextInt(6000);
            md.append("| ").append(pick(COMPONENTS)).append(' ').append(i).append(" | ").append(port)
                    .append(" | HTTP | `curl http://localhost:").append(port).append("/health` |\n");
        }
        md.append("\n## Common Issues\n\n");
        for (int p = 1; p <= procedures; p++) {
            String symptom = pick(SYMPTOMS);
            md.append("### ").append(p).append(". ").append(capitalize(symptom)).append(" on ").append(component)
                    .append("\n\n**Symptoms:** ").append(symptom).append(", alerts firing for ").append(pick(COMPONENTS))
                    .append("\n\n**Diagnosis:**\n```bash\n");
            commands(md, 2 + random.nextInt(4), false);
            md.append("```\n\n**Resolution:**\n```bash\n");
            commands(md, 1 + random.nextInt(3), true);
            md.append("```\n\n**Verification:**\n- Error rate back under 1% on the dashboard\n- ")
                    .append("`curl http://localhost:8000/health` returns 200\n\n```promql\nsum(rate(http_requests_total{status=~\"5..\"}[5m]))\n```\n\n---\n\n");
        }
        md.append("## Escalation\n\nIf the steps above do not help within 15 minutes, page the ")
                .append(component).append(" owners and open an incident.\n");
        return md.toString();
    }

    private void commands(StringBuilder md, int count, boolean mayBeDangerous) {
        for (int i = 0; i < count; i++) {
            md.append("# ").append(random.nextBoolean() ? "Check the current state" : "Look at recent errors").append('\n');
            boolean danger = mayBeDangerous && random.nextInt(4) == 0;
            md.append(danger ? pick(DANGEROUS) : pick(COMMANDS)).append("\n\n");
        }
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
