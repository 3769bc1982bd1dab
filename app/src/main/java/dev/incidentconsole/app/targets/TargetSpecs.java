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
            "ssh", Set.of("host", "port", "user", "identityfile", "identitiesonly", "proxyjump", "knownhosts",
                    "workdir", "env"),
            "kubectl", Set.of("context", "namespace", "kubeconfig", "pod", "container"),
            "docker", Set.of("host", "port", "user", "identityfile", "identitiesonly", "proxyjump", "knownhosts",
                    "workdir", "env", "container"));
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
                TargetFields fields = new TargetFields(node.get(i), path + "[" + i + "]", null, file, env, sshConfig.home());
                out.add(one(fields, productionDefault));
            }
        } else if (node.isObject()) {
            for (var e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                String type = type(e.getKey(), path + "." + e.getKey());
                JsonNode value = e.getValue();
                int n = value.isArray() ? value.size() : 1;
                for (int i = 0; i < n; i++) {
                    String at = path + "." + e.getKey() + (value.isArray() ? "[" + i + "]" : "");
                    JsonNode one = value.isArray() ? value.get(i) : value;
                    out.add(one(new TargetFields(one, at, type, file, env, sshConfig.home()), productionDefault));
                }
            }
        } else {
            throw error(path, "must be a list of targets such as [{name: db, type: ssh, host: db-1}]");
        }
        return out;
    }

    private TargetInfo one(TargetFields f, boolean productionDefault) throws EnvironmentException {
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

    private SshTarget ssh(TargetFields f, boolean production) throws EnvironmentException {
        String alias = f.required("host");
        SshHost host;
        try {
            host = sshConfig.resolve(alias);
        } catch (ExecException e) {
            throw error(f.path + ".host", e.getMessage());
        }
        int port = f.has("port") ? f.port() : host.port();
        List<Path> keys = f.has("identityfile") ? f.paths("identityfile") : host.identityFiles();
        String user = f.text("user", host.user());
        if (user == null || user.isBlank()) { // "${SSH_USER:-}" unset: the ssh config's (or this user's) login
            user = host.user();
        }
        host = new SshHost(alias, host.host(), port, user, keys,
                f.text("proxyjump", host.proxyJump()), f.has("knownhosts") ? f.path("knownhosts") : host.knownHosts(),
                f.bool("identitiesonly", host.identitiesOnly()));
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

    private EnvironmentException error(String path, String problem) {
        return new EnvironmentException(file, 0, path, problem);
    }
}
