package dev.incidentconsole.search;

/**
 * Why a section was found: one word of the query and where the section holds it, so an engineer can trust or
 * dismiss a hit at a glance.
 *
 * @param word  the word as typed, or for {@link Field#SYNONYM} the synonym found
 * @param field where the section holds it
 */
public record Match(String word, Field field) {

    /**
     * The matches as one line for people, grouped by where they were found, in the order of {@link Field}:
     * {@code heading: restarting · text: pods, deploy · synonym: rollout}.
     */
    public static String describe(java.util.List<Match> matches) {
        java.util.Map<Field, java.util.List<String>> byField = new java.util.EnumMap<>(Field.class);
        matches.forEach(m -> byField.computeIfAbsent(m.field(), f -> new java.util.ArrayList<>()).add(m.word()));
        return String.join(" \u00b7 ", byField.entrySet().stream()
                .map(e -> e.getKey().label() + ": " + String.join(", ", e.getValue())).toList());
    }

    /** Where a word was found. */
    public enum Field {
        /** The section's own heading. */
        HEADING,
        /** An alert the section is about. */
        ALERT,
        /** A symptom the section lists. */
        SYMPTOM,
        /** The section's own text or commands. */
        TEXT,
        /** A heading above the section only: the word is context, not what the section is about. */
        CONTEXT,
        /** An operations synonym of a typed word, anywhere in the section. */
        SYNONYM;

        /** The lower-case name used in JSON output. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
