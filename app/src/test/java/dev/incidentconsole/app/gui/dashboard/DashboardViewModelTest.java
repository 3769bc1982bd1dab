package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.util.HeldTaskExecutor;
import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.health.schedule.HistoryStats;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.schedule.StatusChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard's state without a screen: real scheduler, real loopback services, real runbooks. */
class DashboardViewModelTest {
    @RegisterExtension
    final DashboardFixture fixture = new DashboardFixture();
    private DashboardViewModel model;

    @Test
    void whatWaitsForTheEnvironmentFileRunsOnceItIsReadOrHasFailed() throws IOException {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        model = fixture.model(executor, HealthScheduler.builder().initialSpread(Duration.ofDays(365)).build());
        Path good = env("""
                default: staging
                environments:
                  staging:
                    services:
                      - {name: api, host: 127.0.0.1, port: 1, interval: 365d}
                """);
        Path broken = Files.writeString(fixture.dir().resolve("broken.yaml"), "environments: [");
        List<String> seen = new ArrayList<>();

        model.openEnvironmentFile(good, null, () -> seen.add("good read, showing " + model.environment().nameProperty().get()));
        assertThat(seen).as("nothing before the file is read").isEmpty();
        executor.runAll();
        model.openEnvironmentFile(broken, null, () -> seen.add("broken read, error shown: "
                + !model.environment().errorProperty().get().isEmpty()));
        model.openEnvironmentFile(null, null, () -> seen.add("no file"));
        executor.runAll();

        assertThat(seen).containsExactly("good read, showing staging", "no file", "broken read, error shown: false");
    }

    @Test
    void choosingAnEnvironmentWatchesItsServicesOnTheExecutorAndTheUiThreadGetsTheFinishedRowsOrNoneWhenSuperseded()
            throws IOException {
        HeldTaskExecutor executor = HeldTaskExecutor.answersLater();
        HealthScheduler scheduler = HealthScheduler.builder().initialSpread(Duration.ofDays(365)).build();
        model = fixture.model(executor, scheduler);
        model.openEnvironmentFile(env("""
                default: staging
                environments:
                  staging:
                    services:
                      - {name: api, host: 127.0.0.1, port: 1, interval: 365d}
                      - {name: db, host: 127.0.0.1, port: 2, interval: 365d}
                  production:
                    services:
                      - {name: web, host: 127.0.0.1, port: 3, interval: 365d}
                """), null);
        executor.runNext(); // the file's answer: staging is chosen

        assertThat(model.environment().nameProperty().get()).isEqualTo("staging");
        assertThat(scheduler.status("api")).as("watched by the executor's work").isPresent();
        assertThat(model.rows()).as("the UI thread has not been handed the rows yet").isEmpty();
        List<String> shown = new ArrayList<>();
        model.rows().addListener((javafx.collections.ListChangeListener<ServiceRow>) c ->
                shown.add(c.getList().stream().map(ServiceRow::name).sorted().toList().toString()));

        executor.runNext();

        assertThat(shown).containsOnly("[api, db]");
        model.environment().nameProperty().set("production");
        assertThat(scheduler.status("api")).isEmpty();
        model.environment().nameProperty().set("staging");
        model.environment().nameProperty().set("production");
        executor.runAll();
        assertThat(model.rows()).extracting(ServiceRow::name).as("the answers of superseded choices are dropped")
                .containsExactly("web");
        assertThat(scheduler.status("web")).isPresent();
        assertThat(scheduler.status("api")).isEmpty();
    }

    @Test
    void manyChecksBetweenTwoDrainsReachEachRowOnceWithTheNewest() throws IOException {
        openQuietApiCacheDb();
        List<AtomicInteger> updates = new ArrayList<>();
        List<ServiceRow> rows = List.copyOf(model.rows());
        rows.forEach(r -> {
            AtomicInteger n = new AtomicInteger();
            r.statusProperty().addListener((o, a, b) -> n.incrementAndGet());
            updates.add(n);
        });
        List<List<ServiceRow>> notified = new ArrayList<>();
        model.setOnDown(notified::add);

        for (int i = 1; i <= 50; i++) {
            for (ServiceRow r : rows) {
                model.listener().checked(snapshot(r, Status.UP, i));
            }
        }
        model.listener().statusChanged(new StatusChange("db", Status.UP, Status.DOWN, "connection refused", Instant.now(),
                ProbeResult.down("connection refused", Duration.ZERO, Instant.now())));
        model.listener().checked(snapshot(rows.get(2), Status.DOWN, 51));
        assertThat(rows).allSatisfy(r -> assertThat(r.state()).isEqualTo(Status.UNKNOWN)); // nothing before the drain

        model.drain();

        assertThat(updates).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(rows.get(0).snapshot().last().latency()).isEqualTo(Duration.ofMillis(50));
        assertThat(model.count(Status.UP).get()).isEqualTo(2);
        assertThat(model.count(Status.DOWN).get()).isEqualTo(1);
        assertThat(model.rows().get(0).name()).as("problems first").isEqualTo("db");
        assertThat(notified).singleElement().satisfies(down -> assertThat(down).extracting(ServiceRow::name).containsExactly("db"));

        model.drain();
        assertThat(updates).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(notified).hasSize(1);
    }

    @Test
    void downNoticesComeAtMostOncePerQuietPeriodWithTheServicesStillDownThatWentDownMeanwhile() throws IOException {
        openQuietApiCacheDb();
        AtomicLong nanos = new AtomicLong();
        model.setNanoClock(nanos::get);
        List<List<String>> notified = new ArrayList<>();
        model.setOnDown(rows -> notified.add(rows.stream().map(ServiceRow::name).toList()));
        List<ServiceRow> rows = List.copyOf(model.rows());
        rows.forEach(r -> model.listener().checked(snapshot(r, Status.UP, 5)));
        model.drain();

        goesDown(rows.get(0));
        model.drain();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        goesDown(rows.get(1));
        model.drain();
        goesDown(rows.get(2));
        model.drain();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        model.listener().checked(snapshot(rows.get(2), Status.UP, 5));
        model.drain();
        assertThat(notified).as("a second window within the quiet period would be one per flap").containsExactly(List.of("api"));

        nanos.addAndGet(DashboardViewModel.DOWN_QUIET.toNanos());
        model.drain();

        assertThat(notified).as("held until the quiet period is over; db is back up").containsExactly(List.of("api"), List.of("cache"));
    }

    /** Three services whose first checks are spread over a year: the scheduler stays quiet and the test feeds the news itself. */
    private void openQuietApiCacheDb() throws IOException {
        open(HealthScheduler.builder().initialSpread(Duration.ofDays(365)).build(), env("""
                defaults: {host: 127.0.0.1, interval: 365d}
                services:
                  - {name: api, port: 1001}
                  - {name: cache, port: 1002}
                  - {name: db, port: 1003}
                """), null);
    }

    private void goesDown(ServiceRow row) {
        model.listener().statusChanged(new StatusChange(row.name(), Status.UP, Status.DOWN, "connection refused", Instant.now(),
                ProbeResult.down("connection refused", Duration.ZERO, Instant.now())));
        model.listener().checked(snapshot(row, Status.DOWN, 0));
    }

    @Test
    void outageOfManyServicesRefilesThemInOneListChange() throws IOException {
        StringBuilder yaml = new StringBuilder("defaults: {host: 127.0.0.1, interval: 365d}\nservices:\n");
        for (int i = 0; i < 40; i++) {
            yaml.append("  - {name: s").append(i).append(", port: ").append(1000 + i).append("}\n");
        }
        open(HealthScheduler.builder().initialSpread(Duration.ofDays(365)).build(), env(yaml.toString()), null);
        List<ServiceRow> rows = List.copyOf(model.rows());
        rows.forEach(r -> model.listener().checked(snapshot(r, Status.UP, 5)));
        model.drain();
        model.selectedProperty().set(rows.get(39));
        AtomicInteger changes = new AtomicInteger();
        model.rows().addListener((javafx.collections.ListChangeListener<ServiceRow>) c -> changes.incrementAndGet());

        rows.subList(10, 40).forEach(r -> model.listener().checked(snapshot(r, Status.DOWN, 5)));
        model.drain();

        assertThat(changes).hasValue(1);
        assertThat(model.count(Status.DOWN).get()).isEqualTo(30);
        assertThat(names().subList(0, 30)).allSatisfy(n -> assertThat(Integer.parseInt(n.substring(1))).isGreaterThanOrEqualTo(10));
        assertThat(model.selectedProperty().get()).isSameAs(rows.get(39));
    }

    @Test
    void filtersByStatusTagAndTextAfterRealChecks() throws IOException {
        HttpServer api = server(Loopback.healthy());
        open(env("""
                defaults: {host: 127.0.0.1, interval: 1h, retries: 1, timeout: 2s}
                services:
                  - {name: api, port: %d, http: /health, tags: [tier1, web]}
                  - {name: cache, port: %d, tags: [cache], components: [Redis]}
                  - {name: db, port: %d, tags: [tier1], components: [PostgreSQL]}
                """.formatted(Loopback.port(api), Loopback.closedPort(), Loopback.closedPort())), null);

        model.checkAll();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            model.drain();
            return model.count(Status.UNKNOWN).get() == 0;
        });

        assertThat(names()).containsExactly("cache", "db", "api");
        assertThat(model.count(Status.UP).get()).isEqualTo(1);
        assertThat(model.filters().labels()).containsExactly("cache", "PostgreSQL", "Redis", "tier1", "web");
        model.filters().statusProperty().set(Status.DOWN);
        assertThat(names()).containsExactly("cache", "db");
        model.filters().labelProperty().set("tier1");
        assertThat(names()).containsExactly("db");
        model.filters().statusProperty().set(null);
        assertThat(names()).containsExactly("db", "api");
        model.filters().textProperty().set("API");
        assertThat(names()).containsExactly("api");
        model.filters().clear();
        model.filters().textProperty().set("redis");
        assertThat(names()).containsExactly("cache");
        assertThat(model.rows().get(0).reason()).isNotBlank();
    }

    private void open(Path envFile, String preferred) {
        open(HealthScheduler.builder().build(), envFile, preferred);
    }

    private void open(HealthScheduler scheduler, Path envFile, String preferred) {
        model = fixture.open(scheduler, envFile, preferred);
    }

    private Path env(String yaml) throws IOException {
        return fixture.env(yaml);
    }

    private HttpServer server(HttpServer s) {
        return fixture.server(s);
    }

    private List<String> names() {
        return model.rows().stream().map(ServiceRow::name).toList();
    }

    private static ServiceStatus snapshot(ServiceRow row, Status status, int millis) {
        ProbeResult r = ProbeResult.of(status, status == Status.UP ? "HTTP 200" : "connection refused",
                Duration.ofMillis(millis), Instant.now());
        return new ServiceStatus(row.spec(), status, r.reason(), Instant.now(), r, 0, List.of(r), HistoryStats.of(List.of(r)));
    }
}
