package dev.incidentconsole.exec;

import dev.incidentconsole.exec.kube.KubectlArgs;
import dev.incidentconsole.runbook.Danger;
import dev.incidentconsole.runbook.DangerRules;
import dev.incidentconsole.runbook.Placeholder;
import dev.incidentconsole.runbook.Placeholders;
import dev.incidentconsole.shell.ShellCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Turns a {@link RunRequest} into a {@link PreparedCommand}: substitution, danger check, wrapping. */
final class CommandPreparer {
    private final ExecSettings settings;
    private final Function<String, Danger> dangerCheck;

    /** {@code dangerCheck} is {@link DangerRules#check} in production. */
    CommandPreparer(ExecSettings settings, Function<String, Danger> dangerCheck) {
        this.settings = settings;
        this.dangerCheck = dangerCheck;
    }

    PreparedCommand prepare(RunRequest request) throws ExecException {
        refuseReplacementCharacters(request.command());
        String text = substitute(request);
        Danger danger = dangerCheck.apply(text);
        if (danger == null) {
            danger = request.knownDanger();
        }
        ShellCommand parsed = ShellCommand.parse(text);
        Interactivity interactivity = Interactivity.of(parsed);
        return new PreparedCommand(text, parsed, wrap(text, request.target()), request.target(), danger, interactivity,
                timeout(request.timeout(), interactivity), secrets(request));
    }

    /**
     * The request's secrets as given and, where quoting changed them ({@code it's} stands as {@code 'it'\''s'}), as
     * quoted: a value the quotes only surround is masked inside them, which stay as the masker keeps quotes.
     */
    private static List<String> secrets(RunRequest request) {
        List<String> all = new ArrayList<>(request.secrets());
        request.secrets().stream().map(ShellQuote::quote).filter(q -> all.stream().noneMatch(q::contains))
                .forEach(all::add);
        all.addAll(TargetVariables.secretValues(request.target()));
        return all;
    }

    /**
     * A command holding U+FFFD was not what its author wrote: the runbook's bytes were not UTF-8 and were replaced
     * when read ({@code caf\uFFFD-api} for {@code café-api}), so running it would act on a name that does not exist,
     * or on another one.
     */
    static void refuseReplacementCharacters(String command) throws ExecException {
        int at = command == null ? -1 : command.indexOf('\uFFFD');
        if (at >= 0) {
            throw new ExecException(ExecException.Reason.INVALID_REQUEST, "Refused to run a command holding a"
                    + " replacement character (U+FFFD at offset " + at + "): the runbook file is not valid UTF-8, so"
                    + " this is not the text its author wrote; save the runbook as UTF-8 and reload it.");
        }
    }

    private Duration timeout(Duration requested, Interactivity interactivity) {
        Duration limit = requested != null ? requested : interactivity.endless() ? Duration.ZERO
                : settings.defaultTimeout();
        return limit == null || limit.isZero() || limit.isNegative() ? null : limit;
    }

    /**
     * Fills every placeholder from the request's variables, each value quoted for the place it stands in.
     * A {@code $NAME}, {@code ${NAME}} or {@code CAPS} placeholder without a value is left as written (the
     * shell expands the first two; the last may be a literal word); a {@link Placeholder#required() required} one
     * ({@code <name>}, {@code {name}}, {@code [NAME]}) must have a value, which replaces the whole token.
     */
    static String substitute(RunRequest request) throws ExecException {
        String text = request.command();
        List<Placeholder> found = new ArrayList<>(request.placeholders() != null ? request.placeholders()
                : Placeholders.find(text));
        found.sort(Comparator.comparingInt(Placeholder::start).reversed());
        StringBuilder out = new StringBuilder(text);
        ShellCommand parsed = ShellCommand.parse(text);
        int limit = text.length();
        for (Placeholder p : found) {
            if (p.start() < 0 || p.end() > limit || !text.startsWith(p.token(), p.start())) {
                throw new ExecException(ExecException.Reason.INVALID_REQUEST, "Placeholder " + p.token()
                        + " does not match the command text at offset " + p.start() + "; reload the runbook.");
            }
            String value = request.variables().get(p.name());
            if (value == null) {
                if (!p.required()) {
                    continue;
                }
                throw new ExecException(ExecException.Reason.MISSING_VARIABLE, "No value for " + p.token()
                        + "; fill in '" + p.name() + "' before running the command.");
            }
            try {
                out.replace(p.start(), p.end(), ShellQuote.quoteAt(value, parsed, p.start()));
            } catch (IllegalArgumentException e) {
                throw new ExecException(ExecException.Reason.INVALID_REQUEST, "The value for " + p.token() + " "
                        + e.getMessage() + "; change the value.");
            }
            limit = p.start();
        }
        return out.toString();
    }

    /** What the target runs for {@code text}: the text itself, or wrapped to run inside a pod or container. */
    static String wrap(String text, Target target) {
        if (target instanceof KubeTarget kube && kube.pod() != null) {
            return String.join(" ", KubectlArgs.quoteAll(KubectlArgs.execInPod(kube.namespace(), kube.pod(),
                    kube.container(), text)));
        }
        if (target instanceof DockerTarget docker && docker.container() != null) {
            return "docker exec " + ShellQuote.quote(docker.container()) + " sh -c " + ShellQuote.quote(text);
        }
        return text;
    }
}
