package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.runbook.testing.ReadingBaselines;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shell variables every command of the seeds, the corpus, the bundled runbooks and the generated shell inputs
 * asks for (name, form, where, default), compared with the answers {@link ShellVariables} gave while it read
 * {@code ${...}} and escapes itself, before it asked the shell model. The baseline holds file, line, a hash of the
 * command and the answer, never the runbook text. {@code -Dincident.baseline.write=DIR} writes it from the code
 * under test instead.
 */
class ShellVariablesDifferentialTest {

    /** key → "before -> after"; each a change the shell model's reading of {@code ${...}} and quoting intends. */
    private static final Map<String, String> INTENDED = new TreeMap<>();

    static {
        // not a reading change: `alembic current` after "Check migration status:" became an inline step (inline3,
        // decision 0017's session-12 review), a command the baseline did not have; it has no variables
        INTENDED.put("seeds/000_8a79b9de71f785a0.txt:162:a1d2bc78e936", "(no command) -> -");
    }

    @Test
    void variablesAskedForAreTheSameAsWhenTheRunbookModuleReadThemItself() throws IOException {
        Map<String, String> after = new TreeMap<>();
        DangerDifferentialTest.forEachCommand((key, c) -> after.put(key, variables(c.placeholders())));
        List<String> inputs = ShellFuzzInputs.load();
        for (int i = 0; i < inputs.size(); i++) {
            for (Command c : ShellSplitter.split(inputs.get(i), 1, "bash")) {
                after.put("fuzz/" + i + ":" + c.line() + ":" + ReadingBaselines.hash(c.text()), variables(c.placeholders()));
            }
        }
        assertThat(after.values().stream().filter(v -> v.contains("=")).count())
                .as("commands with a variable that has a default").isGreaterThan(20);
        Map<String, String> diff = ReadingBaselines.differences(getClass(), "shell-variables-before.tsv", after);
        assertThat(diff).isEqualTo(INTENDED);
    }

    /** The variables of a command: name, form, offsets and default; "-" when none. */
    private static String variables(List<Placeholder> placeholders) {
        String out = placeholders.stream()
                .filter(p -> p.form() == Placeholder.Form.DOLLAR || p.form() == Placeholder.Form.DOLLAR_BRACE)
                .map(p -> p.name() + "@" + p.form() + "@" + p.start() + "-" + p.end()
                        + (p.defaultValue() == null ? "" : "=" + ReadingBaselines.hash(p.defaultValue())))
                .collect(Collectors.joining(" "));
        return out.isEmpty() ? "-" : out;
    }
}
