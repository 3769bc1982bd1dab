package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Commands whose secret is built of many repeated parts are masked in time linear in their length: eight times the
 * parts take far less than 64 times as long. A ratio of two sizes, not a wall-clock limit, and of the thread's CPU
 * time, not the time that passed: on a loaded machine (load 10 on 2 cores) the elapsed time of the same linear
 * work read 26 times as long for 8 times the parts, its CPU time 8 times.
 */
class SecretScalingTest {
    private static final int SMALL = 300;

    static Stream<Arguments> growingCommands() {
        return Stream.of(
                Arguments.of("substitutions in a secret", (IntFunction<String>) n ->
                        "redis-cli -a \"" + "$(echo x)".repeat(n) + "\""),
                Arguments.of("unquoted substitutions in a flag", (IntFunction<String>) n ->
                        "mysql -p" + "$(echo x)".repeat(n)),
                Arguments.of("piped substitutions in a flag", (IntFunction<String>) n ->
                        "mysql -p\"" + "$(echo x | base64 -d)".repeat(n) + "\""),
                Arguments.of("literal text around expansions", (IntFunction<String>) n ->
                        "mysql -p" + "x${PW}".repeat(n)),
                Arguments.of("literal defaults", (IntFunction<String>) n ->
                        "mysql -p" + "${PW:-x}y".repeat(n)),
                Arguments.of("here-strings in a secret", (IntFunction<String>) n ->
                        "redis-cli -a \"" + "$(cat <<< x)".repeat(n) + "\""),
                // each word's substitutions are looked up from the word on, not from the command's first
                Arguments.of("many words, each a secret", (IntFunction<String>) n ->
                        "mysql" + " -p\"$(echo x)\"".repeat(n)));
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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = threads.getCurrentThreadCpuTime();
            assertThat(masker.maskRunCommand(command)).isNotNull();
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        return best;
    }
}
