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
import java.util.stream.Collectors;

/**
 * Tells about the services that went DOWN, at most once per {@link #QUIET}: flapping services would otherwise
 * bring a notice per drain. Rows that go down meanwhile are
 * held for the next notice; those back up by then, or no longer shown, are left out. UI thread only.
 */
final class DownNotices {
    /** The least time between two notices. */
    static final Duration QUIET = Duration.ofSeconds(10);

    private final Set<ServiceRow> held = new LinkedHashSet<>();
    private Long last;
    private LongSupplier nanoClock = System::nanoTime;
    private Consumer<List<ServiceRow>> onDown = down -> { };

    /** At most this many services are named in a notice's text; the rest are counted. */
    static final int LISTED = 5;

    /** A notice's title: the one service, else how many. */
    static String title(List<ServiceRow> down) {
        return down.size() == 1 ? down.get(0).name() + " is DOWN" : down.size() + " services are DOWN";
    }

    /** A notice's text: each service (up to {@link #LISTED}) with why it is down, one a line. */
    static String text(List<ServiceRow> down) {
        return down.stream().limit(LISTED).map(r -> r.name() + ": " + r.reason()).collect(Collectors.joining("\n"))
                + (down.size() > LISTED ? "\nand " + (down.size() - LISTED) + " more" : "");
    }

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
