package dev.incidentconsole.search;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.SectionKind;

import java.nio.file.Path;
import java.util.List;

import static dev.incidentconsole.search.Runbooks.runbook;

/** A small set of hand-built runbooks covering the usual incident types. */
final class Fixtures {
    /** Where the tests' temporary indexes make their folders (the app passes its launch options' one). */
    static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    private Fixtures() {
    }

    static List<Runbook> all() {
        return List.of(database(), api(), kubernetes(), redis(), certificates(), realtime());
    }

    static Runbook database() {
        return runbook("database.md", "PostgreSQL Runbook")
                .heading(2, "Connection Pool Exhaustion", "", "PostgreSQL", "PgBouncer")
                .label("Symptoms", SectionKind.SYMPTOM, "FATAL: sorry, too many clients already\n"
                        + "Application requests wait for a free pool slot")
                .label("Diagnosis", SectionKind.DIAGNOSIS, "Count sessions per state.", "PostgreSQL")
                .code("psql -c \"select state, count(*) from pg_stat_activity group by state\"")
                .label("Resolution", SectionKind.RESOLUTION, "Terminate idle sessions, then raise the pool size.",
                        "PgBouncer")
                .heading(2, "Replication Lag", "The standby falls behind the primary; reads return stale rows.",
                        "PostgreSQL")
                .heading(2, "Data Volume Full", "Writes fail with no space left on device. Remove old WAL archives.",
                        "PostgreSQL")
                .build();
    }

    static Runbook api() {
        return runbook("api.md", "API Gateway Runbook")
                .heading(2, "Request Throttling", "", "nginx")
                .label("Symptoms", SectionKind.SYMPTOM, "Clients receive HTTP 429 responses")
                .label("Resolution", SectionKind.RESOLUTION, "Raise the per-client quota in the gateway settings.")
                .heading(2, "HighErrorRate", "More than 5% of responses are 5xx for ten minutes.").alert("HighErrorRate")
                .heading(2, "Slow Responses", "p99 latency above two seconds; upstream calls queue up.")
                .heading(2, "Gateway Restart Procedure", "Restart the gateway pods one at a time.", "Kubernetes")
                .code("kubectl rollout restart deployment/gateway")
                .build();
    }

    static Runbook kubernetes() {
        return runbook("kubernetes.md", "Kubernetes Runbook")
                .heading(2, "Pods in CrashLoopBackOff", "The container exits right after start and the kubelet backs "
                        + "off before starting it again. Read the previous container logs.", "Kubernetes")
                .code("kubectl logs <pod> --previous")
                .heading(2, "Containers OOMKilled", "The container was terminated with reason OOMKilled and exit "
                        + "code 137. Raise the memory limit or fix the leak.", "Kubernetes")
                .heading(2, "Node NotReady", "The kubelet stopped posting status; pods are evicted after five minutes.",
                        "Kubernetes")
                .build();
    }

    static Runbook redis() {
        return runbook("redis.md", "Redis Runbook")
                .heading(2, "Sentinel Failover", "", "Redis")
                .label("Symptoms", SectionKind.SYMPTOM, "The Redis primary is unreachable\nApplications log READONLY errors")
                .label("Resolution", SectionKind.RESOLUTION, "Check which replica Sentinel promoted and restart clients "
                        + "that kept the old address.")
                .code("redis-cli -p 26379 sentinel get-master-addr-by-name mymaster")
                .heading(2, "Evictions", "Keys are evicted because maxmemory is reached.", "Redis")
                .build();
    }

    static Runbook certificates() {
        return runbook("tls.md", "Certificates")
                .heading(2, "Certificate Expiration", "Browsers report NET::ERR_CERT_DATE_INVALID and the TLS "
                        + "handshake fails. Renew the certificate and reload the proxy.", "cert-manager")
                .code("openssl x509 -enddate -noout -in /etc/ssl/site.pem")
                .heading(2, "Adding a Domain", "Add the host to the Certificate resource and wait for issuance.",
                        "cert-manager")
                .build();
    }

    static Runbook realtime() {
        return runbook("realtime.md", "Realtime Service")
                .heading(2, "WebSocket Disconnections", "Clients are disconnected every sixty seconds behind the load "
                        + "balancer because its idle timeout is shorter than the ping interval.")
                .heading(2, "Message Backlog", "Undelivered messages pile up in the outbound queue.")
                .build();
    }
}
