package dev.incidentconsole.incident.export;

import dev.incidentconsole.incident.Times;
import dev.incidentconsole.incident.ActionItem;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.Postmortem;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The postmortem as Markdown (CommonMark + GFM tables); user text is escaped so it cannot break the layout. */
final class MarkdownExport {
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|~])");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    static final String ELSEWHERE = "Elsewhere during the incident";
    static final String ELSEWHERE_WHY = "Health changes of services this incident is not about, for context.";

    private MarkdownExport() {
    }

    static String render(IncidentDocument doc, ExportOptions o) {
        Incident i = doc.incident();
        Postmortem pm = i.postmortem();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(i.id()).append(": ").append(escape(i.title())).append("\n\n");
        md.append("| | |\n|---|---|\n");
        for (Facts.Fact f : Facts.of(doc, o)) {
            md.append("| ").append(escape(f.label())).append(" | ").append(escape(f.value())).append(" |\n");
        }
        section(md, "Summary", pm.summary());
        section(md, "Impact", pm.impact());
        md.append("## Timeline\n\nAll times are UTC.\n\n");
        List<TimelineLine> lines = TimelineLine.of(doc.entries(), new HashSet<>(i.pinned()), o);
        lines.stream().filter(l -> !l.elsewhere()).forEach(l -> line(md, l));
        List<TimelineLine> elsewhere = lines.stream().filter(TimelineLine::elsewhere).toList();
        if (!elsewhere.isEmpty()) {
            md.append("\n## ").append(ELSEWHERE).append("\n\n_").append(ELSEWHERE_WHY).append("_\n\n");
            elsewhere.forEach(l -> line(md, l));
        }
        List<TimelineLine> pinned = lines.stream().filter(TimelineLine::pinned).toList();
        if (!pinned.isEmpty()) {
            md.append("\n## Key moments (pinned)\n\n");
            pinned.forEach(l -> md.append("- ").append(Times.instant(l.time())).append(" ")
                    .append(headline(l)).append('\n'));
        }
        section(md, "Root cause", pm.rootCause());
        md.append("## Action items\n\n");
        if (pm.actionItems().isEmpty()) {
            md.append("_None recorded yet._\n");
        }
        for (ActionItem a : pm.actionItems()) {
            md.append("- [").append(a.done() ? 'x' : ' ').append("] ").append(escape(a.text()));
            if (!a.owner().isEmpty()) {
                md.append(" — ").append(escape(a.owner()));
            }
            if (a.due() != null) {
                md.append(" (due ").append(a.due()).append(')');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String title, String text) {
        md.append(md.charAt(md.length() - 2) == '\n' ? "" : "\n").append("## ").append(title).append("\n\n");
        md.append(text.isBlank() ? "_Not written yet._" : escapeBlock(text)).append("\n\n");
    }

    private static void line(StringBuilder md, TimelineLine l) {
        md.append("- **").append(Times.instant(l.time())).append("** ")
                .append(escape(l.entry().author())).append(" · ");
        String headline = headline(l);
        md.append(l.corrected() ? "~~" + headline + "~~ _(corrected below)_" : headline);
        if (l.pinned()) {
            md.append(" 📌");
        }
        if (!l.late().isEmpty()) {
            md.append(" _(").append(escape(l.late())).append(")_");
        }
        md.append('\n');
        if (l.entry().source() != null) {
            md.append("  <br>_from ").append(escape(l.entry().source().display())).append("_\n");
        }
        if (!l.output().isEmpty()) {
            String fence = fence(l.output());
            md.append("\n  ").append(fence).append("text\n");
            l.output().lines().forEach(x -> md.append("  ").append(x).append('\n'));
            md.append("  ").append(fence).append("\n\n");
        }
    }

    private static String headline(TimelineLine l) {
        StringBuilder sb = new StringBuilder("**").append(escape(l.label())).append("**");
        if (!l.command().isEmpty()) {
            sb.append(' ').append(code(l.command()));
        }
        if (!l.detail().isEmpty()) {
            // Multi-line notes stay inside the list item: continuation lines are indented.
            sb.append(' ').append(escape(l.detail()).replace("\n", "<br>\n  "));
        }
        return sb.toString();
    }

    /** Escapes Markdown punctuation in one line of text. */
    static String escape(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$1");
    }

    private static String escapeBlock(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.lines().toList()) {
            sb.append(line.isBlank() ? "" : escape(line)).append('\n');
        }
        return sb.toString().strip();
    }

    /** Inline code that survives backticks inside: the delimiter is longer than any run in the text. */
    static String code(String text) {
        String oneLine = text.replace('\n', ' ');
        String delim = "`".repeat(longestRun(oneLine) + 1);
        String pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
        return delim + pad + oneLine + pad + delim;
    }

    private static String fence(String text) {
        return "`".repeat(Math.max(3, longestRun(text) + 1));
    }

    private static int longestRun(String text) {
        int max = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            max = Math.max(max, m.group().length());
        }
        return max;
    }
}
