package dev.incidentconsole.incident.export;

import dev.incidentconsole.incident.Times;
import dev.incidentconsole.incident.ActionItem;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.Postmortem;
import java.util.HashSet;
import java.util.List;

/** The postmortem as one self-contained HTML page: inline CSS, no scripts, no external assets, all text escaped. */
final class HtmlExport {
    private static final String CSS = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;\
            padding:0 1rem;color:#1d2430;background:#fff}
            h1{font-size:1.6rem;margin-bottom:.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde}
            table.facts{border-collapse:collapse}table.facts th{text-align:left;padding:.2rem 1rem .2rem 0;color:#556}
            table.facts td{padding:.2rem 0}
            ol.timeline{list-style:none;padding:0}ol.timeline li{padding:.4rem 0;border-bottom:1px solid #eef}
            time{font-family:ui-monospace,Menlo,Consolas,monospace;color:#556;margin-right:.5rem}
            .author{color:#335;margin-right:.5rem}.label{font-weight:600;margin-right:.3rem}
            code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
            code{background:#f2f4f8;padding:.05rem .3rem;border-radius:3px}
            pre{background:#0f1720;color:#e6edf3;padding:.6rem .8rem;border-radius:4px;overflow-x:auto;white-space:pre-wrap}
            .source{display:block;color:#667;font-size:.85em}.corrected{text-decoration:line-through;color:#889}
            .text{white-space:pre-wrap}
            .pin{color:#b35c00}.late{color:#8a5a00;font-style:italic}.empty{color:#889;font-style:italic}.sev{font-weight:600}
            @media print{pre{white-space:pre-wrap;color:#000;background:#f4f4f4}}
            """;

    private HtmlExport() {
    }

    static String render(IncidentDocument doc, ExportOptions o) {
        Incident i = doc.incident();
        Postmortem pm = i.postmortem();
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(i.id() + ": " + i.title())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(i.id())).append(": ").append(esc(i.title())).append("</h1>\n");
        h.append("<table class=\"facts\">\n");
        for (Facts.Fact f : Facts.of(doc, o)) {
            h.append("<tr><th>").append(esc(f.label())).append("</th><td>").append(esc(f.value())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        section(h, "Summary", pm.summary());
        section(h, "Impact", pm.impact());
        h.append("<h2>Timeline</h2>\n<p class=\"empty\">All times are UTC.</p>\n<ol class=\"timeline\">\n");
        List<TimelineLine> lines = TimelineLine.of(doc.entries(), new HashSet<>(i.pinned()), o);
        lines.forEach(l -> line(h, l));
        h.append("</ol>\n");
        List<TimelineLine> pinned = lines.stream().filter(TimelineLine::pinned).toList();
        if (!pinned.isEmpty()) {
            h.append("<h2>Key moments (pinned)</h2>\n<ul>\n");
            pinned.forEach(l -> h.append("<li><time>").append(esc(Times.instant(l.time()))).append("</time>")
                    .append(headline(l)).append("</li>\n"));
            h.append("</ul>\n");
        }
        section(h, "Root cause", pm.rootCause());
        h.append("<h2>Action items</h2>\n");
        if (pm.actionItems().isEmpty()) {
            h.append("<p class=\"empty\">None recorded yet.</p>\n");
        } else {
            h.append("<ul>\n");
            for (ActionItem a : pm.actionItems()) {
                h.append("<li>").append(a.done() ? "☑ " : "☐ ").append(esc(a.text()));
                if (!a.owner().isEmpty()) {
                    h.append(" — ").append(esc(a.owner()));
                }
                if (a.due() != null) {
                    h.append(" (due ").append(esc(a.due().toString())).append(')');
                }
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static void section(StringBuilder h, String title, String text) {
        h.append("<h2>").append(esc(title)).append("</h2>\n");
        if (text.isBlank()) {
            h.append("<p class=\"empty\">Not written yet.</p>\n");
            return;
        }
        for (String para : text.strip().split("\\n\\s*\\n")) {
            h.append("<p>").append(esc(para).replace("\n", "<br>\n")).append("</p>\n");
        }
    }

    private static void line(StringBuilder h, TimelineLine l) {
        h.append("<li id=\"e-").append(l.entry().id()).append("\"><time>").append(esc(Times.instant(l.time())))
                .append("</time><span class=\"author\">").append(esc(l.entry().author())).append("</span>");
        String headline = headline(l);
        h.append(l.corrected() ? "<span class=\"corrected\">" + headline + "</span> (corrected below)" : headline);
        if (l.pinned()) {
            h.append(" <span class=\"pin\">📌 pinned</span>");
        }
        if (!l.late().isEmpty()) {
            h.append(" <span class=\"late\">(").append(esc(l.late())).append(")</span>");
        }
        if (l.entry().source() != null) {
            h.append("<span class=\"source\">from ").append(esc(l.entry().source().display())).append("</span>");
        }
        if (!l.output().isEmpty()) {
            h.append("\n<pre>").append(esc(l.output())).append("</pre>");
        }
        h.append("</li>\n");
    }

    private static String headline(TimelineLine l) {
        StringBuilder sb = new StringBuilder("<span class=\"label\">").append(esc(l.label())).append("</span>");
        if (!l.command().isEmpty()) {
            sb.append("<code>").append(esc(l.command())).append("</code> ");
        }
        // pre-wrap, not <br>: a note's indented lines (a pasted psql table) keep their spaces and blank lines
        return l.detail().isEmpty() ? sb.toString()
                : sb.append("<span class=\"text\">").append(esc(l.detail())).append("</span>").toString();
    }

    /** HTML-escapes text for element content and quoted attributes (five characters; no library needed). */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
