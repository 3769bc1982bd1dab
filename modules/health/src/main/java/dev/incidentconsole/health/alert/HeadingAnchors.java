package dev.incidentconsole.health.alert;

import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The anchors GitHub and GitLab give Markdown headings, so a link's {@code #fragment} finds its section.
 * Stateless.
 *
 * <p>GitHub: lower case, every character that is not a letter, digit, space, hyphen or underscore dropped,
 * each space a hyphen ({@code 1. Backend & DB} gives {@code 1-backend--db}). GitLab: the same, then runs
 * of hyphens collapsed into one ({@code 1-backend-db}). Both number repeated headings {@code -1}, {@code -2}...
 */
public final class HeadingAnchors {
    private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{L}\\p{N}\\p{Mn}\\p{Pc} -]");
    private static final Pattern HYPHENS = Pattern.compile("-{2,}");

    private HeadingAnchors() {
    }

    /** GitHub's anchor for a heading text, without the repeat number. */
    public static String github(String heading) {
        return NOT_SLUG.matcher(heading.strip().toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }

    /** GitLab's anchor for a heading text, without the repeat number. */
    public static String gitlab(String heading) {
        return HYPHENS.matcher(github(heading)).replaceAll("-");
    }

    /**
     * The heading (not a bold label) of the runbook whose GitHub or GitLab anchor, repeat numbers counted in
     * document order, is {@code fragment}; also a fragment written as the heading's text.
     *
     * @param fragment the part after {@code #}, percent-decoded or not
     */
    public static Optional<Section> find(Runbook runbook, String fragment) {
        String wanted = decode(fragment).strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> seenGithub = new HashMap<>();
        Map<String, Integer> seenGitlab = new HashMap<>();
        Section byText = null;
        for (Section s : runbook.sections()) {
            if (s.label()) {
                continue;
            }
            if (wanted.equals(numbered(seenGithub, github(s.title()))) || wanted.equals(numbered(seenGitlab, gitlab(s.title())))) {
                return Optional.of(s);
            }
            if (byText == null && s.title().strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                byText = s;
            }
        }
        return Optional.ofNullable(byText);
    }

    private static String numbered(Map<String, Integer> seen, String slug) {
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        return n == 0 ? slug : slug + "-" + n;
    }

    private static String decode(String fragment) {
        try {
            return java.net.URLDecoder.decode(fragment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return fragment;
        }
    }
}
