package dev.incidentconsole.app.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.FiringAlert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When a resolution is dated at the end time Alertmanager listed while the alert fired, and when not. */
class AlertChangesTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static FiringAlert firing(Instant endsAt) {
        return new FiringAlert("RedisDown", "", Map.of("alertname", "RedisDown"), "", T.minusSeconds(600), "a1",
                Map.of(), "", "active", endsAt);
    }

    @org.junit.jupiter.api.Test
    void aResolutionNamesTheSourceThatReportedItAndWhetherItWasLastListedSilenced() {
        AlertChanges changes = new AlertChanges();
        FiringAlert alert = firing(null);
        changes.answer("prometheus", T, List.of(alert), List.of(), List.of());
        changes.answer("alertmanager", T.plusSeconds(1), List.of(), List.of(), List.of(alert));
        changes.answer("prometheus", T.plusSeconds(2), List.of(), List.of(), List.of());

        AlertChanges.Change resolved = changes.answer("alertmanager", T.plusSeconds(3), List.of(), List.of(), List.of())
                .stream().filter(c -> !c.firing()).findFirst().orElseThrow();

        assertThat(resolved.timing()).isEqualTo("first seen gone; prometheus gives no end time; last listed silenced at "
                + T.plusSeconds(1));
    }

    /**
     * A script of Alertmanager checks, one a second from {@code T}: {@code F<s>} lists the alert firing with an
     * {@code endsAt} {@code s} seconds after {@code T}, {@code x} did not answer, {@code -} lists nothing, {@code .}
     * is no check (a long check interval, a laptop asleep).
     */
    static Stream<Arguments> scripts() {
        return Stream.of(
                // Its sender stopped renewing (the same end twice), every check answered: Alertmanager's own end.
                Arguments.of("F5 F5 . . . -", "at-projected-end"),
                // Renewed at each listing: a renewal after the last answer may have moved the end.
                Arguments.of("F5 F6 . . . . -", "first-seen-gone"),
                // The source did not answer in between: a renewal may have gone unseen.
                Arguments.of("F5 F5 x x x -", "first-seen-gone"),
                // The check came back before the end time passed: no end time to trust yet.
                Arguments.of("F50 F50 -", "first-seen-gone"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("scripts")
    void aResolutionIsDatedAtTheListedEndOnlyWhenNoRenewalCanHaveGoneUnseen(String script, String expected) {
        AlertChanges changes = new AlertChanges();
        AlertChanges.Change resolution = null;
        Instant at = T;
        Instant lastListedEnd = null;
        Instant firstGone = null;
        for (String step : script.split(" ")) {
            at = at.plusSeconds(1);
            if (step.equals(".")) {
                continue;
            }
            if (step.equals("-") && firstGone == null) {
                firstGone = at;
            }
            if (step.equals("x")) {
                changes.missed("alertmanager");
                continue;
            }
            List<FiringAlert> listed = List.of();
            if (step.startsWith("F")) {
                lastListedEnd = T.plusSeconds(Long.parseLong(step.substring(1)));
                listed = List.of(firing(lastListedEnd));
            }
            for (AlertChanges.Change c : changes.answer("alertmanager", at, listed, List.of(), List.of())) {
                if (!c.firing() && resolution == null) {
                    resolution = c;
                }
            }
        }

        assertThat(resolution).as("resolved").isNotNull();
        if (expected.equals("at-projected-end")) {
            assertThat(resolution.happened()).isEqualTo(lastListedEnd);
            assertThat(resolution.timing()).isEqualTo("at the end time alertmanager gave; no new report renewed it");
        } else {
            assertThat(resolution.happened()).as("the first answer without it").isEqualTo(firstGone);
            assertThat(resolution.timing()).startsWith("first seen gone; ").contains("last listed firing at ");
            if (lastListedEnd.isBefore(firstGone)) {
                assertThat(resolution.timing()).contains("alertmanager last gave the end time " + lastListedEnd + ",");
            }
        }
    }
}
