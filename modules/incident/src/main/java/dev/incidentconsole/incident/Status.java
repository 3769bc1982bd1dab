package dev.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an incident stands, in the order it normally moves; moving back (reopening) is allowed. */
public enum Status {
    @JsonProperty("investigating") INVESTIGATING,
    @JsonProperty("identified") IDENTIFIED,
    @JsonProperty("mitigated") MITIGATED,
    @JsonProperty("resolved") RESOLVED;

    /** The lower-case name used in exports and on screen. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean open() {
        return this != RESOLVED;
    }
}
