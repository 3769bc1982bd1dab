package dev.incidentconsole.health.alert;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The metric names a PromQL expression reads: identifiers that are not functions, aggregations, keywords,
 * label names (in {@code {...}}, {@code by (...)}, {@code on (...)}), strings, numbers nor durations.
 * Stateless.
 */
final class PromQl {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2", "start", "end");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private PromQl() {
    }

    static List<String> metrics(String expression) {
        Set<String> out = new LinkedHashSet<>();
        String e = expression;
        int i = 0;
        int n = e.length();
        while (i < n) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipQuoted(e, i);
            } else if (c == '{') {
                i = skipTo(e, i, '}');
            } else if (c == '[') {
                i = skipTo(e, i, ']');
            } else if (c == '#') {
                i = skipTo(e, i, '\n');
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(e.charAt(i)) || e.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(e.charAt(i)) || e.charAt(i) == '_' || e.charAt(i) == ':')) {
                    i++;
                }
                String word = e.substring(start, i);
                int next = i;
                while (next < n && Character.isWhitespace(e.charAt(next))) {
                    next++;
                }
                // sum(...), and sum by (job) (...) whose modifier comes first
                boolean call = next < n && e.charAt(next) == '(' || keywordAt(e, next, "by") || keywordAt(e, next, "without");
                if (LABEL_LISTS.contains(word) && call) {
                    i = skipTo(e, next, ')');
                } else if (!call && !KEYWORDS.contains(word)) {
                    out.add(word);
                }
            } else {
                i++;
            }
        }
        return List.copyOf(out);
    }

    private static boolean keywordAt(String e, int at, String word) {
        int end = at + word.length();
        return e.startsWith(word, at) && (end == e.length() || !(Character.isLetterOrDigit(e.charAt(end)) || e.charAt(end) == '_'));
    }

    private static int skipQuoted(String e, int i) {
        char quote = e.charAt(i);
        int j = i + 1;
        while (j < e.length() && e.charAt(j) != quote) {
            j += e.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
    }

    private static int skipTo(String e, int i, char end) {
        int j = e.indexOf(end, i + 1);
        return j < 0 ? e.length() : j + 1;
    }
}
