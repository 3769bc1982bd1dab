package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.RunbookRef;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.TcpSpec;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.Severity;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a health change goes into an incident: as its own, as elsewhere, or not at all. */
class IncidentServicesTest {
    private static final EntryBody.HealthChanged DOWN = new EntryBody.HealthChanged("x", "tcp", "up", "down", "refused");

    private static Incident incident(String environment, String services, String runbook) {
        List<String> linked = services.isBlank() ? List.of() : Arrays.asList(services.split(" "));
        List<RunbookLink> links = runbook.isBlank() ? List.of()
                : List.of(new RunbookLink(runbook.substring(0, runbook.indexOf('#')),
                        List.of(runbook.substring(runbook.indexOf('#') + 1).split(" > "))));
        return Incident.replay(List.of(new IncidentDraft("t", Severity.P2, environment, linked, links, null)
                .toEntry("alice", Clock.systemUTC())));
    }

    @ParameterizedTest(name = "incident [{0}] [{1}] [{2}], service {4} in {3}: {5}")
    @CsvSource({
            "prod, api,        '',                            prod,    api,      own",
            "prod, API,        '',                            prod,    api,      own",
            "prod, api,        '',                            staging, api,      none",
            "prod, api,        '',                            prod,    cache,    elsewhere",
            "prod, postgresql, '',                            prod,    db,       own",
            "prod, '',         '',                            prod,    cache,    own",
            "prod, '',         '',                            staging, cache,    none",
            "'',   '',         '',                            staging, cache,    own",
            "'',   api,        '',                            staging, api,      own",
            "prod, '',         runbooks/redis.md#Redis > Cache misses, prod, cache, own",
            "prod, '',         runbooks/redis.md#Redis > Cache misses, prod, api,   elsewhere",
            "prod, '',         runbooks/redis.md#Redis > Evictions,    prod, cache, elsewhere",
            "prod, '',         runbooks/kafka.md#Kafka > Cache misses, prod, cache, elsewhere",
    })
    void healthChangesGoToIncidentsOfTheServiceItsSectionOrItsEnvironment(String env, String services, String runbook,
                                                                          String watched, String service, String expected) {
        ServiceSpec spec = new ServiceSpec(service, "127.0.0.1", 5432, new TcpSpec("127.0.0.1", 5432), null, null, 3, null,
                null, List.of(), service.equals("db") ? List.of("PostgreSQL") : List.of(),
                service.equals("cache") ? List.of(new RunbookRef("redis.md", "cache-misses", 0)) : List.of(), "", List.of());
        EntryBody.HealthChanged in = new IncidentServices().inIncident(incident(env, services, runbook), watched, spec, DOWN);
        assertThat(in == null ? "none" : in.elsewhere() ? "elsewhere" : "own").isEqualTo(expected);
    }

    @ParameterizedTest(name = "incident following {0}, service documented in {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "runbooks/kafka/README.md#Kafka > Consumer lag | runbooks/postgres/README.md          | elsewhere",
            "runbooks/kafka/README.md#Kafka > Consumer lag | runbooks/web/README.md#lag           | elsewhere",
            "runbooks/kafka/README.md#Kafka > Consumer lag | runbooks/kafka/README.md#lag         | elsewhere",
            "runbooks/kafka/README.md#Kafka > Consumer lag | runbooks/kafka/README.md             | own",
            "runbooks/kafka/README.md#Kafka > Consumer lag | kafka/README.md#consumer-lag         | own",
            "runbooks/kafka/README.md#Kafka > Consumer lag | ../runbooks/kafka/README.md#Consumer lag | own",
            "runbooks/kafka/README.md#Kafka > Consumer lag | ./kafka/readme.md#Kafka > Consumer lag | own",
            "runbooks/kafka/README.md#Kafka > Consumer lag | runbooks/kafka/README.md#Kafka       | own",
            "runbooks/kafka/README.md#Kafka > Consumer lag | kafka/README.md#Broker > Consumer lag | elsewhere",
            "runbooks/kafka/README.md#Kafka > Consumer lag | other/kafka/README.md#Consumer lag   | elsewhere",
    })
    void aRunbookSectionOwnsTheServicesOfThatFileAndSectionOnly(String followed, String documented, String expected) {
        ServiceSpec spec = new ServiceSpec("svc", "127.0.0.1", 5432, new TcpSpec("127.0.0.1", 5432), null, null, 3, null,
                null, List.of(), List.of(), List.of(RunbookRef.parse(documented.strip())), "", List.of());
        EntryBody.HealthChanged in = new IncidentServices().inIncident(incident("prod", "", followed.strip()), "prod",
                spec, DOWN);
        assertThat(in.elsewhere() ? "elsewhere" : "own").isEqualTo(expected);
    }
}
