package dev.incidentconsole.incident;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A follow-up from the postmortem.
 *
 * @param text  what to do
 * @param owner who does it; may be empty
 * @param due   when it is due; may be null
 * @param done  whether it is done
 */
public record ActionItem(String text, String owner, LocalDate due, boolean done) {
    public ActionItem {
        Objects.requireNonNull(text, "text");
        owner = owner == null ? "" : owner;
    }
}
