package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunnerHintsTest {

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            kubectl get pods -n payments                                        => KUBECTL
            oc logs -n observability thanos-compact-0                           => KUBECTL
            /usr/local/bin/kubectl rollout restart deploy/api                   => KUBECTL
            kubectl get pods | grep -v Running                                  => KUBECTL
            watch -n 5 kubectl get pods                                         => KUBECTL
            watch 'kubectl top pods'                                            => KUBECTL
            time kubectl get nodes                                              => KUBECTL
            KUBECONFIG=/etc/k8s/admin.conf kubectl get nodes                    => KUBECTL
            for p in $(kubectl get pods -o name); do kubectl delete $p; done    => KUBECTL
            docker logs api --tail 100 -f                                       => DOCKER
            sudo docker ps | grep nova                                          => DOCKER
            docker exec nova_db pg_isready -U nova                              => DOCKER
            podman ps -a                                                        => DOCKER
            docker compose restart backend                                      => DOCKER_COMPOSE
            docker --context prod compose ps                                    => DOCKER_COMPOSE
            docker-compose logs -f --tail 100                                   => DOCKER_COMPOSE
            cd /srv/app && docker compose up -d                                 => DOCKER_COMPOSE
            sleep 30 && docker compose ps                                       => DOCKER_COMPOSE
            sudo systemctl restart nginx                                        => SYSTEMD
            journalctl -u postgresql --since '10 min ago'                       => SYSTEMD
            service nginx status                                                => SYSTEMD
            PGPASSWORD=secret psql -h localhost -U nova -c 'SELECT 1'           => PSQL
            sudo -u postgres psql -c 'SELECT 1'                                 => PSQL
            pg_isready -h db -p 5432                                            => PSQL
            PGPASSWORD=x pg_restore -d nova /backups/x.dump                     => PSQL
            if ! pg_isready -h db; then echo down; fi                           => PSQL
            redis-cli -h cache INFO memory                                      => REDIS_CLI
            echo PING | redis-cli                                               => REDIS_CLI
            curl -s http://localhost:8000/health | jq .                         => CURL
            source .env && curl -s -H "X-API-Key: $KEY" http://localhost:8000   => CURL
            while true; do curl -s localhost/health; sleep 5; done              => CURL
            wget -qO- http://localhost:9090/-/healthy                           => CURL
            helm history api -n prod                                            => HELM
            env -i HOME=/root helm list -A                                      => HELM
            bash -c 'redis-cli ping'                                            => REDIS_CLI
            sudo -E timeout 10 curl localhost                                   => CURL
            ssh bastion kubectl get pods                                        => SHELL
            ls -la /var/lib/aos/backups/                                        => SHELL
            cat dump.sql | psql                                                 => SHELL
            export DISABLE_LIVE_ADAPTERS=true                                   => SHELL
            nft list ruleset                                                    => SHELL
            ''                                                                  => SHELL
            'unclosed "quote kubectl'                                           => SHELL
            """)
    void detectsRunner(String command, Runner expected) {
        assertThat(RunnerHints.of(command)).isEqualTo(expected);
    }
}
