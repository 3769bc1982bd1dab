package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.runbook.Runbook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting or joining an incident from a failing service, against a real embedded store. */
class IncidentStarterTest {
    @TempDir
    Path dir;

    /** What the starter handed to the walkthrough. */
    private record Opened(Incident incident, Runbook runbook, String procedure, ServiceLink service) {
    }

    private final WalkRunbook.ScriptedDialogs dialogs = new WalkRunbook.ScriptedDialogs();
    private final List<Opened> opened = new ArrayList<>();
    private IncidentStore store;
    private IncidentViewModel incidents;
    private IncidentStarter starter;
    private Runbook runbook;

    @BeforeEach
    void open() throws Exception {
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        incidents = new IncidentViewModel(new DirectTaskExecutor(), Runnable::run, () -> store, "alice");
        starter = new IncidentStarter(incidents, dialogs, dir, (incident, rb, procedure, service) ->
                opened.add(new Opened(incident, rb, procedure == null ? null : procedure.title(), service)));
        runbook = WalkRunbook.write(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ServiceLink service(String name) {
        return new ServiceLink(name, "staging", Map.of("service", name));
    }

    private List<IncidentStarter.SectionChoice> sections() {
        return List.of(new IncidentStarter.SectionChoice(runbook, WalkRunbook.procedure(runbook), "Backend failing (Web)"));
    }

    @Test
    void aFailingServiceOpensAnIncidentAboutItWithTheSuggestedSection() throws Exception {
        starter.startForService(service("checkout"), sections());

        assertThat(dialogs.suggested).containsExactly("Backend failing (Web)");
        assertThat(opened).singleElement().satisfies(o -> {
            assertThat(o.procedure()).isEqualTo("Backend failing");
            assertThat(o.service().name()).isEqualTo("checkout");
            assertThat(o.incident().title()).isEqualTo("checkout: Backend failing");
            assertThat(o.incident().services()).containsExactly("checkout");
            assertThat(o.incident().environment()).isEqualTo("staging");
            assertThat(o.incident().runbooks()).containsExactly(new RunbookLink("web.md", List.of("Web", "Backend failing")));
        });
    }

    @Test
    void anOpenIncidentAboutTheSameServiceIsTheSuggestedOneToJoin() throws Exception {
        starter.startForService(service("checkout"), sections());
        Incident first = opened.get(0).incident();

        starter.startForService(service("checkout"), sections());

        assertThat(dialogs.suggested).last().asString().startsWith(first.id());
        assertThat(dialogs.prompts).last().asString().startsWith(first.id() + " is open in staging (same runbook section)");
        assertThat(opened).hasSize(2);
        assertThat(opened.get(1).incident().id()).isEqualTo(first.id());
        assertThat(store.list(false)).hasSize(1);
    }

    @Test
    void anOpenIncidentLinkedToTheSectionOnTheCommandLineIsSuggestedAndNotLinkedTwice() throws Exception {
        // incident new --runbook "/abs/web.md#Backend failing" writes the absolute file and the heading alone
        Incident fromCli = store.create(new IncidentDraft("Checkout 502s", Severity.P1, "", List.of(),
                List.of(new RunbookLink(dir.resolve("web.md").toString(), List.of("Backend failing"))), null), "bob");
        incidents.refresh();

        starter.start(runbook, WalkRunbook.procedure(runbook));

        assertThat(dialogs.suggested).last().asString().startsWith(fromCli.id());
        assertThat(opened).singleElement().satisfies(o -> assertThat(o.incident().id()).isEqualTo(fromCli.id()));
        assertThat(store.entries(fromCli.id(), 0)).extracting(TimelineEntry::body)
                .noneMatch(b -> b instanceof EntryBody.RunbookLinked);
    }

    @Test
    void theSameSectionOfAnotherWorkspacesRunbookIsNotTakenForThisOne(@TempDir Path otherWorkspace) throws Exception {
        // incident new --runbook "<other workspace>/web.md#Backend failing": same file name, same heading
        Incident elsewhere = store.create(new IncidentDraft("Checkout 502s", Severity.P1, "", List.of(),
                List.of(new RunbookLink(otherWorkspace.resolve("web.md").toString(), List.of("Backend failing"))),
                null), "bob");
        incidents.refresh();
        dialogs.choice = elsewhere.id(); // joined: the engineer knows it is one outage

        starter.start(runbook, WalkRunbook.procedure(runbook));

        assertThat(dialogs.suggested).as("another workspace's section and no environment: nothing to suggest")
                .containsExactly(IncidentStarter.NEW_INCIDENT);
        assertThat(opened).singleElement().satisfies(o -> assertThat(o.incident().id()).isEqualTo(elsewhere.id()));
        assertThat(store.entries(elsewhere.id(), 0)).extracting(TimelineEntry::body)
                .as("this workspace's section is linked too, so the postmortem lists it")
                .contains(new EntryBody.RunbookLinked(new RunbookLink("web.md", List.of("Web", "Backend failing"))));
    }

    @Test
    void joiningForAnotherServiceLinksThatServiceToo() throws Exception {
        starter.startForService(service("checkout"), sections());
        String id = opened.get(0).incident().id();
        dialogs.choice = id; // the engineer knows payments fails because of the checkout outage

        starter.startForService(service("payments"), List.of());

        assertThat(dialogs.suggested).as("an incident about another service is not suggested")
                .last().isEqualTo(IncidentStarter.NEW_INCIDENT);
        assertThat(opened.get(1).runbook()).as("no section: the timeline only").isNull();
        List<TimelineEntry> entries = store.entries(id, 0);
        assertThat(entries).extracting(e -> e.body()).filteredOn(b -> b instanceof EntryBody.ServiceLinked)
                .containsExactly(new EntryBody.ServiceLinked("payments"));
        assertThat(Incident.replay(entries).services()).containsExactly("checkout", "payments");
    }

    /** Colleague's report: "Start incident" on a section during an outage opened a second incident. */
    @Test
    void theNewestBareIncidentOfTheWatchedEnvironmentIsSuggestedAndTheDialogSaysWhy() throws Exception {
        Incident older = store.create(new IncidentDraft("Everything slow", Severity.P2, "prod", List.of(),
                List.of(), null), "bob");
        Incident staging = store.create(new IncidentDraft("Staging flaky", Severity.P3, "staging", List.of(),
                List.of(), null), "bob");
        incidents.refresh();
        starter.useEnvironment(() -> "prod");

        starter.start(runbook, WalkRunbook.procedure(runbook));

        assertThat(dialogs.suggested).singleElement().asString().startsWith(older.id());
        assertThat(dialogs.prompts).singleElement().asString().startsWith(older.id() + " is open in prod (newest open");
        assertThat(opened).singleElement().satisfies(o -> assertThat(o.incident().id()).isEqualTo(older.id()));
        assertThat(store.list(true)).extracting(Incident::id).containsExactlyInAnyOrder(older.id(), staging.id());
    }

    /** Reviewer: Enter joined "Disk full on db-2" from "Backend failing" and wrote the section into its postmortem. */
    @Test
    void anIncidentNamingAnotherServiceIsNotSuggestedSoEnterStartsANewOne() throws Exception {
        Incident disk = store.create(new IncidentDraft("Disk full on db-2", Severity.P2, "prod", List.of("db"),
                List.of(), null), "bob");
        incidents.refresh();
        starter.useEnvironment(() -> "prod");

        starter.start(runbook, WalkRunbook.procedure(runbook));

        assertThat(dialogs.suggested).containsExactly(IncidentStarter.NEW_INCIDENT);
        assertThat(dialogs.prompts).singleElement().asString().doesNotContain(disk.id());
        assertThat(opened).singleElement().satisfies(o -> assertThat(o.incident().id()).isNotEqualTo(disk.id()));
        assertThat(store.entries(disk.id(), 0)).extracting(TimelineEntry::body)
                .noneMatch(b -> b instanceof EntryBody.RunbookLinked);
    }

    @Test
    void anIncidentLinkedToAnotherSectionIsNotSuggested() throws Exception {
        store.create(new IncidentDraft("Queue backlog", Severity.P2, "prod", List.of(),
                List.of(new RunbookLink("queue.md", List.of("Backlog"))), null), "bob");
        incidents.refresh();
        starter.useEnvironment(() -> "prod");

        starter.start(runbook, WalkRunbook.procedure(runbook));

        assertThat(dialogs.suggested).containsExactly(IncidentStarter.NEW_INCIDENT);
    }

    @Test
    void withoutAWatchedEnvironmentABareOpenIncidentIsNotSuggested() throws Exception {
        store.create(new IncidentDraft("Everything slow", Severity.P2, "", List.of(), List.of(), null), "bob");
        incidents.refresh();

        starter.start(runbook, WalkRunbook.procedure(runbook));

        assertThat(dialogs.suggested).containsExactly(IncidentStarter.NEW_INCIDENT);
    }

    @Test
    void anIncidentOfAnotherEnvironmentIsNotSuggestedAndTheNewOneIsInTheWatchedEnvironment() throws Exception {
        store.create(new IncidentDraft("Staging flaky", Severity.P3, "staging", List.of(), List.of(), null), "bob");
        incidents.refresh();
        starter.useEnvironment(() -> "prod");

        starter.start(runbook, WalkRunbook.procedure(runbook));

        assertThat(dialogs.suggested).containsExactly(IncidentStarter.NEW_INCIDENT);
        assertThat(dialogs.textTitles).as("the dialog says where the new incident goes")
                .containsExactly("Start an incident in prod");
        assertThat(opened).singleElement().satisfies(o -> assertThat(o.incident().environment()).isEqualTo("prod"));
    }

    /** Reviewer: a prod start pre-selected the open staging incident of the same section and Enter joined it. */
    @Test
    void anIncidentOfTheSameSectionOrServiceInAnotherEnvironmentIsNotSuggested() throws Exception {
        starter.startForService(service("checkout"), sections());
        Incident staging = opened.get(0).incident();
        starter.useEnvironment(() -> "prod");

        starter.start(runbook, WalkRunbook.procedure(runbook));
        starter.startForService(new ServiceLink("checkout", "prod", Map.of("service", "checkout")), List.of());

        assertThat(dialogs.suggested).as("same section, then same service, both in staging")
                .containsExactly("Backend failing (Web)", IncidentStarter.NEW_INCIDENT, IncidentStarter.NEW_INCIDENT);
        assertThat(opened).extracting(o -> o.incident().environment()).containsExactly("staging", "prod", "prod");
        assertThat(opened.subList(1, 3)).noneMatch(o -> o.incident().id().equals(staging.id()));
        assertThat(store.list(false)).hasSize(3);
    }

    @Test
    void anIncidentWithoutEnvironmentOfTheSameSectionIsStillSuggested() throws Exception {
        Incident fromCli = store.create(new IncidentDraft("Checkout 502s", Severity.P1, "", List.of(),
                List.of(new RunbookLink("web.md", List.of("Web", "Backend failing"))), null), "bob");
        incidents.refresh();
        starter.useEnvironment(() -> "prod");

        starter.start(runbook, WalkRunbook.procedure(runbook));

        assertThat(dialogs.suggested).singleElement().asString().startsWith(fromCli.id());
    }

    private Runbook alertsRunbook() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("alerts.md"), """
                # Alerts

                ## Alert: AragoraDown
                **Severity:** Critical

                **Response:**
                ```bash
                systemctl restart aragora
                ```
                """);
        return new dev.incidentconsole.runbook.RunbookParser().parse(dir.resolve("alerts.md"));
    }

    @Test
    void aNewIncidentFromASectionSuggestsTheSeverityTheRunbookDeclares() throws Exception {
        Runbook alerts = alertsRunbook();
        dialogs.takeSuggestedChoice = true;

        starter.start(alerts, WalkRunbook.section(alerts, "Response"));

        assertThat(dialogs.suggestedChoices).containsExactly("P0");
        assertThat(opened).singleElement().satisfies(o -> assertThat(o.incident().severity()).isEqualTo(Severity.P0));
    }

    @Test
    void aNewIncidentForAServiceSuggestsItsSectionsDeclaredSeverityElseP2() throws Exception {
        Runbook alerts = alertsRunbook();

        starter.startForService(service("aragora"), List.of(new IncidentStarter.SectionChoice(alerts,
                WalkRunbook.section(alerts, "Response"), "AragoraDown")));
        for (Incident i : store.list(true)) {
            store.append(TimelineEntry.create(i.id(), "alice",
                    new EntryBody.StatusChanged(null, dev.incidentconsole.incident.Status.RESOLVED, null)));
        }
        incidents.refresh();
        starter.startForService(service("checkout"), sections());

        assertThat(dialogs.suggestedChoices).containsExactly("P0", "P2");
    }

    @Test
    void aLinkedSectionReferenceResolvesInTheLoadedRunbooks() {
        assertThat(DashboardWatch.resolve(List.of(runbook), "web.md#Web > Backend failing"))
                .hasValueSatisfying(c -> assertThat(c.section().title()).isEqualTo("Backend failing"));
        assertThat(DashboardWatch.resolve(List.of(runbook), "web.md"))
                .hasValueSatisfying(c -> assertThat(c.section().title()).isEqualTo("Web"));
        assertThat(DashboardWatch.resolve(List.of(runbook), "web.md#Web > Gone")).isEmpty();
        assertThat(DashboardWatch.resolve(List.of(runbook), "db.md#Web > Backend failing")).isEmpty();
    }

    @Test
    void aSearchHitsHeadingPathFindsItsSectionOrTheNearestParent() {
        assertThat(IncidentFeature.sectionAt(runbook, List.of("Web", "Backend failing")).title()).isEqualTo("Backend failing");
        assertThat(IncidentFeature.sectionAt(runbook, List.of("Web", "Renamed since")).title()).isEqualTo("Web");
        assertThat(IncidentFeature.sectionAt(runbook, List.of()).title()).isEqualTo("Web");
    }
    /** Issue part 3: an alert's severity, labels and start time carry into the incident it starts. */
    @Test
    void aFiringAlertStartsAnIncidentWithItsSeverityLabelsAndStartTime() throws Exception {
        java.time.Instant began = java.time.Instant.parse("2026-12-06T01:50:55Z");
        dev.incidentconsole.health.FiringAlert alert = new dev.incidentconsole.health.FiringAlert("RedisDown",
                "critical", Map.of("alertname", "RedisDown", "severity", "critical", "namespace", "shop",
                "pod", "redis-0", "instance", "10.0.0.7:6379", "job", "redis"), "Redis does not answer", began, "f1");
        dialogs.takeSuggestedChoice = true;

        starter.startForAlert(alert, "prod", sections(),
                dev.incidentconsole.app.incident.AlertSeverity.of(Map.of()));

        assertThat(dialogs.suggestedChoices).containsExactly("P0");
        assertThat(opened).singleElement().satisfies(o -> {
            assertThat(o.incident().title()).isEqualTo("RedisDown: Redis does not answer");
            assertThat(o.incident().severity()).isEqualTo(dev.incidentconsole.incident.Severity.P0);
            assertThat(o.procedure()).isEqualTo("Backend failing");
            assertThat(o.service().valueFor("<namespace>")).contains("shop");
            assertThat(o.service().valueFor("$POD")).contains("redis-0");
            assertThat(o.service().valueFor("{host}")).contains("10.0.0.7");
            assertThat(o.service().valueFor("<port>")).contains("6379");
            assertThat(o.service().valueFor("job")).contains("redis");
        });
        String id = opened.get(0).incident().id();
        TimelineEntry recorded = store.entries(id, 0).stream()
                .filter(e -> e.body() instanceof EntryBody.AlertChanged).findFirst().orElseThrow();
        assertThat(recorded.occurredAt()).isEqualTo(began);
        // The dashboard's recorder writes the same entry for the same alert: the store keeps one.
        assertThat(store.append(dev.incidentconsole.app.incident.AlertEntries.of(id, alert, true, "bob",
                java.time.Instant.now())).outcome()).isEqualTo(dev.incidentconsole.incident.Receipt.Outcome.ALREADY_STORED);
    }

    @Test
    void aFiringAlertStartsAnIncidentWithTheSeverityItsRunbookSectionDeclares() throws Exception {
        Runbook alerts = alertsRunbook();
        dev.incidentconsole.health.FiringAlert alert = new dev.incidentconsole.health.FiringAlert("AragoraDown",
                "warning", Map.of("alertname", "AragoraDown", "severity", "warning"), "", java.time.Instant.now(), "f2");
        dialogs.takeSuggestedChoice = true;

        starter.startForAlert(alert, "prod", List.of(new IncidentStarter.SectionChoice(alerts,
                WalkRunbook.section(alerts, "Response"), "AragoraDown")), dev.incidentconsole.app.incident.AlertSeverity.of(Map.of()));

        assertThat(dialogs.suggestedChoices).as("the runbook's Critical over the label's warning").containsExactly("P0");
        assertThat(opened).singleElement().satisfies(o -> assertThat(o.incident().severity()).isEqualTo(Severity.P0));
    }
}
