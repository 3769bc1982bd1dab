package dev.incidentconsole.app.gui;

import dev.incidentconsole.app.gui.links.LinkOpener;
import dev.incidentconsole.app.gui.util.FxSteps;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.links.DeepLink;
import dev.incidentconsole.app.links.LinkHandOff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * The window's {@code incident-console://} links: the one it was launched with, and those later launches hand it
 * ({@link LinkHandOff}) while it is open. Each is shown by a {@link LinkOpener} over the folders it may be in: where
 * a hand-off's sender found it, the workspace shown, the user's search folders.
 */
final class WindowLinks implements AutoCloseable {
    private final Stage stage;
    private final TaskExecutor executor;
    private final FxSteps steps;
    private final BooleanSupplier stopped;
    private final List<Path> settingsFolders;
    private final Supplier<Path> shownFolder;
    private final Function<List<Path>, LinkOpener> openers;
    private LinkHandOff listener;

    /**
     * @param steps           the window's start: a link taken before its features are built waits for its last step
     * @param stopped         whether the window has closed
     * @param settingsFolders the user's search folders, looked in last
     * @param shownFolder     the workspace's folder shown now ({@code null}: none yet)
     * @param openers         the features' opener over the given folders, made once the features are built
     */
    WindowLinks(Stage stage, TaskExecutor executor, FxSteps steps, BooleanSupplier stopped, List<Path> settingsFolders,
            Supplier<Path> shownFolder, Function<List<Path>, LinkOpener> openers) {
        this.stage = stage;
        this.executor = executor;
        this.steps = steps;
        this.stopped = stopped;
        this.settingsFolders = List.copyOf(settingsFolders);
        this.shownFolder = shownFolder;
        this.openers = openers;
    }

    /** Started with an incident-console:// link (the desktop entry's %u, or {@code open URL}): shows its section. */
    void openArgument(List<String> raw, Path runbookFolder) {
        if (raw.size() == 1 && DeepLink.looksLikeLink(raw.get(0))) {
            open(runbookFolder, raw.get(0), List.of());
        }
    }

    /** @param checkedIn where a hand-off's sender found the link, looked in first (the window may show another folder) */
    private void open(Path runbookFolder, String url, List<Path> checkedIn) {
        List<Path> folders = new ArrayList<>(checkedIn);
        if (runbookFolder != null) { // none shown yet: a workspace that could not be chosen
            folders.add(runbookFolder);
        }
        folders.addAll(settingsFolders);
        openers.apply(folders).open(url);
    }

    /**
     * Takes the links of later launches ({@code open URL}, a clicked link) while this window is open: it comes
     * forward and shows the link's section in the workspace it shows, as a link it was started with. Listening
     * begins with the frame; a link taken before the features are built is shown once they are.
     */
    void listen(Path dataDir) {
        Path socket = LinkHandOff.socketIn(dataDir);
        // the sender hears "ok" only once the link is queued here: a window closing meanwhile answers "closing"
        executor.execute(() -> LinkHandOff.listen(socket, (handed, taken) -> javafx.application.Platform.runLater(() -> {
            if (stopped.getAsBoolean() || !taken.complete(true)) {
                taken.complete(false);
                return;
            }
            stage.setIconified(false);
            stage.toFront();
            stage.requestFocus();
            steps.whenDone(() -> open(shownFolder.get(), handed.link(), handed.folders()));
        })), found -> found.ifPresent(l -> {
            if (stopped.getAsBoolean()) {
                l.close();
            } else {
                listener = l;
            }
        }), e -> LoggerFactory.getLogger(WindowLinks.class).warn("Not listening for links: {}", e.toString()));
    }

    /** Stops listening (the socket is removed as {@link LinkHandOff#close} says). */
    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
    }
}
