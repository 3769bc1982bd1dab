package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deliberately simple, line-based finder of fenced code blocks, independent of commonmark, used to check
 * that the parser misses no block. Fences may be indented (list items); a backtick fence's info string may
 * not contain a backtick, as in CommonMark.
 */
final class FenceScanner {

    /** @param contentLines the lines between the fences, with the opening fence's indentation removed */
    record Fence(int line, String info, List<String> contentLines, boolean closed) {
        String language() {
            String first = info.strip().split("\\s+")[0];
            return first.replaceAll("[{}.]", "").toLowerCase(Locale.ROOT);
        }
    }

    private FenceScanner() {
    }

    static List<Fence> scan(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Fence> out = new ArrayList<>();
        int i = 0;
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            for (int j = 1; j < lines.length; j++) {
                if (lines[j].strip().equals("---")) {
                    i = j + 1;
                    break;
                }
            }
        }
        for (; i < lines.length; i++) {
            String t = lines[i].stripLeading();
            char c = t.isEmpty() ? ' ' : t.charAt(0);
            int run = 0;
            while (run < t.length() && t.charAt(run) == c) {
                run++;
            }
            if ((c != '`' && c != '~') || run < 3 || (c == '`' && t.substring(run).contains("`"))) {
                continue;
            }
            String info = t.substring(run).strip();
            int indent = lines[i].length() - t.length();
            List<String> content = new ArrayList<>();
            int j = i + 1;
            boolean closed = false;
            for (; j < lines.length; j++) {
                String s = lines[j].strip();
                if (s.length() >= run && s.chars().allMatch(ch -> ch == c)) {
                    closed = true;
                    break;
                }
                String l = lines[j];
                int cut = 0;
                while (cut < indent && cut < l.length() && l.charAt(cut) == ' ') {
                    cut++;
                }
                content.add(l.substring(cut));
            }
            out.add(new Fence(i + 1, info, content, closed));
            i = j;
        }
        return out;
    }
}
