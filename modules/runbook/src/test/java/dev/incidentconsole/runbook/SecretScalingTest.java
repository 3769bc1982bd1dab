package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Commands whose secret is built of many repeated parts are masked in time linear in their length: eight times the
 * parts take far less than 64 times as long. A ratio of two sizes, not a wall-clock limit, so a loaded machine
 * does not decide it.
 */
class SecretScalingTest {
    private static final int SMALL = 300;

    static Stream<Arguments> growingCommands() {
        return Stream.of(
                Arguments.of("substitutions in a secret", (IntFunction<String>) n ->
                        "redis-cli -a \"" + "$(echo x)".repeat(n) + "\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("growingCommands")
    void aSecretOfManyPartsIsMaskedInLinearTime(String what, IntFunction<String> command) {
        SecretMasker masker = SecretMasker.standard();
        for (int warm = 0; warm < 3; warm++) { // both sizes compiled before either is timed: a cold large run reads as 20x
            fastest(masker, command.apply(SMALL));
            fastest(masker, command.apply(8 * SMALL));
        }
        long small = fastest(masker, command.apply(SMALL));
        long large = fastest(masker, command.apply(8 * SMALL));
        // linear: about 8; quadratic: about 64 (the one before took 7 times as long for 4 times the parts at 600)
        assertThat(large).as(what + ": %d ns for %d parts, %d ns for %d", small, SMALL, large, 8 * SMALL)
                .isLessThan(20 * small);
    }

    private static long fastest(SecretMasker masker, String command) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            assertThat(masker.maskRunCommand(command)).isNotNull();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
