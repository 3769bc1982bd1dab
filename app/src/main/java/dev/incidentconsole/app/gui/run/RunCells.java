package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.app.gui.util.MaskedText;
import dev.incidentconsole.app.gui.util.MaskedTextFlow;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.OutputLine;
import javafx.scene.control.ListCell;
import javafx.scene.text.TextFlow;

/** The list cells of the run panel (the target cell is shared with the walkthrough). */
public final class RunCells {

    private RunCells() {
    }

    /** One output line, stderr styled apart, its secrets masked until clicked. */
    static final class OutputCell extends ListCell<OutputLine> {
        private final CommandRunViewModel model;

        OutputCell(CommandRunViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(OutputLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().remove("stderr-line");
            setText(null);
            setGraphic(null);
            if (empty || line == null) {
                return;
            }
            MaskedText shown = model.shownOutput().line(line);
            if (shown.hasSecrets()) {
                setGraphic(MaskedTextFlow.fill(new TextFlow(), shown, "output-text", secret -> {
                    model.shownOutput().reveal(line, secret);
                    updateItem(line, false);
                }));
            } else {
                setText(line.text());
            }
            if (line.isError()) {
                getStyleClass().add("stderr-line");
            }
        }
    }

    /** A target in the picker: name and kind, production ones in red (the list also says PRODUCTION). */
    public static final class TargetCell extends ListCell<TargetInfo> {
        private final boolean inList;

        /** @param inList true for the drop-down list, false for the picker's button (a badge stands beside it) */
        public TargetCell(boolean inList) {
            this.inList = inList;
        }

        @Override
        protected void updateItem(TargetInfo t, boolean empty) {
            super.updateItem(t, empty);
            getStyleClass().remove("production-target");
            setText(empty || t == null ? null : t.name() + (t.kind().equals(t.name()) ? "" : "  \u00b7 " + t.kind())
                    + (inList && t.production() ? "  \u00b7 PRODUCTION" : ""));
            if (!empty && t != null && t.production()) {
                getStyleClass().add("production-target");
            }
        }
    }
}
