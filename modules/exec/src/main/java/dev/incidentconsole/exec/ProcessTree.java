package dev.incidentconsole.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a local process and all its descendants. */
final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Sends SIGTERM to {@code root} and its descendants, waits up to {@code grace}, then SIGKILLs whatever
     * is left. Descendants are listed before anything is signalled: once a parent dies its children are
     * re-parented and {@link ProcessHandle#descendants()} no longer finds them.
     */
    static void kill(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = all.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return;
        } catch (TimeoutException | ExecutionException e) {
            // some ignored SIGTERM: fall through to SIGKILL
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        root.descendants().forEach(all::add);
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
