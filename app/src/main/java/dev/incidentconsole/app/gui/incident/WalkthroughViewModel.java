package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.run.CommandRunViewModel;
import dev.incidentconsole.app.gui.run.KnownValues;
import dev.incidentconsole.app.gui.run.PlaceholderField;
import dev.incidentconsole.app.gui.run.RunServices;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.StepRef;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.SecretMasker;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.SectionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A runbook procedure as a guided walkthrough: its commands in order (diagnosis, then resolution, then
 * verification), each with its own target (the runner hint suggests one; production asks), placeholder
 * fields, a Run button with live output, then Done or Skip with a note. Every start, finish and note is
 * recorded on the incident's timeline as it happens. Placeholders are pre-filled from values captured
 * earlier in this walkthrough, then from the dashboard service it was started from, then from the target.
 * While the incident is resolved no step runs ({@link #runBlockedProperty()} says why): commands run after the
 * fact would land on a closed timeline; the engineer reopens it (its status) or starts a new incident.
 * UI thread only.
 */
public final class WalkthroughViewModel {
    /** Why Run is off on a resolved incident's walkthrough. */
    static final String RESOLVED = "This incident is resolved: set its status back to investigating to run steps,"
            + " or start a new incident.";
    /** How long "Wait until UP" waits unless told otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(10);
    static final List<SectionKind> ORDER = List.of(SectionKind.DIAGNOSIS, SectionKind.RESOLUTION,
            SectionKind.VERIFICATION);
    /** Knows no typed values: what a target alone gives a placeholder. */
    private static final KnownValues TARGET_ONLY = new KnownValues();

    private final String incidentId;
    private final Runbook runbook;
    private final Section procedure;
    private final TimelineViewModel timeline;
    private final WalkServices services;
    private final RunServices run;
    private final ServiceLink service;
    private final ObservableList<WalkStep> steps = FXCollections.observableArrayList();
    /** Values the engineer typed or captured in this walkthrough, by normalised placeholder name. */
    private final Map<String, String> captured = new LinkedHashMap<>();
    /** Values steps ran with that their target gave (a namespace...): they fill only empty fields of later steps. */
    private final Map<String, String> seen = new LinkedHashMap<>();
    /** Placeholder names some step holds as secret, normalised: secret in every step, as values move between them. */
    private final Set<String> secretNames;
    private final InvalidationListener catalogChanged;
    private final ServiceWait finalWait;
    private final ReadOnlyStringWrapper runBlocked = new ReadOnlyStringWrapper("");
    private final ChangeListener<dev.incidentconsole.incident.Incident> statusFollower = (obs, old, now) -> follow(now);

    /** @param service the dashboard service the incident was started from, or {@code null} */
    public WalkthroughViewModel(String incidentId, Runbook runbook, Section procedure, TimelineViewModel timeline,
                                WalkServices services, ServiceLink service) {
        this.incidentId = incidentId;
        this.runbook = runbook;
        this.procedure = procedure;
        this.timeline = timeline;
        this.services = services;
        this.run = services.forWalkthrough();
        this.service = service;
        String file = runbook.file().getFileName().toString();
        for (Part part : partsOf(runbook, procedure)) {
            Section s = part.section();
            for (Command c : s.commands()) {
                steps.add(step(s, part.kind(), c, new StepRef(file, s.path(), c.line())));
            }
        }
        secretNames = secretNames(steps);
        catalogChanged = o -> steps.forEach(s -> s.run().setCatalog(services.catalog().getValue()));
        services.catalog().addListener(new WeakInvalidationListener(catalogChanged));
        boolean verifies = steps.stream().anyMatch(s -> s.serviceWait() != null);
        finalWait = service == null || verifies ? null : waitFor(null);
        offerValues();
        timeline.incidentProperty().addListener(new WeakChangeListener<>(statusFollower));
        follow(timeline.incidentProperty().get());
    }

    /**
     * The names any step holds as secret ({@code redis-cli -a '<auth>'}), each field of that name then made secret
     * too, so a value typed or captured there and offered to {@code redis-cli AUTH '<auth>'} stays hidden.
     */
    private static Set<String> secretNames(List<WalkStep> steps) {
        Set<String> names = steps.stream().flatMap(s -> s.placeholders().stream()).filter(PlaceholderField::secret)
                .map(f -> ServiceLink.key(f.name())).collect(Collectors.toSet());
        steps.forEach(s -> s.run().markSecret(f -> names.contains(ServiceLink.key(f.name()))));
        return Set.copyOf(names);
    }

    /** The timeline shows this incident (a status change included): Run follows whether it is still open. */
    private void follow(dev.incidentconsole.incident.Incident shown) {
        if (shown != null && shown.id().equals(incidentId)) {
            runBlocked.set(shown.open() ? "" : RESOLVED);
            if (!shown.open()) {
                waits().forEach(ServiceWait::cancel); // a wait would note "UP again" on the closed timeline
            }
        }
    }

    /** Why steps cannot run now (the incident is resolved); empty when they can. */
    public ReadOnlyStringProperty runBlockedProperty() {
        return runBlocked.getReadOnlyProperty();
    }

    private WalkStep step(Section section, SectionKind kind, Command command, StepRef ref) {
        CommandRunViewModel model = new CommandRunViewModel(command, services.catalog().getValue(), run);
        WalkStep step = new WalkStep(kind, section, ref, model);
        model.setRunListener(new StepRecorder(step, incidentId, timeline, () -> remember(step)));
        model.setOrigin("Walkthrough " + incidentId + " \u00b7 " + procedure().title()
                + (section.title().equals(procedure().title()) ? "" : " \u203a " + section.title()));
        model.targetProperty().addListener((obs, old, now) -> offer(step));
        if (service != null && kind == SectionKind.VERIFICATION) {
            step.serviceWait(waitFor(step));
        }
        return step;
    }

    /** A section to walk and the part of the procedure it belongs to. */
    record Part(Section section, SectionKind kind) {
    }

    /**
     * The sections under {@code root} to walk: diagnosis, resolution and verification parts in that order, else
     * all. A section the parser could not classify belongs to the part it sits in ("Step 1: Look at the pools"
     * under "Diagnosis" is diagnosis), so numbered steps and lettered options are not left out.
     */
    static List<Part> partsOf(Runbook runbook, Section root) {
        List<Section> tree = runbook.subtree(root);
        List<Part> all = new ArrayList<>(tree.size());
        Deque<Part> open = new ArrayDeque<>(); // the enclosing sections of the current one, innermost first
        for (Section s : tree) {
            while (!open.isEmpty() && open.peek().section().level() >= s.level()) {
                open.pop();
            }
            SectionKind kind = s.kind() == SectionKind.OTHER && !open.isEmpty() ? open.peek().kind() : s.kind();
            Part part = new Part(s, kind);
            open.push(part);
            all.add(part);
        }
        List<Part> parts = all.stream().filter(p -> ORDER.contains(p.kind())).collect(Collectors.toCollection(ArrayList::new));
        if (parts.isEmpty()) {
            return all;
        }
        parts.sort(Comparator.comparingInt((Part p) -> ORDER.indexOf(p.kind())).thenComparingInt(p -> p.section().index()));
        return parts;
    }

    /**
     * Runs the step's command on its target (values filled, confirmations asked); recorded as it starts and ends.
     * On a resolved incident nothing runs and the step's status says why.
     */
    public void run(WalkStep step) {
        if (!blocked(step)) {
            step.run().run();
        }
    }

    /**
     * The one rule for a resolved incident: nothing is run or written to its timeline (Run, Done, Skip, captured
     * values, a wait's "UP again"); {@code step}'s status says why. True when blocked.
     */
    private boolean blocked(WalkStep step) {
        if (runBlocked.get().isEmpty()) {
            return false;
        }
        if (step != null) {
            step.statusProperty().set(runBlocked.get());
        }
        return true;
    }

    /**
     * Marks the step done; a non-blank note is recorded with it.
     *
     * @return false when nothing was recorded (the incident is resolved): the caller keeps the typed note
     */
    public boolean done(WalkStep step, String note) {
        return close(step, WalkStep.State.DONE, StepNotes.DONE, note);
    }

    /** Marks the step skipped; the note says why. Returns as {@link #done}. */
    public boolean skip(WalkStep step, String note) {
        return close(step, WalkStep.State.SKIPPED, StepNotes.SKIPPED, note);
    }

    private boolean close(WalkStep step, WalkStep.State state, String verb, String note) {
        if (blocked(step)) {
            return false;
        }
        String text = StepNotes.closing(verb, step.commandText(), step.commandFilled(), note);
        timeline.record(incidentId, new EntryBody.Note(text, null), step.ref(), receipt -> closed(step, state, verb,
                note == null ? "" : note.strip()));
        return true;
    }

    /**
     * The step's card after Done or Skip was recorded: "Done (recorded): what the engineer saw", secrets masked as the
     * timeline stores it (a password typed into the note must not stay on screen for whoever looks over a shoulder).
     */
    static void closed(WalkStep step, WalkStep.State state, String verb, String note) {
        step.stateProperty().set(state);
        step.statusProperty().set(verb + " (recorded)" + (note.isEmpty() ? "" : ": " + SecretMasker.standard().mask(note)));
    }

    /**
     * Puts the walkthrough back where the incident's timeline says it was (reopened after a restart, or joined again):
     * each step's last run, Done or Skip with its note, and the values typed or captured, which fill the fields of
     * the steps still to run. Entries of other runbooks' steps are ignored.
     *
     * @param entries the incident's stored entries, in any order
     */
    public void restore(List<TimelineEntry> entries) {
        WalkRestore.restore(steps, entries, captured, seen, (target, name, value) -> services.catalog().getValue()
                .find(target).map(t -> TARGET_ONLY.lookup(name, t).map(value::equals).orElse(false)).orElse(true));
        offerValues();
    }

    /**
     * Binds {@code value} (e.g. a pod name picked from a step's output) to every placeholder named {@code name}
     * in the steps still to run, and notes on the timeline where it came from.
     */
    public void capture(WalkStep from, String name, String value) {
        if (value == null || value.isBlank() || blocked(from)) {
            return;
        }
        String v = value.strip();
        captured.put(ServiceLink.key(name), v);
        String shown = secretNames.contains(ServiceLink.key(name)) ? SecretMasker.MASK : v;
        timeline.record(incidentId, new EntryBody.Note(StepNotes.capture(name, shown, from.commandText()), null),
                from.ref(), null);
        offerValues();
    }

    /** Placeholder names of the walkthrough's steps, in order, for "use as". */
    public List<String> placeholderNames() {
        Set<String> names = new LinkedHashSet<>();
        steps.forEach(s -> s.placeholders().forEach(f -> names.add(f.name())));
        return List.copyOf(names);
    }

    /** The value this walkthrough knows for a placeholder: captured here first, then the service's. */
    Optional<String> known(String name) {
        return Optional.ofNullable(captured.get(ServiceLink.key(name)))
                .or(() -> service == null ? Optional.empty() : service.valueFor(name));
    }

    /** Remembers the values a step ran with that the engineer supplied (not what its target said). */
    private void remember(WalkStep step) {
        TargetInfo target = step.run().targetProperty().get();
        for (PlaceholderField f : step.placeholders()) {
            if (f.filled()) {
                boolean fromTarget = f.value().equals(TARGET_ONLY.lookup(f.name(), target).orElse(""));
                (fromTarget ? seen : captured).put(ServiceLink.key(f.name()), f.value());
            }
        }
        steps.stream().filter(s -> s != step).forEach(this::offer);
    }

    private void offerValues() {
        steps.forEach(this::offer);
    }

    /**
     * Puts known values into the step's fields: typed, captured and service values over a blank field, an
     * earlier offer or a target's pre-fill; values another step's target gave only into blank or offered fields, where
     * the step's own target, once chosen, replaces them with its value.
     */
    private void offer(WalkStep step) {
        if (step.run().runningProperty().get()) {
            return;
        }
        for (PlaceholderField f : step.placeholders()) {
            Optional<String> strong = known(f.name());
            if (strong.isPresent()) {
                f.offer(strong.get());
            } else {
                Optional.ofNullable(seen.get(ServiceLink.key(f.name()))).ifPresent(f::suggest);
            }
        }
    }

    /**
     * Whether "Wait until UP" of {@code wait} can be pressed: the incident is open (the rule of {@link #blocked}) and
     * the wait neither runs nor has seen the service UP. Follows both.
     */
    public BooleanBinding canWait(ServiceWait wait) {
        return Bindings.createBooleanBinding(() -> runBlocked.get().isEmpty()
                        && wait.stateProperty().get() != ServiceWait.State.WAITING
                        && wait.stateProperty().get() != ServiceWait.State.UP,
                runBlocked, wait.stateProperty());
    }

    /** Starts {@code wait} ({@code step}'s, or the procedure's own with a null step) unless the incident is resolved. */
    public void startWait(WalkStep step, ServiceWait wait) {
        if (!blocked(step)) {
            wait.start(DEFAULT_WAIT);
        }
    }

    private ServiceWait waitFor(WalkStep step) {
        return new ServiceWait(service.name(), services.watch(), services.timer(), services.clock()::instant,
                at -> upAgain(step, at));
    }

    private void upAgain(WalkStep step, Instant at) {
        if (blocked(step)) {
            return;
        }
        String text = StepNotes.upAgain(service.name(), at);
        timeline.record(incidentId, new EntryBody.Note(text, null), step == null ? null : step.ref(), at, receipt -> {
            if (step != null) {
                upAgain(step, text);
            }
        });
    }

    /** The step's card after its wait saw the service UP again (live, or read back from the timeline). */
    static void upAgain(WalkStep step, String note) {
        step.stateProperty().set(WalkStep.State.DONE);
        step.statusProperty().set("Done: " + note + " (recorded)");
    }

    /** Stops the waits of a walkthrough that is no longer shown; commands still running go on and are recorded. */
    public void close() {
        waits().forEach(ServiceWait::cancel);
    }

    public ObservableList<WalkStep> steps() {
        return steps;
    }

    public String incidentId() {
        return incidentId;
    }

    public Runbook runbook() {
        return runbook;
    }

    public Section procedure() {
        return procedure;
    }

    /** The dashboard service this walkthrough was started from, or {@code null}. */
    public ServiceLink service() {
        return service;
    }

    /** "Wait until UP" for a procedure linked to a service but without verification commands; else null. */
    public ServiceWait finalWait() {
        return finalWait;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    private List<ServiceWait> waits() {
        List<ServiceWait> all = new ArrayList<>(steps.stream().map(WalkStep::serviceWait)
                .filter(java.util.Objects::nonNull).toList());
        if (finalWait != null) {
            all.add(finalWait);
        }
        return all;
    }
}
