package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The secret spans found in one text, merged where they overlap. A value that only names a secret
 * (a shell variable, a runbook placeholder) or is already masked is not a span.
 */
final class SpanList {
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$[{(A-Za-z_].*|<[^<>]+>|\\{\\{.*}}|\\{[A-Za-z_][\\w.-]*}|\\*+|%s");

    private final List<SecretMasker.Span> spans = new ArrayList<>();

    /** Adds {@code line[start, end)} at {@code offset + start} unless it is empty, masked or a reference. */
    void add(String line, int offset, int start, int end) {
        if (end <= start || REFERENCE.matcher(line.substring(start, end)).matches()) {
            return;
        }
        addAbsolute(offset + start, offset + end);
    }

    void addAbsolute(int start, int end) {
        if (end > start) {
            spans.add(new SecretMasker.Span(start, end));
        }
    }

    /** The spans in text order, overlapping or touching ones merged. */
    List<SecretMasker.Span> merged() {
        if (spans.size() < 2) {
            return List.copyOf(spans);
        }
        spans.sort(Comparator.comparingInt(SecretMasker.Span::start));
        List<SecretMasker.Span> out = new ArrayList<>();
        SecretMasker.Span cur = spans.get(0);
        for (SecretMasker.Span s : spans.subList(1, spans.size())) {
            if (s.start() <= cur.end()) {
                cur = new SecretMasker.Span(cur.start(), Math.max(cur.end(), s.end()));
            } else {
                out.add(cur);
                cur = s;
            }
        }
        out.add(cur);
        return out;
    }
}
