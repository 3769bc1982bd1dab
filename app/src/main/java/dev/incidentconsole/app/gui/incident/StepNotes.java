package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.Times;
import dev.incidentconsole.runbook.SecretMasker;
import java.time.Instant;
import java.util.Optional;

/**
 * The notes a walkthrough writes on the timeline about its steps ("Done `cmd`: what I saw", "Captured pod = web-1
 * from the output of `cmd`"), written and read back here only: a walkthrough reopened after a restart reads them
 * to put its steps back where they were ({@link WalkRestore}).
 */
final class StepNotes {
    static final String DONE = "Done";
    static final String SKIPPED = "Skipped";
    private static final String CAPTURED = "Captured ";
    private static final String FROM = " from the output of `";
    private static final String UP_AGAIN = " is UP again at ";

    /** A step closed ({@code verb} {@link #DONE} or {@link #SKIPPED}), with the engineer's note, or none. */
    record Closing(String verb, String note) {
    }

    /** A value taken from a step's output for a placeholder. */
    record Capture(String name, String value) {
    }

    private StepNotes() {
    }

    /**
     * The command goes in masked as it ran ({@link SecretMasker#maskRunCommand}): the store masks a note as free
     * text, where a quoted {@code '<x>'} reads as a placeholder, though here it is the value the engineer typed.
     */
    static String closing(String verb, String command, String note) {
        return closing(verb, command, true, note);
    }

    /**
     * As {@link #closing(String, String, String)}, for a command whose placeholders may still be the runbook's:
     * {@code filled} false (a step skipped or done before every value was typed) masks it as the runbook writes it
     * ({@link SecretMasker#maskCommand}), where a quoted {@code '<password>'} names the value to type and stays.
     */
    static String closing(String verb, String command, boolean filled, String note) {
        String shown = filled ? SecretMasker.standard().maskRunCommand(command) : SecretMasker.standard().maskCommand(command);
        return verb + " `" + shown + "`" + (note == null || note.isBlank() ? "" : ": " + note.strip());
    }

    /**
     * The closing {@code text} says: written for {@code command} (the step's command as it reads now, as
     * {@link #closing} wrote it masked, as it ran or as the runbook writes it, or as older notes held it unmasked), else for the command as it read then
     * (other values), whose end is the first "`: " or the text's last backtick.
     */
    static Optional<Closing> readClosing(String text, String command) {
        String[] forms = java.util.stream.Stream.of(SecretMasker.standard().maskRunCommand(command),
                SecretMasker.standard().maskCommand(command), command).distinct().toArray(String[]::new);
        for (String verb : new String[] {DONE, SKIPPED}) {
            for (String ran : forms) {
                String head = verb + " `" + ran + "`";
                if (text.equals(head)) {
                    return Optional.of(new Closing(verb, ""));
                }
                if (text.startsWith(head + ": ")) {
                    return Optional.of(new Closing(verb, text.substring(head.length() + 2)));
                }
            }
        }
        for (String verb : new String[] {DONE, SKIPPED}) {
            String start = verb + " `";
            if (text.startsWith(start)) {
                int end = text.indexOf("`: ", start.length());
                if (end >= 0) {
                    return Optional.of(new Closing(verb, text.substring(end + 3)));
                }
                return text.endsWith("`") ? Optional.of(new Closing(verb, "")) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * "checkout is UP again at 14:02:07 UTC": a verification step's wait saw the service answer. UTC like every time
     * on the timeline: a stored note is read by consoles in other time zones.
     */
    static String upAgain(String service, Instant at) {
        return service + UP_AGAIN + Times.clock(at);
    }

    /** Whether {@code text} is an {@link #upAgain} note. */
    static boolean isUpAgain(String text) {
        int at = text.lastIndexOf(UP_AGAIN);
        // Notes stored before times were UTC lack the " UTC".
        return at > 0 && text.substring(at + UP_AGAIN.length()).matches("\\d\\d:\\d\\d:\\d\\d( UTC)?");
    }

    /**
     * "Opened `cmd` in a terminal on prod": the command masked as it ran, for the reason {@link #closing} gives.
     */
    static String openedInTerminal(String command, String target) {
        return "Opened `" + SecretMasker.standard().maskRunCommand(command) + "` in a terminal on " + target
                + " (its output is not captured here)";
    }

    static String capture(String name, String value, String command) {
        return CAPTURED + name + " = " + value + FROM + SecretMasker.standard().maskRunCommand(command) + "`";
    }

    /** The capture {@code text} says; empty for any other note. */
    static Optional<Capture> readCapture(String text) {
        int eq = text.indexOf(" = ");
        int from = text.lastIndexOf(FROM);
        if (!text.startsWith(CAPTURED) || eq < 0 || from < eq || !text.endsWith("`")) {
            return Optional.empty();
        }
        return Optional.of(new Capture(text.substring(CAPTURED.length(), eq), text.substring(eq + 3, from)));
    }
}
