package dev.incidentconsole.exec;

/**
 * The engineer's explicit "yes, run it" for one destructive command. It covers exactly the text shown to
 * them ({@link PreparedCommand#text()}); if a variable changes the text afterwards the run is refused
 * again, so a confirmation cannot be reused for a different command.
 *
 * @param command the command text that was confirmed, after substitution
 */
public record Confirmation(String command) {

    /** The engineer confirmed {@code prepared} as shown. */
    public static Confirmation of(PreparedCommand prepared) {
        return new Confirmation(prepared.text());
    }

    public boolean covers(String text) {
        return command.equals(text);
    }
}
