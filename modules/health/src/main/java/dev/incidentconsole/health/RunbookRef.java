package dev.incidentconsole.health;

/**
 * Where to read about a service: a runbook file and optionally a section in it.
 *
 * @param file    the runbook file as written (relative paths are relative to the environment file
 *                or the runbook folder; the app resolves them)
 * @param section the section heading or anchor after {@code #}, or empty for the whole runbook
 * @param line    the 1-based line of the section when known, else 0
 */
public record RunbookRef(String file, String section, int line) {

    /** Parses {@code file.md#Section title} or {@code file.md}. */
    public static RunbookRef parse(String text) {
        int hash = text.indexOf('#');
        return hash < 0 ? new RunbookRef(text.trim(), "", 0)
                : new RunbookRef(text.substring(0, hash).trim(), text.substring(hash + 1).trim(), 0);
    }

    @Override
    public String toString() {
        String s = section.isEmpty() ? file : file + "#" + section;
        return line > 0 ? s + " (line " + line + ")" : s;
    }
}
