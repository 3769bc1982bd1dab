package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.schedule.HistoryStats;
import dev.incidentconsole.health.schedule.ServiceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one refresh of a 500-service dashboard does to the list a list view shows: the view model with a real
 * scheduler and environment file, the checks fed as the scheduler reports them (its first checks a year away).
 */
class DashboardRefreshTest {
    private static final int SERVICES = 500;

    @TempDir
    Path dir;

    private DashboardViewModel model;
    private List<ServiceRow> rows;
    private final List<String> listChanges = new ArrayList<>();

    @BeforeEach
    void open() throws IOException {
        StringBuilder yaml = new StringBuilder("defaults: {host: 127.0.0.1, interval: 365d}\nservices:\n");
        for (int i = 0; i < SERVICES; i++) {
            yaml.append(String.format("  - {name: svc-%03d, port: %d}%n", i, 1000 + i));
        }
        model = new DashboardViewModel(new DirectTaskExecutor(),
                HealthScheduler.builder().initialSpread(Duration.ofDays(365)).build(), new EnvironmentLoader(Map.<String, String>of()::get), dev.incidentconsole.exec.testing.TestUser.current());
        model.openEnvironmentFile(Files.writeString(dir.resolve("environments.yaml"), yaml), null);
        rows = List.copyOf(model.rows());
        assertThat(rows).hasSize(SERVICES);
        model.rows().addListener((ListChangeListener<ServiceRow>) c -> {
            StringBuilder seen = new StringBuilder();
            while (c.next()) {
                seen.append(c.getFrom()).append('-').append(c.getTo())
                        .append(c.wasPermutated() ? " permuted" : " removed " + c.getRemovedSize()).append(';');
            }
            listChanges.add(seen.toString());
        });
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void firstStatusesOfFiveHundredServicesThatKeepTheirPlacesChangeNoListAndReachEveryRow() {
        // The first 50 are dead: DOWN sorts them first, where the file already has them.
        rows.forEach(r -> model.listener().checked(snapshot(r, r.order() < 50 ? Status.DOWN : Status.UP)));

        model.drain();

        assertThat(listChanges).as("nothing moved, so the list view re-lays out nothing").isEmpty();
        assertThat(model.count(Status.DOWN).get()).isEqualTo(50);
        assertThat(model.count(Status.UP).get()).isEqualTo(450);
        assertThat(rows).allSatisfy(r -> assertThat(r.state()).isEqualTo(r.order() < 50 ? Status.DOWN : Status.UP));
    }

    @Test
    void severalStatusChangesInOneDrainAreFiledInOneListChangeThatEndsAtTheLastRowThatMoved() {
        allUp();

        for (int i = 10; i < 15; i++) {
            model.listener().checked(snapshot(rows.get(i), Status.DOWN));
        }
        model.drain();

        // A permutation: the same rows re-sorted, which a list view's selection follows (a replacement kept its index).
        assertThat(listChanges).as("one change for the drain, none for the 485 rows after svc-014")
                .containsExactly("0-15 permuted;");
        assertThat(model.rows().subList(0, 5)).containsExactlyElementsOf(rows.subList(10, 15));
        assertThat(model.rows().subList(15, SERVICES)).containsExactlyElementsOf(rows.subList(15, SERVICES));
    }

    @Test
    void checksThatLeaveEveryStatusAsItWasChangeNoListButEachRowsSnapshot() {
        allUp();
        List<ServiceStatus> before = rows.stream().map(ServiceRow::snapshot).toList();

        allUp();

        assertThat(listChanges).isEmpty();
        for (int i = 0; i < SERVICES; i++) {
            assertThat(rows.get(i).snapshot()).isNotSameAs(before.get(i));
        }
    }

    @Test
    void aStatusFilterShowsItsRowsInOneListChange() {
        allUp();
        rows.subList(100, 103).forEach(r -> model.listener().checked(snapshot(r, Status.DEGRADED)));
        model.drain();
        listChanges.clear();

        model.filters().statusProperty().set(Status.DEGRADED);

        assertThat(listChanges).hasSize(1);
        assertThat(model.rows()).containsExactlyElementsOf(rows.subList(100, 103));
    }

    private void allUp() {
        rows.forEach(r -> model.listener().checked(snapshot(r, Status.UP)));
        model.drain();
        listChanges.clear();
    }

    private static ServiceStatus snapshot(ServiceRow row, Status status) {
        ProbeResult r = ProbeResult.of(status, status == Status.UP ? "connected" : "connection refused",
                Duration.ofMillis(3), Instant.now());
        return new ServiceStatus(row.spec(), status, r.reason(), Instant.now(), r, 0, List.of(r), HistoryStats.of(List.of(r)));
    }
}
