package dev.incidentconsole.app.gui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Steps window tests share: the dashboard comes first on the rail, so runbook tests go to their view. */
public final class WindowSteps {
    private WindowSteps() {
    }

    /** Clicks a destination on the navigation rail by its label, e.g. "Runbooks". */
    public static void show(FxRobot robot, String destination) {
        robot.clickOn(robot.lookup(".nav-button")
                .match(n -> n instanceof Labeled l && destination.equals(l.getText())).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
