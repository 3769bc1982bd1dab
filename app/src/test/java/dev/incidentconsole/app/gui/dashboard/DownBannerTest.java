package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.WindowSteps;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.HistoryStats;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.spec.TcpSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The in-window DOWN notice: a click on it opens the dashboard; its close button only closes it. */
class DownBannerTest {
    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void clickingTheNoticeOpensTheDashboardButClosingItOnlyTakesItAway() {
        WindowSteps.checkNow(() -> {
            AtomicInteger opened = new AtomicInteger();
            StackPane layer = new StackPane();
            DownBanner banner = new DownBanner(List.of(down("api")), opened::incrementAndGet);
            layer.getChildren().add(banner);
            Button close = (Button) banner.lookup(".down-notice-close");

            Event.fireEvent(close, click()); // what the press and release deliver besides the button's action
            close.fire();

            assertThat(opened).as("the dashboard opened by the close button's click").hasValue(0);
            assertThat(layer.getChildren()).isEmpty();

            DownBanner next = new DownBanner(List.of(down("api")), opened::incrementAndGet);
            layer.getChildren().add(next);
            Event.fireEvent(next, click());

            assertThat(opened).hasValue(1);
            assertThat(layer.getChildren()).isEmpty();
        });
    }

    private static ServiceRow down(String name) {
        ServiceSpec spec = ServiceSpec.of(name, "127.0.0.1", 1, new TcpSpec("127.0.0.1", 1));
        ProbeResult r = ProbeResult.of(Status.DOWN, "connection refused", Duration.ZERO, Instant.now());
        return new ServiceRow(new ServiceStatus(spec, Status.DOWN, r.reason(), Instant.now(), r, 1, List.of(r),
                HistoryStats.of(List.of(r))), 0);
    }

    private static MouseEvent click() {
        return new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1, false, false, false, false,
                true, false, false, true, false, true, null);
    }
}
