package dev.incidentconsole.runbook;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The severity a runbook declares for a section: a {@code Severity: Critical} line (often bold,
 * {@code **Severity:** critical, for 2m.}) in the section's own text or in that of a heading above it, else the
 * front matter's {@code severity} key. The word is returned as written ({@code Critical}, {@code P1},
 * {@code warning}); what incident level it means is the app's mapping. Stateless.
 */
public final class DeclaredSeverity {
    private static final Pattern LINE = Pattern.compile("^\\s*severity\\s*:\\s*([A-Za-z][A-Za-z0-9-]*)",
            Pattern.CASE_INSENSITIVE);

    private DeclaredSeverity() {
    }

    /**
     * @return the severity word nearest to {@code section}: its own text first, then each enclosing heading's own
     *         text, then the front matter; empty when the runbook declares none
     */
    public static Optional<String> of(Runbook runbook, Section section) {
        int level = section.level() + 1;
        for (int i = section.index(); i >= 0; i--) {
            Section s = runbook.sections().get(i);
            if (s.level() < level) {
                Optional<String> own = inText(s);
                if (own.isPresent()) {
                    return own;
                }
                level = s.level();
            }
        }
        Object front = runbook.frontMatter().get("severity");
        return front == null || front.toString().isBlank() ? Optional.empty() : Optional.of(front.toString().strip());
    }

    private static Optional<String> inText(Section section) {
        for (Block b : section.blocks()) {
            if (b instanceof Block.Text t) {
                Matcher m = LINE.matcher(t.plain());
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
