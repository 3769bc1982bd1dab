package dev.incidentconsole.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.HistoryStats;
import dev.incidentconsole.health.schedule.ServiceStatus;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The selected service: status and reason, where and how it is probed, uptime and latency figures, a chart
 * of latency and status over its recent checks marked with the shown incident's entries ({@link MarkedChart}),
 * the dependencies it reports and the runbook sections that fit it.
 */
final class ServiceDetailView extends VBox {
    private final DashboardViewModel model;
    private final Label placeholder = new Label("Select a service to see its history and the runbook sections for it.");
    private final HBox header = new HBox(8);
    private final Label reason = new Label();
    private final HBox incident = new HBox(8);
    private final GridPane facts = new GridPane();
    private final Label stats = new Label();
    private final FlowPane dependencies = new FlowPane(6, 4);
    private final MarkedChart chart = new MarkedChart();
    private final Label chartCaption = new Label();
    private final VBox links = new VBox(2);
    private final VBox body = new VBox(12);
    private final InvalidationListener refresh = o -> render();
    private ServiceRow shown;

    ServiceDetailView(DashboardViewModel model) {
        this.model = model;
        getStyleClass().add("service-detail");
        placeholder.getStyleClass().add("detail-placeholder");
        placeholder.setWrapText(true);
        reason.getStyleClass().add("detail-reason");
        reason.setWrapText(true);
        facts.getStyleClass().add("detail-facts");
        stats.getStyleClass().add("detail-stats");
        stats.setWrapText(true);
        chart.setPrefHeight(240);
        chartCaption.getStyleClass().addAll("chart-caption", "muted");
        chartCaption.setWrapText(true);
        incident.setAlignment(Pos.CENTER_LEFT);
        body.getChildren().addAll(header, reason, incident, facts, stats, chart, chartCaption, caption("Dependencies"),
                dependencies, caption("Runbook sections"), links);
        getChildren().setAll(placeholder);
        model.selectedProperty().addListener((obs, old, row) -> show(row));
        show(model.selectedProperty().get());
        model.selectedLinks().addListener((ListChangeListener<LinkedSection>) c -> renderLinks());
        model.chart().chartProperty().addListener((obs, old, now) -> plot(now));
        plot(model.chart().chartProperty().get());
    }

    private void show(ServiceRow row) {
        if (shown != null) {
            shown.statusProperty().removeListener(refresh);
        }
        shown = row;
        if (row == null) {
            getChildren().setAll(placeholder);
            return;
        }
        row.statusProperty().addListener(refresh);
        getChildren().setAll(body);
        render();
        renderLinks();
    }

    private void render() {
        if (shown == null) {
            return;
        }
        ServiceStatus s = shown.snapshot();
        ServiceSpec spec = shown.spec();
        Label name = new Label(spec.name());
        name.getStyleClass().add("detail-name");
        Label word = new Label(s.status().name());
        word.getStyleClass().addAll("status-badge", StatusLook.styleClass(s.status()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button check = new Button("Check now", Icons.of(Feather.REFRESH_CW));
        check.getStyleClass().add(Styles.SMALL);
        check.setOnAction(e -> model.checkNow(shown));
        // A long service name is what gets cut, never the status word or the button.
        word.setMinWidth(Region.USE_PREF_SIZE);
        check.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(0);
        header.getChildren().setAll(StatusLook.icon(s.status()), name, word, spacer, check);
        incident.getChildren().clear();
        if (model.actions().incidentStarterProperty().get() != null && (s.status() == Status.DOWN || s.status() == Status.DEGRADED)) {
            Button start = new Button("Start incident", Icons.of(Feather.ALERT_OCTAGON));
            start.setId("service-start-incident");
            start.getStyleClass().add(Styles.DANGER);
            start.setMinWidth(Region.USE_PREF_SIZE);
            start.setOnAction(e -> model.actions().startIncident(shown));
            Label hint = new Label("or join an open one, and walk the runbook section that fits " + spec.name());
            hint.getStyleClass().add("muted");
            hint.setWrapText(true);
            incident.getChildren().addAll(start, hint);
        }
        incident.setVisible(!incident.getChildren().isEmpty());
        incident.setManaged(incident.isVisible());
        header.setAlignment(Pos.CENTER_LEFT);
        reason.setText(shown.reason());
        reason.getStyleClass().removeAll(StatusLook.STYLE_CLASSES);
        reason.getStyleClass().add(StatusLook.styleClass(s.status()));
        facts.getChildren().clear();
        int r = 0;
        fact(r++, "Address", spec.address().isEmpty() ? "–" : spec.address());
        fact(r++, "Probe", shown.probeText());
        if (!shown.runbookCheckText().isEmpty()) {
            fact(r++, "Runbook's check", shown.runbookCheckText() + " (not run: probed natively above)");
        }
        fact(r++, "Schedule", "every " + seconds(spec.interval().toMillis()) + ", timeout " + seconds(spec.timeout().toMillis())
                + ", DOWN after " + spec.retries() + (spec.retries() == 1 ? " failure" : " failures in a row")
                + (spec.latencyThreshold() == null ? "" : ", slow above " + spec.latencyThreshold().toMillis() + " ms"));
        fact(r++, "Status since", s.since() == null ? "–" : StatusLook.ago(s.since(), model.clockProperty().get()));
        for (var label : shown.labelFacts().entrySet()) {
            fact(r++, label.getKey(), label.getValue());
        }
        fact(r++, "Defined in", spec.origin().isEmpty() ? "–" : spec.origin());
        spec.notes().forEach(n -> fact(facts.getRowCount(), "Note", n));
        HistoryStats h = s.stats();
        stats.setText(h.samples() == 0 ? "No checks yet."
                : String.format(Locale.ROOT, "Uptime %.1f %% over %d checks · min %s · avg %s · p95 %s", h.uptimePercent(),
                h.samples(), StatusLook.latency(h.min()), StatusLook.latency(h.avg()), StatusLook.latency(h.p95())));
        dependencies.getChildren().setAll(s.last().dependencies().stream().map(DependencyChips::chip).toList());
        if (dependencies.getChildren().isEmpty()) {
            dependencies.getChildren().add(muted("The health answer reports no dependencies."));
        }
    }

    private void plot(ServiceChart now) {
        chart.show(now);
        var followed = model.chart().incident();
        String marks = followed == null
                ? "Open an incident in Incidents to mark its steps and notes here."
                : now.marks().isEmpty() ? "No entry of \"" + followed.title() + "\" concerns this service in this time span."
                : now.marks().size() + (now.marks().size() == 1 ? " entry" : " entries") + " of \"" + followed.title()
                + "\" marked; hover a mark to read it.";
        chartCaption.setText("Line: latency of answered checks; red dots: failed checks; background: each check's status"
                + " (green UP, amber DEGRADED, red DOWN). " + marks + (now.outside() == 0 ? ""
                : " " + now.outside() + " earlier " + (now.outside() == 1 ? "entry is" : "entries are")
                + " before the first check kept."));
    }

    private void renderLinks() {
        links.getChildren().clear();
        for (LinkedSection l : model.selectedLinks()) {
            Hyperlink link = new Hyperlink(l.label(), Icons.of(Feather.BOOK_OPEN));
            link.getStyleClass().add("runbook-link");
            link.setDisable(!l.found());
            link.setTooltip(new Tooltip(l.found() ? l.reference() + " (" + l.why() + ")"
                    : l.reference() + " is not in the loaded runbooks"));
            link.setOnAction(e -> model.actions().open(l));
            link.setMinWidth(0);
            link.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(link, Priority.ALWAYS);
            Label why = new Label(l.why());
            why.getStyleClass().add("link-why");
            why.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(6, link, why);
            line.setAlignment(Pos.CENTER_LEFT);
            links.getChildren().add(line);
        }
        if (links.getChildren().isEmpty()) {
            links.getChildren().add(muted("No runbook section mentions this service; link one with runbooks: in the environment file."));
        }
    }

    private void fact(int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("fact-key");
        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().add("fact-value");
        facts.addRow(row, k, v);
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static Label caption(String text) {
        Label l = new Label(text.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("pane-caption");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        return l;
    }
}
