package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The severity a runbook declares for a section: a {@code Severity: Critical} line (often bold,
 * {@code **Severity:** critical, for 2m.}) in the section's own text or in that of a heading above it, else the
 * front matter's {@code severity} key. The word is returned as written ({@code Critical}, {@code P1},
 * {@code warning}); what incident level it means is the app's mapping. Stateless.
 *
 * <p>Prose is not a declaration: the source line (or bold {@code **Key:** value} field) must start with
 * {@code Severity:}, the word must end it or its clause ({@code , . ; ( : /} or a dash: {@code P1 - page now}), and the caller's
 * mapping must know the word. So "Severity: critical alerts page the on-call" declares nothing. In a table, only a
 * key/value row counts ({@code | Severity | critical |}): a classification table's header ({@code | Severity |
 * Response Time |}) declares nothing. A part beside the procedure that describes the alert counts for the whole
 * alert: a heading {@code Severity} whose text is the word (Loki's SOPs), a part {@code Impact} with the field
 * (OpenShift's runbooks).
 */
public final class DeclaredSeverity {
    // Possessive word: "critical-path alerts" is one word, not "critical" ended by a dash.
    private static final String WORD = "\\s*([A-Za-z][A-Za-z0-9-]*+)\\s*(?:[,.;(:/\u2013\u2014-]|$)";
    private static final Pattern LINE = Pattern.compile("^\\s*severity\\s*:" + WORD,
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    /** A table cell or a {@code Severity} heading's text that is the word alone, or the word and its clause. */
    private static final Pattern VALUE = Pattern.compile("^" + WORD);
    private static final Pattern KEY = Pattern.compile("\\W*severity\\W*", Pattern.CASE_INSENSITIVE);
    /** Parts that describe the alert rather than a step of its procedure. */
    private static final Pattern ABOUT_PART = Pattern.compile("severity|impact", Pattern.CASE_INSENSITIVE);

    private DeclaredSeverity() {
    }

    /**
     * @param known whether a word is a severity (the app's mapping); other words are not declarations
     * @return the severity word nearest to {@code section}: its own text first, then each enclosing heading's own
     *         text, then the front matter; empty when the runbook declares none
     */
    public static Optional<String> of(Runbook runbook, Section section, Predicate<String> known) {
        int level = section.level() + 1;
        for (int i = section.index(); i >= 0; i--) {
            Section s = runbook.sections().get(i);
            if (s.level() < level) {
                Optional<String> own = inText(runbook, s, known);
                if (own.isPresent()) {
                    return own;
                }
                level = s.level();
            }
        }
        Object front = runbook.frontMatter().get("severity");
        return front == null || !known.test(front.toString().strip()) ? Optional.empty()
                : Optional.of(front.toString().strip());
    }

    /**
     * In {@code section}'s text, then in that of the bold-label parts ({@code **Owner:** db}) right below it, then in
     * its direct parts named {@code Severity} or {@code Impact}.
     */
    private static Optional<String> inText(Runbook runbook, Section section, Predicate<String> known) {
        Optional<String> own = inBlocks(section, known);
        List<Section> all = runbook.sections();
        for (int j = section.index() + 1; own.isEmpty() && j < all.size() && all.get(j).label()
                && all.get(j).level() > section.level(); j++) {
            own = inBlocks(all.get(j), known);
        }
        for (int j = section.index() + 1; own.isEmpty() && j < all.size() && all.get(j).level() > section.level(); j++) {
            Section part = all.get(j);
            if (part.path().size() == section.path().size() + 1 && ABOUT_PART.matcher(part.title().strip()).matches()) {
                own = KEY.matcher(part.title()).matches() ? firstText(part, known) : Optional.empty();
                own = own.isPresent() ? own : inBlocks(part, known);
            }
        }
        return own;
    }

    /** A {@code Severity} part's first prose, when it is the word ({@code `Critical`}). */
    private static Optional<String> firstText(Section part, Predicate<String> known) {
        return part.blocks().stream().filter(b -> b instanceof Block.Text t && t.type() != Block.TextType.HEADING)
                .findFirst().flatMap(b -> value(((Block.Text) b).plain(), known));
    }

    private static Optional<String> value(String text, Predicate<String> known) {
        Matcher m = VALUE.matcher(text.strip());
        return m.find() && known.test(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A row whose first cell is the key {@code Severity} and whose second is the word: the header row too. */
    private static Optional<String> inTable(Block.Table table, Predicate<String> known) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(table.header());
        rows.addAll(table.rows());
        for (List<String> row : rows) {
            if (row.size() >= 2 && KEY.matcher(row.get(0)).matches()) {
                Optional<String> v = value(row.get(1), known);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inBlocks(Section section, Predicate<String> known) {
        for (Block b : section.blocks()) {
            if (b instanceof Block.Table table) {
                Optional<String> row = inTable(table, known);
                if (row.isPresent()) {
                    return row;
                }
            } else if (b instanceof Block.Text t) {
                for (String field : fields(t)) {
                    Matcher m = LINE.matcher(field);
                    while (m.find()) {
                        if (known.test(m.group(1))) {
                            return Optional.of(m.group(1));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The text split into its source lines ({@link Block.Text#softBreaks()}: Markdown joins {@code Severity: critical}
     * and a next line {@code Owner: db}) and where a bold run begins (a label's rest text may not know its breaks,
     * and the bold key still marks a field's start).
     */
    private static List<String> fields(Block.Text text) {
        List<String> out = new ArrayList<>();
        String plain = text.plain();
        List<Integer> cuts = new ArrayList<>(text.softBreaks());
        int at = 0;
        for (Inline i : text.inlines()) {
            if (i.style() == Inline.Style.STRONG && at > 0) {
                cuts.add(at);
            }
            at += i.text().length();
        }
        cuts.sort(null);
        int from = 0;
        for (int cut : cuts) {
            if (cut > from && cut <= plain.length()) {
                out.add(plain.substring(from, cut));
                from = cut;
            }
        }
        out.add(plain.substring(from));
        return out;
    }
}
