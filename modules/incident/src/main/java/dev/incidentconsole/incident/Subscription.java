package dev.incidentconsole.incident;

/** A registration that stops delivering when closed. Closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
