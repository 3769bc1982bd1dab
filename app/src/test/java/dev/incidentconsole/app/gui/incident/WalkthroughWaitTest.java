package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.exec.testing.TestUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.dashboard.DashboardViewModel;
import dev.incidentconsole.app.gui.run.KnownValues;
import dev.incidentconsole.app.gui.run.RunServices;
import dev.incidentconsole.app.gui.run.TerminalLauncher;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Wait until UP" on verification steps, against the real dashboard view model: a real scheduler probing a real
 * HTTP server on the loopback interface that answers 503 until the test "fixes" it.
 */
class WalkthroughWaitTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final TestUi ui = new TestUi();
    private final AtomicInteger answer = new AtomicInteger(503);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private HttpServer server;
    private IncidentStore store;
    private CommandRunner runner;
    private IncidentViewModel incidents;
    private DashboardViewModel dashboard;
    private String incidentId;

    @BeforeEach
    void open() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path env = Files.writeString(dir.resolve("environments.yaml"), """
                defaults: {host: 127.0.0.1, interval: 1s, retries: 1, timeout: 2s}
                services:
                  - {name: checkout, port: %d, http: /health}
                """.formatted(server.getAddress().getPort()));
        dashboard = new DashboardViewModel(new DirectTaskExecutor(), HealthScheduler.builder().build(),
                new EnvironmentLoader(Map.<String, String>of()::get), dev.incidentconsole.exec.testing.TestUser.current());
        dashboard.openEnvironmentFile(env, null);
        dashboard.checkAll();
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")));
        incidents = new IncidentViewModel(new DirectTaskExecutor(), Runnable::run, () -> store, "alice");
        incidents.start(IncidentDraft.of("Checkout down", Severity.P1), i -> { });
        incidentId = incidents.selectedProperty().get().id();
        ui.runUntil(() -> state() == Status.DOWN, WAIT, dashboard::drain);
    }

    @AfterEach
    void close() {
        timers.shutdownNow();
        dashboard.close();
        server.stop(0);
        runner.close();
        store.close();
    }

    private Status state() {
        return dashboard.row("checkout").map(r -> r.state()).orElse(Status.UNKNOWN);
    }

    private WalkthroughViewModel walk(String service) throws Exception {
        return walk(new ServiceLink(service, "local", Map.of("service", service)));
    }

    private WalkthroughViewModel walk(ServiceLink service) throws Exception {
        RunServices run = new RunServices(runner, new DirectTaskExecutor(), ui, new WalkRunbook.ScriptedDialogs(),
                TerminalLauncher.system(LaunchOptions.fromSystem()), new KnownValues());
        ServiceWait.Timer timer = (delay, task) -> {
            ScheduledFuture<?> f = timers.schedule(() -> ui.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        };
        WalkServices services = new WalkServices(run, new SimpleObjectProperty<>(TargetCatalog.localOnly()),
                new DashboardWatch(dashboard), timer, Clock.systemDefaultZone());
        var runbook = WalkRunbook.write(dir);
        return new WalkthroughViewModel(incidentId, runbook, WalkRunbook.procedure(runbook), incidents.timeline(), services,
                service);
    }

    private List<String> notes() throws Exception {
        return store.entries(incidentId, 0).stream().filter(e -> e.body() instanceof EntryBody.Note)
                .map(e -> ((EntryBody.Note) e.body()).text()).toList();
    }

    @Test
    void verificationStepIsDoneWhenTheDashboardSeesTheServiceUpAgain() throws Exception {
        WalkthroughViewModel walk = walk("checkout");
        assertThat(walk.steps()).filteredOn(s -> s.serviceWait() != null).extracting(WalkStep::kind)
                .containsOnly(dev.incidentconsole.runbook.SectionKind.VERIFICATION).hasSize(2);
        WalkStep verify = walk.steps().get(2);
        ServiceWait wait = verify.serviceWait();

        wait.start(Duration.ofSeconds(30));
        assertThat(wait.stateProperty().get()).isEqualTo(ServiceWait.State.WAITING);
        assertThat(wait.messageProperty().get()).contains("DOWN");
        answer.set(200);
        ui.runUntil(() -> verify.stateProperty().get() == WalkStep.State.DONE, WAIT, dashboard::drain);

        assertThat(wait.stateProperty().get()).isEqualTo(ServiceWait.State.UP);
        assertThat(notes()).singleElement().asString().matches("checkout is UP again at \\d\\d:\\d\\d:\\d\\d UTC");
        TimelineEntry note = store.entries(incidentId, 0).get(1);
        assertThat(note.source().headingPath()).last().asString().contains("Verification");
    }

    @Test
    void aWaitEndsAtItsTimeLimitOrWhenCancelledWithoutMarkingTheStep() throws Exception {
        WalkthroughViewModel walk = walk("checkout");
        ServiceWait first = walk.steps().get(2).serviceWait();
        first.start(Duration.ofMillis(300));
        ui.runUntil(() -> first.stateProperty().get() == ServiceWait.State.TIMED_OUT, WAIT, dashboard::drain);
        assertThat(first.messageProperty().get()).contains("not UP within").contains("DOWN");

        ServiceWait second = walk.steps().get(3).serviceWait();
        second.start(Duration.ofSeconds(30));
        second.cancel();
        answer.set(200);
        ui.runUntil(() -> state() == Status.UP, WAIT, dashboard::drain);

        assertThat(second.stateProperty().get()).isEqualTo(ServiceWait.State.CANCELLED);
        assertThat(walk.steps()).extracting(s -> s.stateProperty().get()).containsOnly(WalkStep.State.TODO);
        assertThat(notes()).isEmpty();
    }

    /**
     * The try-out's finding: "Resume walkthrough" opened the walkthrough with no service, so its "Wait until UP" did
     * not know which service to wait for. It carries the service the incident was started for, with the dashboard's
     * values when the dashboard watches it in the incident's environment.
     */
    @Test
    void aResumedWalkthroughWaitsForTheServiceItsIncidentWasStartedFor() throws Exception {
        String environment = dashboard.environment().nameProperty().get();
        AtomicReference<Incident> started = new AtomicReference<>();
        incidents.start(new IncidentDraft("checkout down", Severity.P1, environment, List.of("checkout", "billing"),
                List.of(), null), started::set);
        incidentId = started.get().id();

        ServiceLink link = WalkResume.service(started.get(), new DashboardWatch(dashboard));
        assertThat(link.name()).isEqualTo("checkout");
        assertThat(link.valueFor("port")).contains(String.valueOf(server.getAddress().getPort()));
        WalkStep verify = walk(link).steps().get(2);
        verify.serviceWait().start(Duration.ofSeconds(30));
        answer.set(200);
        ui.runUntil(() -> verify.stateProperty().get() == WalkStep.State.DONE, WAIT, dashboard::drain);

        incidents.start(new IncidentDraft("checkout down elsewhere", Severity.P1, "another-" + environment,
                List.of("checkout"), List.of(), null), started::set);
        assertThat(WalkResume.service(started.get(), new DashboardWatch(dashboard)).values())
                .as("the dashboard watches another environment: the name only").isEqualTo(Map.of("service", "checkout"));
    }

    @Test
    void aServiceTheDashboardDoesNotWatchCannotBeWaitedFor() throws Exception {
        ServiceWait wait = walk("billing").steps().get(2).serviceWait();
        wait.start(Duration.ofSeconds(30));

        assertThat(wait.stateProperty().get()).isEqualTo(ServiceWait.State.NOT_WATCHED);
        assertThat(wait.messageProperty().get()).contains("does not watch billing");
    }

    /** Reviewer: "Wait until UP" still noted "UP again" on a resolved incident's timeline. */
    @Test
    void resolvingTheIncidentStopsTheWaitAndTheServiceComingUpWritesNothing() throws Exception {
        WalkthroughViewModel walk = walk("checkout");
        WalkStep verify = walk.steps().get(2);
        ServiceWait wait = verify.serviceWait();
        wait.start(Duration.ofSeconds(30));

        incidents.timeline().changeStatus(dev.incidentconsole.incident.Status.RESOLVED);
        assertThat(wait.stateProperty().get()).isEqualTo(ServiceWait.State.CANCELLED);
        answer.set(200);
        ui.runUntil(() -> state() == Status.UP, WAIT, dashboard::drain);

        assertThat(notes()).isEmpty();
        assertThat(verify.stateProperty().get()).isNotEqualTo(WalkStep.State.DONE);
    }

    @Test
    void aWaitStartedOnAResolvedIncidentNotesNothingWhenTheServiceIsUpAndSaysWhy() throws Exception {
        WalkthroughViewModel walk = walk("checkout");
        WalkStep verify = walk.steps().get(2);
        incidents.timeline().changeStatus(dev.incidentconsole.incident.Status.RESOLVED);

        verify.serviceWait().start(Duration.ofSeconds(30));
        answer.set(200);
        ui.runUntil(() -> verify.serviceWait().stateProperty().get() == ServiceWait.State.UP, WAIT, dashboard::drain);

        assertThat(notes()).isEmpty();
        assertThat(verify.statusProperty().get()).isEqualTo(WalkthroughViewModel.RESOLVED);
    }

    /** House review: the view model refused a wait on a resolved incident, but its button stayed enabled. */
    @Test
    void onAResolvedIncidentWaitingCannotBeStartedUntilItIsReopened() throws Exception {
        WalkthroughViewModel walk = walk("checkout");
        WalkStep verify = walk.steps().get(2);
        ServiceWait wait = verify.serviceWait();
        var canWait = walk.canWait(wait);
        assertThat(canWait.get()).isTrue();

        incidents.timeline().changeStatus(dev.incidentconsole.incident.Status.RESOLVED);
        assertThat(canWait.get()).as("resolved").isFalse();
        walk.startWait(verify, wait);
        assertThat(wait.stateProperty().get()).isEqualTo(ServiceWait.State.IDLE);
        assertThat(verify.statusProperty().get()).isEqualTo(WalkthroughViewModel.RESOLVED);

        incidents.timeline().changeStatus(dev.incidentconsole.incident.Status.INVESTIGATING);
        assertThat(canWait.get()).as("reopened").isTrue();
        walk.startWait(verify, wait);
        assertThat(wait.stateProperty().get()).isEqualTo(ServiceWait.State.WAITING);
        assertThat(canWait.get()).as("waiting").isFalse();
    }
}
