package dev.incidentconsole.health.env;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentconsole.health.ServiceSpec;
import java.util.List;
import java.util.Map;

/**
 * One environment (local, staging, production...): the services to watch there.
 *
 * @param name        as written under {@code environments:}, or the file name for a single-environment file
 * @param production  {@code production: true}; the UI shows it plainly and asks before risky steps
 * @param description free text, or empty
 * @param services    services in file order, names unique
 * @param targets     the {@code targets:} tree (SSH hosts, kube context...) for the command runner; a
 *                    missing node when absent
 * @param extensions  other keys of the environment that this module does not read, kept as trees
 */
public record Environment(String name, boolean production, String description, List<ServiceSpec> services,
                          JsonNode targets, Map<String, JsonNode> extensions) {
    public Environment {
        services = List.copyOf(services);
        extensions = Map.copyOf(extensions);
    }
}
