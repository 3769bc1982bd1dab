package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.run.KnownValues;
import dev.incidentconsole.app.gui.run.RunServices;
import dev.incidentconsole.app.targets.TargetCatalog;
import java.time.Clock;
import javafx.beans.value.ObservableValue;

/**
 * What every walkthrough of the window shares.
 *
 * @param run     the Runs window's runner, executors, dialogs and terminal (its SSH prompts ask for host keys)
 * @param catalog the targets found so far (only this machine until discovery ends); walkthroughs follow it
 * @param watch   the dashboard's service statuses, for verification steps to wait on
 * @param timer   time limits of those waits
 * @param clock   the time written into "is UP again at" notes (written in UTC)
 */
public record WalkServices(RunServices run, ObservableValue<TargetCatalog> catalog, ServiceWatch watch,
                           ServiceWait.Timer timer, Clock clock) {

    /**
     * The run services for one walkthrough: values typed in it are remembered apart from other walkthroughs; its runs
     * are listed with every other one (the Runs view's history).
     */
    RunServices forWalkthrough() {
        return new RunServices(run.runner(), run.tasks(), run.ui(), run.dialogs(), run.terminal(), new KnownValues(),
                run.history());
    }
}
