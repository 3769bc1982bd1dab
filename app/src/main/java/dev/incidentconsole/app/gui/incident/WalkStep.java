package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.StepRef;
import dev.incidentconsole.runbook.Command;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.SectionKind;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One command of a walkthrough and how far the engineer got with it. */
public final class WalkStep {
    /** Where a step stands; RUNNING until its finish entry is recorded. */
    public enum State { TODO, RUNNING, SUCCEEDED, FAILED, DONE, SKIPPED }

    private final SectionKind kind;
    private final Section section;
    private final Command command;
    private final StepRef ref;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.TODO);
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    WalkStep(SectionKind kind, Section section, Command command, StepRef ref) {
        this.kind = kind;
        this.section = section;
        this.command = command;
        this.ref = ref;
    }

    public SectionKind kind() {
        return kind;
    }

    public Section section() {
        return section;
    }

    public Command command() {
        return command;
    }

    StepRef ref() {
        return ref;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    /** Output lines as they arrive (bounded by the view model). */
    public ObservableList<String> output() {
        return output;
    }

    /** One line: exit code and duration, why it could not run, or that it is being recorded. */
    public StringProperty statusProperty() {
        return status;
    }

    public boolean finished() {
        return state.get() == State.DONE || state.get() == State.SKIPPED;
    }
}
