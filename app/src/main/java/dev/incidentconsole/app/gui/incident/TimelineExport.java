package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.incident.IncidentStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Writes an incident to a file, read fresh from the store on the executor, runbook files named from the workspace. */
final class TimelineExport {
    private final TaskExecutor executor;
    private final Supplier<IncidentStore> store;
    /** Read by export workers, set on the UI thread when the window switches workspace. */
    private volatile Path workspace;

    TimelineExport(TaskExecutor executor, Supplier<IncidentStore> store) {
        this.executor = executor;
        this.store = store;
    }

    void useWorkspace(Path folder) {
        this.workspace = folder;
    }

    /** {@code written} gets the file on the executor's callback thread, {@code failed} what went wrong. */
    void write(String incidentId, ExportFormat format, Path file, Consumer<Path> written, Consumer<Exception> failed) {
        executor.execute(() -> {
            Files.writeString(file, format.render(store.get().document(incidentId), workspace), StandardCharsets.UTF_8);
            return file;
        }, written, failed);
    }
}
