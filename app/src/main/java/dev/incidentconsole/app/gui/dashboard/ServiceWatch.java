package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.schedule.HealthScheduler;
import dev.incidentconsole.runbook.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The executor's part of choosing an environment: the scheduler watches the chosen services instead, and a row is
 * made for each (500 of them cost the UI thread 50-70 ms on a loaded machine when it did this itself). Only the
 * latest request is carried out, whatever order the executor's threads take them in.
 */
final class ServiceWatch {
    private final HealthScheduler scheduler;
    private final StatusBatcher batcher;
    /** Not guarded by the lock {@link #watch} holds, so the UI thread never waits for a watch under way. */
    private final AtomicLong latest = new AtomicLong();

    ServiceWatch(HealthScheduler scheduler, StatusBatcher batcher) {
        this.scheduler = scheduler;
        this.batcher = batcher;
    }

    /** A new request, superseding those before it; on the UI thread. */
    long request() {
        return latest.incrementAndGet();
    }

    /**
     * On the executor: watches {@code specs} (their descriptions masked by {@code masker}) (news of the services left is dropped) and returns their rows with
     * their status as of now; {@code null} when a newer request was made meanwhile, which will replace them itself.
     */
    synchronized List<ServiceRow> watch(List<ServiceSpec> specs, SecretMasker masker, long request) {
        if (request != latest.get()) {
            return null;
        }
        batcher.clear();
        scheduler.replaceAll(specs);
        List<ServiceRow> fresh = new ArrayList<>(specs.size());
        for (ServiceSpec spec : specs) {
            fresh.add(new ServiceRow(scheduler.status(spec.name()).orElseThrow(), fresh.size(), masker));
        }
        return fresh;
    }
}
