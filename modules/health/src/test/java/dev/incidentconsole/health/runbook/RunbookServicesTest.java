package dev.incidentconsole.health.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import dev.incidentconsole.health.spec.CommandSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.ProbeSpec;
import dev.incidentconsole.health.spec.RedisSpec;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.health.spec.WebSocketSpec;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Runner;
import dev.incidentconsole.runbook.ServiceEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Port-table rows as records, mapped to probes. */
class RunbookServicesTest {
    private final RunbookServices services = new RunbookServices(Map.of("AOS_API_KEY", "key-42")::get, "localhost");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "curl http://localhost:8000/health                               => http     => GET http://localhost:8000/health",
        "curl -fsS http://localhost:9090/-/healthy                       => http     => GET http://localhost:9090/-/healthy",
        "curl -sf http://localhost:8000/health | jq .status              => http     => GET http://localhost:8000/health",
        "curl -I https://api.example.com/ready                           => http     => HEAD https://api.example.com/ready",
        "curl -X POST http://localhost:8000/api/reset                    => http     => POST http://localhost:8000/api/reset",
        "curl -d '{}' http://localhost:8000/api/check                    => command  => $ curl -d '{}' http://localhost:8000/api/check",
        "curl http://$UNSET_HOST:8000/health                             => command  => $ curl http://$UNSET_HOST:8000/health",
        "docker exec nova_db pg_isready -U nova                          => postgres => PostgreSQL accepts connections localhost:6379",
        "pg_isready -h db.internal -p 5432                               => postgres => PostgreSQL accepts connections db.internal:5432",
        "docker compose exec -T db psql -U app -h 127.0.0.1 -p 5432 -c 'SELECT 1' => postgres => PostgreSQL app@localhost:6379/postgres: SELECT 1",
        "docker-compose -f ops.yml exec redis redis-cli -p 6380 ping     => redis    => Redis PING localhost:6379",
        "kubectl -n cache exec redis-0 -c redis -- redis-cli ping        => redis    => Redis PING localhost:6379",
        "podman exec -it -u app web curl -fsS http://127.0.0.1:8080/healthz => http  => GET http://localhost:6379/healthz",
        "docker exec nova_db pg_dump nova                                => command  => $ docker exec nova_db pg_dump nova",
        "kubectl exec redis-0 redis-cli ping                             => command  => $ kubectl exec redis-0 redis-cli ping",
        "pg_isready -f file                                              => command  => $ pg_isready -f file",
        "redis-cli ping                                                  => redis    => Redis PING localhost:6379",
        "redis-cli -h cache.internal -p 6380 ping                        => redis    => Redis PING cache.internal:6380",
        "redis-cli -p 6379 info replication                              => command  => $ redis-cli -p 6379 info replication",
        "systemctl is-active nginx                                       => command  => $ systemctl is-active nginx",
    })
    void checkCommandBecomesItsProbe(String check, String kind, String described) {
        ProbeSpec p = map(check, 6379).probe();
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.describe()).isEqualTo(described);
    }

    @Test
    void curlWithBasicAuthKeepsTheCredentialsSecret() {
        HttpSpec h = (HttpSpec) map("curl -u admin:admin http://localhost:3000/api/health", 3000).probe();
        assertThat(h.basicAuth().user()).isEqualTo("admin");
        assertThat(h.basicAuth().password().reveal()).isEqualTo("admin");
        assertThat(h.toString()).doesNotContain("admin:admin");
    }

    @Test
    void curlHeaderVariablesComeFromTheEnvironment() {
        HttpSpec h = (HttpSpec) map("curl -s -H \"X-API-Key: $AOS_API_KEY\" http://localhost:8000/api/v1/status", 8000).probe();
        assertThat(h.headers().get("X-API-Key").reveal()).isEqualTo("key-42");
        ServiceSpec missing = map("curl -H \"Authorization: Bearer ${TOKEN}\" http://localhost:8000/health", 8000);
        assertThat(missing.notes()).containsExactly("header Authorization uses $TOKEN, which is not set; export it before starting");
    }

    @Test
    void variablesAreExpandedOnlyWhereTheShellWouldExpandThem() {
        HttpSpec quoted = (HttpSpec) map("curl -H 'X-API-Key: $AOS_API_KEY' http://localhost:8000/health", 8000).probe();
        assertThat(quoted.headers().get("X-API-Key").reveal()).isEqualTo("$AOS_API_KEY");
        HttpSpec escaped = (HttpSpec) map("curl -H \"X-API-Key: \\$AOS_API_KEY\" http://localhost:8000/health", 8000).probe();
        assertThat(escaped.headers().get("X-API-Key").reveal()).isEqualTo("$AOS_API_KEY");
        HttpSpec defaulted = (HttpSpec) map("curl http://localhost:${UNSET_PORT:-8000}/health", 8000).probe();
        assertThat(defaulted.url()).isEqualTo("http://localhost:8000/health");
        ServiceSpec unset = map("curl http://localhost:$UNSET_PORT/health", 8000);
        assertThat(unset.probe()).isInstanceOf(CommandSpec.class);
    }

    @Test
    void curlPipedToGrepExpectsTheKeyword() {
        HttpSpec h = (HttpSpec) map("curl -s http://localhost:8000/health | grep -q ok", 8000).probe();
        assertThat(h.expect().contains()).isEqualTo("ok");
    }

    @Test
    void psqlBecomesAPostgresProbe() {
        ServiceSpec s = map("PGPASSWORD=novapass psql -h localhost -p 6432 -U nova -d nova_aos -c \"SELECT 1\"", 6432);
        PostgresSpec pg = (PostgresSpec) s.probe();
        assertThat(pg).isEqualTo(new PostgresSpec("localhost", 6432, "nova_aos", "nova",
                dev.incidentconsole.health.Secret.of("novapass"), null, "SELECT 1", null));
        assertThat(s.host()).isEqualTo("localhost");
        assertThat(s.port()).isEqualTo(6432);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "psql --host=db --port=5433 --username=app --dbname=shop -c 'select 1' | db | 5433 | shop     | app",
        "PGUSER=ro psql -h db orders                                           | db | 5432 | orders   | ro",
        "psql -h db -p5434 -U admin -At -c 'SELECT count(*) FROM pg_stat_activity' | db | 5434 | postgres | admin",
    })
    void psqlOptionFormsAreRead(String check, String host, int port, String db, String user) {
        PostgresSpec pg = (PostgresSpec) map(check, 5432).probe();
        assertThat(pg.host()).isEqualTo(host);
        assertThat(pg.port()).isEqualTo(port);
        assertThat(pg.database()).isEqualTo(db);
        assertThat(pg.user()).isEqualTo(user);
    }

    @Test
    void psqlThatIsNotAQueryStaysACommand() {
        assertThat(map("psql -h db -c '\\l'", 5432).probe()).isInstanceOf(CommandSpec.class);
        assertThat(map("psql -h db -f check.sql", 5432).probe()).isInstanceOf(CommandSpec.class);
    }

    @Test
    void redisCliPasswordIsUsedForAuth() {
        RedisSpec r = (RedisSpec) map("redis-cli -a s3cret -p 6380 ping", 6380).probe();
        assertThat(r.password().reveal()).isEqualTo("s3cret");
        assertThat(r.port()).isEqualTo(6380);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "API Server       | 8080 | HTTP       | GET http://localhost:8080/api/health",
        "Prometheus       | 9090 | HTTP       | Prometheus alerts http://localhost:9090",
        "Metrics UI       | 9090 | HTTP       | GET http://localhost:9090/",
        "WebSocket Server | 8766 | WS         | WebSocket handshake ws://localhost:8766",
        "Events           | 9000 | WS         | WebSocket handshake ws://localhost:9000/",
        "Redis            | 6379 | TCP        | Redis PING localhost:6379",
        "Cache            | 6390 | Redis      | Redis PING localhost:6390",
        "Main DB          | 5432 | PostgreSQL | PostgreSQL postgres@localhost:5432/postgres: SELECT 1",
        "Kafka            | 9092 | TCP        | TCP connect localhost:9092",
        "SMTP             | 25   | ''         | TCP connect localhost:25",
    })
    void rowWithoutCheckIsProbedByProtocol(String name, int port, String protocol, String described) {
        List<Command> commands = List.of(
                cmd("curl -X POST http://localhost:8080/api/debug/memory-dump"),
                cmd("curl http://localhost:8080/api/ws/stats"),
                cmd("HEALTH=$(curl -sf http://localhost:8080/api/health)"),
                cmd("curl http://localhost:8080/api/health | jq '.version'"),
                cmd("websocat ws://localhost:8766 -v"));
        ServiceSpec s = services.map(new ServiceEntry(name, port, protocol, "", 22), commands);
        assertThat(s.probe().describe()).isEqualTo(described);
        assertThat(s.host()).isEqualTo("localhost");
    }

    @Test
    void wrappedCheckIsProbedNativelyAndKeepsTheRunbooksCommand() {
        ServiceSpec s = services.map(new ServiceEntry("Cache", 6380, "", "kubectl exec -n cache redis-0 -- redis-cli ping", 4), List.of());
        assertThat(s.probe()).isEqualTo(RedisSpec.of("localhost", 6380));
        assertThat(s.runbookCheck().command()).isEqualTo("kubectl exec -n cache redis-0 -- redis-cli ping");
        assertThat(s.runbookCheck().via()).isEqualTo("kubectl exec");
        assertThat(map("redis-cli ping", 6379).runbookCheck()).as("nothing wrapped, nothing to keep").isNull();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "Alertmanager | 9093 | curl http://localhost:9093/api/v2/status      | http://localhost:9093",
        "Alerts       | 9093 | ''                                            | http://localhost:9093",
        "AM           | 19093 | curl -s http://127.0.0.1:19093/api/v2/alerts | http://127.0.0.1:19093",
        "alertmanager | 9094 | ''                                            | http://localhost:9094",
    })
    void alertmanagerRowListsItsAlerts(String name, int port, String check, String url) {
        ServiceSpec s = services.map(new ServiceEntry(name, port, "HTTP", check, 3), List.of());
        assertThat(s.probe()).isEqualTo(AlertmanagerSpec.of(url));
    }

    @Test
    void httpFallbackAcceptsRedirectsAsAlive() {
        HttpSpec h = (HttpSpec) services.map(new ServiceEntry("Grafana", 3000, "HTTP", "", 1), List.of()).probe();
        assertThat(h.accept().accepts(302)).isTrue();
        assertThat(h.accept().accepts(500)).isFalse();
        assertThat(services.map(new ServiceEntry("WS", 1, "WS", "", 1), List.of()).probe())
                .isInstanceOf(WebSocketSpec.class);
        assertThat(services.map(new ServiceEntry("x", 1, "UDP", "", 1), List.of()).probe()).isInstanceOf(TcpSpec.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "systemctl restart api && curl -fsS http://localhost:8000/healthz | jq .status => http://localhost:8000/healthz",
        "STATUS=$(curl -s http://localhost:8000/ready); echo $STATUS                => http://localhost:8000/ready",
        "watch -n 5 'date' ; sudo curl http://localhost:8000/livez                   => http://localhost:8000/livez",
        "echo \"`curl -s http://localhost:8000/health`\"                            => http://localhost:8000/health",
    })
    void healthUrlIsFoundInEveryCurlOfTheModel(String command, String url) {
        ServiceSpec s = services.map(new ServiceEntry("api", 8000, "HTTP", "", 1), List.of(cmd(command)));
        assertThat(((HttpSpec) s.probe()).url()).isEqualTo(url);
    }

    @Test
    void curlOfAnotherPortOrAPostIsNoHealthUrl() {
        HttpSpec h = (HttpSpec) services.map(new ServiceEntry("api", 8000, "HTTP", "", 1), List.of(
                cmd("curl -X POST http://localhost:8000/health"), cmd("curl http://localhost:9000/health"))).probe();
        assertThat(h.url()).isEqualTo("http://localhost:8000/");
    }

    private ServiceSpec map(String check, int port) {
        return services.map(new ServiceEntry("svc", port, "", check, 10), List.of());
    }

    private static Command cmd(String text) {
        return new Command(text, 1, "", "", List.of(), Runner.SHELL, null);
    }
}
