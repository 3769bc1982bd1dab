package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.Times;
import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.cli.IncidentEntryText;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.RunOutcome;
import dev.incidentconsole.incident.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * One timeline entry: time in UTC ({@link TimelineTimes}), author, what happened, the tail of a command's output, pin toggle. A pinned
 * entry has the {@code :pinned} pseudo-class, a {@code timeline-entry-pinned} box and a PINNED chip (timeline.css).
 */
final class TimelineCell extends ListCell<TimelineEntry> {
    private static final PseudoClass PINNED = PseudoClass.getPseudoClass("pinned");
    static final TimelineTimes TIMES = new TimelineTimes(Clock.systemDefaultZone());
    private static final int OUTPUT_LINES = 8;
    /** The list's padding, the cell's insets and a vertical scroll bar. */
    private static final double LIST_CHROME = 36;

    private final TimelineViewModel model;
    private final Supplier<Function<Instant, String>> times;

    /** @param times labels for entry times, worked out once per change of the entries ({@link TimelineTimes#labels}) */
    TimelineCell(TimelineViewModel model, Supplier<Function<Instant, String>> times) {
        this.model = model;
        this.times = times;
        getStyleClass().add("timeline-cell");
    }

    @Override
    protected void updateItem(TimelineEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        setText(null);
        if (empty || entry == null) {
            pseudoClassStateChanged(PINNED, false);
            setGraphic(null);
            return;
        }
        Incident incident = model.incidentProperty().get();
        boolean pinned = incident != null && incident.pinned().contains(entry.id());
        Label time = new Label(times.get().apply(entry.occurredAt()));
        time.getStyleClass().addAll("timeline-time", Styles.TEXT_MUTED);
        time.setTooltip(new Tooltip("happened " + Times.instant(entry.occurredAt()) + " (" + TIMES.local(entry.occurredAt())
                + " here)\nrecorded " + Times.instant(entry.recordedAt())
                + (entry.source() == null ? "" : "\n" + entry.source().display())));
        Label author = new Label(entry.author());
        author.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        Label kind = new Label(IncidentEntryText.kindLabel(entry), Icons.of(icon(entry)));
        kind.getStyleClass().addAll("fact-chip", style(entry));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label pinnedChip = new Label("PINNED");
        pinnedChip.getStyleClass().add("pinned-chip");
        pinnedChip.setVisible(pinned);
        pinnedChip.setManaged(pinned);
        Button pin = new Button(null, Icons.of(Feather.STAR));
        pin.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, pinned ? "pinned" : "unpinned");
        pin.setTooltip(new Tooltip(pinned ? "Unpin" : "Pin: keep it on top and in the postmortem's key moments"));
        pin.setOnAction(e -> model.togglePin(entry));
        HBox head = new HBox(8, time, author, kind, pinnedChip, spacer, pin);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label summary = new Label(IncidentEntryText.summary(entry));
        summary.setWrapText(true);
        summary.getStyleClass().add("timeline-summary");
        VBox box = new VBox(4, head, summary);
        List<String> tail = IncidentEntryText.outputTail(entry, OUTPUT_LINES);
        if (!tail.isEmpty()) {
            Label output = new Label(String.join("\n", tail));
            output.getStyleClass().add("timeline-output");
            output.setMaxWidth(Double.MAX_VALUE);
            output.setMinWidth(0); // long output lines are cut, never widen the entry
            box.getChildren().add(output);
        }
        String late = Times.lateNote(entry, Times.onScreenBeside(entry.occurredAt()));
        if (!late.isEmpty()) {
            Label lateLabel = new Label(late, Icons.of(Feather.CLOCK));
            lateLabel.setId("late-" + entry.id());
            lateLabel.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "timeline-late");
            box.getChildren().add(lateLabel);
        }
        if (entry.seq() == 0) {
            Label local = new Label("Saved locally; sent when the store is back", Icons.of(Feather.CLOUD_OFF));
            local.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
            box.getChildren().add(local);
        }
        box.getStyleClass().add(pinned ? "timeline-entry-pinned" : "timeline-entry");
        pseudoClassStateChanged(PINNED, pinned);
        // Wrap to the list's width (less its scroll bar) instead of widening it: a wrapped label needs a width to
        // know how tall it is (with none it stays one cut-off line), and the cell's own width follows its content.
        box.prefWidthProperty().bind(getListView().widthProperty().subtract(LIST_CHROME));
        box.maxWidthProperty().bind(box.prefWidthProperty());
        summary.setMinHeight(Region.USE_PREF_SIZE);
        setGraphic(box);
    }

    private static Feather icon(TimelineEntry e) {
        EntryBody b = e.body();
        if (b instanceof EntryBody.Note) {
            return Feather.EDIT_3;
        } else if (b instanceof EntryBody.StepStarted || b instanceof EntryBody.StepFinished) {
            return Feather.TERMINAL;
        } else if (b instanceof EntryBody.StatusChanged || b instanceof EntryBody.SeverityChanged) {
            return Feather.FLAG;
        } else if (b instanceof EntryBody.Created) {
            return Feather.ALERT_OCTAGON;
        } else if (b instanceof EntryBody.AlertChanged) {
            return Feather.BELL;
        } else if (b instanceof EntryBody.Pin) {
            return Feather.STAR;
        }
        return Feather.ACTIVITY;
    }

    private static String style(TimelineEntry e) {
        if (e.body() instanceof EntryBody.StepStarted s && s.danger() != null) {
            return "fact-danger";
        } else if (e.body() instanceof EntryBody.StepFinished f && f.notRun() != null) {
            return "fact";
        } else if (e.body() instanceof EntryBody.StepFinished f && f.outcome() == RunOutcome.CANCELLED) {
            return "fact"; // the user stopped it: not the command's failure
        } else if (e.body() instanceof EntryBody.StepFinished f) {
            return f.outcome() == RunOutcome.EXITED && f.exitCode() != null && f.exitCode() == 0 ? "fact-ok" : "fact-danger";
        } else if (e.body() instanceof EntryBody.HealthChanged h && h.elsewhere()) {
            return "fact"; // context, not this incident's red
        } else if (e.body() instanceof EntryBody.HealthChanged h) {
            return "up".equals(h.to()) ? "fact-ok" : "fact-danger";
        } else if (e.body() instanceof EntryBody.AlertChanged a) {
            return "firing".equals(a.state()) ? "fact-danger" : "fact-ok";
        }
        return e.body() instanceof EntryBody.StatusChanged || e.body() instanceof EntryBody.Created ? "fact-accent" : "fact";
    }
}
