package dev.incidentconsole.app.gui.run;

import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.PreparedCommand;

/** The questions a run asks, worded once: each shows the exact command and where it would run. */
final class RunQuestions {
    static final String DESTRUCTIVE = "Run a destructive command?";
    static final String PRODUCTION = "Run on production?";
    static final String SWITCH = "Switch to a production target?";
    static final String TERMINAL = "Open in a terminal?";

    private final DialogService dialogs;

    RunQuestions(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    boolean destructive(PreparedCommand p, TargetInfo where) {
        return dialogs.confirm(DESTRUCTIVE, p.danger().reason() + "\n\n$ " + shown(p) + "\n\n" + on(where)
                + "\n\nThis cannot be undone by the console. Run it?", "Run it");
    }

    boolean runOnProduction(PreparedCommand p, TargetInfo where) {
        return dialogs.confirm(PRODUCTION, "$ " + shown(p) + "\n\n" + on(where) + "\n\nRun it?", "Run on production");
    }

    boolean switchToProduction(TargetInfo where) {
        return dialogs.confirm(SWITCH, "Commands will run on " + where.name() + " (" + where.where()
                + "), a PRODUCTION target.", "Use " + where.name());
    }

    boolean offerTerminal(PreparedCommand p, TargetInfo where) {
        return dialogs.confirm(TERMINAL, "Needs a terminal: " + p.interactivity().reason() + ". Here it would wait"
                + " for input; open it in a terminal window instead?\n\n$ " + shown(p) + "\n\n" + on(where),
                "Open terminal");
    }

    /** The command as the question shows it: on screen, secrets stay masked. */
    private static String shown(PreparedCommand p) {
        return p.masker().maskRunCommand(p.text());
    }

    private static String on(TargetInfo where) {
        return "Target: " + where.name() + " (" + where.where() + ")" + (where.production() ? ", PRODUCTION" : "");
    }
}
