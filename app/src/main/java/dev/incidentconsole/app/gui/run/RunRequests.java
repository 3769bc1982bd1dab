package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.RunRequest;
import dev.incidentconsole.exec.Target;
import dev.incidentconsole.exec.TargetVariables;
import dev.incidentconsole.health.env.EnvironmentSecrets;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Placeholder;
import dev.incidentconsole.runbook.SecretMasker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a command's run asks the runner for: its placeholder fields' values, the environment's secrets it reads, and
 * the values that are secret whatever the masker's rules say (those typed into secret fields, every value handed
 * from the secrets file), so that everything showing or storing the run masks them. UI thread only.
 */
final class RunRequests {
    private final Command command;
    private final List<PlaceholderField> placeholders;
    private EnvironmentSecrets secrets = EnvironmentSecrets.NONE;

    RunRequests(Command command) {
        this.command = command;
        List<SecretMasker.Span> spans = SecretMasker.standard().findInRunCommand(command.text());
        this.placeholders = command.placeholders().stream()
                .collect(Collectors.toMap(Placeholder::name, p -> new PlaceholderField(p, secret(p, spans)),
                        (a, b) -> a, LinkedHashMap::new))
                .values().stream().toList();
    }

    /**
     * A value is a secret where the masker masks what stands there once substituted ({@code -a '<pw>'}, any
     * occurrence of the name), or where the placeholder's own name names one ({@code <redis-password>}).
     */
    private boolean secret(Placeholder p, List<SecretMasker.Span> spans) {
        return SecretMasker.namesSecret(p.name(), "x") || command.placeholders().stream()
                .filter(q -> q.name().equals(p.name()))
                .anyMatch(q -> spans.stream().anyMatch(s -> s.start() <= q.start() && q.end() <= s.end()));
    }

    List<PlaceholderField> placeholders() {
        return placeholders;
    }

    void setSecrets(EnvironmentSecrets value) {
        secrets = value;
    }

    /**
     * The run: the command as written (its {@code $NAME}s stay names, so what is shown, stored and exported holds no
     * secret value), on {@code where} with the environment's secrets it reads added to the target's environment.
     */
    RunRequest forRun(Target where) {
        Map<String, String> read = TargetVariables.reach(where) ? secrets.readBy(command.text()) : Map.of();
        return RunRequest.of(command, TargetVariables.add(where, read)).withVariables(values())
                .withSecrets(typedSecrets()).withSecrets(read.values());
    }

    /** The run without the environment's secrets, for a terminal: its script is a terminal program's argument. */
    RunRequest forTerminal(Target where) {
        return RunRequest.of(command, where).withVariables(values()).withSecrets(typedSecrets());
    }

    Map<String, String> values() {
        return placeholders.stream().filter(PlaceholderField::filled)
                .collect(Collectors.toMap(PlaceholderField::name, PlaceholderField::value));
    }

    /** The names of the secret fields. */
    Set<String> secretNames() {
        return placeholders.stream().filter(PlaceholderField::secret).map(PlaceholderField::name)
                .collect(Collectors.toSet());
    }

    private List<String> typedSecrets() {
        List<String> typed = new ArrayList<>();
        placeholders.stream().filter(f -> f.secret() && f.filled()).forEach(f -> typed.add(f.value()));
        return typed;
    }

    /** Which variables the command reads from the environment's secrets file, and whether they reach it. */
    String fromSecretsNote(TargetInfo target) {
        Map<String, String> read = secrets.readBy(command.text());
        if (read.isEmpty() || target == null) {
            return "";
        }
        String names = read.keySet().stream().map(n -> "$" + n).collect(Collectors.joining(", "));
        return TargetVariables.reach(target.target())
                ? names + " from the environment's secrets file (not passed to a terminal)"
                : names + " is in the environment's secrets file but cannot reach a command in a pod or container";
    }
}
