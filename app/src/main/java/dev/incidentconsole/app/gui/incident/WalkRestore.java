package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.Times;
import dev.incidentconsole.app.cli.IncidentEntryText;
import dev.incidentconsole.exec.ShellQuote;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.RunOutcome;
import dev.incidentconsole.incident.StepRef;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.TimelineOrder;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Placeholder;
import dev.incidentconsole.runbook.SecretMasker;
import dev.incidentconsole.shell.ShellCommand;
import dev.incidentconsole.shell.SimpleCommand;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a walkthrough's state back from its incident's timeline, the one record of it: each entry names the step it
 * came from ({@link TimelineEntry#source()}), so a walkthrough opened again (after a restart, or joined from another
 * console) finds its steps' runs (with their recorded output excerpts), Done and Skip notes and captured values
 * there, and the values a step ran with as its start recorded them (read back from the command it recorded for
 * entries written before the values were kept). UI thread only.
 */
final class WalkRestore {

    private WalkRestore() {
    }

    /** What the targets, named as runs recorded them, give placeholders. */
    interface TargetValues {
        /**
         * @return whether the target named {@code target} gives {@code value} for {@code placeholder}; also true when
         *         no target of that name is known any more, as the value may have come from it
         */
        boolean gave(String target, String placeholder, String value);
    }

    /**
     * Applies {@code entries} (in any order; applied in recording order, {@link TimelineOrder#RECORDING}) to the steps they came from. Values are filed as a live run files
     * them: what the engineer typed or captured into {@code values}; what a run's target gave (or may have given, its
     * target being gone) into {@code fromTargets}, which never outranks a later step's own target.
     *
     * @param values      receives the values typed or captured, by normalised placeholder name
     * @param fromTargets receives the values runs took from their target, by normalised placeholder name
     */
    static void restore(List<WalkStep> steps, List<TimelineEntry> entries, Map<String, String> values,
                        Map<String, String> fromTargets, TargetValues targets) {
        Map<StepRef, WalkStep> byRef = new HashMap<>();
        steps.forEach(s -> byRef.putIfAbsent(s.ref(), s));
        // Recording order: entries saved on this machine while the team store is unreachable (seq 0) came last.
        List<TimelineEntry> ordered = TimelineOrder.byRecording(entries);
        for (TimelineEntry e : ordered) {
            WalkStep step = e.source() == null ? null : byRef.get(e.source());
            if (step != null) {
                apply(step, e, values, fromTargets, targets);
            }
        }
    }

    private static void apply(WalkStep step, TimelineEntry e, Map<String, String> values,
                              Map<String, String> fromTargets, TargetValues targets) {
        if (e.body() instanceof EntryBody.StepStarted s) {
            step.ran(s.command());
            step.stateProperty().set(WalkStep.State.TODO);
            step.run().showRecordedOutput("", e.occurredAt()); // an earlier run's output is not this run's
            step.statusProperty().set("Started at " + Times.clock(e.occurredAt())
                    + (s.target().isEmpty() ? "" : " on " + s.target()) + "; no result was recorded");
            ranWith(step.command(), s).forEach((name, v) ->
                    (targets.gave(s.target(), name, v) ? fromTargets : values).put(ServiceLink.key(name), v));
        } else if (e.body() instanceof EntryBody.StepFinished f && f.notRun() != null) {
            step.statusProperty().set("Not run: " + f.notRun() + " (recorded)");
        } else if (e.body() instanceof EntryBody.StepFinished f) {
            step.ran(f.command());
            step.stateProperty().set(f.outcome() == RunOutcome.CANCELLED ? WalkStep.State.CANCELLED
                    : f.exitCode() != null && f.exitCode() == 0 && f.outcome() == RunOutcome.EXITED
                    ? WalkStep.State.SUCCEEDED : WalkStep.State.FAILED);
            step.statusProperty().set(IncidentEntryText.ending(f, e.author()));
            step.run().showRecordedOutput(f.output(), e.occurredAt());
        } else if (e.body() instanceof EntryBody.Note n && StepNotes.isUpAgain(n.text())) {
            // the stored note as read back, perhaps stored in clear by an older version: shown masked
            WalkthroughViewModel.upAgain(step, Redactor.standard().redact(n.text()));
        } else if (e.body() instanceof EntryBody.Note n) {
            StepNotes.readClosing(n.text(), step.commandText()).ifPresentOrElse(c -> WalkthroughViewModel.closed(step,
                            c.verb().equals(StepNotes.DONE) ? WalkStep.State.DONE : WalkStep.State.SKIPPED, c.verb(), c.note()),
                    () -> StepNotes.readCapture(n.text()).filter(c -> !c.value().contains(SecretMasker.MASK))
                            .ifPresent(c -> values.put(ServiceLink.key(c.name()), c.value())));
        }
    }

    /**
     * The values a step's run started with: those the entry recorded (all but the ones the store masked as secrets and
     * those the console now refuses at one of the step's placeholders of that name, as {@link #valuesIn} leaves them
     * out), else, for an entry written before they were kept, those read back from the command as it ran
     * ({@link #valuesIn}).
     */
    static Map<String, String> ranWith(Command command, EntryBody.StepStarted started) {
        if (started.values() == null) {
            return valuesIn(command, started.command());
        }
        ShellCommand parsed = ShellCommand.parse(command.text());
        List<Placeholder> filled = filled(command);
        Map<String, String> out = new LinkedHashMap<>(started.values());
        out.entrySet().removeIf(e -> e.getValue() == null || e.getValue().isBlank()
                || e.getValue().contains(SecretMasker.MASK) || filled.stream().filter(p -> p.name().equals(e.getKey()))
                .anyMatch(p -> quotedAt(e.getValue(), parsed, p.start()) == null));
        return out;
    }

    /** {@code command}'s required placeholders ({@code <name>}, {@code {name}}, {@code [NAME]}): a value fills each. */
    private static List<Placeholder> filled(Command command) {
        return command.placeholders().stream()
                .filter(Placeholder::required)
                .filter(p -> p.end() <= command.text().length())
                .sorted(Comparator.comparingInt(Placeholder::start)).toList();
    }

    /**
     * The values of {@code command}'s {@code <name>} and {@code {name}} placeholders in {@code ran}, the command as it
     * ran (values filled in and quoted by {@link ShellQuote}): each segment between placeholders is matched, and a
     * value is read back through the shell model and kept only when quoting it again gives what ran. Values the
     * store masked as secrets, that a second shell reads, or that the command splits more than one way (a
     * {@code <service>-<env>} run as {@code api-gateway-prod}) are left out.
     */
    static Map<String, String> valuesIn(Command command, String ran) {
        String template = command.text();
        List<Placeholder> filled = filled(command);
        Map<String, String> out = new LinkedHashMap<>();
        if (filled.isEmpty()) {
            return out;
        }
        int at = 0;
        for (Placeholder p : filled) {
            if (p.start() < at) {
                return out;
            }
            at = p.end();
        }
        Matcher m = splitting(template, filled, "(.*?)").matcher(ran);
        Matcher greedy = splitting(template, filled, "(.*)").matcher(ran);
        if (!m.matches() || !greedy.matches()) {
            return out;
        }
        ShellCommand parsed = ShellCommand.parse(template);
        for (int i = 0; i < filled.size(); i++) {
            Placeholder p = filled.get(i);
            String written = m.group(i + 1);
            if (!written.equals(greedy.group(i + 1))) {
                continue; // '<service>-<env>' run as 'api-gateway-prod' splits more than one way
            }
            String value = unquoted(written, parsed, p.start());
            if (value != null && !value.contains(SecretMasker.MASK) && quotedAsWritten(value, written, parsed, p.start())) {
                out.putIfAbsent(p.name(), value);
            }
        }
        return out;
    }

    /** Whether quoting {@code value} there today gives what was recorded ({@link #quotedAt}). */
    private static boolean quotedAsWritten(String value, String written, ShellCommand parsed, int offset) {
        return written.equals(quotedAt(value, parsed, offset));
    }

    /**
     * {@code value} quoted for the placeholder at {@code offset} as the console would run it today; null when it now
     * refuses it there (an older version ran it, e.g. not bare inside backticks): such a value is not read back, as it
     * could not run again as it is.
     */
    private static String quotedAt(String value, ShellCommand parsed, int offset) {
        try {
            return ShellQuote.quoteAt(value, parsed, offset);
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }

    /** {@code template} with each of {@code filled} replaced by {@code group}, the rest matched as written. */
    private static Pattern splitting(String template, List<Placeholder> filled, String group) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        for (Placeholder p : filled) {
            regex.append(Pattern.quote(template.substring(at, p.start()))).append(group);
            at = p.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(template.substring(at))).toString(), Pattern.DOTALL);
    }

    /** What the shell reads {@code written} as where the placeholder at {@code offset} stood; null when unsure. */
    private static String unquoted(String written, ShellCommand template, int offset) {
        if (template.reparsedAt(offset)) {
            return null;
        }
        String word = switch (template.quotingAt(offset)) {
            case UNQUOTED -> written;
            case DOUBLE -> "\"" + written + "\"";
            case SINGLE -> "'" + written + "'";
            case ANSI_C -> "$'" + written + "'";
            default -> null;
        };
        if (word == null) {
            return null;
        }
        List<SimpleCommand> commands = ShellCommand.parse(word).commands();
        return commands.size() == 1 && commands.get(0).words().size() == 1 && commands.get(0).assignments().isEmpty()
                ? commands.get(0).words().get(0).value() : null;
    }
}
