package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.OutputLine;
import javafx.scene.control.ListCell;

/** The list cells of the run panel. */
final class RunCells {

    private RunCells() {
    }

    /** One output line, stderr styled apart. */
    static final class OutputCell extends ListCell<OutputLine> {
        @Override
        protected void updateItem(OutputLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().remove("stderr-line");
            setText(empty || line == null ? null : line.text());
            if (!empty && line != null && line.isError()) {
                getStyleClass().add("stderr-line");
            }
        }
    }

    /** A target in the picker: name, kind and a red PRODUCTION tag. */
    static final class TargetCell extends ListCell<TargetInfo> {
        @Override
        protected void updateItem(TargetInfo t, boolean empty) {
            super.updateItem(t, empty);
            getStyleClass().remove("production-target");
            setText(empty || t == null ? null : t.name() + (t.kind().equals(t.name()) ? "" : "  \u00b7 " + t.kind())
                    + (t.production() ? "  \u00b7 PRODUCTION" : ""));
            if (!empty && t != null && t.production()) {
                getStyleClass().add("production-target");
            }
        }
    }
}
