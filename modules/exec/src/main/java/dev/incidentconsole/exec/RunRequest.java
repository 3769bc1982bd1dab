package dev.incidentconsole.exec;

import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Danger;
import dev.incidentconsole.runbook.Placeholder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run and where. Immutable; build with {@link #of(String, Target)} or {@link #of(Command, Target)}
 * and the {@code with...} methods.
 *
 * @param command      command text as written in the runbook, placeholders unfilled
 * @param placeholders its placeholders (offsets into {@code command}); {@code null} to find them in the text
 * @param target       where it runs
 * @param variables    placeholder name to value; values are shell-quoted when substituted
 * @param timeout      how long it may run: {@code null} for the default (none for commands that never end
 *                     by design), {@link Duration#ZERO} for no limit
 * @param confirmation the engineer's confirmation, needed when the command is destructive
 * @param knownDanger  danger already found by the runbook parser, or {@code null}
 * @param secrets      values known to be secret whatever the masker's rules say (typed into a secret placeholder,
 *                     handed from the environment's secrets file): masked wherever the run is shown or stored
 */
public record RunRequest(String command, List<Placeholder> placeholders, Target target,
                         Map<String, String> variables, Duration timeout, Confirmation confirmation,
                         Danger knownDanger, List<String> secrets) {

    public RunRequest {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("a run request needs a command");
        }
        if (target == null) {
            throw new IllegalArgumentException("a run request needs a target");
        }
        placeholders = placeholders == null ? null : List.copyOf(placeholders);
        variables = Map.copyOf(variables);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    public static RunRequest of(String command, Target target) {
        return new RunRequest(command, null, target, Map.of(), null, null, null, List.of());
    }

    /** A runbook command, with the placeholders and danger its parser found. */
    public static RunRequest of(Command command, Target target) {
        return new RunRequest(command.text(), command.placeholders(), target, Map.of(), null, null,
                command.danger(), List.of());
    }

    public RunRequest withVariables(Map<String, String> values) {
        return new RunRequest(command, placeholders, target, values, timeout, confirmation, knownDanger, secrets);
    }

    public RunRequest withVariable(String name, String value) {
        Map<String, String> values = new HashMap<>(variables);
        values.put(name, value);
        return withVariables(values);
    }

    public RunRequest withTimeout(Duration limit) {
        return new RunRequest(command, placeholders, target, variables, limit, confirmation, knownDanger, secrets);
    }

    public RunRequest confirmedBy(Confirmation yes) {
        return new RunRequest(command, placeholders, target, variables, timeout, yes, knownDanger, secrets);
    }

    /** This request with {@code values} added to its {@link #secrets()}. */
    public RunRequest withSecrets(Collection<String> values) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(values);
        return new RunRequest(command, placeholders, target, variables, timeout, confirmation, knownDanger, all);
    }

    public RunRequest on(Target other) {
        return new RunRequest(command, placeholders, other, variables, timeout, confirmation, knownDanger, secrets);
    }
}
