package dev.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a recorded command run ended, apart from its exit code: a run stopped by its user or by its timeout
 * leaves the exit code of the signal that stopped it (143 for SIGTERM), which alone reads as a failure.
 */
public enum RunOutcome {
    /**
     * It exited by itself (with or without an exit code); entries written before outcomes were kept read so, and
     * so does an outcome a later version wrote that this one does not know (one store, consoles of two versions).
     */
    @JsonEnumDefaultValue @JsonProperty("exited") EXITED,
    /** The author of the entry cancelled it. */
    @JsonProperty("cancelled") CANCELLED,
    /** Stopped because it ran longer than its timeout. */
    @JsonProperty("timed_out") TIMED_OUT
}
