package dev.incidentconsole.runbook;

import java.util.regex.Pattern;

/** Small text clean-ups for headings and HTML fragments. */
final class Titles {

    private static final Pattern ANCHOR = Pattern.compile("\\s*\\{#[^}]*}\\s*$");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);

    private Titles() {
    }

    /** Heading text without a trailing {@code {#anchor}} and surrounding blanks. */
    static String heading(String text) {
        // every anchor holds a '{': most headings have none and need no regex scan from each of their characters
        if (text.indexOf('{') < 0) {
            return text.strip();
        }
        return ANCHOR.matcher(text).replaceAll("").strip();
    }

    /** The visible text of an HTML fragment: comments and tags removed. */
    static String stripHtml(String html) {
        String noComments = COMMENT.matcher(html).replaceAll(" ");
        return TAG.matcher(noComments).replaceAll(" ").replaceAll("[ \\t]+", " ").strip();
    }
}
