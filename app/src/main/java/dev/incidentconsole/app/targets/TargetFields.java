package dev.incidentconsole.app.targets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentconsole.health.env.EnvironmentException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** One target's keys, normalised ({@code identity-file}, {@code identityFile} -> {@code identityfile}). */
final class TargetFields {
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Map<String, String> written = new HashMap<>();
    final String path;
    final String type;
    private final Path file;
    private final Function<String, String> env;
    private final Path home;

    /** @param home what {@code ~} in a path stands for */
    TargetFields(JsonNode node, String path, String type, Path file, Function<String, String> env, Path home)
            throws EnvironmentException {
        this.path = path;
        this.type = type;
        this.file = file;
        this.env = env;
        this.home = home;
        if (node == null || !node.isObject()) {
            throw error(path, "must be a map such as {name: db, type: ssh, host: db-1}");
        }
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            String key = e.getKey().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            values.put(key, e.getValue());
            written.put(key, e.getKey());
        }
    }

    void check(Set<String> allowed, Set<String> common) throws EnvironmentException {
        for (String key : values.keySet()) {
            if (!allowed.contains(key) && !common.contains(key)) {
                throw error(path + "." + written.get(key), "is not a key of a " + (type != null ? type
                        : values.get("type").asText()) + " target; check the spelling (see the README)");
            }
        }
    }

    boolean has(String key) {
        return values.containsKey(key) && !values.get(key).isNull();
    }

    String required(String key) throws EnvironmentException {
        String value = text(key, null);
        if (value == null || value.isBlank()) {
            throw error(path + "." + key, "is missing; every target of this kind needs one");
        }
        return value;
    }

    String text(String key, String otherwise) throws EnvironmentException {
        if (!has(key)) {
            return otherwise;
        }
        JsonNode v = values.get(key);
        if (!v.isValueNode()) {
            throw error(path + "." + written.get(key), "must be a single value, not a list or map");
        }
        return Targets.expand(v.asText(), env, problem -> error(path + "." + written.get(key), problem));
    }

    boolean bool(String key, boolean otherwise) throws EnvironmentException {
        if (!has(key)) {
            return otherwise;
        }
        if (!values.get(key).isBoolean()) {
            throw error(path + "." + written.get(key), "must be true or false");
        }
        return values.get(key).asBoolean();
    }

    int port() throws EnvironmentException {
        String v = text("port", "22");
        try {
            int port = Integer.parseInt(v.strip());
            if (port > 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(path + "." + written.get("port"), "\"" + v + "\" is not a port number (1-65535)");
    }

    Path path(String key) throws EnvironmentException {
        String v = text(key, null);
        return v == null ? null : Targets.path(v, file, home);
    }

    List<Path> paths(String key) throws EnvironmentException {
        JsonNode v = values.get(key);
        if (!v.isArray()) {
            return List.of(path(key));
        }
        List<Path> out = new ArrayList<>();
        for (JsonNode one : v) {
            out.add(Targets.path(Targets.expand(one.asText(), env, p -> error(path + "." + key, p)), file, home));
        }
        return out;
    }

    EnvironmentException error(String at, String problem) {
        return new EnvironmentException(file, 0, at, problem);
    }

    Map<String, String> map(String key) throws EnvironmentException {
        if (!has(key)) {
            return Map.of();
        }
        JsonNode v = values.get(key);
        if (!v.isObject()) {
            throw error(path + "." + written.get(key), "must be a map of NAME: value");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) v::fields) {
            String at = path + "." + written.get(key) + "." + e.getKey();
            if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw error(at, "is not a valid environment variable name");
            }
            out.put(e.getKey(), Targets.expand(e.getValue().asText(), env, p -> error(at, p)));
        }
        return out;
    }
}
