package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads runbook indexes: link lists under a "By Symptom" / "By Component" heading or label
 * ({@code - Queue backing up → [High Queue Depth](./high-queue-depth.md)}), and tables whose key column is a
 * symptom ("Symptom", "When to Use", "Error"...) or a component ("Component", "Service") and whose rows link
 * to runbooks.
 */
final class IndexReader {

    private static final Pattern SYMPTOM_SECTION = Pattern.compile(
            "\\bby (symptoms?|errors?|alerts?|problems?|issues?)\\b|\\bsymptom (index|lookup)\\b");
    private static final Pattern COMPONENT_SECTION = Pattern.compile(
            "\\bby (components?|services?|systems?)\\b|\\bcomponent (index|lookup)\\b");
    private static final Pattern SYMPTOM_COLUMN = Pattern.compile(
            "^(symptoms?|when to use|errors?|error messages?|messages?|problems?|issues?|alerts?|alert names?"
                    + "|signs?)$");
    private static final Pattern COMPONENT_COLUMN = Pattern.compile("^(components?|services?|systems?)$");
    private static final String SEPARATORS = "[\\s→⇒➜>=:|,;–—-]+";
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^" + SEPARATORS);
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile(SEPARATORS + "$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKUP = Pattern.compile("[*_`:]");

    private IndexReader() {
    }

    static List<IndexEntry> read(List<Section> sections, List<MarkdownWalker.LinkedItem> items,
                                 List<TableReader.ReadTable> tables) {
        List<IndexEntry> out = new ArrayList<>();
        for (Section s : sections) {
            String title = LabelKinds.normalize(s.title());
            // every match of the two patterns holds one of these words and a space: most titles need no regex
            if (!title.contains("by ") && !title.contains("symptom ") && !title.contains("component ")) {
                continue;
            }
            IndexEntry.Kind kind = SYMPTOM_SECTION.matcher(title).find() ? IndexEntry.Kind.SYMPTOM
                    : COMPONENT_SECTION.matcher(title).find() ? IndexEntry.Kind.COMPONENT : null;
            if (kind == null) {
                continue;
            }
            int end = subtreeEnd(sections, s);
            for (MarkdownWalker.LinkedItem item : items) {
                if (item.line() > s.line() && item.line() <= end) {
                    String key = key(item.inlines());
                    if (!key.isEmpty()) {
                        out.add(new IndexEntry(kind, key, item.links(), item.line()));
                    }
                }
            }
        }
        for (TableReader.ReadTable t : tables) {
            readTable(t, out);
        }
        out.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return out;
    }

    private static void readTable(TableReader.ReadTable t, List<IndexEntry> out) {
        List<String> header = t.table().header();
        IndexEntry.Kind kind = null;
        int keyColumn = -1;
        for (int i = 0; i < header.size() && kind == null; i++) {
            String h = MARKUP.matcher(header.get(i).toLowerCase(Locale.ROOT)).replaceAll("").strip();
            if (SYMPTOM_COLUMN.matcher(h).matches()) {
                kind = IndexEntry.Kind.SYMPTOM;
                keyColumn = i;
            } else if (COMPONENT_COLUMN.matcher(h).matches()) {
                kind = IndexEntry.Kind.COMPONENT;
                keyColumn = i;
            }
        }
        if (kind == null) {
            return;
        }
        for (int r = 0; r < t.table().rows().size(); r++) {
            List<String> row = t.table().rows().get(r);
            List<String> targets = new ArrayList<>();
            t.cellLinks().get(r).forEach(targets::addAll);
            String key = keyColumn < row.size() ? row.get(keyColumn).strip() : "";
            if (!targets.isEmpty() && !key.isEmpty()) {
                out.add(new IndexEntry(kind, key, targets, t.rowLines().get(r)));
            }
        }
    }

    /** The words before the first link ("Queue backing up"), else the words after the last one. */
    static String key(List<Inline> inlines) {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        boolean seenLink = false;
        for (Inline i : inlines) {
            if (i.style() == Inline.Style.LINK) {
                seenLink = true;
                after.setLength(0);
            } else if (seenLink) {
                after.append(i.text());
            } else {
                before.append(i.text());
            }
        }
        String key = trim(before.toString());
        return key.isEmpty() ? trim(after.toString()) : key;
    }

    private static String trim(String s) {
        String t = LEADING_SEPARATORS.matcher(s).replaceAll("");
        return SPACES.matcher(TRAILING_SEPARATORS.matcher(t).replaceAll("")).replaceAll(" ");
    }

    private static int subtreeEnd(List<Section> sections, Section root) {
        int end = root.endLine();
        for (Section s : root.index() + 1 < sections.size() ? sections.subList(root.index() + 1, sections.size())
                : List.<Section>of()) {
            if (s.level() <= root.level()) {
                break;
            }
            end = Math.max(end, s.endLine());
        }
        return end;
    }
}
