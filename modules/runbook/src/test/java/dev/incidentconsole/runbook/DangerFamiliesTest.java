package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 14's destructive families that ran unflagged, what a careful SRE adds, and the read-only forms beside them. */
class DangerFamiliesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            kubectl patch deploy api -p '{"spec":{"replicas":0}}'                      => kubectl-scale-zero
            kubectl -n shop patch statefulset db --type merge -p '{"spec": {"replicas": 0}}' => kubectl-scale-zero
            kubectl patch deployment api --patch 'spec: {replicas: 0}'                 => kubectl-scale-zero
            chmod -R 777 /                                                             => recursive-permissions
            sudo chown -R nobody:nogroup /                                             => recursive-permissions
            chown -R app /var                                                          => recursive-permissions
            chgrp --recursive staff /etc/                                              => recursive-permissions
            > /var/log/app/app.log                                                     => truncate-redirect
            : > /var/lib/app/queue.db                                                  => truncate-redirect
            cat /dev/null > /var/log/syslog                                            => truncate-redirect
            sudo truncate -s 0 /var/log/nginx/access.log                               => truncate-file
            mv /var/lib/app/data.db /dev/null                                          => mv-dev-null
            sudo userdel -r deploy                                                     => user-delete
            deluser --remove-home ci                                                   => user-delete
            psql -c 'DROP USER reporting'                                              => sql-drop
            mysql -e "DROP ROLE analyst"                                               => sql-drop
            sudo -u postgres dropdb orders                                             => dropdb
            mongosh --eval 'db.dropDatabase()'                                         => mongo-drop
            mongo orders --eval "db.sessions.drop()"                                   => mongo-drop
            echo 'db.getSiblingDB("orders").dropDatabase()' | mongosh                  => mongo-drop
            influx -execute 'DROP DATABASE telegraf'                                   => sql-drop
            influx bucket delete --name metrics                                        => influx-delete
            clickhouse-client --query 'DROP DATABASE analytics'                        => sql-drop
            cqlsh -e 'DROP KEYSPACE events'                                            => sql-drop
            echo 'DROP DATABASE analytics' | clickhouse-client                         => sql-drop
            kubectl exec mongo-0 -- mongosh --eval 'db.dropDatabase()'                 => mongo-drop
            mysqladmin -u root drop orders                                             => mysql-drop
            find /var/log -name '*.gz' | xargs rm                                      => rm
            ls *.tmp | xargs -n 10 rm -rf                                              => rm-recursive
            pg_restore -d orders /backups/orders.dump                                  => pg-restore
            pg_restore --clean --dbname=orders orders.dump                             => pg-restore
            kubectl delete namespace payments                                          => kubectl-delete
            terraform destroy -auto-approve                                            => terraform-destroy
            helm uninstall api -n shop                                                 => helm-uninstall
            redis-cli -h cache FLUSHALL                                                => redis-flush
            iptables -F                                                                => firewall-flush
            dd if=/dev/zero of=/dev/sdb bs=1M                                          => dd-device
            mkfs.ext4 /dev/sdb1                                                        => mkfs
            git push --force origin main                                               => git-force-push
            aws s3 rm s3://backups/ --recursive                                        => cloud-delete
            docker system prune -a --volumes                                           => docker-prune
            lvremove -f vg0/data                                                       => lvm-remove
            zfs destroy -r tank/db                                                     => zfs-destroy
            ip link set eth0 down                                                      => link-down
            virsh destroy db-vm                                                        => vm-destroy
            kubeadm reset -f                                                           => kubeadm-reset
            groupdel developers                                                        => user-delete
            mysqladmin -h db shutdown                                                  => mysql-shutdown
            zpool destroy tank                                                         => zfs-destroy
            vgremove vg0                                                               => lvm-remove
            sgdisk --zap-all /dev/sdb                                                  => partition-wipe
            sudo ifdown eth1                                                           => link-down
            virsh undefine db-vm                                                       => vm-destroy
            docker exec db sh -c 'mongosh --eval "db.events.deleteMany({})"'           => mongo-drop
            """)
    void destructiveFormsAreFlaggedWithAReasonForAPerson(String command, String rule) {
        Danger d = DangerRules.check(command.strip());
        assertThat(d).as(command).isNotNull();
        assertThat(d.rule()).isEqualTo(rule.strip());
        assertThat(d.reason()).as("a sentence for a person").matches("[A-Z].{20,}\\.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kubectl get pods -n shop -o wide
            kubectl describe deploy api
            kubectl logs -f api-0 --since=10m
            kubectl patch deploy api -p '{"spec":{"replicas":3}}'
            kubectl patch deploy api -p '{"spec":{"replicas":10}}'
            psql -h db-2 -c 'SELECT count(*) FROM orders'
            psql -h db-2 -U app -tAc "SELECT 1"
            grep -r drop /etc/app
            grep -ri 'DROP TABLE' migrations/
            echo "rm -rf /"
            echo 'db.dropDatabase() is how you would drop it'
            kubectl get pods > pods.txt
            cat /var/log/syslog > /dev/null
            ./healthcheck.sh > /dev/null 2>&1
            curl -s http://localhost:8080/health 2>&1 | tee -a check.log
            journalctl -u api >> /tmp/api.log
            chown -R postgres:postgres /var/lib/postgresql/16/main
            chmod -R g+r /srv/app/logs
            chmod 600 ~/.pgpass
            mv app.log app.log.1
            mv /tmp/upload.part /srv/app/upload.bin
            find /var/log -name '*.gz' | xargs ls -lh
            find . -name '*.py' | xargs grep -n TODO
            pg_restore -l /backups/orders.dump
            pg_restore -f orders.sql /backups/orders.dump
            mongosh --eval 'db.stats()'
            influx -execute 'SHOW DATABASES'
            influx bucket list
            clickhouse-client --query 'SELECT count() FROM events'
            mysqladmin -u root status
            id deploy
            getent passwd deploy
            ip link show eth0
            ip addr show
            zfs list -t snapshot
            virsh list --all
            helm list -A
            terraform plan
            redis-cli -h cache INFO memory
            iptables -L -n
            dd if=/dev/sda of=/tmp/mbr.img bs=512 count=1
            git push origin main
            aws s3 ls s3://backups/
            docker ps -a
            sgdisk --print /dev/sdb
            kubeadm token list
            zpool status
            """)
    void readOnlyFormsAreNotFlagged(String command) {
        assertThat(DangerRules.check(command.strip())).as(command).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            truncate -s 0 /var/log/nginx/access.log       => /var/log/nginx/access.log
            truncate --size=0 /var/log/app.log            => /var/log/app.log
            truncate -s0 /var/log/app.log /var/log/b.log  => /var/log/app.log /var/log/b.log
            """)
    void truncationNamesTheFilesItCutsNotTheSize(String command, String files) {
        assertThat(DangerRules.check(command.strip()).reason()).startsWith("Cuts " + files.strip() + " to the given size");
    }
}
