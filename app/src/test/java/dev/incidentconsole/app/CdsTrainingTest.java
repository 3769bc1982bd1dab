package dev.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.CdsTraining.Dashboard;
import dev.incidentconsole.app.settings.LaunchOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How long the training run keeps the window open, on a clock the test moves (each sleep advances it). */
class CdsTrainingTest {
    private long now;

    private final CdsTraining.Clock clock = new CdsTraining.Clock() {
        @Override
        public long millis() {
            return now;
        }

        @Override
        public void sleep(long ms) {
            now += ms;
        }
    };

    /** The dashboard as it is at each time: nothing until {@code rowsAt}, rows, then statuses from {@code statusesAt}. */
    private Callable<Dashboard> dashboard(long rowsAt, long statusesAt) {
        return () -> now >= statusesAt ? Dashboard.STATUSES : now >= rowsAt ? Dashboard.ROWS : Dashboard.NOT_YET;
    }

    @Test
    void rowsWhoseProbesAllHangCloseTheWindowSoonAfterTheyShowNotAtTheDeadline() throws Exception {
        CdsTraining.awaitStart(dashboard(8_000, Long.MAX_VALUE), clock);

        assertThat(now).isBetween(8_000 + CdsTraining.STATUS_PATIENCE_MS, 8_000 + CdsTraining.STATUS_PATIENCE_MS + 500);
        assertThat(now).isLessThan(CdsTraining.WINDOW_DEADLINE_MS / 2);
    }

    @Test
    void statusesCloseTheWindowAShortWhileAfterTheyShow() throws Exception {
        CdsTraining.awaitStart(dashboard(8_000, 20_000), clock);

        assertThat(now).isBetween(20_000 + CdsTraining.AFTER_STATUSES_MS, 20_000 + CdsTraining.AFTER_STATUSES_MS + 500);
    }

    @Test
    void aWindowSlowToBuildItsDashboardIsWaitedForUntilTheDeadline() throws Exception {
        CdsTraining.awaitStart(dashboard(100_000, 104_000), clock);
        assertThat(now).as("a loaded machine's slow start is still recorded whole").isGreaterThanOrEqualTo(104_000);

        now = 0;
        CdsTraining.awaitStart(dashboard(Long.MAX_VALUE, Long.MAX_VALUE), clock);
        assertThat(now).isBetween(CdsTraining.WINDOW_DEADLINE_MS, CdsTraining.WINDOW_DEADLINE_MS + 500);
    }

    @Test
    void aDashboardThatCannotBeAskedYetCountsAsNotBuilt() throws Exception {
        Callable<Dashboard> failing = () -> {
            if (now < 3_000) {
                throw new IllegalStateException("Toolkit not initialized");
            }
            return Dashboard.STATUSES;
        };

        CdsTraining.awaitStart(failing, clock);

        assertThat(now).isBetween(3_000 + CdsTraining.AFTER_STATUSES_MS, 3_000 + CdsTraining.AFTER_STATUSES_MS + 500);
    }

    @Test
    void eachTrainingRunsOnANewEmptyDataFolderThoughTheGivenOneHoldsAnEarlierTrainingsStore(@TempDir Path dir)
            throws IOException {
        // what an earlier training left: a current incident store (its start then skipped Flyway) and an index
        Path data = dir.resolve("cds-training/data");
        Files.createDirectories(data.resolve("search-index"));
        Files.writeString(data.resolve("incidents.db"), "a store at the newest migration");
        LaunchOptions given = LaunchOptions.of(Map.of(LaunchOptions.DATA_DIR, data.toString(),
                LaunchOptions.CONFIG_DIR, dir.resolve("config").toString()), Map.of());

        LaunchOptions first = CdsTraining.freshData(given);
        LaunchOptions second = CdsTraining.freshData(given);

        assertThat(first.dataDir()).startsWith(data).isEmptyDirectory();
        assertThat(second.dataDir()).startsWith(data).isEmptyDirectory().isNotEqualTo(first.dataDir());
        assertThat(first.configDir()).as("the settings file is read where the caller keeps it").isEqualTo(given.configDir());
    }
}
