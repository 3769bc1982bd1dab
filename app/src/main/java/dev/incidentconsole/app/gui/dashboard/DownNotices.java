package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.health.Status;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Tells about the services that went DOWN, at most once per {@link #QUIET}: each notice opens a window (a second of
 * the FX thread on a busy machine), and flapping services would open one per drain. Rows that go down meanwhile are
 * held for the next notice; those back up by then, or no longer shown, are left out. UI thread only.
 */
final class DownNotices {
    /** The least time between two notices. */
    static final Duration QUIET = Duration.ofSeconds(10);

    private final Set<ServiceRow> held = new LinkedHashSet<>();
    private Long last;
    private LongSupplier nanoClock = System::nanoTime;
    private Consumer<List<ServiceRow>> onDown = down -> { };

    /** Rows that just went from UP or DEGRADED to DOWN. */
    void hold(Collection<ServiceRow> wentDown) {
        held.addAll(wentDown);
    }

    /** Whether rows wait for the quiet time to pass. */
    boolean waiting() {
        return !held.isEmpty();
    }

    /**
     * Tells {@link #onDown} about the held rows still DOWN, unless the last notice is younger than {@link #QUIET}.
     *
     * @param shown whether a row is still the one the dashboard shows for its service
     */
    void announce(Predicate<ServiceRow> shown) {
        held.removeIf(r -> r.state() != Status.DOWN || !shown.test(r));
        long now = nanoClock.getAsLong();
        if (held.isEmpty() || (last != null && now - last < QUIET.toNanos())) {
            return;
        }
        last = now;
        List<ServiceRow> down = List.copyOf(held);
        held.clear();
        onDown.accept(down);
    }

    void onDown(Consumer<List<ServiceRow>> value) {
        this.onDown = value;
    }

    /** What the quiet time is measured with; tests move it by hand. */
    void nanoClock(LongSupplier value) {
        this.nanoClock = value;
    }
}
