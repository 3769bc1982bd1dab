package dev.incidentconsole.health.env;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.incidentconsole.health.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads environment files (YAML, or JSON for {@code .json}). Thread-safe; one instance can be shared.
 *
 * <p>Two shapes: a single environment ({@code services:} at the top, named after the file) or several
 * ({@code environments: {local: ..., production: ...}} with an optional {@code default:}). Values may use
 * {@code ${VAR}} / {@code ${VAR:-default}}, resolved from the variables it is given, then from the file
 * named by {@code secrets:} (relative to the environment file; must be private to the user). Command
 * text is passed to the shell unchanged. Top-level and environment-level keys starting with {@code x-} are
 * kept as trees for other modules; any other unknown key, and a key given twice, is an error (usually a typo).
 */
public final class EnvironmentLoader {
    private final Function<String, String> env;

    /**
     * @param env resolves {@code ${VAR}}: the app's environment variables ({@code LaunchOptions}), or a test's own
     *            map; this class reads no environment of its own
     */
    public EnvironmentLoader(Function<String, String> env) {
        this.env = env;
    }

    /** Where this loader reads {@code ${VAR}}: also what {@code $VARS} in runbook port tables' checks stand for. */
    public Function<String, String> variables() {
        return env;
    }

    /**
     * @throws EnvironmentException when the file cannot be read, is not valid YAML/JSON, breaks the schema,
     *                              or names a secrets file that is missing or readable by others
     */
    public EnvironmentFile load(Path file) throws EnvironmentException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EnvironmentException(file, 0, "", "the file does not exist");
        } catch (IOException e) {
            throw new EnvironmentException(file, 0, "", "cannot read the file: " + e.getMessage());
        }
        ObjectMapper mapper = mapper(file);
        Dto.FileDto dto;
        Variables vars;
        try {
            JsonNode tree = mapper.readTree(bytes);
            String secretsName = tree != null && tree.path("secrets").isTextual() ? tree.get("secrets").asText() : null;
            Map<String, String> secrets = secretsName == null ? Map.of()
                    : SecretsFile.read(resolve(file, secretsName), file, topLevelLine(mapper, bytes, "secrets"));
            vars = new Variables(env, secrets, secretsName);
            dto = mapper.readerFor(Dto.FileDto.class).withAttribute(Values.VARIABLES, vars).readValue(bytes);
        } catch (JsonProcessingException e) {
            throw JacksonErrors.convert(file, e);
        } catch (IOException e) {
            throw new EnvironmentException(file, 0, "", "cannot read the file: " + e.getMessage());
        }
        if (dto == null) {
            throw new EnvironmentException(file, 0, "", "the file is empty; add services: or environments:");
        }
        return build(file, dto, vars);
    }

    private EnvironmentFile build(Path file, Dto.FileDto dto, Variables vars) throws EnvironmentException {
        ServiceMapper mapper = new ServiceMapper(file, vars);
        ServiceMapper.Defaults base = ServiceMapper.Defaults.NONE.with(dto.defaults);
        Map<String, Environment> envs = new LinkedHashMap<>();
        Map<String, String> prefixes = new LinkedHashMap<>();
        if (dto.environments != null) {
            if (dto.services != null) {
                throw new EnvironmentException(file, dto.line(), "services", "put services under each environment "
                        + "when the file has environments:");
            }
            for (Map.Entry<String, Dto.EnvironmentDto> e : dto.environments.entrySet()) {
                String prefix = "environments." + e.getKey();
                Dto.EnvironmentDto ed = e.getValue() == null ? new Dto.EnvironmentDto() : e.getValue();
                envs.put(e.getKey(), environment(mapper, e.getKey(), ed, base.with(ed.defaults), prefix,
                        ed.targets != null ? ed.targets : dto.targets));
                prefixes.put(e.getKey(), prefix + ".");
            }
        } else {
            String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            envs.put(name, environment(mapper, name, dto, base, "", dto.targets));
            prefixes.put(name, "");
        }
        if (envs.isEmpty()) {
            throw new EnvironmentException(file, dto.line(), "environments", "no environment is defined");
        }
        String defaultName = dto.defaultName != null ? dto.defaultName : envs.keySet().iterator().next();
        if (!envs.containsKey(defaultName)) {
            throw new EnvironmentException(file, dto.line(), "default", "\"" + defaultName
                    + "\" is not one of the environments (" + String.join(", ", envs.keySet()) + ")");
        }
        Map<String, List<EnvironmentException>> problems = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        prefixes.forEach((name, prefix) -> {
            List<EnvironmentException> list = new ArrayList<>();
            for (Variables.Problem p : vars.unresolved) {
                if (applies(p, prefix, prefixes)) {
                    list.add(new EnvironmentException(file, p.line(), p.path(), p.message()));
                }
            }
            for (Variables.Problem p : vars.clearSecrets) {
                if (applies(p, prefix, prefixes)) {
                    EnvironmentException ex = new EnvironmentException(file, p.line(), p.path(), p.message());
                    if (envs.get(name).production()) {
                        list.add(ex);
                    } else if (!warnings.contains(ex.getMessage())) {
                        warnings.add(ex.getMessage());
                    }
                }
            }
            problems.put(name, List.copyOf(list));
        });
        Map<String, JsonNode> extensions = new LinkedHashMap<>(dto.extensions);
        if (dto.targets != null) {
            extensions.put("targets", dto.targets);
        }
        return new EnvironmentFile(file, defaultName, envs, problems, warnings, extensions, vars.secretValues(),
                vars.secrets());
    }

    /** A problem belongs to its environment, or to every environment when it sits in shared settings. */
    private static boolean applies(Variables.Problem p, String prefix, Map<String, String> prefixes) {
        boolean inSome = prefixes.values().stream().anyMatch(x -> !x.isEmpty() && p.path().startsWith(x));
        return prefix.isEmpty() || p.path().startsWith(prefix) || !inSome;
    }

    private Environment environment(ServiceMapper mapper, String name, Dto.EnvironmentDto ed,
                                    ServiceMapper.Defaults defaults, String prefix, JsonNode targets)
            throws EnvironmentException {
        List<ServiceSpec> services = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<Dto.ServiceDto> list = ed.services == null ? List.of() : ed.services;
        for (int i = 0; i < list.size(); i++) {
            String path = (prefix.isEmpty() ? "" : prefix + ".") + "services[" + i + "]";
            Dto.ServiceDto s = list.get(i);
            if (s == null) {
                throw new EnvironmentException(mapper.file(), 0, path, "empty service entry");
            }
            ServiceSpec spec = mapper.map(s, defaults, path);
            Integer first = seen.putIfAbsent(spec.name(), s.line());
            if (first != null) {
                throw new EnvironmentException(mapper.file(), s.line(), path + ".name", "\"" + spec.name()
                        + "\" is already used on line " + first + "; service names must be unique");
            }
            services.add(spec);
        }
        return new Environment(name, Boolean.TRUE.equals(ed.production), ed.description == null ? "" : ed.description,
                services, targets == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : targets,
                ed.extensions);
    }

    /** The line of a top-level key (the tree keeps no positions); 0 when not found. */
    private static int topLevelLine(ObjectMapper mapper, byte[] bytes, String key) throws IOException {
        try (JsonParser p = mapper.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if (key.equals(p.currentName())) {
                    return p.currentTokenLocation().getLineNr();
                }
                p.nextToken();
                p.skipChildren();
            }
        }
        return 0;
    }

    private static Path resolve(Path file, String name) {
        Path p = Path.of(name);
        Path dir = file.toAbsolutePath().getParent();
        return p.isAbsolute() || dir == null ? p : dir.resolve(p);
    }

    private static ObjectMapper mapper(Path file) {
        boolean json = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        ObjectMapper m = json ? JsonMapper.builder().build() : YAMLMapper.builder().build();
        m.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.addHandler(new ExtensionKeys());
        m.registerModule(Values.module());
        return m;
    }
}
