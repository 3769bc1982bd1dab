package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.runbook.testing.InlineCommandSteps;
import dev.incidentconsole.runbook.testing.OutputNoLongerCommands;
import dev.incidentconsole.runbook.testing.ReadingBaselines;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the shell reading gives each command, compared with the code before issue 14's one shell model:
 * the placeholder names and the runner hint of every command of the seeds, the corpus and the bundled
 * runbooks, and the commands, placeholders, runners and danger rules of the generated shell inputs
 * ({@link ShellFuzzInputs}). The baselines hold file, line, a hash of the command and the value, never
 * the runbook text. A difference must be listed in the matching {@code INTENDED} map with its reason.
 * {@code -Dincident.baseline.write=DIR} writes the baselines from the code under test instead.
 */
class ShellDifferentialTest {

    /** key → "before -> after" for placeholder names. */
    static final Map<String, String> INTENDED_PLACEHOLDERS = new TreeMap<>(
            // printed output (a command's table, log lines) that was read as commands: each listed with its reason there
            OutputNoLongerCommands.each("- -> (no command)"));
    /** key → "before -> after" for runner hints. */
    static final Map<String, String> INTENDED_RUNNERS = new TreeMap<>(
            OutputNoLongerCommands.each("SHELL -> (no command)"));
    static {
        // a command that swallowed the redis-cli prompt line after it: explained there
        INTENDED_PLACEHOLDERS.putAll(OutputNoLongerCommands.reread("-", "-"));
        INTENDED_RUNNERS.putAll(OutputNoLongerCommands.reread("SHELL", "REDIS_CLI"));
        // inline code read as a step: explained there
        INTENDED_PLACEHOLDERS.putAll(InlineCommandSteps.each(InlineCommandSteps.After::placeholders));
        INTENDED_RUNNERS.putAll(InlineCommandSteps.each(InlineCommandSteps.After::runner));
    }

    /** key → "before -> after" for the generated inputs (danger | placeholders | runner). */
    static final Map<String, String> INTENDED_FUZZ = new TreeMap<>(Map.ofEntries(
            // session 12: a restart of a data service is destructive (DataServices); in the three first flagged for
            // their SQL, the restart is the dangerous part met first
            Map.entry("fuzz/1689:1:bd0d0dc58e25", "- | - | SYSTEMD -> data-service-restart | - | SYSTEMD"),
            Map.entry("fuzz/2807:4:5578d318ad16", "- | - | SHELL -> data-service-restart | - | SHELL"),
            Map.entry("fuzz/605:1:b8547eb42914", "sql-drop | - | SYSTEMD -> data-service-restart | - | SYSTEMD"),
            Map.entry("fuzz/1490:1:d83810fa49d6",
                    "sql-drop | PORT@DOLLAR_BRACE | SYSTEMD -> data-service-restart | PORT@DOLLAR_BRACE | SYSTEMD"),
            Map.entry("fuzz/1970:1:e19e10a4f07a", "sql-drop | name@ANGLE | SYSTEMD -> data-service-restart | name@ANGLE | SYSTEMD"),
            // a bare redirection "> /var/log/app.log" at the start of a command truncates the file; the old reader did not flag it
            Map.entry("fuzz/1745:1:fa1745efd9c5", "- | - | SHELL -> truncate-redirect | - | SHELL"),
            // still flagged; an unclosed backtick or $( now runs to the end of the text, as bash reads it, so the first dangerous part met is another one
            Map.entry("fuzz/1235:1:a16981f76858", "rm-recursive | X@DOLLAR | SHELL -> dd-device | X@DOLLAR | SHELL"),
            Map.entry("fuzz/2027:1:328ab110b2b6", "truncate-redirect | X@DOLLAR | SHELL -> rm-recursive | X@DOLLAR | SHELL"),
            Map.entry("fuzz/2254:1:ad402a781a17", "sql-drop | X@DOLLAR name@BRACE | SHELL -> rm-recursive | X@DOLLAR name@BRACE | SHELL"),
            Map.entry("fuzz/2629:1:15c8390ef8cb", "helm-uninstall | pod@ANGLE NAMESPACE@DOLLAR_BRACE | SHELL -> dd-device | pod@ANGLE NAMESPACE@DOLLAR_BRACE | SHELL"),
            Map.entry("fuzz/2940:1:61ec6e748448", "dd-device | - | SHELL -> truncate-file | - | SHELL"),
            Map.entry("fuzz/2954:4:a8d81a4b508f", "recursive-permissions | PW@DOLLAR | SHELL -> dd-device | PW@DOLLAR | SHELL"),
            Map.entry("fuzz/429:1:dc0543c5d6c6", "rm-recursive | - | SHELL -> dd-device | - | SHELL"),
            Map.entry("fuzz/541:1:615e1adfa1d0", "rm-recursive | x@DOLLAR X@DOLLAR | SHELL -> recursive-permissions | x@DOLLAR X@DOLLAR | SHELL"),
            Map.entry("fuzz/934:1:b437c4d34d4d", "truncate-redirect | - | SHELL -> sql-drop | - | SHELL"),
            // an unclosed ${ (or one inside an unclosed $( ) runs to the end of the text, as bash reads it (bash refuses to run it): the variables after it are not placeholders
            Map.entry("fuzz/136:1:567e020f7c75", "- | X@DOLLAR | SHELL -> - | - | SHELL"),
            Map.entry("fuzz/1533:4:e6aeefcef3ae", "- | TOKEN@DOLLAR | SHELL -> - | - | SHELL"),
            Map.entry("fuzz/1768:5:7521f77e6280", "- | TOKEN@DOLLAR | SHELL -> - | - | SHELL"),
            Map.entry("fuzz/2063:2:1975768f19ad", "- | literal@DOLLAR | SHELL -> - | - | SHELL"),
            Map.entry("fuzz/2156:1:3ca8aba6138e", "- | PORT@DOLLAR_BRACE PORT@DOLLAR_BRACE TOKEN@DOLLAR | SHELL -> - | PORT@DOLLAR_BRACE PORT@DOLLAR_BRACE | SHELL"),
            Map.entry("fuzz/2602:1:acd25f1cb6f6", "- | X@DOLLAR TOKEN@DOLLAR | SHELL -> - | X@DOLLAR | SHELL"),
            Map.entry("fuzz/32:1:0a586e2684fc", "- | PW@DOLLAR X@DOLLAR i@DOLLAR | SHELL -> - | - | SHELL"),
            Map.entry("fuzz/364:1:e5b586ebbc13", "- | X@DOLLAR x@DOLLAR TOKEN@DOLLAR | SHELL -> - | X@DOLLAR TOKEN@DOLLAR | SHELL"),
            Map.entry("fuzz/637:1:4677737c94f7", "- | host@BRACE | SHELL -> - | - | SHELL"),
            Map.entry("fuzz/858:1:c8c9bca8834b", "- | TOKEN@DOLLAR HOSTpg_isready@DOLLAR | SHELL -> - | HOSTpg_isready@DOLLAR | SHELL"),
            // the block is split by the shell model (ShellLexer is gone); where a command ends moved, so its text (the hash) changed:
            // "> {" redirects to a file named "{", as bash reads it; the old lexer opened a { ... } group and ran the command on
            Map.entry("fuzz/1036:1:b62367460da3", "- | - | SHELL -> (no command)"),
            Map.entry("fuzz/1036:1:197e58532d19", "(no command) -> - | - | SHELL"),
            // "$((1+2))#!/bin/bash": a '#' inside a word is no comment, as bash reads it; the old lexer cut the line there
            Map.entry("fuzz/1109:1:39decc5ff5ce", "rm-recursive | - | SHELL -> (no command)"),
            Map.entry("fuzz/1109:1:e871446e16d8", "(no command) -> rm-recursive | - | SHELL"),
            Map.entry("fuzz/1470:1:9f7224edce95", "kubectl-delete | pod-name@ANGLE | KUBECTL -> (no command)"),
            Map.entry("fuzz/1470:1:a23f19d9340a", "(no command) -> kubectl-delete | pod-name@ANGLE | KUBECTL"),
            Map.entry("fuzz/1470:2:f7cd42e08b71", "- | - | SHELL -> (no command)"),
            // an unclosed $( holds blank lines, as bash reads on to its ')' (and as an unclosed quote did before); the old lexer ended it at the blank line
            Map.entry("fuzz/1259:1:fa6443515b3d", "- | - | SHELL -> (no command)"),
            Map.entry("fuzz/1259:1:07e61b3151f0", "(no command) -> - | PW@DOLLAR | SHELL"),
            Map.entry("fuzz/1259:8:2b13bb3d7d8c", "- | PW@DOLLAR | CURL -> (no command)"),
            // "${curl http://{host}..." : braces nest inside ${...} as in bash, so it stays open; the old lexer closed it at host's '}'
            Map.entry("fuzz/1789:1:1d7f0b8f5e4b", "- | host@BRACE | SHELL -> (no command)"),
            Map.entry("fuzz/1789:1:269718b4cd1b", "(no command) -> - | host@BRACE | SHELL"),
            // "done<name>{": a runbook placeholder is part of the word it touches (decision 0011), so "done" is no reserved word there and the loop stays open
            Map.entry("fuzz/1974:1:941f9761d340", "- | - | SHELL -> (no command)"),
            Map.entry("fuzz/1974:1:31b6de43fa1b", "(no command) -> - | - | SHELL"),
            Map.entry("fuzz/1974:4:af72e7d42dc5", "- | - | SYSTEMD -> (no command)")));

    @Test
    void placeholderNamesDifferFromBeforeOnlyWhereIntended() throws IOException {
        compare("/placeholders-before.tsv", runbookCommands(ShellDifferentialTest::placeholderNames),
                INTENDED_PLACEHOLDERS);
    }

    @Test
    void runnerHintsDifferFromBeforeOnlyWhereIntended() throws IOException {
        compare("/runners-before.tsv", runbookCommands(c -> c.runner().name()), INTENDED_RUNNERS);
    }

    @Test
    void generatedShellInputsReadAsBefore() throws IOException {
        compare("/shell-fuzz-before.tsv", fuzzCommands(), INTENDED_FUZZ);
    }

    static String placeholderNames(Command c) {
        return c.placeholders().isEmpty() ? "-"
                : c.placeholders().stream().map(p -> p.name() + "@" + p.form()).collect(Collectors.joining(" "));
    }

    private static Map<String, String> runbookCommands(Function<Command, String> value) throws IOException {
        Map<String, String> out = new TreeMap<>();
        DangerDifferentialTest.forEachCommand((key, c) -> out.put(key, value.apply(c)));
        return out;
    }

    /** Each generated input split as a bash block: "fuzz/N:line:hash" → danger | placeholders | runner. */
    static Map<String, String> fuzzCommands() throws IOException {
        List<String> inputs = ShellFuzzInputs.load();
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            for (Command c : ShellSplitter.split(inputs.get(i), 1, "bash")) {
                out.put("fuzz/" + i + ":" + c.line() + ":" + hash(c.text()), (c.danger() == null ? "-" : c.danger().rule())
                        + " | " + placeholderNames(c) + " | " + c.runner().name());
            }
        }
        return out;
    }

    static String hash(String text) {
        return ReadingBaselines.hash(text);
    }

    /** Every difference from the stored baseline must be in {@code intended}, and every intended one must happen. */
    static void compare(String baseline, Map<String, String> after, Map<String, String> intended) throws IOException {
        Map<String, String> diff = ReadingBaselines.differences(ShellDifferentialTest.class, baseline.substring(1), after);
        assertThat(diff).as("differences from " + baseline).isEqualTo(intended);
    }
}
