package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Commands whose secret is built of many repeated parts are masked in time linear in their length: four times the
 * parts take far less than sixteen times as long. A ratio of two sizes, not a wall-clock limit, so a loaded machine
 * does not decide it.
 */
class SecretScalingTest {
    private static final int SMALL = 400;

    static Stream<Arguments> growingCommands() {
        return Stream.of(
                Arguments.of("substitutions in a secret", (IntFunction<String>) n ->
                        "redis-cli -a \"" + "$(echo x)".repeat(n) + "\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("growingCommands")
    void aSecretOfManyPartsIsMaskedInLinearTime(String what, IntFunction<String> command) {
        SecretMasker masker = SecretMasker.standard();
        long small = fastest(masker, command.apply(SMALL));
        long large = fastest(masker, command.apply(4 * SMALL));
        // linear: about 4; quadratic: about 16
        assertThat(large).as(what + ": %d ns for %d parts, %d ns for %d", small, SMALL, large, 4 * SMALL)
                .isLessThan(9 * small);
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
