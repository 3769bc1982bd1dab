package dev.incidentconsole.app.gui.incident;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.gui.util.CommittedChoice;
import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.SeverityPolicy;
import dev.incidentconsole.incident.Status;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Incidents destination: incidents on the left; on the right the selected one's header (severity,
 * status, export) above its walkthrough, when one was started here, and its timeline.
 */
public final class IncidentsView extends SplitPane {
    private final IncidentViewModel model;
    private final DialogService dialogs;
    private final Path exportDir;
    private final Map<String, Node> walkthroughs = new HashMap<>();
    private final Map<String, WalkthroughViewModel> models = new HashMap<>();
    private final SplitPane work = new SplitPane();
    private final TimelineView timeline;
    private final HBox resume = new HBox(6);
    private java.util.function.BiConsumer<Incident, dev.incidentconsole.incident.RunbookLink> onResume = (i, l) -> { };

    /** @param exportDir folder the export chooser opens in first */
    public IncidentsView(IncidentViewModel model, DialogService dialogs, Path exportDir) {
        this.model = model;
        this.dialogs = dialogs;
        this.exportDir = exportDir;
        this.timeline = new TimelineView(model.timeline());
        getStyleClass().add("incidents-view");
        Region header = sideHeader();
        // Never narrower than its header: at 1366x768 and 1.25 the list's least width left the refresh button cut at
        // the pane's edge (a VBox's least width is its children's, and the header's own was not counted).
        VBox side = new VBox(header, StoreDialog.bar(model), offlineBanner(), list()) {
            @Override
            protected double computeMinWidth(double height) {
                return Math.max(Math.max(240, super.computeMinWidth(height)),
                        snappedLeftInset() + header.prefWidth(-1) + snappedRightInset());
            }
        };
        side.getStyleClass().addAll("outline-pane", "incident-side");
        Label empty = new Label("Select an incident, or start one from a runbook section, a search hit or a failing dashboard service.", Icons.of(Feather.ALERT_OCTAGON));
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "empty-state");
        BorderPane detail = new BorderPane(work);
        detail.setTop(header());
        detail.visibleProperty().bind(model.selectedProperty().isNotNull());
        empty.visibleProperty().bind(detail.visibleProperty().not()); // it showed through the gap between the panes
        StackPane right = new StackPane(empty, detail);
        getItems().addAll(side, right);
        setDividerPositions(0.24);
        SplitPane.setResizableWithParent(side, false);
        model.selectedProperty().addListener((obs, old, now) -> layoutWork(now));
        layoutWork(model.selectedProperty().get());
        model.timeline().entries().addListener((javafx.beans.InvalidationListener) o -> offerResume());
        model.timeline().incidentProperty().addListener((obs, old, now) -> offerResume());
        offerResume();
    }

    /** What "Resume walkthrough" does: opens the walkthrough of the linked section, put back as the timeline says. */
    public void setOnResume(java.util.function.BiConsumer<Incident, dev.incidentconsole.incident.RunbookLink> action) {
        this.onResume = action;
    }

    /** Offers the walkthroughs started on the shown incident (after a restart) while none is open here for it. */
    private void offerResume() {
        Incident shown = model.timeline().incidentProperty().get();
        resume.getChildren().clear();
        if (shown != null && !walkthroughs.containsKey(shown.id())) {
            for (var link : WalkResume.walked(shown, model.timeline().entries())) {
                String name = link.headingPath().isEmpty() ? link.file() : link.headingPath().get(link.headingPath().size() - 1);
                Button b = new Button("Resume walkthrough: " + name, Icons.of(Feather.PLAY_CIRCLE));
                b.getStyleClass().addAll(Styles.SMALL, "resume-walkthrough");
                b.setTooltip(new Tooltip(link.file() + " \u203a " + String.join(" \u203a ", link.headingPath())));
                b.setOnAction(e -> onResume.accept(shown, link));
                resume.getChildren().add(b);
            }
        }
        resume.setVisible(!resume.getChildren().isEmpty());
        resume.setManaged(resume.isVisible());
    }

    /** Shows {@code walkthrough} next to its incident's timeline (replacing an earlier one for it). */
    public void openWalkthrough(WalkthroughViewModel walkthrough) {
        WalkthroughViewModel before = models.put(walkthrough.incidentId(), walkthrough);
        if (before != null) {
            before.close();
        }
        walkthroughs.put(walkthrough.incidentId(), new WalkthroughView(walkthrough));
        layoutWork(model.selectedProperty().get());
        offerResume();
    }

    private void layoutWork(Incident incident) {
        Node walk = incident == null ? null : walkthroughs.get(incident.id());
        java.util.List<Node> wanted = walk == null ? java.util.List.of(timeline) : java.util.List.of(walk, timeline);
        if (work.getItems().equals(wanted)) {
            return; // the same incident again (a new entry updated it): keep the panes and where they are scrolled
        }
        work.getItems().setAll(wanted);
        if (walk != null) {
            work.setDividerPositions(0.55);
        }
    }

    private Region sideHeader() {
        Label caption = new Label("INCIDENTS");
        caption.getStyleClass().add("pane-caption");
        CheckBox resolved = new CheckBox("Resolved too");
        resolved.selectedProperty().bindBidirectional(model.showResolvedProperty());
        // Whole, never "INCID..." and "Resolved...": the side pane is as wide as they need (1366x768 at 1.25 cut them).
        caption.setMinWidth(Region.USE_PREF_SIZE);
        resolved.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button reload = new Button(null, Icons.of(Feather.REFRESH_CW));
        reload.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        reload.setTooltip(new Tooltip("Reload incidents from the store"));
        reload.setOnAction(e -> model.refresh());
        HBox header = new HBox(6, caption, spacer, resolved, reload);
        header.setAlignment(Pos.CENTER_LEFT);
        reload.setMinWidth(Region.USE_PREF_SIZE);
        header.getStyleClass().add("outline-header");
        return header;
    }

    private Node offlineBanner() {
        Message offline = new Message("Store offline", "Entries are saved on this machine and sent when the team"
                + " store is reachable again.", Icons.of(Feather.CLOUD_OFF));
        offline.getStyleClass().add(Styles.WARNING);
        offline.visibleProperty().bind(model.offlineProperty());
        offline.managedProperty().bind(offline.visibleProperty());
        Message error = new Message("Incident store", null, Icons.of(Feather.ALERT_OCTAGON));
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(6, offline, error);
    }

    private Node list() {
        ListView<Incident> list = new ListView<>(model.incidents());
        list.setId("incident-list");
        list.setPlaceholder(new Label("No incidents yet."));
        list.setCellFactory(v -> new ListCell<>() {
            {
                setPrefWidth(0); // as wide as the list: a long title wraps, nothing runs off under a side scroll bar
            }

            // As tall as the title wrapped to the list's width: the skin asks the graphic for its one-line height,
            // which cut a long title with "..." in the narrow side pane (1366x768 at 1.25).
            @Override
            protected double computePrefHeight(double width) {
                Node g = getGraphic();
                double inner = width - snappedLeftInset() - snappedRightInset();
                return g == null || width <= 0 ? super.computePrefHeight(width)
                        : snappedTopInset() + g.prefHeight(inner) + snappedBottomInset();
            }

            @Override
            protected void updateItem(Incident i, boolean empty) {
                super.updateItem(i, empty);
                setText(null);
                if (empty || i == null) {
                    setGraphic(null);
                    return;
                }
                Label title = new Label(Redactor.standard().redact(i.title()));
                title.getStyleClass().add(Styles.TEXT_BOLD);
                title.setWrapText(true);
                Label facts = new Label(i.severity() + " \u00b7 " + i.status().label() + " \u00b7 " + i.id());
                facts.getStyleClass().addAll(Styles.TEXT_SMALL, i.open() ? "severity-" + i.severity().name().toLowerCase() : Styles.TEXT_MUTED);
                setGraphic(new VBox(2, title, facts));
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(list.getSelectionModel().getSelectedItem())) {
                list.getItems().stream().filter(i -> i.id().equals(now.id())).findFirst()
                        .ifPresent(i -> list.getSelectionModel().select(i));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        return list;
    }

    private Node header() {
        TimelineViewModel t = model.timeline();
        Label title = new Label();
        title.textProperty().bind(t.incidentProperty().map(i -> i.id() + "  " + Redactor.standard().redact(i.title())));
        title.getStyleClass().add(Styles.TITLE_3);
        ComboBox<Severity> severity = new ComboBox<>();
        severity.getItems().setAll(Severity.values());
        severity.setId("severity-combo");
        ComboBox<Status> status = new ComboBox<>();
        status.getItems().setAll(Status.values());
        status.setId("status-combo");
        // A change is recorded on Enter or a click, never while arrowing through the list.
        SeverityPolicy policy = SeverityPolicy.defaults();
        CommittedChoice.install(severity, t.incidentProperty().map(Incident::severity), t::changeSeverity,
                s -> s + " \u00b7 " + policy.level(s).describe(), s -> s + " \u00b7 " + policy.level(s).name());
        CommittedChoice.install(status, t.incidentProperty().map(Incident::status), t::changeStatus, Status::label,
                Status::label);
        HBox exports = new HBox(4, headerLabel("Export"));
        exports.setAlignment(Pos.CENTER_LEFT);
        for (ExportFormat f : ExportFormat.values()) {
            Button b = new Button(f.extension().toUpperCase(java.util.Locale.ROOT), Icons.of(Feather.DOWNLOAD));
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.setId("export-" + f.extension());
            b.getStyleClass().add(Styles.SMALL);
            b.setOnAction(e -> export(f));
            exports.getChildren().add(b);
        }
        // The choices wrap under each other in a narrow window (1366x768 at a 1.25 or 1.5 scale), where one row cut
        // "Severity", "Status" and "Export" down to "..." beside a severity box as wide as its longest description.
        severity.setPrefWidth(170);
        status.setPrefWidth(150);
        HBox severityChoice = new HBox(10, headerLabel("Severity"), severity);
        HBox statusChoice = new HBox(10, headerLabel("Status"), status);
        severityChoice.setAlignment(Pos.CENTER_LEFT);
        statusChoice.setAlignment(Pos.CENTER_LEFT);
        FlowPane choices = new FlowPane(10, 6, severityChoice, statusChoice);
        choices.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(choices, Priority.ALWAYS);
        exports.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(10, choices, exports);
        controls.setAlignment(Pos.CENTER_LEFT);
        resume.setId("resume-walkthroughs");
        resume.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(8, title, controls, resume);
        bar.getStyleClass().add("incident-header");
        bar.setPadding(new javafx.geometry.Insets(10, 12, 10, 12));
        bar.disableProperty().bind(Bindings.isNull(t.incidentProperty()));
        return bar;
    }

    private static Label headerLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("incident-header-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private void export(ExportFormat format) {
        Incident incident = model.timeline().incidentProperty().get();
        if (incident != null) {
            dialogs.chooseSaveFile("Export " + incident.id(), exportDir, incident.id() + "." + format.extension())
                    .ifPresent(file -> model.timeline().export(format, file, null));
        }
    }
}
