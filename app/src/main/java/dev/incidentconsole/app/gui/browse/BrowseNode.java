package dev.incidentconsole.app.gui.browse;

import dev.incidentconsole.app.gui.library.SectionTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a Browse list: a component, symptom, alert or runbook, with what opens when it is chosen.
 *
 * @param title    what the entry is called
 * @param detail   where it leads, e.g. "Runbook › Section"; may be empty
 * @param target   the section to open, or {@code null} for a group
 * @param children entries grouped under this one
 */
public record BrowseNode(String title, String detail, SectionTarget target, List<BrowseNode> children) {

    public BrowseNode {
        children = List.copyOf(children);
    }

    public static BrowseNode leaf(String title, String detail, SectionTarget target) {
        return new BrowseNode(title, detail, target, List.of());
    }

    /**
     * This entry narrowed to {@code filter} (case-insensitive, on title and detail): whole when it matches
     * itself, else with only the children that match; {@code null} when nothing does.
     */
    public BrowseNode filtered(String filter) {
        String f = filter.strip().toLowerCase(Locale.ROOT);
        if (f.isEmpty() || title.toLowerCase(Locale.ROOT).contains(f) || detail.toLowerCase(Locale.ROOT).contains(f)) {
            return this;
        }
        List<BrowseNode> kept = new ArrayList<>();
        for (BrowseNode child : children) {
            BrowseNode k = child.filtered(f);
            if (k != null) {
                kept.add(k);
            }
        }
        return kept.isEmpty() ? null : new BrowseNode(title, detail, target, kept);
    }

    /** This entry and all below it. */
    public int size() {
        return 1 + children.stream().mapToInt(BrowseNode::size).sum();
    }
}
