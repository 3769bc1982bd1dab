package dev.incidentconsole.search;

import dev.incidentconsole.runbook.RunbookFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches runbook folders and their sub-folders (new ones included) and reports each changed path once things
 * have been quiet for a moment: editors save in bursts (truncate, write, rename), and reading the file
 * half-written would index nonsense. One daemon thread waits for events, another runs the debounced work, so
 * {@link Sink} calls never overlap.
 */
final class FolderWatcher implements Closeable {

    /** What to do once a path has settled. */
    interface Sink {
        /** A runbook file was created or modified. */
        void changed(Path file);

        /** A file or folder disappeared: forget it and everything under it. */
        void gone(Path path);

        /** Events were lost (overflow): compare the folder with the index. */
        void resync(Path folder);
    }

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final List<Path> roots;
    private final Sink sink;
    private final Duration quiet;
    private final WatchService service;
    private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
    private final Map<Path, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "runbook-index"));
    private final Thread loop;

    FolderWatcher(List<Path> roots, Sink sink, Duration quiet) throws IOException {
        this.roots = List.copyOf(roots);
        this.sink = sink;
        this.quiet = quiet;
        this.service = roots.get(0).getFileSystem().newWatchService();
        this.loop = daemon(this::run, "runbook-watcher");
    }

    /** Registers a folder (not its sub-folders: {@link RunbookFiles#under} walks them) for events. */
    void register(Path dir) {
        try {
            keys.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE), dir);
        } catch (IOException e) {
            LOG.warn("Cannot watch folder {} for runbook changes: {}", dir, e.getMessage());
        }
    }

    void start() {
        loop.start();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.take();
                Path dir = keys.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (dir != null) {
                        handle(dir, event);
                    }
                }
                if (!key.reset()) {
                    keys.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Path dir, WatchEvent<?> event) {
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            roots.forEach(r -> schedule(r, () -> sink.resync(r)));
            return;
        }
        Path path = dir.resolve((Path) event.context()).toAbsolutePath().normalize();
        if (RunbookFiles.isHidden(path)) {
            return;
        }
        if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
            schedule(path, () -> settle(path));
        } else if (Files.isDirectory(path)) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                // Files may have landed before the folder was registered: resync walks and registers it.
                schedule(path, () -> sink.resync(path));
            }
        } else if (RunbookFiles.isRunbook(path)) {
            schedule(path, () -> settle(path));
        }
    }

    private void settle(Path path) {
        if (Files.exists(path) && RunbookFiles.isRunbook(path) && !Files.isDirectory(path)) {
            sink.changed(path);
        } else {
            sink.gone(path);
        }
    }

    /** Runs the work once the path has been quiet for the debounce time; a newer event restarts the wait. */
    private void schedule(Path path, Runnable work) {
        try {
            debounce(path, work);
        } catch (RejectedExecutionException e) {
            // closed while this thread was still handling the events it had taken: nobody wants the work now
            LOG.debug("Watcher closed; {} not re-indexed", path);
        }
    }

    private void debounce(Path path, Runnable work) {
        pending.compute(path, (p, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return worker.schedule(() -> {
                pending.remove(p);
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("Re-indexing {} failed: {}", p, e.toString());
                }
            }, quiet.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void close() throws IOException {
        loop.interrupt();
        service.close();
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
