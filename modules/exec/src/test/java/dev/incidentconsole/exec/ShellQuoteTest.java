package dev.incidentconsole.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.shell.Quoting;
import dev.incidentconsole.shell.ShellCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile values go through real shells and come out byte for byte, never executed. */
class ShellQuoteTest {
    @TempDir
    static Path dir;
    static CommandRunner runner;

    @BeforeAll
    static void open() {
        runner = Runners.local(dir);
    }

    @AfterAll
    static void close() {
        runner.close();
    }

    static Stream<String> hostileValues() {
        return Stream.of("; rm -rf /", "$(touch CANARY)", "`touch CANARY`", "it's", "'", "''", "\"double\"",
                "a\nb", "trailing newline\n", "tab\there", "ünïcødé ✓ 日本語 🚨", "", " ", "\\", "back\\slash\\",
                "$HOME", "${PATH}", "*", "-n", "--", "' ; touch CANARY ; '", "\"; touch CANARY; \"",
                "$(printf x)'\"`", "!event", "a&&b||c|d>e<f", "#not a comment", "~root", "{a,b}");
    }

    /** Command templates: the value unquoted, and inside quotes handed to a second shell. */
    static Stream<Arguments> cases() {
        String[] templates = {
            "printf %s <value> > OUT",
            "sh -c 'printf %s <value> > OUT'",
            "sh -c \"printf %s <value> > OUT\"",
            "X=$(printf %s <value>); printf %s \"$X\" > OUT",
            "printf %s \"<value>\" > OUT",
            "printf %s '<value>' > OUT",
            "printf %s $'<value>' > OUT",
            "printf %s \"$(printf %s \"<value>\")\" > OUT",
            "sh -c \"printf %s '<value>' > OUT\"",
            "bash -c 'printf %s \"<value>\" > OUT'",
            "bash -c \"printf %s \\\"<value>\\\" > OUT\"",
            "eval \"printf %s <value>\" > OUT",
            "eval printf %s '<value>' > OUT",
        };
        return hostileValues().flatMap(v -> Stream.of(templates).map(t -> Arguments.of(t, v)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hostileValueRoundTripsThroughRealShells(String template, String value) throws Exception {
        Path out = dir.resolve("out.bin");
        Files.deleteIfExists(out);
        Path work = Files.createDirectories(dir.resolve("work"));
        String command = template.replace("OUT", ShellQuote.quote(out.toString()));
        LocalTarget target = new LocalTarget("t", work, java.util.Map.of(), false);

        RunResult result = runner.run(RunRequest.of(command, target).withVariable("value", value), Runners.WAIT);

        assertThat(result.status()).as("%s", result).isEqualTo(RunStatus.SUCCEEDED);
        byte[] expected = value.getBytes(StandardCharsets.UTF_8);
        if (template.startsWith("X=$(") || template.contains("\"$(printf")) {
            expected = value.replaceAll("\n+$", "").getBytes(StandardCharsets.UTF_8);
        }
        assertThat(Files.readAllBytes(out)).isEqualTo(expected);
        assertThat(work.resolve("CANARY")).doesNotExist();
    }

    /**
     * What a shape guarantees: the value byte for byte; the same padded by the spaces ssh joins with; its
     * single-quoted word, where a program that may run a shell receives it and the model cannot tell; or a refusal.
     */
    enum Expect { EXACT, JOINED, QUOTED, REFUSED_UNLESS_BARE }

    /**
     * Shapes a second shell reads that the model must follow or refuse (review of c188519, items 1-5). {@code docker}
     * {@code ssh} and {@code parallel} are stand-ins on PATH: docker drops {@code run --rm img} and runs the rest;
     * ssh drops the host and runs its words joined, through {@code sh -c}, as sshd does; parallel runs its words
     * joined.
     */
    static Stream<Arguments> shapes() {
        Object[][] shapes = {
            {"find . -maxdepth 0 -exec sh -c 'printf %s <value> > OUT' \\;", Expect.EXACT},
            {"find . -maxdepth 0 -exec sh -c \"printf %s '<value>' > OUT\" \\;", Expect.EXACT},
            {"find . -maxdepth 0 -exec bash -c 'printf %s \"<value>\" > OUT' \\;", Expect.EXACT},
            {"docker run --rm img sh -c 'printf %s \"<value>\" > OUT'", Expect.EXACT},
            {"docker run --rm img sh -c \"printf %s <value> > OUT\"", Expect.EXACT},
            {"docker run --rm img sh -c \"printf %s '<value>' > OUT\"", Expect.EXACT},
            {"docker run --rm img printf %s \"<value>\" > OUT", Expect.QUOTED},
            {"flock . -c \"printf %s '<value>' > OUT\"", Expect.EXACT},
            {"printf x | xargs -I{} sh -c \"printf %s '<value>' > OUT\"", Expect.EXACT},
            {"sh -c \"printf %s '<value>' > OUT; : $(pwd) ${HOME:-/} $HOME\"", Expect.EXACT},
            {"bash -c 'D=$(pwd); printf %s \"<value>\" > OUT; : ${D:-x}'", Expect.EXACT},
            {"sh -c \"X=$(pwd); printf %s '<value>' > OUT\"", Expect.REFUSED_UNLESS_BARE},
            {"sh -c \"X=${HOME:-/}; printf %s '<value>' > OUT\"", Expect.REFUSED_UNLESS_BARE},
            {"sh -c \"X=$HOME; printf %s '<value>' > OUT\"", Expect.REFUSED_UNLESS_BARE},
            {"X=`printf %s <value>`; printf %s \"$X\" > OUT", Expect.REFUSED_UNLESS_BARE},
            {"X=`printf %s \"<value>\"`; printf %s \"$X\" > OUT", Expect.REFUSED_UNLESS_BARE},
            {"X=`printf %s '<value>'`; printf %s \"$X\" > OUT", Expect.REFUSED_UNLESS_BARE},
            {"bash <<EOF\nprintf %s <value> > OUT\nEOF", Expect.REFUSED_UNLESS_BARE},
            {"bash <<'EOF'\nprintf %s '<value>' > OUT\nEOF", Expect.REFUSED_UNLESS_BARE},
            {"ssh host <<EOF\nprintf %s <value> > OUT\nEOF", Expect.REFUSED_UNLESS_BARE},
            {"ssh host printf %s \"'\" <value> \"'\" > OUT", Expect.JOINED},
            {"ssh host printf %s '<value>' > OUT", Expect.EXACT},
            {"ssh host \"printf %s '<value>'\" > OUT", Expect.EXACT},
            {"ssh host printf %s \"\\\"<value>\\\"\" > OUT", Expect.EXACT},
            {"ssh host printf %s $(printf '')<value> > OUT", Expect.REFUSED_UNLESS_BARE},
            {"parallel printf %s <value> > OUT", Expect.REFUSED_UNLESS_BARE},
            {"parallel \"printf %s '<value>'\" > OUT", Expect.REFUSED_UNLESS_BARE},
        };
        return hostileValues().flatMap(v -> Stream.of(shapes).map(s -> Arguments.of(s[0], s[1], v)));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void hostileValueNeverRunsWhateverTheShape(String template, Expect expect, String value) throws Exception {
        Path out = dir.resolve("shape.bin");
        Files.deleteIfExists(out);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path bin = standIns();
        String command = template.replace("OUT", ShellQuote.quote(out.toString()));
        LocalTarget target = new LocalTarget("t", work, java.util.Map.of("PATH", bin + ":" + System.getenv("PATH")),
                false);
        RunRequest request = RunRequest.of(command, target).withVariable("value", value);

        if (expect == Expect.REFUSED_UNLESS_BARE && !ShellQuote.isBare(value)) {
            assertThatThrownBy(() -> runner.prepare(request)).isInstanceOf(ExecException.class)
                    .hasMessageContaining("<value>");
            return;
        }
        RunResult result = runner.run(request, Runners.WAIT);

        assertThat(work.resolve("CANARY")).doesNotExist();
        assertThat(result.status()).as("%s", result).isEqualTo(RunStatus.SUCCEEDED);
        String expected = expect == Expect.JOINED ? " " + value + " "
                : expect == Expect.QUOTED && !ShellQuote.isBare(value) ? ShellQuote.quote(value)
                : template.startsWith("X=`") ? value.replaceAll("\n+$", "") : value;
        assertThat(Files.readAllBytes(out)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code docker run --rm img CMD...} runs CMD; {@code ssh host WORDS...} runs the words joined, as sshd does. */
    private static Path standIns() throws Exception {
        Path bin = dir.resolve("bin");
        if (!Files.isDirectory(bin)) {
            Files.createDirectories(bin);
            Files.writeString(bin.resolve("docker"), "#!/bin/sh\nshift 3\nexec \"$@\"\n");
            Files.writeString(bin.resolve("ssh"), "#!/bin/sh\nshift\n[ $# -eq 0 ] && exec sh\nexec sh -c \"$*\"\n");
            Files.writeString(bin.resolve("parallel"), "#!/bin/sh\nexec sh -c \"$*\"\n");
            for (String name : new String[] {"docker", "ssh", "parallel"}) {
                bin.resolve(name).toFile().setExecutable(true);
            }
        }
        return bin;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "abc            | 'abc'",
        "it's           | 'it'\\''s'",
        "\"\"           | ''",
    })
    void quoteUsesSingleQuotesWithEscapedQuote(String value, String quoted) {
        assertThat(ShellQuote.quote(value)).isEqualTo(quoted);
    }

    static Stream<Arguments> contexts() {
        return Stream.of(
                Arguments.of("echo X", Quoting.UNQUOTED),
                Arguments.of("echo 'a X", Quoting.SINGLE),
                Arguments.of("echo \"a X", Quoting.DOUBLE),
                Arguments.of("echo \"$(cat X", Quoting.UNQUOTED),
                Arguments.of("echo 'a' \"b\" X", Quoting.UNQUOTED),
                Arguments.of("echo \"it's X", Quoting.DOUBLE),
                Arguments.of("echo 'say \"hi\" X", Quoting.SINGLE),
                Arguments.of("psql <<EOF\nSELECT 'X", Quoting.HEREDOC),
                Arguments.of("psql <<'EOF'\nSELECT X", Quoting.HEREDOC_LITERAL),
                Arguments.of("psql <<EOF\nSELECT 1\nEOF\necho X", Quoting.UNQUOTED),
                Arguments.of("echo $'a X", Quoting.ANSI_C),
                Arguments.of("echo a # it's X", Quoting.COMMENT));
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void contextFollowsShellQuoting(String text, Quoting kind) {
        assertThat(ShellCommand.parse(text).quotingAt(text.indexOf('X'))).isEqualTo(kind);
    }

    /** The defect found by trying it: a value inside a runbook's own double quotes kept single quotes literally. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "kubectl logs \"<pod>\"         | web 1!     | kubectl logs \"web 1!\"",
        "kubectl logs \"<pod>\"         | web-1      | kubectl logs \"web-1\"",
        "echo \"pod: <pod>\"            | it's $(id) | echo \"pod: it's \\$(id)\"",
        "echo \"<pod>\"                 | a\"b`c`\\d  | echo \"a\\\"b\\`c\\`\\\\d\"",
        "echo '<pod>'                   | it's       | echo '''it'\\''s'''",
        "sh -c \"kubectl logs <pod>\"   | web 1      | sh -c \"kubectl logs 'web 1'\"",
        "sh -c \"kubectl logs '<pod>'\" | it's       | sh -c \"kubectl logs '''it'\\\\''s'''\"",
    })
    void valueInsideTheRunbooksQuotesIsWrittenForThoseQuotes(String command, String value, String expected)
            throws Exception {
        String prepared = runner.prepare(RunRequest.of(command, LocalTarget.here()).withVariable("pod", value)).text();
        assertThat(prepared).isEqualTo(expected);
    }

    /** Display and run agree: the prepared text (what the preview shows) and the run both hand the value over exactly. */
    @ParameterizedTest
    @MethodSource("hostileValues")
    void valueInsideDoubleQuotesReachesTheProgramExactly(String value) throws Exception {
        Path out = dir.resolve("pod.bin");
        Files.deleteIfExists(out);
        Path work = Files.createDirectories(dir.resolve("work"));
        String command = "printf '%s|' \"pod: <pod>\" \"<pod>\" '<pod>' > " + ShellQuote.quote(out.toString());
        LocalTarget target = new LocalTarget("t", work, java.util.Map.of(), false);
        RunRequest request = RunRequest.of(command, target).withVariable("pod", value);
        String expected = "pod: " + value + "|" + value + "|" + value + "|";

        String shown = runner.prepare(request).text();
        Process bash = new ProcessBuilder("/bin/bash", "-c", shown).directory(work.toFile()).start();
        assertThat(bash.waitFor()).isZero();
        assertThat(Files.readString(out)).isEqualTo(expected);
        Files.delete(out);
        RunResult result = runner.run(request, Runners.WAIT);
        assertThat(result.status()).as("%s", result).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(Files.readString(out)).isEqualTo(expected);
        assertThat(work.resolve("CANARY")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"psql <<EOF\nSELECT '<v>';\nEOF", "psql <<'EOF'\nSELECT '<v>';\nEOF"})
    void lineBreakCannotEndAHereDocumentEarly(String command) {
        RunRequest request = RunRequest.of(command, LocalTarget.here()).withVariable("v", "x\nEOF\ntouch CANARY");
        assertThatThrownBy(() -> runner.prepare(request)).isInstanceOf(ExecException.class)
                .hasMessageContaining("<v>").hasMessageContaining("line break");
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void hereDocumentValuesStayLiteral(String value) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(value.contains("\n"), "line breaks are refused in heredocs");
        Path out = dir.resolve("heredoc.bin");
        String command = "cat > " + ShellQuote.quote(out.toString()) + " <<EOF\n<value>\nEOF";
        RunResult result = runner.run(RunRequest.of(command, LocalTarget.here()).withVariable("value", value),
                Runners.WAIT);
        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(Files.readString(out)).isEqualTo(value + "\n");
    }

    /** Inside $'...' a value goes in escaped for ANSI-C quoting; bash itself reads it back byte for byte. */
    @ParameterizedTest
    @MethodSource("hostileValues")
    void ansiCQuotedValuesRoundTripThroughBash(String value) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash");
        String template = "printf %s $'<v>'";
        int at = template.indexOf("<v>");
        assertThat(ShellCommand.parse(template).quotingAt(at)).isEqualTo(Quoting.ANSI_C);
        String script = template.replace("<v>", ShellQuote.quoteFor(value, Quoting.ANSI_C, false));
        Process p = new ProcessBuilder("/bin/bash", "-c", "cd \"$1\" && bash -c \"$2\"", "x", dir.toString(),
                script).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(value);
        assertThat(dir.resolve("CANARY")).doesNotExist();
    }
}
