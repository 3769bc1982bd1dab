package dev.incidentconsole.app.gui.browse;

import dev.incidentconsole.app.gui.library.SectionTarget;
import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.health.FiringAlert;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts firing now in the dashboard's alert sources as Browse entries: one per alert, opening the section that
 * answers it best, the other sections under it, each saying why. Pure: safe on any thread.
 */
public final class FiringAlertNodes {
    /** The group's title in the Alerts list. */
    public static final String GROUP = "Firing now";
    private static final String SEP = " › ";

    private FiringAlertNodes() {
    }

    /**
     * One entry for a firing alert.
     *
     * @param source the alert source that reported it
     * @param links  the sections that answer it, best first (a web-only {@code runbook_url} opens nothing here)
     */
    public static BrowseNode of(FiringAlert alert, String source, List<LinkedSection> links) {
        String title = alert.name() + (alert.severity().isEmpty() ? "" : " (" + alert.severity() + ")");
        List<BrowseNode> answers = new ArrayList<>();
        for (LinkedSection l : links) {
            answers.add(BrowseNode.leaf(l.webOnly() ? l.url() : l.label(), l.why(), target(l)));
        }
        if (answers.isEmpty()) {
            return BrowseNode.leaf(title, "firing in " + source + "; no runbook answers it", null);
        }
        BrowseNode best = answers.get(0);
        return new BrowseNode(title, "firing in " + source + SEP + best.title() + " - " + best.detail(), best.target(),
                answers.size() > 1 ? answers : List.of());
    }

    /** The group of firing alerts, or nothing when none fires. */
    public static List<BrowseNode> group(List<BrowseNode> firing) {
        return firing.isEmpty() ? List.of() : List.of(new BrowseNode(GROUP + " (" + firing.size() + ")", "", null, firing));
    }

    private static SectionTarget target(LinkedSection l) {
        if (!l.found() || l.file().isEmpty()) {
            return null;
        }
        return SectionTarget.of(Path.of(l.file()), l.headings(), l.line());
    }
}
