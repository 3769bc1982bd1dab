package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Restarts of a data service ask first whatever tool does them; reloads, companions and reads do not. */
class DataServiceRestartTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "systemctl restart mysqld",
            "systemctl reload-or-restart redis-server",
            "sudo systemctl try-reload-or-restart redis-server",
            "service postgresql condrestart",
            "/etc/init.d/postgresql restart",
            "sudo /etc/init.d/redis-server restart",
            "invoke-rc.d redis-server restart",
            "kubectl rollout restart statefulset -l app=redis -n cache",
            "kubectl rollout restart statefulset --selector=app.kubernetes.io/name=postgresql",
            "docker compose restart",
            "docker-compose restart -t 30",
            "docker compose restart pgbouncer"})
    void restartingADataServiceAsksFirst(String command) {
        Danger danger = DangerRules.check(command);
        assertThat(danger).as(command).isNotNull();
        assertThat(danger.rule()).as(command).isEqualTo("data-service-restart");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "systemctl force-reload postgresql",
            "systemctl reload postgresql",
            "systemctl restart redis-sentinel",
            "kubectl rollout restart deployment/postgres-operator -n db",
            "docker restart redis-commander",
            "docker compose restart kafka-ui",
            "docker compose restart pgadmin",
            "systemctl restart redis-exporter",
            "systemctl status mysqld",
            "systemctl restart --help",
            "systemctl --help",
            "kubectl rollout status statefulset/redis -n cache",
            "kubectl rollout history statefulset -l app=redis",
            "pg_ctl status -D /var/lib/postgresql/data",
            "service postgresql status",
            "/etc/init.d/postgresql status",
            "invoke-rc.d redis-server status",
            "docker compose restart api worker",
            "kubectl rollout restart deployment -l app=api -n redis"})
    void aReloadACompanionOrAReadIsNotFlagged(String command) {
        assertThat(DangerRules.check(command)).as(command).isNull();
    }
}
