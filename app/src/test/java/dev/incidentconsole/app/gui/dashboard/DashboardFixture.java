package dev.incidentconsole.app.gui.dashboard;

import com.sun.net.httpserver.HttpServer;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.exec.testing.TestUser;
import dev.incidentconsole.health.env.EnvironmentLoader;
import dev.incidentconsole.health.schedule.HealthScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the dashboard view model's tests share (register it with {@code @RegisterExtension}): a folder of the test's
 * own for environment files and runbooks, real loopback servers, and view models on a real scheduler (no
 * environment variables, the test's user); after each test the models are closed, the servers stopped and the
 * folder deleted.
 */
final class DashboardFixture implements AfterEachCallback {
    private Path dir;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<DashboardViewModel> models = new ArrayList<>();

    /** The test's folder, made at the first call. */
    Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("dashboard-test");
        }
        return dir;
    }

    /** A view model on {@code executor} and {@code scheduler}, closed after the test. */
    DashboardViewModel model(TaskExecutor executor, HealthScheduler scheduler) {
        DashboardViewModel model = new DashboardViewModel(executor, scheduler,
                new EnvironmentLoader(Map.<String, String>of()::get), TestUser.current());
        models.add(model);
        return model;
    }

    /** A view model on a same-thread executor that has opened {@code envFile} ({@code null}: the port tables). */
    DashboardViewModel open(HealthScheduler scheduler, Path envFile, String preferred) {
        DashboardViewModel model = model(new DirectTaskExecutor(), scheduler);
        model.openEnvironmentFile(envFile, preferred);
        return model;
    }

    /** Writes {@code environments.yaml} in the test's folder. */
    Path env(String yaml) throws IOException {
        return Files.writeString(dir().resolve("environments.yaml"), yaml);
    }

    /** {@code s}, stopped when the test ends. */
    HttpServer server(HttpServer s) {
        servers.add(s);
        return s;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        models.forEach(DashboardViewModel::close);
        servers.forEach(s -> s.stop(0));
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
