package dev.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a timeline entry says. The JSON form carries a {@code kind} naming the record (see
 * {@code docs/incident-json-schema.md}); fields that are null are written as null.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = EntryBody.Created.class, name = "created"),
        @JsonSubTypes.Type(value = EntryBody.Note.class, name = "note"),
        @JsonSubTypes.Type(value = EntryBody.Pin.class, name = "pin"),
        @JsonSubTypes.Type(value = EntryBody.Acknowledged.class, name = "acknowledged"),
        @JsonSubTypes.Type(value = EntryBody.StatusChanged.class, name = "status_changed"),
        @JsonSubTypes.Type(value = EntryBody.SeverityChanged.class, name = "severity_changed"),
        @JsonSubTypes.Type(value = EntryBody.DetailsChanged.class, name = "details_changed"),
        @JsonSubTypes.Type(value = EntryBody.StepStarted.class, name = "step_started"),
        @JsonSubTypes.Type(value = EntryBody.StepFinished.class, name = "step_finished"),
        @JsonSubTypes.Type(value = EntryBody.HealthChanged.class, name = "health_changed"),
        @JsonSubTypes.Type(value = EntryBody.AlertChanged.class, name = "alert"),
        @JsonSubTypes.Type(value = EntryBody.ResponderJoined.class, name = "responder_joined"),
        @JsonSubTypes.Type(value = EntryBody.RunbookLinked.class, name = "runbook_linked"),
        @JsonSubTypes.Type(value = EntryBody.ServiceLinked.class, name = "service_linked"),
        @JsonSubTypes.Type(value = EntryBody.PostmortemEdited.class, name = "postmortem_edited"),
})
public sealed interface EntryBody {

    /** The first entry of every incident; its id and time fix the incident's id. */
    record Created(String title, Severity severity, String environment, List<String> services,
                   List<RunbookLink> runbooks, Instant startedAt) implements EntryBody {
        public Created {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(severity, "severity");
            environment = environment == null ? "" : environment;
            services = services == null ? List.of() : List.copyOf(services);
            runbooks = runbooks == null ? List.of() : List.copyOf(runbooks);
        }
    }

    /** A free-text note; {@code corrects} names an earlier note this one replaces (never edited in place). */
    record Note(String text, UUID corrects) implements EntryBody {
        public Note {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Pins (or, with {@code pinned=false}, unpins) the entry {@code target}. */
    record Pin(UUID target, boolean pinned) implements EntryBody {
        public Pin {
            Objects.requireNonNull(target, "target");
        }
    }

    /** The author acknowledged the page. */
    record Acknowledged() implements EntryBody {
    }

    /** @param from the status the author saw; @param to the new status; @param reason optional words */
    record StatusChanged(Status from, Status to, String reason) implements EntryBody {
        public StatusChanged {
            Objects.requireNonNull(to, "to");
        }
    }

    record SeverityChanged(Severity from, Severity to, String reason) implements EntryBody {
        public SeverityChanged {
            Objects.requireNonNull(to, "to");
        }
    }

    /** A new title and/or environment; null leaves a field as it was. */
    record DetailsChanged(String title, String environment) implements EntryBody {
    }

    /**
     * A runbook command started.
     *
     * @param target      where it runs ("local", "ssh:db1", "kubectl:prod/api")
     * @param danger      why the command is destructive ("FLUSHALL deletes every key"), or null when it is not
     * @param confirmedBy who confirmed it (a destructive command, or any command on a production target), or null
     *                    when no confirmation was asked
     * @param values      the runbook step's placeholder values it ran with, by placeholder name ({@code pod} for
     *                    {@code <pod>}), in the step's order, masked as the {@link Redactor} masks them once stored;
     *                    null when not recorded (entries written before they were kept): read them from
     *                    {@code command} then
     */
    record StepStarted(String command, String target, String danger, String confirmedBy, Map<String, String> values)
            implements EntryBody {
        public StepStarted {
            Objects.requireNonNull(command, "command");
            target = target == null ? "" : target;
            values = values == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }

        /** A command whose placeholder values were not recorded. */
        public StepStarted(String command, String target, String danger, String confirmedBy) {
            this(command, target, danger, confirmedBy, null);
        }

        /** A command that needed no confirmation, its placeholder values not recorded. */
        public StepStarted(String command, String target) {
            this(command, target, null, null, null);
        }
    }

    /**
     * A command finished, or was not run.
     *
     * @param exitCode null when it never started or was killed without one
     * @param output   captured stdout and stderr (an excerpt: error lines and the tail)
     * @param started  the matching {@link StepStarted} entry, if any
     * @param notRun   why it was not run at all (a confirmation declined or cancelled), or null when it ran
     * @param outcome  how it ended: by itself, cancelled by the entry's author, or stopped by its timeout; null
     *                 (an entry or export written before outcomes were kept) reads as {@link RunOutcome#EXITED}
     */
    record StepFinished(String command, String target, Integer exitCode, long durationMillis, String output,
                        UUID started, String notRun, RunOutcome outcome) implements EntryBody {
        public StepFinished {
            Objects.requireNonNull(command, "command");
            target = target == null ? "" : target;
            output = output == null ? "" : output;
            outcome = outcome == null ? RunOutcome.EXITED : outcome;
        }

        /** A command that ran and exited by itself, or was not run ({@code notRun} non-null). */
        public StepFinished(String command, String target, Integer exitCode, long durationMillis, String output,
                            UUID started, String notRun) {
            this(command, target, exitCode, durationMillis, output, started, notRun, RunOutcome.EXITED);
        }

        /** A command that ran and exited by itself. */
        public StepFinished(String command, String target, Integer exitCode, long durationMillis, String output,
                            UUID started) {
            this(command, target, exitCode, durationMillis, output, started, null, RunOutcome.EXITED);
        }

        /** A command that ran and ended as {@code outcome} says. */
        public static StepFinished ran(String command, String target, Integer exitCode, long durationMillis,
                                       String output, UUID started, RunOutcome outcome) {
            return new StepFinished(command, target, exitCode, durationMillis, output, started, null, outcome);
        }

        /** Why a run that Stop ended before it started, while it waited for a worker or a connection, did not run. */
        public static final String STOPPED_BEFORE_START = "stopped before it started";

        /** A run that Stop ended before it started: not run (nothing reached the host), cancelled by the author. */
        public static StepFinished stoppedBeforeStart(String command, String target, UUID started) {
            return new StepFinished(command, target, null, 0, "", started, STOPPED_BEFORE_START, RunOutcome.CANCELLED);
        }

        /** A command that was not run, and why. */
        public static StepFinished notRun(String command, String target, String why) {
            return new StepFinished(command, target, null, 0, "", null, why);
        }

        /**
         * How the run ended, in words that read before "after 4.9 s": "exit 1", "no exit code", "cancelled by
         * alice", "timed out". A cancelled or timed-out run's exit code (the signal's) is left out: it is not
         * the command's verdict.
         *
         * @param author the entry's author, who cancelled it
         */
        public String ending(String author) {
            return switch (outcome) {
                case CANCELLED -> "cancelled by " + author;
                case TIMED_OUT -> "timed out";
                case EXITED -> exitCode == null ? "no exit code" : "exit " + exitCode;
            };
        }
    }

    /** A dashboard check changed state, e.g. from "healthy" to "down". */
    /**
     * A watched service changed status.
     *
     * @param elsewhere the service is none of the incident's own (linked, in its runbook sections, or a dependency of
     *                  one): recorded so an outage elsewhere during the incident is not lost, shown apart from the
     *                  incident's own story (decision 0027); false in entries written before it was kept
     */
    record HealthChanged(String service, String check, String from, String to, String detail, boolean elsewhere)
            implements EntryBody {
        public HealthChanged {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(to, "to");
        }

        /** A change of one of the incident's own services. */
        public HealthChanged(String service, String check, String from, String to, String detail) {
            this(service, check, from, to, detail, false);
        }

        /** This change, about a service that is none of the incident's own. */
        public HealthChanged asElsewhere() {
            return new HealthChanged(service, check, from, to, detail, true);
        }
    }

    /**
     * An alert started firing ({@code state="firing"}) or resolved.
     *
     * @param sources the alert sources that reported it (an Alertmanager and a Prometheus report one alert once);
     *                empty when not known
     * @param timing  how the entry's time was found when the source did not give it, e.g. "last seen firing; no
     *                end time from the source", or null when it is the source's own {@code startsAt}/{@code endsAt}
     * @param startsAt the source's exact {@code startsAt} (Prometheus gives nanoseconds, the entry's time keeps
     *                microseconds): what the alert's entry id is derived from; null in entries written before it was
     *                kept and when the source gave none
     */
    record AlertChanged(String alert, String state, Map<String, String> labels, String summary, List<String> sources,
                        String timing, java.time.Instant startsAt) implements EntryBody {
        public AlertChanged {
            Objects.requireNonNull(alert, "alert");
            state = state == null ? "firing" : state;
            labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels == null ? Map.of() : labels));
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        /** An alert change whose exact start is not known (entries written before it was kept). */
        public AlertChanged(String alert, String state, Map<String, String> labels, String summary, List<String> sources,
                            String timing) {
            this(alert, state, labels, summary, sources, timing, null);
        }

        /** An alert change whose sources and timing are not known (entries written before they were kept). */
        public AlertChanged(String alert, String state, Map<String, String> labels, String summary) {
            this(alert, state, labels, summary, List.of(), null, null);
        }
    }

    record ResponderJoined(String name, String role) implements EntryBody {
        public ResponderJoined {
            Objects.requireNonNull(name, "name");
        }
    }

    record RunbookLinked(RunbookLink link) implements EntryBody {
        public RunbookLinked {
            Objects.requireNonNull(link, "link");
        }
    }

    record ServiceLinked(String service) implements EntryBody {
        public ServiceLinked {
            Objects.requireNonNull(service, "service");
        }
    }

    /** New postmortem text; a null field leaves that part as it was. */
    record PostmortemEdited(String summary, String impact, String rootCause, List<ActionItem> actionItems)
            implements EntryBody {
        public PostmortemEdited {
            actionItems = actionItems == null ? null : List.copyOf(actionItems);
        }
    }
}
