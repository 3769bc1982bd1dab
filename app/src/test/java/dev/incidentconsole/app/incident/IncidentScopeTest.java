package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.health.spec.PostgresSpec;
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

    /** A PostgreSQL database on db1.internal:5433, as the dashboard watches it. */
    private static final ServiceSpec DB = new ServiceSpec("orders-db", "db1.internal", 5433,
            PostgresSpec.ready("db1.internal", 5433, "orders", "app"), null, null, 3, null,
            null, List.of(), List.of("PostgreSQL"), List.of(), "", List.of());

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "note naming the service              | true  | note      | orders-db is refusing connections",
            "note naming it in other case         | true  | note      | ORDERS-DB back",
            "note naming a longer name only       | false | note      | orders-db-replica lags",
            "note naming another service          | false | note      | web answers 502",
            "note naming its component            | true  | note      | postgres says too many clients",
            "command on its port                  | true  | step      | psql -h 127.0.0.1 -p 5433 -c 'select 1'",
            "command on a port inside a number    | false | step      | sleep 154330",
            "command whose target is its host     | true  | target    | ssh:db1.internal",
            "command elsewhere                    | false | step      | df -h /var/log",
            "command not run, naming it           | true  | notrun    | pg_terminate_backend on orders-db",
            "its health change                    | true  | health    | orders-db",
            "another service's health change      | false | health    | web",
            "alert labelled with it               | true  | alert     | orders-db",
            "alert labelled with another          | false | alert     | web",
            "status change, incident-wide         | true  | status    | -",
            "severity change, incident-wide       | true  | severity  | -",
            "pin, about an entry, not a moment    | false | pin       | -",
    })
    void anEntryMarksAServiceChartWhenItNamesTheServiceOrIsIncidentWide(String what, boolean marks, String kind,
                                                                         String text) {
        Incident incident = incident("prod", "orders-db web");
        assertThat(IncidentScope.marks(incident, "prod", DB, entry(incident, kind, text))).isEqualTo(marks);
    }

    @ParameterizedTest(name = "incident services [{0}]: {1}")
    @CsvSource({
            "orders-db,     true",
            "PostgreSQL,    true",
            "orders-db web, false",
            "'',            false",
    })
    void stepsAndNotesThatNameNothingMarkTheOneServiceTheIncidentIsAbout(String services, boolean marks) {
        Incident incident = incident("prod", services);
        assertThat(IncidentScope.marks(incident, "prod", DB, entry(incident, "step", "df -h"))).isEqualTo(marks);
        assertThat(IncidentScope.marks(incident, "prod", DB, entry(incident, "note", "restarted it"))).isEqualTo(marks);
    }

    @org.junit.jupiter.api.Test
    void anIncidentOfAnotherEnvironmentMarksNothing() {
        Incident incident = incident("prod", "orders-db");
        assertThat(IncidentScope.marks(incident, "staging", DB, entry(incident, "status", "-"))).isFalse();
        assertThat(IncidentScope.marks(incident, "staging", DB, entry(incident, "note", "orders-db is slow"))).isFalse();
        assertThat(IncidentScope.marks(null, "prod", DB, entry(incident, "note", "orders-db is slow"))).isFalse();
    }

    private static TimelineEntry entry(Incident incident, String kind, String text) {
        EntryBody body = switch (kind) {
            case "note" -> new EntryBody.Note(text, null);
            case "step" -> new EntryBody.StepStarted(text, "local");
            case "target" -> new EntryBody.StepStarted("uptime", text);
            case "notrun" -> EntryBody.StepFinished.notRun("psql -c 'select 1'", "local", text);
            case "health" -> new EntryBody.HealthChanged(text, "", "up", "down", "connection refused");
            case "alert" -> new EntryBody.AlertChanged("PostgresDown", "firing", Map.of("alertname", "PostgresDown",
                    "service", text), "down");
            case "status" -> new EntryBody.StatusChanged(Status.INVESTIGATING, Status.MITIGATED, null);
            case "severity" -> new EntryBody.SeverityChanged(Severity.P2, Severity.P1, null);
            case "pin" -> new EntryBody.Pin(java.util.UUID.randomUUID(), true);
            default -> throw new IllegalArgumentException(kind);
        };
        return TimelineEntry.create(incident.id(), "alice", body);
    }
}
