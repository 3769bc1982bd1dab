package dev.incidentconsole.runbook;

import static dev.incidentconsole.runbook.HostDangers.danger;

import dev.incidentconsole.shell.Flags;
import java.util.List;
import java.util.Set;

/**
 * Destructive commands of data services: redis-cli ({@code FLUSHALL}, {@code DEL} ...), PostgreSQL
 * server tools ({@code dropdb}, {@code pg_resetwal}, {@code pg_ctl stop}), etcd ({@code del},
 * {@code put}, {@code defrag}, {@code compact}, {@code member remove}; {@code defrag} blocks the member
 * while it runs, so it is flagged although it loses no data), vault writes and deletes, velero restores
 * and deletes, and message queues (celery {@code purge}, rabbitmqctl {@code purge_queue}/{@code reset},
 * kafka topic deletes and offset resets), {@code pg_restore -d} (writes into a live database),
 * {@code mysqladmin drop/shutdown}, {@code influx ... delete}, a change of primary ({@code pg_ctl promote},
 * {@code patronictl failover/switchover}, redis {@code REPLICAOF NO ONE}; also its {@code reinit}, {@code remove}, {@code restart}),
 * a restart of the server ({@code pg_ctl restart}, {@link DataServices}) and
 * {@code thanos tools bucket cleanup} (deletes marked blocks).
 */
final class ServiceDangers {

    /**
     * The programs these rules know: exactly those {@code check} names, as {@link DangerRules} sends a command only
     * to the rules that know its program (DangerDispatchTest keeps the two equal); also for spotting them inside
     * {@code docker exec} and the like.
     */
    static final Set<String> PROGRAMS = Set.of("redis-cli", "dropdb", "pg_resetwal", "pg_resetxlog", "pg_ctl",
            "pg_ctlcluster", "etcdctl", "etcdutl", "vault", "velero", "celery", "rabbitmqctl", "kafka-topics",
            "kafka-topics.sh", "kafka-consumer-groups", "kafka-consumer-groups.sh", "pg_restore", "mysqladmin", "influx",
            "patronictl", "thanos");
    private static final Set<String> REDIS_VALUES = Set.of("-h", "-p", "-s", "-a", "-u", "-r", "-i", "-n", "-d", "-D",
            "--user", "--pass", "--cacert", "--cacertdir", "--cert", "--key", "--sni", "--tls-ciphers", "--pattern",
            "--count", "--rdb", "--memkeys-samples", "-t");

    private ServiceDangers() {
    }

    /** @param args the program name first, then its arguments, quotes removed */
    static Danger check(String program, List<String> args) {
        return switch (program) {
            case "redis-cli" -> {
                int cmd = CommandWords.firstOperand(args, 1, REDIS_VALUES);
                yield cmd < 0 ? null : SqlDangers.redis(args.subList(cmd, args.size()));
            }
            case "pg_restore" -> pgRestore(args);
            case "mysqladmin" -> mysqladmin(args);
            case "influx" -> args.contains("delete") ? danger("influx-delete",
                    "Deletes InfluxDB data (a bucket, database or points); it cannot be recovered.") : null;
            case "dropdb" -> danger("dropdb", "Deletes the PostgreSQL database " + HostDangers.operands(args)
                    + " and all its data.");
            case "pg_resetwal", "pg_resetxlog" -> danger("pg-resetwal",
                    "Resets the PostgreSQL write-ahead log; committed transactions can be lost.");
            case "pg_ctl", "pg_ctlcluster" -> args.contains("stop") ? danger("pg-stop",
                    "Stops the PostgreSQL server; every connection is dropped.")
                    : args.contains("promote") ? danger("pg-promote", "Makes this standby the PostgreSQL primary. "
                    + "If the old primary still runs, both take writes and their data splits (split brain).")
                    : args.contains("restart") ? DataServices.restart("the server", "PostgreSQL") : null;
            case "patronictl" -> patroni(args);
            case "thanos" -> args.contains("bucket") && args.contains("cleanup") ? danger("thanos-bucket-cleanup",
                    "Deletes the blocks marked for deletion from object storage for good; their metrics are gone.")
                    : null;
            case "etcdctl", "etcdutl" -> etcd(args);
            case "vault" -> vault(args);
            case "velero" -> velero(args);
            case "celery" -> args.contains("purge") ? danger("queue-purge",
                    "Deletes every message waiting in the Celery queues; those tasks never run.")
                    : args.contains("shutdown") ? danger("celery-shutdown", "Shuts the Celery workers down.") : null;
            case "rabbitmqctl" -> rabbit(args);
            case "kafka-topics", "kafka-topics.sh" -> args.contains("--delete") ? danger("kafka-topic-delete",
                    "Deletes Kafka topics and every message in them.") : null;
            case "kafka-consumer-groups", "kafka-consumer-groups.sh" -> args.contains("--execute")
                    && (args.contains("--reset-offsets") || args.contains("--delete")) ? danger("kafka-offsets",
                    "Moves or deletes consumer group offsets: messages are skipped or processed again.") : null;
            default -> null;
        };
    }

    /** Restoring into a database (-d) writes over it; without -d pg_restore only prints SQL or a listing. */
    private static Danger pgRestore(List<String> args) {
        if (!Flags.hasAny(args, "-d", "--dbname") || Flags.hasAny(args, "-l", "--list")) {
            return null;
        }
        boolean clean = args.stream().anyMatch(a -> a.equals("--clean") || a.matches("-[a-zA-Z]*c[a-zA-Z]*"));
        return danger("pg-restore", "Restores the dump into a live database: " + (clean
                ? "--clean drops its objects first, then recreates them from the dump."
                : "objects are created and rows loaded over what is there; a failure midway leaves it half restored."));
    }

    /** Patroni commands that move the primary, restart or rebuild members, or drop the cluster's state. */
    private static Danger patroni(List<String> args) {
        for (String a : args) {
            switch (a) {
                case "failover", "switchover":
                    return danger("patroni-failover", "Makes another member the PostgreSQL primary: writes stop "
                            + "while it changes, and transactions the new primary has not received are lost.");
                case "reinit":
                    return danger("patroni-reinit",
                            "Deletes this member's PostgreSQL data and copies it again from the primary.");
                case "remove":
                    return danger("patroni-remove",
                            "Erases the cluster's state from the configuration store; Patroni loses track of it.");
                case "restart":
                    return danger("patroni-restart", "Restarts PostgreSQL on the members; their connections drop.");
                default:
                    break;
            }
        }
        return null;
    }

    private static Danger mysqladmin(List<String> args) {
        if (args.contains("drop")) {
            return danger("mysql-drop", "Drops the MySQL database named after 'drop' and all its tables.");
        }
        return args.contains("shutdown") ? danger("mysql-shutdown",
                "Shuts the MySQL server down; every client loses it until it is started again.") : null;
    }

    private static Danger rabbit(List<String> args) {
        for (String a : args) {
            switch (a) {
                case "purge_queue":
                    return danger("queue-purge", "Deletes every message in the RabbitMQ queue.");
                case "delete_queue":
                    return danger("queue-delete", "Deletes the RabbitMQ queue and the messages in it.");
                case "reset", "force_reset":
                    return danger("rabbit-reset", "Resets the RabbitMQ node: all its data and cluster membership are lost.");
                case "stop_app", "stop":
                    return danger("rabbit-stop", "Stops RabbitMQ on this node; clients lose their connections.");
                default:
                    break;
            }
        }
        return null;
    }

    private static Danger velero(List<String> args) {
        if (args.contains("delete")) {
            return danger("velero-delete", "Deletes Velero backups or restores.");
        }
        if (args.contains("restore") && args.contains("create")) {
            return danger("velero-restore", "Restores Kubernetes resources from a backup into the live cluster.");
        }
        return null;
    }

    private static Danger vault(List<String> args) {
        List<String> ops = HostDangers.operandList(args);
        String v0 = ops.isEmpty() ? "" : ops.get(0);
        String v1 = ops.size() > 1 ? ops.get(1) : "";
        String v2 = ops.size() > 2 ? ops.get(2) : "";
        if (v0.equals("kv") && Set.of("put", "patch", "rollback").contains(v1)) {
            return danger("vault-write", "Writes a new version of a Vault secret; applications read it at once.");
        }
        if (v0.equals("delete") || (v0.equals("kv") && (Set.of("delete", "destroy").contains(v1)
                || (v1.equals("metadata") && v2.equals("delete"))))) {
            return danger("vault-delete", "Deletes Vault secret data.");
        }
        if ((v0.equals("operator") && v1.equals("seal")) || (v0.equals("lease") && v1.equals("revoke"))
                || (Set.of("secrets", "auth").contains(v0) && v1.equals("disable"))) {
            return danger("vault-admin",
                    "Changes Vault itself (seal, disable an engine or revoke leases); clients lose access.");
        }
        return null;
    }

    private static Danger etcd(List<String> args) {
        int sub = CommandWords.firstOperand(args, 1, Set.of("--endpoints", "--cacert", "--cert", "--key", "--user",
                "-w", "--write-out", "--data-dir", "--command-timeout", "--dial-timeout"));
        String verb = sub < 0 ? "" : args.get(sub);
        return switch (verb) {
            case "del" -> danger("etcd-del", "Deletes keys from etcd directly, bypassing the Kubernetes API.");
            case "put" -> danger("etcd-put", "Writes keys to etcd directly, bypassing the Kubernetes API.");
            case "defrag" -> danger("etcd-defrag", "Defragments etcd: the member blocks reads and writes while it runs;"
                    + " do one member at a time.");
            case "compact", "compaction" -> danger("etcd-compact",
                    "Compacts etcd history: earlier revisions are gone for good.");
            case "member" -> args.contains("remove") ? danger("etcd-member-remove",
                    "Removes a member from the etcd cluster.") : null;
            default -> null;
        };
    }
}
