package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.health.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * "Wait until the service is UP": follows the dashboard's status of one service until it is UP, the time
 * limit passes or the engineer cancels. Asks the dashboard for a check at the start so the answer does not
 * wait a whole interval. UI thread only; the timer calls back there too.
 */
public final class ServiceWait {
    /** Where a wait stands. */
    public enum State { IDLE, WAITING, UP, TIMED_OUT, CANCELLED, NOT_WATCHED }

    /** Runs a task on the UI thread after a delay; the returned action cancels it. */
    @FunctionalInterface
    public interface Timer {
        Runnable after(Duration delay, Runnable task);
    }

    private final String service;
    private final ServiceWatch watch;
    private final Timer timer;
    private final Supplier<Instant> clock;
    private final Consumer<Instant> onUp;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ChangeListener<Status> follow = (obs, old, now) -> seen(now);
    private ObservableValue<Status> watched;
    private Runnable cancelTimeout = () -> { };
    private Duration limit = Duration.ZERO;

    /** @param onUp told once, with the time the service was seen UP */
    ServiceWait(String service, ServiceWatch watch, Timer timer, Supplier<Instant> clock, Consumer<Instant> onUp) {
        this.service = service;
        this.watch = watch;
        this.timer = timer;
        this.clock = clock;
        this.onUp = onUp;
    }

    /** Starts waiting for at most {@code timeout}; a wait already running goes on. */
    public void start(Duration timeout) {
        if (state.get() == State.WAITING) {
            return;
        }
        Optional<ObservableValue<Status>> status = watch.status(service);
        if (status.isEmpty()) {
            state.set(State.NOT_WATCHED);
            message.set("The dashboard does not watch " + service + " in its current environment; check it by hand.");
            return;
        }
        watched = status.get();
        limit = timeout;
        state.set(State.WAITING);
        watched.addListener(follow);
        cancelTimeout = timer.after(timeout, this::timedOut);
        seen(watched.getValue());
        if (state.get() == State.WAITING) {
            watch.checkNow(service);
        }
    }

    /** Stops waiting; nothing is recorded. */
    public void cancel() {
        if (state.get() == State.WAITING) {
            stop(State.CANCELLED, "Stopped waiting for " + service + ".");
        }
    }

    private void seen(Status now) {
        if (state.get() != State.WAITING) {
            return;
        }
        if (now == Status.UP) {
            stop(State.UP, service + " is UP.");
            onUp.accept(clock.get());
        } else {
            message.set("Waiting up to " + minutes(limit) + " for " + service + " to be UP; the dashboard says "
                    + (now == null ? Status.UNKNOWN : now) + ".");
        }
    }

    private void timedOut() {
        if (state.get() == State.WAITING) {
            Status last = watched.getValue();
            stop(State.TIMED_OUT, service + " was not UP within " + minutes(limit) + " (last seen " + last
                    + "); check the dashboard, then mark the step yourself.");
        }
    }

    private void stop(State end, String text) {
        watched.removeListener(follow);
        cancelTimeout.run();
        cancelTimeout = () -> { };
        state.set(end);
        message.set(text);
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    public String service() {
        return service;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** One sentence on the wait: what it waits for and what the dashboard says, or how it ended. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
