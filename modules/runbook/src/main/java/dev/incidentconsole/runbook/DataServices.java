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

    /**
     * Parts of a name that make it a companion of a data service, not the service: an exporter, Sentinel (it
     * watches Redis, clients ask it only where the primary is), an operator, an admin UI. Restarting one drops
     * no client of the data.
     */
    private static final Set<String> COMPANIONS = Set.of("exporter", "sentinel", "operator", "commander", "ui",
            "admin", "pgadmin", "pgadmin4", "phpmyadmin", "adminer", "insight", "redisinsight", "kafdrop", "akhq",
            "express", "kibana", "dashboard", "console");

    private static final java.util.regex.Pattern NAME_PARTS = java.util.regex.Pattern.compile("[-_./@:=,]+");

    private DataServices() {
    }

    /**
     * Why restarting {@code names} (units, containers, compose services, {@code statefulset/redis}) is destructive,
     * or null when none of them names a data service. A name is read as the component catalog reads prose
     * ({@code redis-server.service}, {@code postgresql@15-main}, {@code nova_redis} are Redis and PostgreSQL), by its
     * parts; a companion of one ({@code redis-exporter}, {@code redis-sentinel}, {@code deployment/postgres-operator},
     * {@code kafka-ui}) is not the service itself.
     */
    static Danger restart(List<String> names) {
        for (String name : names) {
            if (companion(name)) {
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

    private static boolean companion(String name) {
        for (String part : NAME_PARTS.split(name.toLowerCase(java.util.Locale.ROOT))) {
            if (COMPANIONS.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why restarting every service of a Compose project ({@code docker compose restart} with no names) is
     * destructive: the project's database restarts with the rest, and nothing says it has none.
     */
    static Danger restartAll() {
        return HostDangers.danger("data-service-restart", "Restarts every service of the Compose project, its"
                + " databases and caches too: their clients' connections and the transactions in flight drop until"
                + " they are back. Name the services to restart only those.");
    }

    /** Why restarting {@code what}, a server of {@code component} (a {@link #STATEFUL} one), is destructive. */
    static Danger restart(String what, String component) {
        return HostDangers.danger("data-service-restart", "Restarts " + what + " (" + component + "): every client's"
                + " connection and the transactions in flight drop until it is back, and what it keeps only in memory"
                + " is lost.");
    }
}
