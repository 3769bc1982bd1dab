package dev.incidentconsole.runbook;

import java.util.List;
import java.util.Set;

/**
 * Restarts of a data service: a database, cache, queue or coordination store that clients hold connections and
 * transactions to. Restarting a stateless service is routine (its clients retry, a rolling restart replaces pods
 * one at a time), so it is not flagged; restarting one of these drops every client at once, as {@code patronictl
 * restart} and {@code systemctl stop} do, which are flagged. The same act gets the same verdict whatever tool does
 * it: {@code systemctl}/{@code service}, {@code docker (compose) restart}, {@code kubectl rollout restart}.
 */
final class DataServices {

    /** Components ({@code components.txt} names) whose restart interrupts every client. */
    private static final Set<String> STATEFUL = Set.of("PostgreSQL", "PgBouncer", "Redis", "RabbitMQ", "Kafka", "etcd",
            "Elasticsearch", "MySQL", "CockroachDB", "MongoDB", "Vault");

    private DataServices() {
    }

    /**
     * Why restarting {@code names} (units, containers, compose services, {@code statefulset/redis}) is destructive,
     * or null when none of them names a data service. A name is read as the component catalog reads prose
     * ({@code redis-server.service}, {@code postgresql@15-main}, {@code nova_redis} are Redis and PostgreSQL), by its
     * parts; an exporter of one
     * ({@code redis-exporter}) is not the service itself.
     */
    static Danger restart(List<String> names) {
        for (String name : names) {
            if (name.contains("exporter")) {
                continue;
            }
            // a container's name joins its project and service with '_' (nova_redis_1): each part counts
            for (String component : Components.standard().find(name.replace('_', '-'))) {
                if (STATEFUL.contains(component)) {
                    return restart(HostDangers.join(names), component);
                }
            }
        }
        return null;
    }

    /** Why restarting {@code what}, a server of {@code component} (a {@link #STATEFUL} one), is destructive. */
    static Danger restart(String what, String component) {
        return HostDangers.danger("data-service-restart", "Restarts " + what + " (" + component + "): every client's"
                + " connection and the transactions in flight drop until it is back, and what it keeps only in memory"
                + " is lost.");
    }
}
