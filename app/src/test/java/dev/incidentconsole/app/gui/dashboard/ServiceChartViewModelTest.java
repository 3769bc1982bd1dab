package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.TimelineEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The selected service's chart follows the incident shown elsewhere, without a screen: real scheduler and server. */
class ServiceChartViewModelTest {
    @TempDir
    Path dir;

    private HttpServer orders;
    private DashboardViewModel model;

    @AfterEach
    void stop() {
        if (model != null) {
            model.close();
        }
        if (orders != null) {
            orders.stop(0);
        }
    }

    @Test
    void theChartMarksTheFollowedIncidentsEntriesAboutTheServiceAsTheyArriveAndKeepsThemAcrossChecks() throws IOException {
        orders = Loopback.healthy();
        Path env = Files.writeString(dir.resolve("environments.yaml"), """
                default: prod
                environments:
                  prod:
                    defaults: {host: 127.0.0.1, interval: 1h, retries: 1, timeout: 2s}
                    services:
                      - {name: orders, port: %d, http: /health}
                      - {name: web, port: %d}
                """.formatted(Loopback.port(orders), Loopback.closedPort()));
        model = new DashboardViewModel(new DirectTaskExecutor(), HealthScheduler.builder().build(),
                new EnvironmentLoader(Map.<String, String>of()::get), dev.incidentconsole.exec.testing.TestUser.current());
        model.openEnvironmentFile(env, null);
        checkAll();
        model.selectedProperty().set(model.row("orders").orElseThrow());
        ServiceChartViewModel chart = model.chart();
        assertThat(chart.chartProperty().get().answered()).hasSize(1);
        assertThat(chart.chartProperty().get().marks()).isEmpty();

        Incident incident = Incident.replay(List.of(new IncidentDraft("Orders slow", Severity.P2, "prod", List.of(),
                List.of(), null).toEntry("alice", Clock.systemUTC())));
        SimpleObjectProperty<Incident> shown = new SimpleObjectProperty<>(incident);
        ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
        model.followIncident(shown, entries);

        entries.add(TimelineEntry.create(incident.id(), "alice", new EntryBody.Note("orders pool is exhausted", null)));
        entries.add(TimelineEntry.create(incident.id(), "bob", new EntryBody.Note("web looks fine", null)));
        entries.add(TimelineEntry.create(incident.id(), "alice", new EntryBody.StepStarted(
                "curl -s http://127.0.0.1:" + Loopback.port(orders) + "/health", "local")));

        assertThat(chart.chartProperty().get().marks()).extracting(ServiceChart.Mark::kind).containsExactly("note", "step");
        assertThat(chart.chartProperty().get().marks().get(0).text()).isEqualTo("note: orders pool is exhausted");

        checkAll();
        assertThat(chart.chartProperty().get().answered()).as("a new check replots").hasSize(2);
        assertThat(chart.chartProperty().get().marks()).as("and keeps the marks").hasSize(2);

        model.selectedProperty().set(model.row("web").orElseThrow());
        assertThat(chart.chartProperty().get().marks()).as("web is named by one note").extracting(ServiceChart.Mark::text)
                .containsExactly("note: web looks fine");

        shown.set(null);
        assertThat(chart.chartProperty().get().marks()).as("no incident shown, nothing marked").isEmpty();
    }

    /** Checks every service now and applies the answers. */
    private void checkAll() {
        int before = model.row("orders").orElseThrow().snapshot().history().size();
        model.checkAll();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            model.drain();
            return model.row("orders").orElseThrow().snapshot().history().size() > before
                    && model.count(Status.UNKNOWN).get() == 0;
        });
    }
}
