package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DangerRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            redis-cli FLUSHDB                                                   => redis-flush
            redis-cli -h <redis-host> -a <password> FLUSHALL                    => redis-flush
            kubectl delete pod <pod-name> -n <namespace>                        => kubectl-delete
            redis-cli -h cache -p 6380 -a s3cret flushall                       => redis-flush
            docker exec -it nova_redis redis-cli FLUSHALL                       => redis-flush
            kubectl exec -it redis-0 -- redis-cli -n 2 flushdb                  => redis-flush
            echo FLUSHALL | redis-cli -h cache                                  => redis-flush
            redis-cli --scan --pattern 'sess:*' | xargs redis-cli DEL           => redis-del
            psql -c "DROP DATABASE nova_aos"                                    => sql-drop
            PGPASSWORD=x psql -h db -U nova -c 'drop table aos_traces;'         => sql-drop
            mysql -e "Drop Table IF EXISTS sessions"                            => sql-drop
            psql -c "TRUNCATE aos_traces"                                       => sql-truncate
            psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle'" => pg-terminate
            psql -c "DELETE FROM jobs WHERE status = 'stuck'"                   => sql-delete
            psql -c "update users set locked = false where id = 7"              => sql-update
            psql -c "BEGIN; ALTER TABLE t DROP COLUMN legacy; COMMIT"          => sql-alter-drop
            cat <<EOF | psql\\nDELETE FROM sessions;\\nEOF                      => sql-delete
            psql <<'SQL'\\nDROP TABLE tmp_import;\\nSQL                          => sql-drop
            docker exec nova_db psql -U nova -c "DROP TABLE x"                  => sql-drop
            kubectl delete pod api-7d9f -n prod                                 => kubectl-delete
            kubectl -n prod delete deploy/api                                   => kubectl-delete
            oc delete pod -n observability thanos-compact-0                     => kubectl-delete
            kubectl delete pod x --dry-run=none                                 => kubectl-delete
            kubectl scale deploy/api --replicas=0                               => kubectl-scale-zero
            kubectl scale statefulset db --replicas 0 -n data                   => kubectl-scale-zero
            kubectl drain node-3 --ignore-daemonsets --delete-emptydir-data     => kubectl-drain
            oc adm drain node-3 --force                                         => kubectl-drain
            kubectl rollout undo deploy/api                                     => kubectl-rollout-undo
            rm -rf /var/lib/postgresql/data                                     => rm-recursive
            sudo rm -fr cockroach-data/                                         => rm-recursive
            rm -r cockroach-data/                                               => rm-recursive
            rm /var/log/app/old.log                                             => rm
            rm -f /tmp/*                                                        => rm
            find /var/log -name '*.gz' -mtime +7 -delete                        => find-delete
            find /data -name '*.tmp' -exec rm -f {} \\;                         => rm
            pkill -9 -f celery                                                  => pkill
            pkill gunicorn                                                      => pkill
            kill -9 4242                                                        => kill-9
            kill -s KILL 4242                                                   => kill-9
            sudo killall -9 node                                                => killall
            docker compose down                                                 => compose-down
            docker compose down -v                                              => compose-down-volumes
            docker-compose -f prod.yml down --volumes                           => compose-down-volumes
            docker rm -f nova_worker                                            => docker-rm
            docker container rm nova_worker                                     => docker-rm
            docker volume rm nova_pgdata                                        => docker-volume-rm
            docker system prune -af --volumes                                   => docker-prune
            docker stop nova_db                                                 => docker-stop
            helm rollback api 41 -n prod                                        => helm-rollback
            helm uninstall api -n prod                                          => helm-uninstall
            sudo iptables -A INPUT -s 203.0.113.7 -j DROP                       => firewall-drop
            iptables -F                                                         => firewall-flush
            nft flush ruleset                                                   => firewall-flush
            velero restore create --from-backup nightly                         => velero-restore
            vault kv put secret/api token=abc                                   => vault-write
            vault kv delete secret/api                                          => vault-delete
            etcdctl del /registry/pods/default/x                                => etcd-del
            etcdctl defrag --cluster                                            => etcd-defrag
            etcdctl compact 3                                                   => etcd-compact
            sudo systemctl stop postgresql                                      => systemd-stop
            systemctl disable --now nginx                                       => systemd-disable
            service nginx stop                                                  => systemd-stop
            sudo reboot                                                         => reboot
            shutdown -h now                                                     => reboot
            mkfs.ext4 /dev/xvdf                                                 => mkfs
            dd if=/dev/zero of=/dev/sdb bs=1M                                   => dd-device
            cat image.raw > /dev/sdb                                            => dd-device
            git push --force origin main                                        => git-force-push
            git push -f                                                         => git-force-push
            git reset --hard origin/main                                        => git-reset-hard
            truncate -s 0 /var/log/nginx/access.log                             => truncate-file
            curl -X DELETE http://localhost:9093/api/v2/silence/abc             => http-delete
            curl -sfX DELETE http://localhost:9093/api/v2/silence/abc           => http-delete
            curl -s --request=delete http://localhost:8080/jobs/1               => http-delete
            sudo FOO=1 rm -rf /srv/cache                                        => rm-recursive
            aws --endpoint-url https://s3 s3 rm s3://bucket/block/ --recursive  => cloud-delete
            terraform destroy -auto-approve                                     => terraform-destroy
            dropdb -h db nova_aos                                               => dropdb
            cd /srv && sudo docker compose down -v && docker compose up -d      => compose-down-volumes
            kubectl get pods | grep Evicted | awk '{print $1}' | xargs kubectl delete pod => kubectl-delete
            for p in $(kubectl get pods -o name); do kubectl delete $p; done    => kubectl-delete
            echo $(redis-cli flushall)                                          => redis-flush
            bash -c 'rm -rf /srv/data'                                          => rm-recursive
            ssh db-1 'sudo systemctl stop postgresql'                           => systemd-stop
            ssh -i key.pem admin@db-1 sudo rm -rf /data                         => rm-recursive
            watch -n 5 'kubectl delete pod -l app=stuck'                        => kubectl-delete
            sudo -u postgres psql -c 'DROP DATABASE old'                        => sql-drop
            if true; then kubectl delete ns tmp; fi                             => kubectl-delete
            KUBECONFIG=/k.conf timeout 30 kubectl delete job x                  => kubectl-delete
            docker compose exec worker celery -A app.worker purge -Q exports -f => queue-purge
            rabbitmqctl purge_queue celery                                      => queue-purge
            kafka-topics.sh --bootstrap-server k:9092 --delete --topic events   => kafka-topic-delete
            vault kv metadata delete secret/api                                 => vault-delete
            etcdctl member remove 8e9e05c52164694d                              => etcd-member-remove
            pg_ctl -D /var/lib/postgresql/data stop -m fast                     => pg-stop
            pg_ctl promote -D /var/lib/postgresql/data                          => pg-promote
            sudo -u postgres pg_ctlcluster 16 main promote                      => pg-promote
            patronictl failover --force                                         => patroni-failover
            patronictl -c /etc/patroni.yml switchover pg --candidate pg-2       => patroni-failover
            patronictl reinit pg pg-3                                           => patroni-reinit
            patronictl remove pg                                                => patroni-remove
            thanos tools bucket cleanup --delete-delay=0s                       => thanos-bucket-cleanup
            sudo journalctl --vacuum-size=500M                                  => journal-vacuum
            psql -c "SELECT pg_drop_replication_slot('replica_2')"              => pg-drop-slot
            redis-cli replicaof no one                                          => redis-promote
            redis-cli -h cache-2 -p 6380 SLAVEOF NO ONE                         => redis-promote
            sudo systemctl restart redis                                        => data-service-restart
            systemctl restart postgresql@15-main.service                        => data-service-restart
            service redis-server restart                                        => data-service-restart
            docker restart nova_redis                                           => data-service-restart
            docker compose restart postgres                                     => data-service-restart
            kubectl rollout restart statefulset/redis -n cache                  => data-service-restart
            pg_ctl restart -D /var/lib/postgresql/data -m fast                  => data-service-restart
            """)
    void flagsDestructiveCommand(String command, String rule) {
        Danger danger = DangerRules.check(command.replace("\\n", "\n"));
        assertThat(danger).as(command).isNotNull();
        assertThat(danger.rule()).isEqualTo(rule);
        assertThat(danger.reason()).as("a sentence for the engineer").matches("[A-Z].{15,}\\.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "kubectl get pods -A",
        "kubectl describe pod api-1 -n prod",
        "kubectl logs api-1 --tail 100 -f",
        "kubectl top pods",
        "kubectl cordon node-3",
        "kubectl rollout restart deploy/api",
        "kubectl scale deploy/api --replicas=3",
        "kubectl delete pod api-1 --dry-run=client -o yaml",
        "kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'",
        "curl -s http://localhost:8000/health",
        "curl -X GET http://localhost:9093/api/v2/alerts",
        "curl -sd 'DELETE' http://localhost:8080/search",
        "curl -sH 'X-Method: DELETE' http://localhost:8080/items",
        "curl -s -X POST http://localhost:9093/api/v2/silences -d @silence.json",
        "PGPASSWORD=x psql -h db -U nova -c \"SELECT count(*) FROM pg_stat_activity\"",
        "psql -c \"SELECT * FROM jobs WHERE id = 1 FOR UPDATE SKIP LOCKED\"",
        "psql -c \"SELECT query FROM pg_stat_activity WHERE query LIKE '%DELETE FROM%'\"",
        "psql -c \"EXPLAIN DELETE FROM jobs\"",
        "psql -c \"BEGIN READ ONLY; UPDATE t SET a = 1; COMMIT\"",
        "psql -c \"CREATE TABLE t (id int REFERENCES u ON DELETE CASCADE ON UPDATE SET NULL)\"",
        "psql -c \"SELECT pg_cancel_backend(1234)\"",
        "pg_isready -h localhost -p 5432",
        "ping -c 3 db.internal",
        "docker logs nova_worker --tail 100 -f",
        "docker ps | grep nova",
        "docker compose restart backend",
        "docker compose ps",
        "docker exec nova_db pg_isready -U nova",
        "cat /etc/hosts",
        "grep -i 'drop table' /var/log/postgresql/postgresql.log",
        "tail -n 100 /var/log/syslog",
        "echo \"DROP TABLE users\"",
        "echo 'redis-cli FLUSHALL is dangerous'",
        "printf 'DELETE FROM t;\\n' > /tmp/fix.sql",
        "grep -c 'FLUSHALL' redis.log",
        "cat <<EOF > /tmp/cleanup.sql\nDELETE FROM sessions;\nEOF",
        "redis-cli INFO memory",
        "redis-cli -h cache --bigkeys",
        "redis-cli replicaof",
        "redis-cli info replication  # then replicaof no one on the replica",
        "sudo systemctl restart nginx",
        "systemctl restart redis-exporter",
        "systemctl status redis",
        "kubectl rollout restart deploy/api -n redis",
        "systemctl status postgresql",
        "journalctl -u nginx --since '1 hour ago'",
        "helm history api -n prod",
        "helm upgrade api ./chart --reuse-values",
        "kill -HUP 1234",
        "kill 1234",
        "pkill -HUP nginx",
        "rm -f /tmp/heap.hprof",
        "rm /var/tmp/bundle-123.tar.gz",
        "iptables -L -n",
        "nft list ruleset",
        "git push origin main",
        "git clean -n",
        "velero restore describe nightly-2024",
        "vault kv get secret/api",
        "etcdctl endpoint status --cluster -w table",
        "etcdctl get --rev=2 somekey",
        "dd if=/dev/sda of=/tmp/mbr.bin bs=512 count=1",
        "ls 2>/dev/null",
        "find /var/log -name '*.gz' -mtime +7",
        "docker run --rm alpine ping -c 2 8.8.8.8",
        "kubectl logs rm",
        "sudo nft add rule inet filter forward iifname \"docker0\" accept",
        "aws s3 ls s3://bucket/",
        "docker compose exec worker celery -A app.worker inspect active",
        "rabbitmqctl list_queues name messages",
        "kafka-consumer-groups.sh --bootstrap-server k:9092 --describe --group api",
        "kafka-consumer-groups.sh --bootstrap-server k:9092 --group api --reset-offsets --to-latest --topic t",
        "etcdctl member list -w table",
        "patronictl list",
        "patronictl -c /etc/patroni.yml history pg",
        "pg_ctl status -D /var/lib/postgresql/data",
        "thanos tools bucket ls --objstore.config-file=bucket.yml",
        "thanos tools bucket inspect",
        "journalctl --disk-usage",
        "psql -c \"SELECT slot_name, active FROM pg_replication_slots\"",
        "watch -n 5 'kubectl get pods'",
        "echo \"unterminated 'quote",
        ""})
    void readOnlyCommandIsNotFlagged(String command) {
        assertThat(DangerRules.check(command)).as(command).isNull();
    }

    @Test
    void nullIsNotDangerous() {
        assertThat(DangerRules.check(null)).isNull();
    }

    @Test
    void substitutedPlaceholderStillChecked() {
        String substituted = "kubectl delete pod 'api-7d9f' -n 'prod'";
        assertThat(DangerRules.check(substituted)).extracting(Danger::rule).isEqualTo("kubectl-delete");
    }

    @Test
    void reasonNamesTheTarget() {
        assertThat(DangerRules.check("rm -rf /srv/app/uploads").reason()).contains("/srv/app/uploads");
        assertThat(DangerRules.check("psql -c 'DELETE FROM jobs'").reason()).contains("jobs").contains("every row");
        assertThat(DangerRules.check("kubectl delete pod api-1 -n prod").reason()).contains("pod api-1").doesNotContain("prod");
    }

    @Test
    void hugeCommandIsCheckedWithoutFailing() {
        String big = "psql <<EOF\n" + "SELECT 1;\n".repeat(50_000) + "DROP TABLE big;\nEOF";
        assertThat(DangerRules.check(big)).extracting(Danger::rule).isEqualTo("sql-drop");
        String nested = "echo " + "$(".repeat(5_000) + "rm -rf /x" + ")".repeat(5_000);
        assertThat(DangerRules.check(nested)).isNotNull();
    }
}
