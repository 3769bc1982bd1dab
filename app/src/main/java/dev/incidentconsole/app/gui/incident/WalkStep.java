package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.run.CommandRunViewModel;
import dev.incidentconsole.app.gui.run.PlaceholderField;
import dev.incidentconsole.exec.PreparedCommand;
import dev.incidentconsole.incident.StepRef;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.SectionKind;
import java.util.List;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One command of a walkthrough and how far the engineer got with it. Its {@link #run()} model holds the
 * target, the placeholder values, the command as it will run and the streamed output; this adds where the
 * step stands in the walkthrough. UI thread only.
 */
public final class WalkStep {
    /**
     * Where a step stands; RUNNING from the start of a run until it ends; CANCELLED when the engineer stopped the
     * run (not the command's failure, whatever exit code the signal left).
     */
    public enum State { TODO, RUNNING, SUCCEEDED, FAILED, CANCELLED, DONE, SKIPPED }

    private final SectionKind kind;
    private final Section section;
    private final StepRef ref;
    private final CommandRunViewModel run;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.TODO);
    private final StringProperty status = new SimpleStringProperty("");
    private String lastRun;
    private ServiceWait wait;

    WalkStep(SectionKind kind, Section section, StepRef ref, CommandRunViewModel run) {
        this.kind = kind;
        this.section = section;
        this.ref = ref;
        this.run = run;
    }

    public SectionKind kind() {
        return kind;
    }

    public Section section() {
        return section;
    }

    public Command command() {
        return run.command();
    }

    StepRef ref() {
        return ref;
    }

    /** Target, placeholders, preview, run and output of this step's command. */
    public CommandRunViewModel run() {
        return run;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    /** One line: exit code and duration, why it could not run, or that it is being recorded. */
    public StringProperty statusProperty() {
        return status;
    }

    /** The required placeholders still empty, as written ({@code <pod>, <namespace>}); empty when none. */
    public StringBinding missingProperty() {
        return run.missingProperty();
    }

    /** "Wait until the service is UP", on verification steps of a walkthrough linked to a watched service; else null. */
    public ServiceWait serviceWait() {
        return wait;
    }

    void serviceWait(ServiceWait value) {
        this.wait = value;
    }

    public boolean finished() {
        return state.get() == State.DONE || state.get() == State.SKIPPED;
    }

    /**
     * The command as last run (values filled in), else as it would run now, with the values of its secret fields
     * masked: it goes into the timeline's notes (Done, Skip, a captured value).
     */
    public String commandText() {
        PreparedCommand p = run.preparedProperty().get();
        return lastRun != null ? lastRun : p != null ? p.masker().maskRunCommand(p.text()) : run.previewProperty().get();
    }

    /**
     * Whether {@link #commandText()} has every placeholder substituted (as last run, or prepared with every value),
     * so that a quoted {@code '<x>'} in it is a value typed; else it is the runbook's own text.
     */
    public boolean commandFilled() {
        return lastRun != null || run.preparedProperty().get() != null;
    }

    /** @param text the command as it ran, masked by its own masker */
    void ran(String text) {
        this.lastRun = text;
    }

    List<PlaceholderField> placeholders() {
        return run.placeholders();
    }
}
