package dev.incidentconsole.health.spec;

/**
 * What a healthy HTTP body contains: a JSON pointer and the value expected there, or a keyword.
 *
 * @param pointer  a JSON pointer such as {@code /status}, or {@code null} when checking a keyword
 * @param value    the expectation at {@code pointer}; {@code null} when checking a keyword
 * @param contains a keyword the body must contain, or {@code null}
 */
public record BodyExpectation(String pointer, ValueExpectation value, String contains) {

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
