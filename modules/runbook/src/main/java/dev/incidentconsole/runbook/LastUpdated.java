package dev.incidentconsole.runbook;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date a runbook says it was last updated: a "Last Updated: 2025-12-06" line (any emphasis), or
 * front matter {@code last_updated}, {@code updated}, {@code lastmod} or {@code date}.
 */
final class LastUpdated {

    private static final Pattern STATED = Pattern.compile(
            "(?i)\\b(?:last[ _-]?(?:updated|modified|reviewed)|updated(?: on)?)\\s*[:\\-–—]?\\s*(.{6,40})");
    private static final List<String> KEYS = List.of("last_updated", "lastupdated", "last-updated", "updated",
            "last_modified", "lastmod", "modified", "date");
    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern WORDY = Pattern.compile(
            "(?i)(\\d{1,2}(?:st|nd|rd|th)?\\s+[a-z]{3,9},?\\s+\\d{4})"
                    + "|([a-z]{3,9}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})");
    private static final DateTimeFormatter DAY_MONTH = formatter("d MMMM uuuu", "d MMM uuuu");
    private static final DateTimeFormatter MONTH_DAY = formatter("MMMM d uuuu", "MMM d uuuu");

    private LastUpdated() {
    }

    static LocalDate find(Map<String, Object> frontMatter, List<Section> sections) {
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Text t && t.type() != Block.TextType.HEADING) {
                    Matcher m = STATED.matcher(t.plain());
                    while (m.find()) {
                        LocalDate d = parse(m.group(1));
                        if (d != null) {
                            return d;
                        }
                    }
                }
            }
        }
        for (String key : KEYS) {
            for (Map.Entry<String, Object> e : frontMatter.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key)) {
                    LocalDate d = parse(String.valueOf(e.getValue()));
                    if (d != null) {
                        return d;
                    }
                }
            }
        }
        return null;
    }

    /** The first date in {@code text}: ISO-like {@code 2025-12-06}, {@code 6 December 2025} or {@code Dec 6, 2025}. */
    static LocalDate parse(String text) {
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            try {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        Matcher w = WORDY.matcher(text);
        if (w.find()) {
            String s = (w.group(1) != null ? w.group(1) : w.group(2))
                    .replaceAll("(?i)(\\d)(st|nd|rd|th)", "$1").replace(",", " ").replace(".", " ")
                    .replaceAll("\\s+", " ").strip();
            try {
                return LocalDate.parse(s, w.group(1) != null ? DAY_MONTH : MONTH_DAY);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static DateTimeFormatter formatter(String full, String abbreviated) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern("[" + full + "][" + abbreviated + "]").toFormatter(Locale.ENGLISH);
    }
}
