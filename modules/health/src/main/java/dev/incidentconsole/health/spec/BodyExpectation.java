package dev.incidentconsole.health.spec;

/**
 * What a healthy HTTP body contains: a JSON pointer and the value expected there, or a keyword.
 *
 * @param pointer  a JSON pointer such as {@code /status}, or {@code null} when checking a keyword
 * @param value    the expectation at {@code pointer}; {@code null} when checking a keyword
 * @param contains a keyword the body must contain, or {@code null}
 */
public record BodyExpectation(String pointer, ValueExpectation value, String contains) {

    /**
     * @throws IllegalArgumentException when {@code pointer} is not a valid JSON pointer, or neither a
     *                                  pointer with a value nor a keyword is given
     */
    public BodyExpectation {
        if (pointer != null) {
            com.fasterxml.jackson.core.JsonPointer.compile(pointer);
            if (value == null) {
                throw new IllegalArgumentException("a JSON pointer needs the value expected there");
            }
        } else if (contains == null) {
            throw new IllegalArgumentException("give a JSON pointer and value, or a keyword");
        }
    }

    public static BodyExpectation json(String pointer, String expected) {
        return new BodyExpectation(pointer, ValueExpectation.parse(expected), null);
    }

    public static BodyExpectation keyword(String keyword) {
        return new BodyExpectation(null, null, keyword);
    }

    @Override
    public String toString() {
        return pointer != null ? pointer + " " + value : "body contains \"" + contains + "\"";
    }
}
