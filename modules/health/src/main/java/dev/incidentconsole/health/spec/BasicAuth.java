package dev.incidentconsole.health.spec;

import dev.incidentconsole.health.Secret;

/** HTTP basic authentication credentials. */
public record BasicAuth(String user, Secret password) {
    public BasicAuth {
        password = password == null ? Secret.empty() : password;
    }
}
