package dev.incidentconsole.app.gui.incident;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.incident.TimelineEntry;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The selected incident's timeline with filters, pinned-first ordering and a note field. */
final class TimelineView extends VBox {

    TimelineView(TimelineViewModel model) {
        getStyleClass().add("timeline-view");
        getStylesheets().add(Objects.requireNonNull(TimelineView.class.getResource("timeline.css")).toExternalForm());
        Label caption = new Label("TIMELINE");
        caption.getStyleClass().add("pane-caption");
        ComboBox<EntryFilter> filter = new ComboBox<>();
        filter.getItems().setAll(EntryFilter.values());
        filter.valueProperty().bindBidirectional(model.filterProperty());
        filter.setId("timeline-filter");
        CheckBox pinnedFirst = new CheckBox("Pinned first");
        pinnedFirst.selectedProperty().bindBidirectional(model.pinnedFirstProperty());
        Label pending = new Label();
        pending.textProperty().bind(model.pendingProperty().map(n -> n.intValue() == 0 ? "" : "Saving " + n + "..."));
        pending.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(10, caption, spacer, pending, pinnedFirst, filter);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("timeline-tools");

        ListView<TimelineEntry> list = new ListView<>(model.visibleEntries());
        list.setId("timeline-list");
        // Worked out once per change of the entries, not per cell drawn.
        AtomicReference<Function<Instant, String>> times =
                new AtomicReference<>(TimelineCell.TIMES.labels(model.entries()));
        model.entries().addListener((javafx.collections.ListChangeListener<TimelineEntry>) c ->
                times.set(TimelineCell.TIMES.labels(model.entries())));
        list.setCellFactory(v -> new TimelineCell(model, times::get));
        list.setPlaceholder(new Label("No entries match this filter."));
        model.incidentProperty().addListener(o -> list.refresh()); // pins live on the incident, not the entry
        model.visibleEntries().addListener((javafx.collections.ListChangeListener<TimelineEntry>) c -> {
            if (!model.pinnedFirstProperty().get() && !list.getItems().isEmpty()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField note = new TextField();
        note.setId("timeline-note");
        note.setPromptText("Add a note: what you see, what you decided...");
        HBox.setHgrow(note, Priority.ALWAYS);
        CheckBox pin = new CheckBox("Pin");
        Button add = new Button("Add note", Icons.of(Feather.EDIT_3));
        add.setId("add-note");
        add.setDefaultButton(false);
        add.disableProperty().bind(note.textProperty().isEmpty().or(model.incidentProperty().isNull()));
        Runnable submit = () -> {
            model.addNote(note.getText(), pin.isSelected());
            note.clear();
            pin.setSelected(false);
        };
        add.setOnAction(e -> submit.run());
        model.unsentNoteProperty().addListener((obs, old, text) -> {
            if (text != null && note.getText().isBlank()) {
                note.setText(text);
                model.unsentNoteProperty().set(null); // in the field now: not handed back again
            }
        });
        note.setOnAction(e -> {
            if (!note.getText().isBlank()) {
                submit.run();
            }
        });
        HBox noteBar = new HBox(8, note, pin, add);
        noteBar.setAlignment(Pos.CENTER_LEFT);
        noteBar.getStyleClass().add("note-bar");

        Label message = new Label();
        message.textProperty().bind(Bindings.when(model.errorProperty().isEmpty()).then(model.messageProperty())
                .otherwise(model.errorProperty()));
        message.getStyleClass().add(Styles.TEXT_SMALL);
        message.setWrapText(true);
        getChildren().addAll(tools, list, noteBar, message);
        setSpacing(8);
    }
}
