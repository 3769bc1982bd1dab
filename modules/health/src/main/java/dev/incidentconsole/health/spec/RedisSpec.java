package dev.incidentconsole.health.spec;

import dev.incidentconsole.health.Secret;

/**
 * A Redis {@code PING}, with {@code AUTH} first when a password is set.
 *
 * @param user      ACL user name for {@code AUTH user password}, or {@code null} for the default user
 * @param infoField an {@code INFO} field to check, e.g. {@code role}; {@code null} for none
 * @param expect    condition on that field, e.g. {@code master} or {@code < 1000}
 */
public record RedisSpec(String host, int port, String user, Secret password, String infoField,
                        ValueExpectation expect) implements ProbeSpec {
    public RedisSpec {
        password = password == null ? Secret.empty() : password;
    }

    public static RedisSpec of(String host, int port) {
        return new RedisSpec(host, port, null, null, null, null);
    }

    public RedisSpec withPassword(String value) {
        return new RedisSpec(host, port, user, Secret.of(value), infoField, expect);
    }

    public RedisSpec withInfo(String field, ValueExpectation expectation) {
        return new RedisSpec(host, port, user, password, field, expectation);
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public String describe() {
        return "Redis PING " + host + ":" + port + (infoField != null ? ", INFO " + infoField + " " + expect : "");
    }
}
