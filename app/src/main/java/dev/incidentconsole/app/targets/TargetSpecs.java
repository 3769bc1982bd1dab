package dev.incidentconsole.app.targets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentconsole.exec.DockerTarget;
import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.KubeTarget;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.SshTarget;
import dev.incidentconsole.exec.Target;
import dev.incidentconsole.exec.ssh.SshConfigFile;
import dev.incidentconsole.exec.ssh.SshHost;
import dev.incidentconsole.health.env.EnvironmentException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the {@code targets:} part of an environment file into exec targets. Two shapes are accepted: a list
 * of {@code {name, type: local|ssh|kubectl|docker, ...}} (the documented one), or a map from type to one
 * target or a list of them ({@code ssh: [{host: ...}], kube: {context: ...}}). Keys may be written
 * kebab-case ({@code identity-file}) like the rest of the file, or camelCase ({@code identityFile}).
 * String values may use {@code ${VAR}} and {@code ${VAR:-default}} from the process environment. Unknown
 * keys are errors (they are usually typos). Stateless apart from its inputs; thread-safe.
 */
public final class TargetSpecs {
    private static final Map<String, Set<String>> KEYS = Map.of(
            "local", Set.of("workdir", "env"),
            "ssh", Set.of("host", "port", "user", "identityfile", "proxyjump", "knownhosts", "workdir", "env"),
            "kubectl", Set.of("context", "namespace", "kubeconfig", "pod", "container"),
            "docker", Set.of("host", "port", "user", "identityfile", "proxyjump", "knownhosts", "workdir", "env",
                    "container"));
    private static final Set<String> COMMON = Set.of("name", "type", "production", "description");

    private final Path file;
    private final SshConfigFile sshConfig;
    private final Function<String, String> env;

    /**
     * @param file      the environment file, for messages and relative paths
     * @param sshConfig resolves an SSH {@code host} that is an alias of {@code ~/.ssh/config}
     * @param env       the process environment for {@code ${VAR}}
     */
    public TargetSpecs(Path file, SshConfigFile sshConfig, Function<String, String> env) {
        this.file = file;
        this.sshConfig = sshConfig;
        this.env = env;
    }

    /**
     * The targets in {@code node} (missing or null: none).
     *
     * @param path              the node's field path for messages, e.g. {@code environments.production.targets}
     * @param productionDefault whether a target without {@code production:} is production
     * @throws EnvironmentException naming the field and what to change
     */
    public List<TargetInfo> read(JsonNode node, String path, boolean productionDefault) throws EnvironmentException {
        List<TargetInfo> out = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(one(new Fields(node.get(i), path + "[" + i + "]", null), productionDefault));
            }
        } else if (node.isObject()) {
            for (var e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                String type = type(e.getKey(), path + "." + e.getKey());
                JsonNode value = e.getValue();
                int n = value.isArray() ? value.size() : 1;
                for (int i = 0; i < n; i++) {
                    String at = path + "." + e.getKey() + (value.isArray() ? "[" + i + "]" : "");
                    out.add(one(new Fields(value.isArray() ? value.get(i) : value, at, type), productionDefault));
                }
            }
        } else {
            throw error(path, "must be a list of targets such as [{name: db, type: ssh, host: db-1}]");
        }
        return out;
    }

    private TargetInfo one(Fields f, boolean productionDefault) throws EnvironmentException {
        String type = f.type != null ? f.type : type(f.required("type"), f.path + ".type");
        f.check(KEYS.get(type), COMMON);
        boolean production = f.bool("production", productionDefault);
        String where = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return switch (type) {
            case "local" -> {
                LocalTarget t = new LocalTarget(f.text("name", "local"), f.path("workdir"), f.map("env"), production);
                yield new TargetInfo(t, type, t.workingDir() == null ? "this machine" : "this machine, in "
                        + t.workingDir(), where);
            }
            case "ssh" -> {
                SshTarget t = ssh(f, production);
                yield new TargetInfo(t, type, t.host().display(), where);
            }
            case "kubectl" -> {
                KubeTarget t = new KubeTarget(f.text("name", null), f.text("context", null),
                        f.text("namespace", null), f.path("kubeconfig"), f.text("pod", null),
                        f.text("container", null), production);
                if (t.name() == null) {
                    t = new KubeTarget(KubeTarget.of(t.context(), t.namespace(), production).name()
                            + (t.pod() == null ? "" : " pod " + t.pod()), t.context(), t.namespace(), t.kubeconfig(),
                            t.pod(), t.container(), production);
                }
                yield new TargetInfo(t, type, Targets.kubeWhere(t), where);
            }
            default -> {
                Target host = f.has("host") ? ssh(f, production)
                        : new LocalTarget("local", f.path("workdir"), f.map("env"), production);
                String container = f.text("container", null);
                String name = f.text("name", container != null ? container : "docker@" + host.name());
                yield new TargetInfo(new DockerTarget(name, host, container, production), type,
                        (container == null ? "docker" : "container " + container) + " on "
                                + (host instanceof SshTarget s ? s.host().display() : "this machine"), where);
            }
        };
    }

    private SshTarget ssh(Fields f, boolean production) throws EnvironmentException {
        String alias = f.required("host");
        SshHost host;
        try {
            host = sshConfig.resolve(alias);
        } catch (ExecException e) {
            throw error(f.path + ".host", e.getMessage());
        }
        int port = f.has("port") ? f.port() : host.port();
        List<Path> keys = f.has("identityfile") ? f.paths("identityfile") : host.identityFiles();
        host = new SshHost(alias, host.host(), port, f.text("user", host.user()), keys,
                f.text("proxyjump", host.proxyJump()), f.has("knownhosts") ? f.path("knownhosts") : host.knownHosts());
        return new SshTarget(f.text("name", alias), host, f.text("workdir", null), f.map("env"), production);
    }

    private String type(String written, String path) throws EnvironmentException {
        String t = written.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "local", "ssh", "docker" -> t;
            case "kubectl", "kube", "kubernetes", "k8s" -> "kubectl";
            default -> throw error(path, "\"" + written + "\" is not a target type; use local, ssh, kubectl or docker");
        };
    }

    EnvironmentException error(String path, String problem) {
        return new EnvironmentException(file, 0, path, problem);
    }

    /** One target's keys, normalised ({@code identity-file}, {@code identityFile} -> {@code identityfile}). */
    private final class Fields {
        private final Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        private final Map<String, String> written = new java.util.HashMap<>();
        final String path;
        final String type;

        Fields(JsonNode node, String path, String type) throws EnvironmentException {
            this.path = path;
            this.type = type;
            if (node == null || !node.isObject()) {
                throw error(path, "must be a map such as {name: db, type: ssh, host: db-1}");
            }
            for (var e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                String key = e.getKey().toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
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
            return v == null ? null : Targets.path(v, file);
        }

        List<Path> paths(String key) throws EnvironmentException {
            JsonNode v = values.get(key);
            if (!v.isArray()) {
                return List.of(path(key));
            }
            List<Path> out = new ArrayList<>();
            for (JsonNode one : v) {
                out.add(Targets.path(Targets.expand(one.asText(), env, p -> error(path + "." + key, p)), file));
            }
            return out;
        }

        Map<String, String> map(String key) throws EnvironmentException {
            if (!has(key)) {
                return Map.of();
            }
            JsonNode v = values.get(key);
            if (!v.isObject()) {
                throw error(path + "." + written.get(key), "must be a map of NAME: value");
            }
            Map<String, String> out = new java.util.LinkedHashMap<>();
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
}
