package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;

/**
 * The symptoms a section lists: for a symptom section, its shallowest list items, else its paragraphs; for any
 * section, list items that open with a bold symptom label ({@code - **Message**: disk stall detected}).
 */
final class Symptoms {

    private static final int MAX_CHARS = 300;

    private Symptoms() {
    }

    static List<String> of(List<Block> blocks) {
        int minDepth = Integer.MAX_VALUE;
        for (Block b : blocks) {
            if (b instanceof Block.Text t && isItem(t)) {
                minDepth = Math.min(minDepth, t.depth());
            }
        }
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            if (!(b instanceof Block.Text t)) {
                continue;
            }
            boolean wanted = minDepth == Integer.MAX_VALUE
                    ? t.type() == Block.TextType.PARAGRAPH || t.type() == Block.TextType.QUOTE
                    : isItem(t) && t.depth() == minDepth;
            if (!wanted) {
                continue;
            }
            String s = collapseSpaces(t.plain());
            if (!s.isEmpty()) {
                out.add(s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS - 1) + "…" : s);
            }
        }
        return out;
    }

    /** Text after a bold symptom label at the start of a list item, such as {@code **Impact**: ...}. */
    static List<String> labelledItems(List<Block> blocks) {
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            if (!(b instanceof Block.Text t) || !isItem(t) || t.inlines().size() < 2
                    || t.inlines().get(0).style() != Inline.Style.STRONG) {
                continue;
            }
            String label = t.inlines().get(0).text();
            String rest = collapseSpaces(t.plain().substring(label.length()));
            rest = rest.startsWith(":") ? rest.substring(1).strip() : label.strip().endsWith(":") ? rest : "";
            if (!rest.isEmpty() && LabelKinds.kindOf(Labels.title(label)) == SectionKind.SYMPTOM) {
                out.add(rest.length() > MAX_CHARS ? rest.substring(0, MAX_CHARS - 1) + "…" : rest);
            }
        }
        return out;
    }

    /** {@code s} with each run of regex {@code \\s} characters ({@code [ \\t\\n\\x0B\\f\\r]}) as one space, stripped. */
    private static String collapseSpaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean blank = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!blank) {
                sb.append(c);
            } else if (!space) {
                sb.append(' ');
            }
            space = blank;
        }
        return sb.toString().strip();
    }

    private static boolean isItem(Block.Text t) {
        return t.type() == Block.TextType.BULLET || t.type() == Block.TextType.NUMBERED;
    }
}
