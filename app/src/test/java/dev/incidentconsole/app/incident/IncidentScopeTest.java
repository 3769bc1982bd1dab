package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.Severity;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which incidents a dashboard signal lands in. */
class IncidentScopeTest {

    private static Incident incident(String environment, String services) {
        List<String> linked = services.isBlank() ? List.of() : Arrays.asList(services.split(" "));
        return Incident.replay(List.of(new IncidentDraft("t", Severity.P2, environment, linked, List.of(), null)
                .toEntry("alice", Clock.systemUTC())));
    }

    @ParameterizedTest(name = "incident [{0}] [{1}], service {3} in {2}: {4}")
    @CsvSource({
            "prod, api,        prod,    api,      true",
            "prod, API,        prod,    api,      true",
            "prod, api,        staging, api,      false",
            "prod, api,        prod,    cache,    false",
            "prod, postgresql, prod,    db,       true",
            "prod, '',         prod,    cache,    true",
            "prod, '',         staging, cache,    false",
            "'',   '',         staging, cache,    true",
            "'',   api,        staging, api,      true",
    })
    void healthChangesGoToIncidentsOfTheServiceOrItsEnvironment(String env, String services, String watched,
                                                                 String service, boolean covered) {
        ServiceSpec spec = new ServiceSpec(service, "127.0.0.1", 5432, new TcpSpec("127.0.0.1", 5432), null, null, 3, null,
                null, List.of(), service.equals("db") ? List.of("PostgreSQL") : List.of(), List.of(), "", List.of());
        assertThat(IncidentScope.coversService(incident(env, services), watched, spec)).isEqualTo(covered);
    }

    @ParameterizedTest(name = "incident [{0}] [{1}], alert labels [{3}] from {2}: {4}")
    @CsvSource({
            "prod, redis, prod,    service=redis,             true",
            "prod, redis, prod,    job=redis,                 true",
            "prod, redis, prod,    service=web,               false",
            "prod, redis, prod,    instance=redis:6379,       false",
            "prod, '',    prod,    service=web,               true",
            "prod, redis, prod,    service=redis env=staging, false",
            "prod, redis, staging, service=redis env=prod,    true",
            "'',   '',    staging, service=web,               true",
    })
    void alertsGoToIncidentsOfTheServiceTheyNameOrTheirEnvironment(String env, String services, String watched,
                                                                   String labels, boolean covered) {
        Map<String, String> map = new HashMap<>();
        for (String pair : labels.split(" ")) {
            String[] kv = pair.split("=", 2);
            map.put(kv[0], kv[1]);
        }
        map.put("alertname", "SomethingWrong");
        FiringAlert alert = new FiringAlert("SomethingWrong", "", map, "", null, "");
        assertThat(IncidentScope.coversAlert(incident(env, services), watched, alert)).isEqualTo(covered);
    }
}
