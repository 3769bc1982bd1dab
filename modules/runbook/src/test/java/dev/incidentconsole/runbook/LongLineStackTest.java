package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lines of 100 KB that repeat what a pattern's repeated group matches, read on a thread with a 256 KB stack: a
 * greedy group of Java's regex recurses once per repetition, and a worker thread's stack (or a pasted log) must
 * not decide whether a runbook opens. Each repeated group is possessive, or the text is read without one.
 */
class LongLineStackTest {
    private static final int LENGTH = 100_000;

    static Stream<Arguments> longLines() {
        return Stream.of(
                Arguments.of("table header cells (OutputLines)", (Supplier<Object>) () ->
                        OutputLines.startsCommand("NAME " + "A ".repeat(LENGTH / 2) + "  READY")),
                Arguments.of("block quote markers (TableReader)", (Supplier<Object>) () ->
                        TableReader.countCells("> ".repeat(LENGTH / 2) + "| a | b |")),
                Arguments.of("shell prompt version (ShellPrompt)", (Supplier<Object>) () ->
                        ShellPrompt.explicit("sh-4" + ".2".repeat(LENGTH / 2) + "$ ls", "bash")),
                Arguments.of("private key header (SecretRules.PEM)", (Supplier<Object>) () ->
                        SecretMasker.standard().mask("-----BEGIN " + "A ".repeat(LENGTH / 2) + "PRIVATE KEY-----\nb3Bl\n")),
                Arguments.of("secret flag (SecretClients)", (Supplier<Object>) () ->
                        SecretMasker.standard().maskCommand("app-cli --" + "a-".repeat(LENGTH / 2) + "password s3cretPw")),
                // under ParameterExpansion's 4 KB, so the name is read by the regex; psql, not echo, whose values
                // are not inspected
                Arguments.of("dashed placeholder (ShellVariables)", (Supplier<Object>) () ->
                        Placeholders.find("psql -h ${db" + "-x".repeat(2_000) + "}").size() == 1 ? "found" : null),
                Arguments.of("parameter default (ParameterExpansion)", (Supplier<Object>) () -> {
                    String masked = SecretMasker.standard().mask("PGPASSWORD=${PGPASSWORD:-" + "a".repeat(LENGTH) + "}");
                    return masked.contains("aaaa") ? null : masked;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longLines")
    void aLongLineIsReadOnASmallStack(String what, Supplier<Object> read) throws InterruptedException {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(read.get());
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertThat(failed.get()).as(what).isNull();
        assertThat(result.get()).as(what).isNotNull();
    }
}
