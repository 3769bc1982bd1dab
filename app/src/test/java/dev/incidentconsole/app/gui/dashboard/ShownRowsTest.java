package dev.incidentconsole.app.gui.dashboard;

import static dev.incidentconsole.app.gui.WindowSteps.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.HistoryStats;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.spec.TcpSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Re-sorts that leave the top rows in place: the change then starts below row 0, and a list view's selection must
 * still follow each row to its new place.
 */
class ShownRowsTest {
    private final ServiceRow payments = row("payments", Status.DOWN, 0);
    private final ServiceRow api = row("api", Status.UP, 1);
    private final ServiceRow web = row("web", Status.UP, 2);
    private final ServiceRow docs = row("docs", Status.UP, 3);

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theSelectedRowStaysSelectedWhenARowBelowTheTopMovesAboveIt() {
        String selected = fx(() -> {
            ShownRows shown = new ShownRows();
            shown.show(List.of(payments, api, web, docs));
            ListView<ServiceRow> list = new ListView<>(shown);
            list.getSelectionModel().select(api);

            shown.show(List.of(payments, web, api, docs)); // web turned DEGRADED

            return list.getSelectionModel().getSelectedItem().name();
        });

        assertThat(selected).isEqualTo("api");
    }

    @Test
    void aPermutationBelowTheTopMapsEveryRowToWhereItNowIs() {
        List<ServiceRow> replayed = fx(() -> {
            ShownRows shown = new ShownRows();
            shown.show(List.of(payments, api, web, docs));
            List<ServiceRow> copy = new ArrayList<>(shown);
            shown.addListener((ListChangeListener<ServiceRow>) c -> {
                List<ServiceRow> before = new ArrayList<>(copy);
                while (c.next()) {
                    assertThat(c.wasPermutated()).isTrue();
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        copy.set(c.getPermutation(i), before.get(i));
                    }
                }
            });

            shown.show(List.of(payments, docs, api, web));

            return copy;
        });

        assertThat(replayed).extracting(ServiceRow::name).containsExactly("payments", "docs", "api", "web");
    }

    private static ServiceRow row(String name, Status status, int order) {
        ServiceSpec spec = ServiceSpec.of(name, "127.0.0.1", 8080 + order, new TcpSpec("127.0.0.1", 8080 + order));
        ProbeResult r = ProbeResult.of(status, "checked", Duration.ofMillis(5), Instant.now());
        return new ServiceRow(new ServiceStatus(spec, status, r.reason(), Instant.now(), r, 0, List.of(r),
                HistoryStats.of(List.of(r))), order);
    }
}
