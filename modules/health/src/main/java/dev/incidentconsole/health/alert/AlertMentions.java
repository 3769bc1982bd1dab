package dev.incidentconsole.health.alert;

import dev.incidentconsole.runbook.Block;
import dev.incidentconsole.runbook.Inline;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a runbook mentions an alert: its name in a heading, list item, table cell or inline code (CamelCase
 * aware: {@code HighErrorRate} is found in "High error rate" and {@code high_error_rate}), and the metrics of
 * its expression in a section's text, tables or code. Stateless.
 */
final class AlertMentions {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})"
            + "|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*-?\\s*alert:\\s*[\"']?([A-Za-z_][\\w:.-]*)");

    private AlertMentions() {
    }

    /** A section, and where in it the match was. */
    record Mention(Section section, String where, int strength) {
    }

    /** The places that name the alert, headings first, each section once (a bold label counts as its heading). */
    static List<Mention> name(Runbook runbook, String alertName) {
        List<String> wanted = words(alertName);
        List<Mention> out = new ArrayList<>();
        if (wanted.isEmpty()) {
            return out;
        }
        for (Section s : runbook.sections()) {
            if (!s.label() && phrase(s.title(), wanted, alertName)) {
                out.add(new Mention(s, "its heading", 3));
                continue;
            }
            String where = inBlocks(s, wanted, alertName);
            if (where != null) {
                out.add(new Mention(s, where, where.equals("an alerting rule") ? 2 : 1));
            }
        }
        return out;
    }

    /** Sections that mention any of the metrics, with the metrics each mentions. */
    static List<Mention> metrics(Runbook runbook, List<String> metrics) {
        List<Mention> out = new ArrayList<>();
        if (metrics.isEmpty()) {
            return out;
        }
        for (Section s : runbook.sections()) {
            String text = s.text();
            List<String> found = new ArrayList<>();
            for (String m : metrics) {
                if (containsMetric(text, m)) {
                    found.add(m);
                }
            }
            if (!found.isEmpty()) {
                boolean inCode = s.blocks().stream().anyMatch(b -> b instanceof Block.Code c
                        && found.stream().anyMatch(m -> containsMetric(c.step().text(), m)));
                out.add(new Mention(s, (found.size() == 1 ? "metric " : "metrics ") + String.join(", ", found)
                        + (inCode ? " in its commands" : " in its text"), found.size() * 2 + (inCode ? 1 : 0)));
            }
        }
        return out;
    }

    private static String inBlocks(Section s, List<String> wanted, String alertName) {
        for (Block b : s.blocks()) {
            if (b instanceof Block.Text t) {
                for (Inline i : t.inlines()) {
                    if (i.style() == Inline.Style.CODE && phrase(i.text(), wanted, alertName)) {
                        return "inline code";
                    }
                }
                boolean item = t.type() == Block.TextType.BULLET || t.type() == Block.TextType.NUMBERED;
                if (item && phrase(t.plain(), wanted, alertName)) {
                    return "a list item";
                }
            } else if (b instanceof Block.Table t) {
                for (List<String> row : t.rows()) {
                    for (String cell : row) {
                        if (phrase(cell, wanted, alertName)) {
                            return "a table cell";
                        }
                    }
                }
            } else if (b instanceof Block.Code c) {
                Matcher m = RULE.matcher(c.step().text());
                while (m.find()) {
                    if (key(m.group(1)).equals(key(alertName))) {
                        return "an alerting rule";
                    }
                }
            }
        }
        return null;
    }

    /**
     * Whether {@code wanted} (the alert name's words) appear in a row in {@code text}'s words. A one-word name
     * must be the whole text, or be written there as it is in the alert, not inside a longer word or
     * hyphenated name (so {@code Watchdog} does not match "watchdog timer" in passing).
     */
    private static boolean phrase(String text, List<String> wanted, String alertName) {
        if (wanted.size() == 1) {
            return key(text).equals(key(alertName)) || standsAlone(text, alertName, AlertMentions::nameChar);
        }
        List<String> have = words(text);
        outer:
        for (int i = 0; i + wanted.size() <= have.size(); i++) {
            for (int j = 0; j < wanted.size(); j++) {
                if (!have.get(i + j).equals(wanted.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Lower-case words, CamelCase and digit runs split: {@code HTTPErrorRate5xx} gives http, error, rate, 5, xx. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            for (String part : CAMEL.split(m.group())) {
                if (!part.isEmpty()) {
                    out.add(part.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code text} names {@code metric}. A metric named by a plain word ({@code up}, {@code errors}) is an
     * English word as often: "scale up", "docker compose up -d" are no mention of Prometheus' {@code up}, and a
     * firing {@code up == 0} alert linked every section that said it. Such a name counts only where it is queried:
     * before a selector, a range or a comparison ({@code up{job="redis"}}, {@code up[5m]}, {@code up == 0}).
     */
    static boolean containsMetric(String text, String metric) {
        if (metric.indexOf('_') >= 0 || metric.indexOf(':') >= 0) {
            return standsAlone(text, metric, AlertMentions::metricChar);
        }
        // a selector opens with a label matcher ({service} is a placeholder); sum(up), absent(up) and a query line
        // that is the name alone are queries too
        String name = "(?<![\\w:])" + Pattern.quote(metric) + "(?![\\w:])";
        return text.contains(metric) && Pattern.compile("(?m)" + name + "\\s*(?:\\{\\s*(?:}|[A-Za-z_]\\w*\\s*[=!][=~]?)"
                + "|\\[|[=!]=|[<>]=?\\s*\\d)|\\(\\s*" + name + "\\s*[)\\[{]|^\\s*" + name + "\\s*$").matcher(text).find();
    }

    /** Whether {@code token} occurs in {@code text} with no {@code partOfToken} character on either side. */
    private static boolean standsAlone(String text, String token, IntPredicate partOfToken) {
        int from = 0;
        while (true) {
            int at = text.indexOf(token, from);
            if (at < 0) {
                return false;
            }
            int end = at + token.length();
            if ((at == 0 || !partOfToken.test(text.charAt(at - 1)))
                    && (end == text.length() || !partOfToken.test(text.charAt(end)))) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean metricChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    /** What continues an alert name in prose: an ASCII letter, digit, underscore or hyphen. */
    private static boolean nameChar(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_') || c == '-';
    }

    /** The name's ASCII letters and digits, lower-cased: {@code PG-Bouncer} and {@code pgbouncer} are one key. */
    static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
