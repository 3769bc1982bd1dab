package dev.incidentconsole.health.spec;

/**
 * How to check a service: one record per probe kind. Immutable; secrets are {@link
 * dev.incidentconsole.health.Secret}s so printing a spec never shows them.
 */
public sealed interface ProbeSpec
        permits HttpSpec, TcpSpec, WebSocketSpec, PostgresSpec, RedisSpec, CommandSpec, AlertmanagerSpec {

    /** The kind as written in an environment file: {@code http}, {@code tcp}, {@code postgres}... */
    String kind();

    /** One line for display, without secrets, e.g. {@code GET http://localhost:8000/health}. */
    String describe();
}
