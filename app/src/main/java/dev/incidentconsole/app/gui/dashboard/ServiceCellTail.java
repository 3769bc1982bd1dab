package dev.incidentconsole.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import dev.incidentconsole.app.gui.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * What a service row shows after its status, name, address and reason: the dependency chips, the latency
 * sparkline, latency and check time, and the "check now" button. They are about half of a cell's nodes and
 * most of its controls' skins, and not what an engineer reads first, so a list's first cells are drawn
 * without them and get them a pulse later ({@link CellFill}).
 */
final class ServiceCellTail {
    final DependencyChips dependencies = new DependencyChips();
    final Sparkline sparkline = new Sparkline(120, 30);
    final Label latency = new Label();
    final Label checked = new Label();
    final Button check = new Button(null, Icons.of(Feather.REFRESH_CW));
    final VBox numbers = new VBox(2, latency, checked);

    /** @param checkNow what the button does */
    ServiceCellTail(Runnable checkNow) {
        latency.getStyleClass().add("service-latency");
        checked.getStyleClass().add("service-checked");
        numbers.setAlignment(Pos.CENTER_RIGHT);
        numbers.getStyleClass().add("service-numbers");
        check.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "check-now");
        check.setOnAction(e -> checkNow.run());
    }
}
