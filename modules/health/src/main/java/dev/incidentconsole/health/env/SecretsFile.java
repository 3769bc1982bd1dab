package dev.incidentconsole.health.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a secrets file: YAML ({@code .yaml}, {@code .yml}, {@code .json}; nested keys joined with dots)
 * or {@code .env} style ({@code KEY=value}, {@code export KEY=value}, {@code #} comments, optional quotes).
 * Refuses a file that group or others may read or write.
 */
final class SecretsFile {
    private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private SecretsFile() {
    }

    /**
     * @param referencedFrom the environment file naming it
     * @param line           the line of its {@code secrets:} key there (0: not known)
     */
    static Map<String, String> read(Path secrets, Path referencedFrom, int line) throws EnvironmentException {
        if (!Files.isRegularFile(secrets)) {
            throw new EnvironmentException(referencedFrom, line, "secrets",
                    "the secrets file " + secrets + " does not exist; create it (chmod 600) or remove the secrets key");
        }
        checkPermissions(secrets);
        try {
            String name = secrets.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")
                    ? yaml(secrets) : dotEnv(secrets, Files.readAllLines(secrets));
        } catch (IOException e) {
            // Jackson's message may quote file content, which is secret: report the position only.
            throw new EnvironmentException(secrets, 0, "", "cannot read the secrets file ("
                    + e.getClass().getSimpleName() + "); check that it is a flat YAML map or KEY=value lines");
        }
    }

    static void checkPermissions(Path file) throws EnvironmentException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return; // no POSIX modes to check (e.g. Windows); rely on the file system's ACLs
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(TOO_OPEN::contains)) {
                throw new EnvironmentException(file, 0, "", "other users can read or change this secrets file (mode "
                        + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new EnvironmentException(file, 0, "", "cannot check the permissions of this secrets file: "
                    + e.getMessage());
        }
    }

    private static Map<String, String> yaml(Path file) throws IOException {
        JsonNode root = new YAMLMapper().readTree(file.toFile());
        Map<String, String> out = new HashMap<>();
        if (root != null && root.isObject()) {
            flatten("", root, out);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                flatten(key, e.getValue(), out);
            } else if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(key, e.getValue().asText());
            }
        }
    }

    /** Reads KEY=value lines; any other line is an error naming its number only, as it may hold a secret. */
    static Map<String, String> dotEnv(Path file, List<String> lines) throws EnvironmentException {
        Map<String, String> out = new HashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new EnvironmentException(file, n + 1, "", "not a KEY=value line (a secret that is not read would"
                        + " leave its ${VAR} unset); the line is not shown, it may hold a secret");
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int hash = value.indexOf(" #");
                value = hash >= 0 ? value.substring(0, hash).strip() : value;
            }
            out.put(line.substring(0, eq).strip(), value);
        }
        return out;
    }
}
