package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The symptoms a symptom section lists: its shallowest list items, else its paragraphs. */
final class Symptoms {

    private static final int MAX_CHARS = 300;
    private static final Pattern SPACES = Pattern.compile("\\s+");

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
            String s = SPACES.matcher(t.plain()).replaceAll(" ").strip();
            if (wanted && !s.isEmpty()) {
                out.add(s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS - 1) + "…" : s);
            }
        }
        return out;
    }

    private static boolean isItem(Block.Text t) {
        return t.type() == Block.TextType.BULLET || t.type() == Block.TextType.NUMBERED;
    }
}
